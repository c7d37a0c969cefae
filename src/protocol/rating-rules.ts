// Year-end rating rules (đánh giá, xếp loại đoàn viên) as pure functions over plain rows: no
// zod, no Dexie. Who can be rated, what level the evidence suggests and why, and the summary
// against the plan's target.
//
// Sources:
//   - DOMAIN.md "Rating": yearly; only members with ≥ 6 consecutive months in the unit are
//     rated; "excellent" needs ≥ 90 % participation and an excellent training result
//     (configurable); an optional cap warning on "excellent" (configurable, off by default).
//   - DOMAIN.md "Member": a member absent from activities or unpaid for 3 months within a year
//     without reason may be struck off (Điều lệ Đoàn guidance,
//     https://hoatieu.vn/phap-luat/doan-vien-bi-xoa-ten-khi-nao-205135) — such a member cannot
//     be said to have "completed" the year's duties, so the suggestion is "not completed".
//   - DOMAIN.md "The seed plan's targets", 2: ≥ 80 % of members rated "good" or better.
//   - Thresholds for "good" and "completed" are not in a text we found: they are unit settings
//     (src/protocol/unit-settings.ts) with the defaults below, chosen so that a member who
//     attends most meetings is "good" and one who attends fewer than half is not "completed".
import type { RatingLevel } from './rating-enums';
import type { TrainingOutcome } from './training-enums';
import { LEFT_STATUSES, staysOf } from './headcount';
import { asSpan, inSpan, type YearLike } from './year';

/** Absent without reason, or unpaid, this many months in a year: grounds for striking off. */
export const STRIKE_OFF_MONTHS = 3;
/** DOMAIN.md seed plan target 2: the default when the year's targets hold no goal of their own. */
export const GOOD_OR_BETTER_TARGET = 0.8;
/** Consecutive months in the unit during the year to be rated (DOMAIN.md "Rating"). */
export const MIN_MONTHS_IN_UNIT = 6;

export interface RatingThresholds {
  /** % of counted meetings and activities attended (present or late) */
  excellentMinParticipation: number;
  goodMinParticipation: number;
  completedMinParticipation: number;
  /** more months absent without reason than this rule out "good" and "excellent" */
  maxUnexcusedMonthsForGood: number;
  /** more months of dues owed than this rule out "good" and "excellent" */
  maxOwedMonthsForGood: number;
  /** warn when more than this % of decided levels are "excellent"; 0 = no warning */
  excellentCapPct: number;
}

export const RATING_DEFAULTS: RatingThresholds = {
  excellentMinParticipation: 90, // DOMAIN.md
  goodMinParticipation: 70,
  completedMinParticipation: 50,
  maxUnexcusedMonthsForGood: 1,
  maxOwedMonthsForGood: 1,
  excellentCapPct: 0, // DOMAIN.md: off by default
};

/** The unit's settings row (fields may be absent) over the defaults. */
export function resolveThresholds(s: Partial<Record<string, unknown>> | undefined): RatingThresholds {
  const pick = (k: string, d: number) => {
    const v = s?.[k];
    return typeof v === 'number' && Number.isFinite(v) ? v : d;
  };
  return {
    excellentMinParticipation: pick('ratingExcellentMinParticipation', RATING_DEFAULTS.excellentMinParticipation),
    goodMinParticipation: pick('ratingGoodMinParticipation', RATING_DEFAULTS.goodMinParticipation),
    completedMinParticipation: pick('ratingCompletedMinParticipation', RATING_DEFAULTS.completedMinParticipation),
    maxUnexcusedMonthsForGood: pick('ratingMaxUnexcusedMonthsForGood', RATING_DEFAULTS.maxUnexcusedMonthsForGood),
    maxOwedMonthsForGood: pick('ratingMaxOwedMonthsForGood', RATING_DEFAULTS.maxOwedMonthsForGood),
    excellentCapPct: pick('ratingExcellentCapPct', RATING_DEFAULTS.excellentCapPct),
  };
}

/** Settings that contradict each other (excellent below good…), as message keys. */
export function thresholdProblems(t: RatingThresholds): string[] {
  const out: string[] = [];
  if (t.goodMinParticipation > t.excellentMinParticipation) out.push('goodAboveExcellent');
  if (t.completedMinParticipation > t.goodMinParticipation) out.push('completedAboveGood');
  return out;
}

// ---------------------------------------------------------------------------------------
// Eligibility: ≥ 6 consecutive months in the unit during the year

export interface MemberLike {
  id: string;
  admissionDate?: string;
  status: string;
}

export interface EventLike {
  memberId: string;
  kind: string;
  date: string;
  disciplineLevel?: string;
}


export type IneligibleReason =
  | { code: 'notYetInUnit'; date: string }
  | { code: 'leftBefore'; date: string; kind: string }
  | { code: 'joinedLate'; date: string }
  | { code: 'leftEarly'; date: string; kind: string }
  | { code: 'shortStays'; days: number }
  | { code: 'leftNoDate'; status: string };

export type Eligibility = { eligible: true; from: string; to: string } | { eligible: false; reason: IneligibleReason };

const pad = (n: number) => String(n).padStart(2, '0');

/** "2025-01-31" + 1 month → "2025-02-28" (the day clamps to the month's length). */
export function addMonthsIso(iso: string, n: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = y * 12 + (m - 1) + n;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${pad(nm)}-${pad(Math.min(d, last))}`;
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000) + 1;
}

/**
 * Whether a member can be rated for `year`: ≥ 6 consecutive months in the unit within the
 * year (DOMAIN.md) — the unit's year: a calendar year's number, or its span (a school year
 * 1/9–31/8, src/protocol/year.ts). Stays are the one head count's (protocol/headcount.ts staysOf): admission
 * and transfer in start one; transfer out, graduation, striking off and expulsion end one;
 * without a starting event, from the admission date (or from before the year). A member whose
 * status says they left but whose leaving is not dated cannot be placed in time: not rated,
 * and the reason asks for the event to be recorded.
 * `events` are this member's (any order).
 */
export function eligibility(member: MemberLike, events: readonly EventLike[], year: YearLike): Eligibility {
  const { from: yStart, to: yEnd } = asSpan(year);
  // The common case, without date arithmetic: no dated moves, in the unit since before the year.
  if (!events.length && !LEFT_STATUSES.has(member.status) && (!member.admissionDate || member.admissionDate <= yStart)) return { eligible: true, from: yStart, to: yEnd };
  const found = staysOf(member, events);
  if (found.leftUndated) return { eligible: false, reason: { code: 'leftNoDate', status: member.status } };
  const stays = found.stays.map((s) => ({ start: s.from, end: s.to, endKind: s.endKind }));
  let best: { from: string; to: string; days: number; start: string; end?: string; endKind?: string } | undefined;
  for (const s of stays) {
    const from = s.start > yStart ? s.start : yStart;
    const to = s.end && s.end < yEnd ? s.end : yEnd;
    if (from > to) continue;
    const days = daysBetween(from, to);
    if (!best || days > best.days) best = { from, to, days, ...s };
  }
  if (best && addMonthsIso(best.from, MIN_MONTHS_IN_UNIT) <= dayAfter(best.to)) return { eligible: true, from: best.from, to: best.to };
  if (!best) {
    const later = stays.find((s) => s.start > yEnd);
    if (later) return { eligible: false, reason: { code: 'notYetInUnit', date: later.start } };
    const last = [...stays].reverse().find((s) => s.end && s.end < yStart);
    return { eligible: false, reason: { code: 'leftBefore', date: last?.end ?? yStart, kind: last?.endKind ?? '' } };
  }
  if (best.end && best.end < yEnd) return { eligible: false, reason: { code: 'leftEarly', date: best.end, kind: best.endKind ?? '' } };
  if (best.start > yStart) return { eligible: false, reason: { code: 'joinedLate', date: best.start } };
  return { eligible: false, reason: { code: 'shortStays', days: best.days } };
}

// ---------------------------------------------------------------------------------------
// Evidence and the suggestion

export interface HeldEventLike {
  id: string;
  /** yyyy-mm-dd… */
  date: string;
}

export interface YearAttendance {
  marked: number;
  attended: number;
  /** distinct months with an absence without reason */
  unexcusedMonths: number;
}

/**
 * Participation and months absent without reason for every member of a year, in one pass
 * over the roll rows (5,000 members × a year of rolls must not be per-member scans). Same
 * counting as attendance-rules participation(): events of the year on which the member was
 * marked; present or late is attending; unmarked events count neither way. The rating screen
 * counts from the member digests with memberAttendance (below); this is the rule over plain
 * roll rows, which the tests hold it to.
 */
export function yearAttendanceByMember(events: readonly HeldEventLike[], facts: readonly { eventId: string; memberId: string; status: string }[], year: YearLike): Map<string, YearAttendance> {
  const span = asSpan(year);
  const monthOf = new Map<string, string>();
  for (const e of events) if (inSpan(e.date, span)) monthOf.set(e.id, e.date.slice(0, 7));
  const acc = new Map<string, { marked: number; attended: number; months: Set<string> }>();
  for (const f of facts) {
    const month = monthOf.get(f.eventId);
    if (!month) continue;
    let a = acc.get(f.memberId);
    if (!a) acc.set(f.memberId, (a = { marked: 0, attended: 0, months: new Set() }));
    a.marked++;
    if (f.status === 'present' || f.status === 'late') a.attended++;
    else if (f.status === 'absent_unexcused') a.months.add(month);
  }
  const out = new Map<string, YearAttendance>();
  for (const [id, a] of acc) out.set(id, { marked: a.marked, attended: a.attended, unexcusedMonths: a.months.size });
  return out;
}

/**
 * One member's entry of yearAttendanceByMember, counted the same way from the year's held
 * events (each once, with its month) and the member's status on each (undefined: not marked).
 * No map or row object per member: the rating of 5,000 members made five of them per member,
 * most of its evidence step at 4× CPU (issue 13, B9). undefined: marked on none of them.
 */
export function memberAttendance(held: readonly { id: string; month: string }[], statusOn: (eventId: string) => string | undefined): YearAttendance | undefined {
  let marked = 0;
  let attended = 0;
  let months: string[] | undefined;
  for (const e of held) {
    const status = statusOn(e.id);
    if (status === undefined) continue;
    marked++;
    if (status === 'present' || status === 'late') attended++;
    else if (status === 'absent_unexcused') {
      if (!months) months = [e.month];
      else if (!months.includes(e.month)) months.push(e.month);
    }
  }
  return marked ? { marked, attended, unexcusedMonths: months?.length ?? 0 } : undefined;
}

export interface Evidence {
  /** 0–100, one decimal; undefined = no attendance marked this year */
  participationPct?: number;
  meetingsHeld?: number;
  unexcusedMonths?: number;
  /** undefined = dues not known to the app */
  duesMonthsPaid?: number;
  duesMonthsOwed?: number;
  /** '' or undefined = not assessed */
  trainingOutcome?: TrainingOutcome | '';
}

/** Why a level was suggested: a message key (rating.rule_<key>) and its values. */
export interface Suggestion {
  level: RatingLevel;
  rule: string;
  params: Record<string, number>;
}

/**
 * The suggested level and the first rule that decided it, checked in this order:
 *   1. absent without reason ≥ 3 months → not completed (strike-off ground)
 *   2. dues owed ≥ 3 months → not completed (strike-off ground)
 *   3. training programme "not completed" → not completed
 *   4. nothing marked all year → completed at most: the app cannot judge participation
 *   5. participation < completedMin → not completed
 *   6. participation ≥ goodMin but too many months absent without reason / owed → completed
 *   7. participation ≥ excellentMin and an excellent training result → excellent
 *   8. participation ≥ excellentMin without it → good (DOMAIN.md: excellent needs both)
 *   9. participation ≥ goodMin → good
 *  10. otherwise → completed
 */
export function suggestLevel(ev: Evidence, t: RatingThresholds): Suggestion {
  const unexcused = ev.unexcusedMonths ?? 0;
  const owed = ev.duesMonthsOwed;
  if (unexcused >= STRIKE_OFF_MONTHS) return { level: 'not_completed', rule: 'unexcused', params: { n: unexcused } };
  if (owed !== undefined && owed >= STRIKE_OFF_MONTHS) return { level: 'not_completed', rule: 'owed', params: { n: owed } };
  if (ev.trainingOutcome === 'not_completed') return { level: 'not_completed', rule: 'trainingFailed', params: {} };
  const pct = ev.participationPct;
  if (pct === undefined) return { level: 'completed', rule: 'noAttendance', params: {} };
  const p = Math.round(pct);
  if (pct < t.completedMinParticipation) return { level: 'not_completed', rule: 'lowParticipation', params: { pct: p, min: t.completedMinParticipation } };
  if (pct >= t.goodMinParticipation) {
    if (unexcused > t.maxUnexcusedMonthsForGood) return { level: 'completed', rule: 'tooManyUnexcused', params: { n: unexcused, max: t.maxUnexcusedMonthsForGood } };
    if (owed !== undefined && owed > t.maxOwedMonthsForGood) return { level: 'completed', rule: 'tooManyOwed', params: { n: owed, max: t.maxOwedMonthsForGood } };
  }
  if (pct >= t.excellentMinParticipation) {
    if (ev.trainingOutcome === 'excellent') return { level: 'excellent', rule: 'excellent', params: { pct: p, min: t.excellentMinParticipation } };
    return { level: 'good', rule: 'goodNotExcellentTraining', params: { pct: p, min: t.excellentMinParticipation } };
  }
  if (pct >= t.goodMinParticipation) return { level: 'good', rule: 'good', params: { pct: p, min: t.goodMinParticipation } };
  return { level: 'completed', rule: 'completed', params: { pct: p, min: t.goodMinParticipation } };
}

/** The evidence of one member from the year's bulk figures. */
export function evidenceOf(
  att: YearAttendance | undefined,
  meetingsHeld: number,
  trainingOutcome: TrainingOutcome | '' | undefined,
  dues?: { paid: number; owed: number },
): Evidence {
  return {
    participationPct: att && att.marked ? Math.round((att.attended / att.marked) * 1000) / 10 : undefined,
    meetingsHeld,
    unexcusedMonths: att?.unexcusedMonths ?? 0,
    duesMonthsPaid: dues?.paid,
    duesMonthsOwed: dues?.owed,
    trainingOutcome: trainingOutcome ?? '',
  };
}

// ---------------------------------------------------------------------------------------
// Summary

export interface SummaryRow {
  memberId: string;
  eligible: boolean;
  /** the level decided ('' / undefined = not yet) */
  level?: RatingLevel | '';
  suggested?: RatingLevel;
  outstanding?: boolean;
}

export interface RatingSummary {
  eligible: number;
  decided: number;
  counts: Record<RatingLevel, number>;
  /** (excellent + good) / eligible, decided levels only */
  goodOrBetterRate?: number;
  meetsTarget: boolean;
  /** the same if every undecided member got the suggested level */
  projectedGoodOrBetterRate?: number;
  notCompleted: number;
  /** excellent / decided */
  excellentShare?: number;
  capWarning: boolean;
  candidates: string[];
}

/**
 * The year's summary (DOMAIN.md seed plan target 2: ≥ 80 % "good" or better, measured over
 * the members who can be rated; the optional "excellent" cap warning). `goal` (a fraction) is
 * the year's own target when the unit set one (targets table), else the plan's 80 %.
 */
export function ratingSummary(rows: readonly SummaryRow[], excellentCapPct: number, goal: number = GOOD_OR_BETTER_TARGET): RatingSummary {
  const counts: Record<RatingLevel, number> = { excellent: 0, good: 0, completed: 0, not_completed: 0 };
  let eligible = 0;
  let decided = 0;
  let projectedGood = 0;
  const candidates: string[] = [];
  for (const r of rows) {
    if (!r.eligible) continue;
    eligible++;
    if (r.outstanding) candidates.push(r.memberId);
    const lvl = r.level || undefined;
    if (lvl) {
      decided++;
      counts[lvl]++;
    }
    const projected = lvl ?? r.suggested;
    if (projected === 'excellent' || projected === 'good') projectedGood++;
  }
  const good = counts.excellent + counts.good;
  const goodOrBetterRate = eligible ? good / eligible : undefined;
  const excellentShare = decided ? counts.excellent / decided : undefined;
  return {
    eligible,
    decided,
    counts,
    goodOrBetterRate,
    meetsTarget: goodOrBetterRate !== undefined && goodOrBetterRate >= goal,
    projectedGoodOrBetterRate: eligible ? projectedGood / eligible : undefined,
    notCompleted: counts.not_completed,
    excellentShare,
    capWarning: excellentCapPct > 0 && excellentShare !== undefined && excellentShare * 100 > excellentCapPct,
    candidates,
  };
}

/** A decision needs a reason when it differs from the suggestion (the secretary's override). */
export function needsOverrideReason(level: RatingLevel | '' | undefined, suggested: RatingLevel | '' | undefined): boolean {
  return !!level && !!suggested && level !== suggested;
}

// The year's targets (chỉ tiêu) computed from the year's records — DOMAIN.md "The seed plan's
// targets", issue 9. Pure, no zod, no Dexie: the year screen, Home's summary and the printed
// plan compute the same numbers from the same rows.
//
// Each computed target has a named rule (target-enums TARGET_RULES). Where another screen
// already answers the question, its rule is reused so the numbers agree:
//   - who is in the unit: protocol/headcount.ts (the one head count);
//   - who is rated and the good-or-better share: rating-rules eligibility + ratingSummary
//     (decided levels over the members who can be rated, as on the rating screen);
//   - registered and completing: training-rules trainingRates over the roster on the roster
//     day (today, or the year's last day), as on the training screen;
//   - the committee: committee-rules committeeOn and meetingsByPeriod.
//   - reports sent on time: report-year-rules onTimeShare over the year's reports, as the
//     reports list shows them (reportStanding).
//
// Values: percent 0–100, a count, yes/no as 1/0, a level as its LEVEL_RANK. Where a value
// cannot be known yet (nobody to rate, no unit rating) it is undefined. Evidence lists ids,
// sorted, so no answer depends on the order rows were read in.
import type { TargetMeasure, TargetRule } from './target-enums';
import type { RatingLevel } from './rating-enums';
import type { MeetingFrequency } from './meeting-enums';
import type { YearSpan } from './year';
import { countsOn, movesByMember, type MoveLike } from './headcount';
import { eligibility } from './rating-rules';
import type { ChildUnitLike, ProposalLike, RecognitionLike } from './recognition-rules';
import type { RegistrationLike } from './training-rules';
import type { SeatLike, TermLike } from './committee-rules';
import type { ReportRecords } from './report-year-rules';
import { closesAfter, expectedOn, monthsLeft, statusOf, type Pace, type TargetStatus } from './target-pace';
import { computeRule, type RuleResult } from './target-compute';
export { LEVEL_RANK } from './target-compute';

/** The rules a target can be given (the form offers them; the repo refuses others). */
export const AVAILABLE_RULES: readonly TargetRule[] = [
  'unitRatingLevel', 'goodOrBetterPct', 'trainingRegisteredPct', 'trainingCompletingPct', 'otherTargetsMetPct',
  'projectsAccepted', 'committeeComplete', 'regularMeetingsHeld', 'activitiesOfKind', 'membersAdmitted', 'partyIntroductions', 'duesRemittedMonths',
  'reportsOnTime',
];

/** The measure each rule produces (the form sets it; the repo checks it). */
export const RULE_MEASURE: Record<TargetRule, TargetMeasure> = {
  unitRatingLevel: 'level', goodOrBetterPct: 'percent', trainingRegisteredPct: 'percent', trainingCompletingPct: 'percent',
  otherTargetsMetPct: 'percent', projectsAccepted: 'count', committeeComplete: 'yesNo', regularMeetingsHeld: 'count',
  activitiesOfKind: 'count', membersAdmitted: 'count', partyIntroductions: 'count', duesRemittedMonths: 'count', reportsOnTime: 'percent',
};

/** The pace of each rule (target-pace.ts explains them). */
export const RULE_PACE: Record<TargetRule, Pace> = {
  unitRatingLevel: 'yearEnd', goodOrBetterPct: 'yearEnd', trainingRegisteredPct: 'early', trainingCompletingPct: 'yearEnd',
  otherTargetsMetPct: 'yearEnd', projectsAccepted: 'yearEnd', committeeComplete: 'state', regularMeetingsHeld: 'accrue',
  activitiesOfKind: 'accrue', membersAdmitted: 'accrue', partyIntroductions: 'accrue', duesRemittedMonths: 'lagging', reportsOnTime: 'yearEnd',
};

/** An entered target's pace from its measure: counts build up, the rest is judged at the end. */
export const enteredPace = (m: TargetMeasure): Pace => (m === 'count' ? 'accrue' : 'yearEnd');

export interface TargetLike {
  id: string;
  title: string;
  measure: TargetMeasure;
  goal: number;
  source: 'computed' | 'entered';
  rule?: TargetRule;
  ruleParam?: string;
  planNo?: number;
  sortOrder: number;
  enteredValue?: number;
  enteredAt?: string;
  evidenceNote?: string;
  deleted?: boolean;
}

export interface MemberLike {
  id: string;
  status: string;
  admissionDate?: string;
  archivedAt?: string;
  deleted?: boolean;
}

export interface MemberEventLike extends MoveLike {
  id: string;
  memberId: string;
  deleted?: boolean;
}

/** The year's records, as read (tombstones may be among them: they are skipped here). */
export interface YearInputs {
  span: YearSpan;
  today: string;
  members: readonly MemberLike[];
  /** all member events (the head count needs those before the year too) */
  memberEvents: readonly MemberEventLike[];
  ratings: readonly { memberId: string; level?: RatingLevel | ''; deleted?: boolean }[];
  /** the unit's own proposal (unitRatings) and the level cấp trên recognised (unitRecognitions) */
  unitRating?: ProposalLike;
  unitRecognition?: RecognitionLike;
  /** a parent unit's children with their recognised levels, when this phone holds them (target 2) */
  childUnits?: readonly ChildUnitLike[];
  registrations: readonly (RegistrationLike & { deleted?: boolean })[];
  youthProjects: readonly { id: string; year: number; stage: string; deleted?: boolean }[];
  meetings: readonly { id: string; kind: string; status: 'planned' | 'held' | 'cancelled'; startsAt: string; deleted?: boolean }[];
  activities: readonly { id: string; kind: string; status: string; date: string; deleted?: boolean }[];
  terms: readonly TermLike[];
  seats: readonly SeatLike[];
  remittances: readonly { period: string; deleted?: boolean }[];
  meetingFrequency: MeetingFrequency;
  committeeMeetingFrequency: MeetingFrequency;
  /** the reports of the year's periods and the unit's delay (reportsOnTime only; absent: none read) */
  reports?: ReportRecords;
}

/** What is behind a number: record ids, and who or what is missing where that helps. */
export interface Evidence {
  members?: string[];
  missingMembers?: string[];
  meetings?: string[];
  activities?: string[];
  projects?: string[];
  memberEvents?: string[];
  /** months 'yyyy-mm' (remittances made) and periods missed */
  months?: string[];
  missingMonths?: string[];
  targets?: string[];
  missingTargets?: string[];
  /** report ids (report-period reportId): sent on time, and late or not sent */
  reports?: string[];
  missingReports?: string[];
  /** why a yes/no is no, or a value is unknown: message keys (targets.why_<code>) with values */
  why?: { code: string; params?: Record<string, number | string> }[];
  /** an entered target's note */
  note?: string;
  enteredAt?: string;
}

export interface TargetResult {
  target: TargetLike;
  value?: number;
  goal: number;
  /** value / goal × 100 (goal 0 = 100 once measured) */
  pctOfGoal?: number;
  /** where a steady unit would be today */
  expected: number;
  status: TargetStatus;
  evidence: Evidence;
  /** when behind or out of reach: a message key (targets.warn_<code>) and its values */
  warning?: { code: string; params: Record<string, number> };
}

/**
 * The day the year is judged on: today, or the year's last day once it is over — the training
 * screen's roster day (training-queries rosterDay), so "registered" counts the same members.
 */
export function judgedDay(inputs: Pick<YearInputs, 'today' | 'span'>): string {
  return inputs.today < inputs.span.to ? inputs.today : inputs.span.to;
}

/** Shared, computed once per year: the head count and who can be rated. */
export interface YearContext {
  inputs: YearInputs;
  /** the day the year is judged on (judgedDay) */
  day: string;
  moves: Map<string, MemberEventLike[]>;
  /** members in the unit on `day`, sorted by id */
  roster: string[];
  /** members who can be rated this year (rating-rules eligibility); only when a target needs it */
  eligible?: ReadonlySet<string>;
}

export interface MemberFact {
  id: string;
  here: boolean;
  eligible: boolean;
}

/** The per-member part of the context, one member at a time (a 5,000-member unit is worked in slices). */
export function memberFact(m: MemberLike, inputs: YearInputs, day: string, moves: ReadonlyMap<string, MemberEventLike[]>, withEligibility: boolean): MemberFact {
  const ev = moves.get(m.id) ?? [];
  return { id: m.id, here: countsOn(m, ev, day), eligible: withEligibility && !m.deleted && eligibility(m, ev, inputs.span).eligible };
}

/** Does this plan need who can be rated (the slowest per-member rule)? */
export const needsEligibility = (targets: readonly TargetLike[]): boolean => targets.some((t) => !t.deleted && t.source === 'computed' && t.rule === 'goodOrBetterPct');

/** The context from the member facts (made in slices by the query, or all at once here). */
export function yearContext(inputs: YearInputs, facts?: readonly MemberFact[], withEligibility = true): YearContext {
  const day = judgedDay(inputs);
  const moves = movesByMember(inputs.memberEvents);
  const all = facts ?? inputs.members.map((m) => memberFact(m, inputs, day, moves, withEligibility));
  const roster = all.filter((f) => f.here).map((f) => f.id).sort();
  const eligible = withEligibility ? new Set(all.filter((f) => f.eligible).map((f) => f.id)) : undefined;
  return { inputs, day, moves, roster, eligible };
}

/** The moves by member and the day judged on, before the member facts are made. */
export function yearBasis(inputs: YearInputs): { day: string; moves: Map<string, MemberEventLike[]> } {
  return { day: judgedDay(inputs), moves: movesByMember(inputs.memberEvents) };
}

function finish(t: TargetLike, r: RuleResult, pace: Pace, ctx: YearContext): TargetResult {
  const { span, today } = ctx.inputs;
  const whole = t.measure === 'count';
  const expected = Math.min(t.goal, expectedOn(pace, t.goal, span, today, whole));
  const closed = today > closesAfter(span, pace);
  const status = r.failed ? 'unreachable' : statusOf({ value: r.value, goal: t.goal, expected, pace, closed, outOfReach: r.outOfReach });
  const pctOfGoal = r.value === undefined ? undefined : t.goal > 0 ? (r.value / t.goal) * 100 : 100;
  const res: TargetResult = { target: t, value: r.value, goal: t.goal, pctOfGoal, expected, status, evidence: r.evidence };
  if (status === 'behind' || status === 'unreachable') {
    const left = monthsLeft(span, ctx.day > today ? ctx.day : today);
    if (r.value !== undefined && t.measure === 'count') res.warning = { code: 'count', params: { months: left, n: Math.ceil(t.goal - r.value) } };
    else if (r.value !== undefined && t.measure === 'percent') res.warning = { code: 'percent', params: { months: left, pct: Math.round(r.value), goal: t.goal } };
    else res.warning = { code: r.value === undefined ? 'noValue' : 'notYet', params: { months: left } };
    if (status === 'unreachable') res.warning = { ...res.warning, code: `${res.warning.code}Out` };
    if (r.failed) res.warning = { code: r.failed, params: {} };
  }
  return res;
}

/** Every live target of the year, computed: plan order (sortOrder). otherTargetsMetPct last, from the others. */
export function computeTargets(targets: readonly TargetLike[], inputs: YearInputs, ctx?: YearContext): TargetResult[] {
  const steps = computeSteps(targets, inputs, ctx);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same, one target per step: a caller on the main thread gives the browser a turn between
 * steps (targets-queries computeInSlices), so a 5,000-member year is a few short tasks.
 */
export function* computeSteps(targets: readonly TargetLike[], inputs: YearInputs, given?: YearContext): Generator<void, TargetResult[]> {
  const ctx = given ?? yearContext(inputs, undefined, needsEligibility(targets));
  const live = targets.filter((t) => !t.deleted).sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
  const out = new Map<string, TargetResult>();
  const meta = live.filter((t) => t.source === 'computed' && t.rule === 'otherTargetsMetPct');
  for (const t of live) {
    if (meta.includes(t)) continue;
    if (t.source === 'entered') {
      const ev: Evidence = { note: t.evidenceNote || undefined, enteredAt: t.enteredAt || undefined };
      out.set(t.id, finish(t, { value: t.enteredValue, evidence: ev }, enteredPace(t.measure), ctx));
    } else {
      out.set(t.id, finish(t, computeRule(t, ctx), RULE_PACE[t.rule ?? 'reportsOnTime'], ctx));
      yield;
    }
  }
  // The plan's target 4: the share of the year's OTHER targets that are met (never itself or another such target).
  const others = [...out.values()];
  for (const t of meta) {
    const met = others.filter((r) => r.status === 'met').map((r) => r.target.id).sort();
    const missing = others.filter((r) => r.status !== 'met').map((r) => r.target.id).sort();
    const value = others.length ? (met.length / others.length) * 100 : undefined;
    out.set(t.id, finish(t, { value, evidence: { targets: met, missingTargets: missing } }, RULE_PACE.otherTargetsMetPct, ctx));
  }
  return live.map((t) => out.get(t.id)!);
}

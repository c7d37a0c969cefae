// Rating reads. The evidence of the whole year comes from the member digests
// (data/member-digest.ts): one row per member with the briefs of their register entry, events,
// roll, dues, exemptions and training outcome, kept in step with those rows by every write.
// With 5,000 members the year is ~125,000 rows, and turning them into objects was most of the
// screen's time (4× CPU: seconds, test/perf/year-scale.mjs); 5,000 digests are read in pages
// instead. Then pure rules (rating-view.ts, protocol/rating-rules.ts, protocol/dues-rules.ts),
// a slice at a time with the browser given a turn in between (no long task). No zod.
import { activeDb } from '../../data/session';
import type { UnitDb } from '../../data/db';
import { keyPrefix, readMany } from '../../data/paged';
import { DIGEST_PAGE, exemptionsOf, statusOf, type DigestMember, type MemberDigest } from '../../data/member-digest';
import type { Rating, UnitRating } from '../../protocol/rating';
import { ratingId, unitRatingId, UNIT_SETTINGS_ID } from '../../protocol/record-ids';
import { recognitionId } from '../../protocol/oversight-enums';
import type { UnitRecognition } from '../../protocol/oversight';
import { childUnitsOf, serverUnitIdOf, type ChildUnits } from '../recognition/recognition-queries';
import { evidenceOf, GOOD_OR_BETTER_TARGET, memberAttendance, resolveThresholds, type EventLike, type RatingThresholds } from '../../protocol/rating-rules';
import type { UnitSettings } from '../../protocol/unit-settings';
import { bookStartOf, memberYear, OPENING_RECEIPT, openingsOf, type PaidLike } from '../../protocol/dues-rules';
import type { DuesRate } from '../../protocol/dues';
import { afterPaint, breathe, mapInSlices } from '../../lib/slices';
import { countedEvents, type YearEvent } from '../../protocol/attendance-rules';
import { unitYearSpan } from '../../data/unit-year';
import { loadYearGoals } from '../../data/year-goals';
import { inSpan, spanEndStamp, yearMonths, type YearLike, type YearSpan } from '../../protocol/year';
import { finishRows, finishRowsInSlices, liveInNameOrderInSlices, rosterRow, type PreparedRow, type RatingRow, type RosterRow } from './rating-view';

export interface RatingYear {
  year: number;
  /** the unit's year: calendar, or school year 1/9–31/8 (data/unit-year.ts) */
  span: YearSpan;
  rows: RatingRow[];
  thresholds: RatingThresholds;
  /** the year's goal for "good or better", a fraction (the year's target, else the plan's 80 %) */
  goal: number;
  unitRating?: UnitRating;
  recognition?: UnitRecognition;
  /** counted meetings and activities of the year */
  eventCount: number;
  /** false: no dues figures in the app, the suggestion leaves dues out */
  hasDues: boolean;
  /** false: only the first rows of the list so far (see RatingEvidence) */
  complete: boolean;
}

export async function getUnitSettings(): Promise<UnitSettings | undefined> {
  const db = await activeDb();
  const s = await db.unitSettings.get(UNIT_SETTINGS_ID);
  return s && !s.deleted ? s : undefined;
}

const live = <T extends { deleted?: boolean }>(rows: readonly (T | undefined)[]) => rows.filter((r): r is T => !!r && !r.deleted);

async function yearEvents(db: UnitDb, span: YearSpan, today: string) {
  const [meetings, activities] = await Promise.all([
    db.meetings.where('startsAt').between(span.from, spanEndStamp(span), true, true).toArray(),
    db.activities.where('date').between(span.from, span.to, true, true).toArray(),
  ]);
  return countedEvents(live(meetings), live(activities), today);
}

/** What the suggestions are made from: records that change rarely while the rating is done. */
export interface RatingEvidence {
  year: number;
  span: YearSpan;
  /** every member's eligibility and evidence, in name order */
  prepared: PreparedRow[];
  eventCount: number;
  hasDues: boolean;
  /** false: `prepared` holds only the first members of the list (onHead); the rest is being computed */
  complete: boolean;
}

/** What people decide: the ratings, the unit's rating, the thresholds (small reads). */
export interface RatingDecisions {
  ratings: Map<string, Rating>;
  thresholds: RatingThresholds;
  /** the year's goal for "good or better" (data/year-goals.ts) */
  goal: number;
  unitRating?: UnitRating;
  /** the level cấp trên recognised for the unit (công nhận) */
  recognition?: UnitRecognition;
}

/**
 * The tables the evidence is made from (useBulkLive reloads it when one of them changes): the
 * digests' sources, and the unit-wide meetings, activities and rates.
 */
export const EVIDENCE_TABLES = ['members', 'memberEvents', 'meetings', 'activities', 'attendance', 'trainingRegistrations', 'dues', 'duesExemptions', 'duesRates'] as const;

/** Members computed before the rest of the year: a screen of rows and its margin. */
export const HEAD = 40;

/** What every member's evidence is counted against: the year's events, months, dues book. */
interface YearContext {
  span: YearSpan;
  /** the counted meetings and activities within the year */
  held: YearEvent[];
  /** the same, each with its month (yyyy-mm): what a member's attendance is counted over */
  heldMonths: { id: string; month: string }[];
  /** undefined: no dues book in the app for the year */
  dues?: DuesContext;
}

interface DuesContext {
  /** the year's months, yyyy-mm */
  months: string[];
  monthSet: Set<string>;
  rates: DuesRate[];
  current: string;
  /** dues-rules R7: months before the book are unknown; a member's opening balance settles months up to it */
  bookStart: string;
  openings: Map<string, string>;
}

const eventsOf = (d: MemberDigest): EventLike[] => Object.values(d.events).map((e) => ({ memberId: d.id, ...e }));

function withEvidence(r: RosterRow, d: MemberDigest, events: EventLike[], ctx: YearContext): PreparedRow {
  const id = d.id;
  const roll = d.roll;
  const att = memberAttendance(ctx.heldMonths, (eventId) => {
    const letter = roll[eventId];
    return letter === undefined ? undefined : statusOf(letter);
  });
  // Dues months paid and owed: protocol/dues-rules memberYear, the dues screens' own rule, counted
  // up to this month for the current year, all twelve for a past one — the months of the
  // unit's year (a school year's September to August). An opening balance is no payment (it
  // acts through `openings`).
  const c = ctx.dues;
  let dues: { paid: number; owed: number } | undefined;
  if (c && d.member) {
    const entries: PaidLike[] = [];
    for (const [period, amount, opening] of d.dues) if (c.monthSet.has(period) && !opening) entries.push({ period, amount });
    const y = memberYear(d.member, entries, exemptionsOf(d), events, { year: ctx.span.year, months: c.months, current: c.current, rates: c.rates, bookStart: c.bookStart }, c.openings.get(id));
    dues = { paid: y.paidMonths, owed: y.owedMonths };
  }
  return { ...r, evidence: evidenceOf(att, ctx.held.length, d.training[String(ctx.span.year)]?.outcome, dues) };
}

/** Where the unit's dues book starts (its first recorded day) and the opening balances (dues-rules R7). */
async function duesContext(db: UnitDb, span: YearSpan, today: string): Promise<{ hasDues: boolean; dues?: DuesContext }> {
  const [first, opening, rates] = await Promise.all([db.dues.orderBy('paidAt').first(), db.dues.where('receiptNo').equals(OPENING_RECEIPT).toArray(), db.duesRates.toArray()]);
  // Dues count only where the unit kept its dues book in the app by the year's end, and only
  // from the book's first month (R7): before it, "owed" would only mean "not recorded here".
  const hasDues = !!first && first.paidAt.slice(0, 7) <= span.to.slice(0, 7);
  if (!hasDues) return { hasDues };
  const months = yearMonths(span);
  const thisMonth = today.slice(0, 7);
  const last = months[11];
  return {
    hasDues,
    dues: { months, monthSet: new Set(months), rates: rates.filter((r) => !r.deleted), current: thisMonth < last ? thisMonth : last, bookStart: bookStartOf(first.paidAt, today.slice(0, 7)), openings: openingsOf(opening) },
  };
}

/**
 * The evidence of a year. `onlyMemberId` narrows it to one member (the member screen and the
 * repo's decision), with the same rules. For the whole unit, `onHead` is given the first HEAD
 * members of the list as soon as they are computed, before the rest of the year.
 */
export async function loadRatingEvidence(yearOrSpan: YearLike, today: string, onlyMemberId?: string, onHead?: (first: RatingEvidence) => void): Promise<RatingEvidence> {
  const db = await activeDb();
  // A year given by number is the unit's year of that number (calendar or school year, as pinned).
  const span = typeof yearOrSpan === 'number' ? await unitYearSpan(yearOrSpan, db) : yearOrSpan;
  const year = span.year;
  const read = onlyMemberId ? db.memberDigests.get(onlyMemberId).then((d) => (d ? [d] : [])) : readMany(db, [{ table: db.memberDigests }] as const, DIGEST_PAGE).then(([rows]) => rows);
  const [events, digests, book] = await Promise.all([yearEvents(db, span, today), read, duesContext(db, span, today)]);
  const held = events.filter((e) => inSpan(e.date, span));
  const ctx: YearContext = { span, held, heldMonths: held.map((e) => ({ id: e.id, month: e.date.slice(0, 7) })), dues: book.dues };
  const byId = new Map<string, MemberDigest>();
  const members: DigestMember[] = [];
  for (const d of digests) {
    if (!d.member) continue;
    byId.set(d.id, d);
    members.push(d.member);
  }
  await breathe();
  const ordered = await liveInNameOrderInSlices(members);
  const eventsBy = new Map<string, EventLike[]>();
  const prepare = (m: DigestMember) => {
    const d = byId.get(m.id)!;
    const evs = eventsOf(d);
    eventsBy.set(m.id, evs);
    return withEvidence(rosterRow(m, eventsBy, span), d, evs, ctx);
  };
  const evidence = (prepared: PreparedRow[], complete: boolean): RatingEvidence => ({ year, span, prepared, eventCount: events.length, hasDues: book.hasDues, complete });
  let head: PreparedRow[] = [];
  if (onHead && ordered.length > HEAD) {
    // Up to the HEAD-th listed member: the rows before it in the list are all there.
    let listed = 0;
    for (const m of ordered) {
      head.push(prepare(m));
      if (head[head.length - 1].listed && ++listed === HEAD) break;
    }
    onHead(evidence(head, false));
    // Let those rows reach the screen before the rest is computed.
    await afterPaint();
  }
  // 100 members a slice: a member's dues year (dues-rules memberYear) is the costliest step,
  // and 250 of them made one task of 100-280 ms at 4× (year-scale.mjs, traced).
  const rest = await mapInSlices(ordered.slice(head.length), prepare, 100);
  return evidence(head.length ? head.concat(rest) : rest, true);
}

/** What loadRatingDecisions reads: the screen reads it again when one of these changes (useBulkLive). */
export const DECISION_TABLES = ['ratings', 'unitSettings', 'unitRatings', 'targets', 'unitRecognitions'] as const;

export async function loadRatingDecisions(year: number, onlyMemberId?: string): Promise<RatingDecisions> {
  const db = await activeDb();
  const one = onlyMemberId;
  const [ratings, settings, unitRating, goals, recognition] = await Promise.all([
    // The whole unit's ratings (id = ratingId: `${year}:${memberId}`) in pages, a short task
    // each: through a liveQuery, 20,000 of them were one task of most of a second at 4×.
    one ? db.ratings.get(ratingId(year, one)).then((r) => (r ? [r] : [])) : readMany(db, [{ table: db.ratings, range: keyPrefix(`${year}:`) }] as const).then(([rows]) => rows.filter((r) => r.year === year)),
    db.unitSettings.get(UNIT_SETTINGS_ID),
    db.unitRatings.get(unitRatingId(year)),
    loadYearGoals(year, db),
    db.unitRecognitions.get(recognitionId(year)),
  ]);
  const map = new Map<string, Rating>();
  for (const r of ratings) if (!r.deleted) map.set(r.memberId, r);
  return {
    ratings: map,
    thresholds: resolveThresholds(settings && !settings.deleted ? settings : undefined),
    goal: goals.goodOrBetter ?? GOOD_OR_BETTER_TARGET,
    unitRating: unitRating && !unitRating.deleted ? unitRating : undefined,
    recognition: recognition && !recognition.deleted ? recognition : undefined,
  };
}

/**
 * A parent unit's children with their recognised levels, when this phone supervises them
 * (recognition-queries childUnitsOf); `held` false: the phone holds none. Read once, not live:
 * the children's databases are opened and closed beside this one.
 */
export async function loadOwnChildUnits(year: number): Promise<ChildUnits> {
  const db = await activeDb();
  return childUnitsOf(await serverUnitIdOf(db), year);
}

/** The year's rows from evidence and decisions (cheap: the suggestion per member). */
export function buildRatingYear(ev: RatingEvidence, d: RatingDecisions): RatingYear {
  return ratingYearOf(ev, d, finishRows(ev.prepared, d.ratings, d.thresholds));
}

function ratingYearOf(ev: RatingEvidence, d: RatingDecisions, rows: RatingRow[]): RatingYear {
  return { year: ev.year, span: ev.span, rows, thresholds: d.thresholds, goal: d.goal, unitRating: d.unitRating, recognition: d.recognition, eventCount: ev.eventCount, hasDues: ev.hasDues, complete: ev.complete };
}

/** buildRatingYear with the rows made a slice at a time (the whole unit on its screen). */
export async function buildRatingYearInSlices(ev: RatingEvidence, d: RatingDecisions): Promise<RatingYear> {
  return ratingYearOf(ev, d, await finishRowsInSlices(ev.prepared, d.ratings, d.thresholds));
}

/** Everything the rating of a year needs, read now (repos, tests, the member screen). */
export async function loadRatingYear(year: number, today: string, onlyMemberId?: string): Promise<RatingYear> {
  const [ev, d] = await Promise.all([loadRatingEvidence(year, today, onlyMemberId), loadRatingDecisions(year, onlyMemberId)]);
  return buildRatingYear(ev, d);
}

/** One member's row (undefined: not in the unit that year and never rated). */
export async function loadMemberRating(year: number, memberId: string, today: string): Promise<{ row?: RatingRow; data: RatingYear }> {
  const data = await loadRatingYear(year, today, memberId);
  return { row: data.rows[0], data };
}

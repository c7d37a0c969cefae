// Rating reads: the whole year in a handful of bulk reads — members, member events, the
// year's meetings and activities with their roll rows, training outcomes, ratings, settings —
// then pure rules (rating-view.ts). No zod.
// With 5,000 members the year is ~125,000 rows, and turning them into objects is most of the
// cost (4× CPU: seconds). So the screen gets the first rows early (`onHead`: the first HEAD
// members of the list, read member by member, ~1,000 rows), then the whole year, read in pages
// and counted a month at a time with the browser given a turn in between (no long task).
import { activeDb } from '../../data/session';
import type { UnitDb } from '../../data/db';
import { keyPrefix, PAGE, readMany, type Read } from '../../data/paged';
import type { Rating, UnitRating } from '../../protocol/rating';
import { ratingId, unitRatingId, UNIT_SETTINGS_ID } from '../../protocol/record-ids';
import { recognitionId } from '../../protocol/oversight-enums';
import type { UnitRecognition } from '../../protocol/oversight';
import { childUnitsOf, serverUnitIdOf, type ChildUnits } from '../recognition/recognition-queries';
import { evidenceOf, GOOD_OR_BETTER_TARGET, resolveThresholds, yearAttendanceByMember, type RatingThresholds, type YearAttendance } from '../../protocol/rating-rules';
import type { TrainingOutcome } from '../../protocol/training-enums';
import type { UnitSettings } from '../../protocol/unit-settings';
import { bookStartOf, memberYear, OPENING_RECEIPT, openingsOf, type EntryLike } from '../../protocol/dues-rules';
import type { MemberEvent } from '../../protocol/member-event';
import type { DuesExemption, DuesRate } from '../../protocol/dues';
import { afterPaint, breathe, mapInSlices } from '../../lib/slices';
import { compareNames } from '../../lib/names';
import { countedEvents, type YearEvent } from '../../protocol/attendance-rules';
import { unitYearSpan } from '../../data/unit-year';
import { loadYearGoals } from '../../data/year-goals';
import { spanEndStamp, yearMonths, type YearLike, type YearSpan } from '../../protocol/year';
import { addAttendance, finishRows, finishRowsInSlices, groupByMember, heldIn, liveInNameOrderInSlices, monthGroups, rosterOf, rosterRow, type PreparedRow, type RatingRow, type RosterRow } from './rating-view';

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
  /** false: `prepared` holds only the first members of the list (onHead); the rest is being read */
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

/** The tables the evidence is read from (useBulkLive reloads it when one of them changes). */
export const EVIDENCE_TABLES = ['members', 'memberEvents', 'meetings', 'activities', 'attendance', 'trainingRegistrations', 'dues', 'duesExemptions', 'duesRates'] as const;

/** Members computed before the rest of the year is read: a screen of rows and its margin. */
export const HEAD = 40;

/** Per-member sources of the evidence (the same whether read for a few members or for all). */
interface Sources {
  att: Map<string, YearAttendance>;
  outcomes: Map<string, TrainingOutcome | ''>;
  /** undefined: no dues book in the app for the year */
  dues?: DuesSources;
}

interface DuesSources {
  /** the year's months, yyyy-mm */
  months: string[];
  entries: Map<string, EntryLike[]>;
  exemptions: Map<string, DuesExemption[]>;
  events: Map<string, MemberEvent[]>;
  rates: DuesRate[];
  current: string;
  /** dues-rules R7: months before the book are unknown; a member's opening balance settles months up to it */
  bookStart: string;
  openings: Map<string, string>;
}

function withEvidence(r: RosterRow, span: YearSpan, held: number, src: Sources): PreparedRow {
  const id = r.member.id;
  const d = src.dues;
  // Dues months paid and owed: protocol/dues-rules memberYear, the dues screens' own rule, counted
  // up to this month for the current year, all twelve for a past one — the months of the
  // unit's year (a school year's September to August).
  const y = d && memberYear(r.member, d.entries.get(id) ?? [], d.exemptions.get(id) ?? [], d.events.get(id) ?? [], { year: span.year, months: d.months, current: d.current, rates: d.rates, bookStart: d.bookStart }, d.openings.get(id));
  return { ...r, evidence: evidenceOf(src.att.get(id), held, src.outcomes.get(id), y && { paid: y.paidMonths, owed: y.owedMonths }) };
}

function outcomesOf(regs: readonly ({ memberId: string; outcome?: TrainingOutcome | ''; deleted: boolean } | undefined)[]) {
  const out = new Map<string, TrainingOutcome | ''>();
  for (const r of live(regs)) out.set(r.memberId, r.outcome ?? '');
  return out;
}

function duesSources(span: YearSpan, today: string, book: DuesBook, entries: Map<string, EntryLike[]>, exemptions: DuesExemption[], events: MemberEvent[], rates: DuesRate[]): DuesSources | undefined {
  if (!book.hasDues) return undefined;
  const thisMonth = today.slice(0, 7);
  const months = yearMonths(span);
  const last = months[11];
  // Money entries only: an opening balance is no payment (it acts through `openings`).
  for (const [id, list] of entries) entries.set(id, list.filter((e) => e.kind !== 'opening'));
  return {
    months, entries, exemptions: groupByMember(live(exemptions)), events: groupByMember(events), rates: live(rates),
    current: thisMonth < last ? thisMonth : last, bookStart: book.bookStart, openings: book.openings,
  };
}

interface DuesBook {
  /** the unit kept its dues book in the app by the end of the year (R7): else dues are left out */
  hasDues: boolean;
  bookStart: string;
  openings: Map<string, string>;
}

/** Where the unit's dues book starts (its first recorded day) and the opening balances (dues-rules R7). */
async function duesBook(db: UnitDb, span: YearSpan, today: string): Promise<DuesBook> {
  const [first, opening] = await Promise.all([db.dues.orderBy('paidAt').first(), db.dues.where('receiptNo').equals(OPENING_RECEIPT).toArray()]);
  return { hasDues: !!first && first.paidAt.slice(0, 7) <= span.to.slice(0, 7), bookStart: bookStartOf(first?.paidAt, today.slice(0, 7)), openings: openingsOf(opening) };
}

/** The evidence of some members (one member's screen, the first rows): reads by member. */
async function evidenceOfFew(db: UnitDb, span: YearSpan, today: string, rows: RosterRow[], events: YearEvent[], memberEvents: MemberEvent[], complete: boolean): Promise<RatingEvidence> {
  const year = span.year;
  const ids = rows.map((r) => r.member.id);
  // Small answers (a member's rows): more of them out at a time.
  const byMember = <T>(table: Read<T>['table'], index = 'memberId') => readMany(db, ids.map((id) => ({ table, index, key: id })), PAGE, 8).then((parts) => parts.flat());
  const [facts, regs, entries, exemptions, [rates], book] = await Promise.all([
    byMember(db.attendance),
    readMany(db, ids.map((id) => ({ table: db.trainingRegistrations, key: `${year}:${id}` })), PAGE, 8).then((parts) => parts.flat()),
    byMember(db.dues),
    byMember(db.duesExemptions),
    readMany(db, [{ table: db.duesRates }] as const),
    duesBook(db, span, today),
  ]);
  const months = new Set(yearMonths(span));
  const ofYear = groupByMember(live(entries).filter((e) => months.has(e.period)));
  const src: Sources = {
    att: yearAttendanceByMember(events, live(facts), span),
    outcomes: outcomesOf(regs),
    dues: duesSources(span, today, book, ofYear, exemptions, memberEvents, rates),
  };
  const held = heldIn(events, span);
  return { year, span, prepared: rows.map((r) => withEvidence(r, span, held, src)), eventCount: events.length, hasDues: book.hasDues, complete };
}

/**
 * The whole unit's evidence: the roll read event by event in pages and counted a month at a
 * time, the ledger read a month at a time, members in slices — each a short task.
 */
async function evidenceOfAll(db: UnitDb, span: YearSpan, today: string, roster: RosterRow[], events: YearEvent[], memberEvents: MemberEvent[]): Promise<RatingEvidence> {
  const year = span.year;
  const groups = monthGroups(events, span);
  const months = yearMonths(span);
  // One after the other: a few requests out at a time in all (src/data/paged.ts).
  // The roll: attendance id = `${eventId}:${memberId}`, so an event's rows are one key range.
  const rolls = await readMany(db, groups.flat().map((e) => ({ table: db.attendance, range: keyPrefix(`${e.id}:`) })));
  const ledger = await readMany(db, months.map((p) => ({ table: db.dues, index: 'period', key: p })));
  // Registrations: id = `${year}:${memberId}`.
  const [regs, exemptions, rates] = await readMany(db, [{ table: db.trainingRegistrations, range: keyPrefix(`${year}:`) }, { table: db.duesExemptions }, { table: db.duesRates }] as const);
  const book = await duesBook(db, span, today);
  // Counted a month at a time: the same figures as one pass (rating-view monthGroups).
  const att = new Map<string, YearAttendance>();
  let at = 0;
  for (const group of groups) {
    await breathe();
    const rows = group.flatMap((e) => rolls[at++].filter((f) => f.eventId === e.id && !f.deleted));
    addAttendance(att, yearAttendanceByMember(group, rows, span));
  }
  const entries = new Map<string, EntryLike[]>();
  for (const rows of ledger) {
    await breathe();
    groupByMember(live(rows), entries);
  }
  // Dues count only where the unit kept its dues book in the app by the year's end, and only
  // from the book's first month (R7): before it, "owed" would only mean "not recorded here".
  const src: Sources = { att, outcomes: outcomesOf(regs.filter((r) => r.year === year)), dues: duesSources(span, today, book, entries, exemptions, memberEvents, rates) };
  const held = heldIn(events, span);
  // 100 members a slice: a member's dues year (dues-rules memberYear) is the costliest step,
  // and 250 of them made one task of 100-280 ms at 4× (year-scale.mjs, traced).
  const prepared = await mapInSlices(roster, (r) => withEvidence(r, span, held, src), 100);
  return { year, span, prepared, eventCount: events.length, hasDues: book.hasDues, complete: true };
}

/**
 * The evidence of a year. `onlyMemberId` narrows it to one member (the member screen and the
 * repo's decision), with the same rules. For the whole unit, `onHead` is given the first HEAD
 * members of the list as soon as they are known, before the whole year is read.
 */
export async function loadRatingEvidence(yearOrSpan: YearLike, today: string, onlyMemberId?: string, onHead?: (first: RatingEvidence) => void): Promise<RatingEvidence> {
  const db = await activeDb();
  // A year given by number is the unit's year of that number (calendar or school year, as pinned).
  const span = typeof yearOrSpan === 'number' ? await unitYearSpan(yearOrSpan, db) : yearOrSpan;
  const eventsRead = yearEvents(db, span, today);
  if (onlyMemberId) {
    const events = await eventsRead;
    const [member, memberEvents] = await Promise.all([db.members.get(onlyMemberId), db.memberEvents.where('memberId').equals(onlyMemberId).toArray()]);
    const mine = live(memberEvents);
    return evidenceOfFew(db, span, today, rosterOf(span, member ? [member] : [], mine), events, mine, true);
  }
  const read = readMany(db, [{ table: db.members }, { table: db.memberEvents }] as const);
  // The first Intl object of a page loads ICU's Vietnamese data (~200 ms at 4× CPU): made now,
  // in a task of its own while the register is read, not inside the name sort.
  await breathe();
  compareNames('a', 'b');
  const [events, [members, memberEvents]] = await Promise.all([eventsRead, read]);
  const liveEvents = live(memberEvents);
  await breathe();
  const ordered = await liveInNameOrderInSlices(members);
  const eventsBy = groupByMember(liveEvents);
  await breathe();
  const roster = await mapInSlices(ordered, (m) => rosterRow(m, eventsBy, span), 1000);
  if (onHead && roster.length > HEAD) {
    // Up to the HEAD-th listed member: the rows before it in the list are all there.
    let listed = 0;
    const end = roster.findIndex((r) => r.listed && ++listed === HEAD) + 1 || roster.length;
    await breathe();
    onHead(await evidenceOfFew(db, span, today, roster.slice(0, end), events, liveEvents, false));
    // Let those rows reach the screen before the year's pages start arriving.
    await afterPaint();
  }
  return evidenceOfAll(db, span, today, roster, events, liveEvents);
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

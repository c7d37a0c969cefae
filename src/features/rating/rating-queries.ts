// Rating reads: the whole year in a handful of bulk reads — members, member events, the
// year's meetings and activities with their roll rows, training outcomes, ratings, settings —
// then pure rules (rating-view.ts). No zod.
import { activeDb } from '../../data/session';
import type { UnitDb } from '../../data/db';
import type { Rating, UnitRating } from '../../protocol/rating';
import { ratingId, unitRatingId } from '../../protocol/rating';
import { resolveThresholds, type RatingThresholds } from '../../protocol/rating-rules';
import type { TrainingOutcome } from '../../protocol/training-enums';
import { UNIT_SETTINGS_ID, type UnitSettings } from '../../protocol/unit-settings';
import { memberYear, type EntryLike } from '../../protocol/dues-rules';
import type { Member } from '../../protocol/member';
import type { MemberEvent } from '../../protocol/member-event';
import type { DuesExemption, DuesRate } from '../../protocol/dues';
import { countedEvents } from '../meetings/attendance-view';
import { finishRows, prepareRows, prepareRowsAsync, type PreparedRow, type RatingRow } from './rating-view';

export interface RatingYear {
  year: number;
  rows: RatingRow[];
  thresholds: RatingThresholds;
  unitRating?: UnitRating;
  /** counted meetings and activities of the year */
  eventCount: number;
  /** false: no dues figures in the app, the suggestion leaves dues out */
  hasDues: boolean;
}

export async function getUnitSettings(): Promise<UnitSettings | undefined> {
  const db = await activeDb();
  const s = await db.unitSettings.get(UNIT_SETTINGS_ID);
  return s && !s.deleted ? s : undefined;
}

/**
 * The roll rows of many events: one indexed getAll per event. Dexie's anyOf() walks a cursor,
 * one IndexedDB callback per row — for a year of 5,000-member rolls (60,000 rows) that alone
 * took seconds on a throttled phone profile.
 */
async function rollsOf(db: UnitDb, eventIds: readonly string[]) {
  const parts = await Promise.all(eventIds.map((id) => db.attendance.where('eventId').equals(id).toArray()));
  return parts.flat();
}

/** The year's ledger, one read per month: smaller reads, shorter main-thread tasks. */
async function duesOfYear(db: UnitDb, year: number) {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  return (await Promise.all(months.map((p) => db.dues.where('period').equals(p).toArray()))).flat();
}

async function yearEvents(db: UnitDb, year: number, today: string) {
  const [meetings, activities] = await Promise.all([
    db.meetings.where('startsAt').between(`${year}-01-01`, `${year}-12-31T99`, true, true).toArray(),
    db.activities.where('date').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray(),
  ]);
  return countedEvents(meetings.filter((m) => !m.deleted), activities.filter((a) => !a.deleted), today);
}

/** What the suggestions are made from: records that change rarely while the rating is done. */
export interface RatingEvidence {
  year: number;
  /** every member's eligibility and evidence, in name order */
  prepared: PreparedRow[];
  eventCount: number;
  hasDues: boolean;
}

/** What people decide: the ratings, the unit's rating, the thresholds (small reads). */
export interface RatingDecisions {
  ratings: Map<string, Rating>;
  thresholds: RatingThresholds;
  unitRating?: UnitRating;
}

/** The tables the evidence is read from (useBulkLive reloads it when one of them changes). */
export const EVIDENCE_TABLES = ['members', 'memberEvents', 'meetings', 'activities', 'attendance', 'trainingRegistrations', 'dues', 'duesExemptions', 'duesRates'] as const;

/**
 * The evidence of a year in a few bulk reads. `onlyMemberId` narrows the member-scoped reads
 * to one member (the member screen and the repo's decision), with the same rules.
 */
export async function loadRatingEvidence(year: number, today: string, onlyMemberId?: string): Promise<RatingEvidence> {
  const db = await activeDb();
  const events = await yearEvents(db, year, today);
  const one = onlyMemberId;
  const [members, memberEvents, facts, regs, dues, exemptions, rates] = await Promise.all([
    one ? db.members.get(one).then((m) => (m ? [m] : [])) : db.members.toArray(),
    one ? db.memberEvents.where('memberId').equals(one).toArray() : db.memberEvents.toArray(),
    one ? db.attendance.where('memberId').equals(one).toArray() : rollsOf(db, events.map((e) => e.id)),
    one ? db.trainingRegistrations.get(`${year}:${one}`).then((r) => (r ? [r] : [])) : db.trainingRegistrations.where('year').equals(year).toArray(),
    one ? db.dues.where('memberId').equals(one).toArray() : duesOfYear(db, year),
    one ? db.duesExemptions.where('memberId').equals(one).toArray() : db.duesExemptions.toArray(),
    db.duesRates.toArray(),
  ]);
  // Dues count only where the unit keeps its dues book in the app for that year: with no entry
  // at all, "owed" would only mean "not recorded here", and every member would look unpaid.
  const hasDues = one ? (await db.dues.where('period').between(`${year}-01`, `${year}-12`, true, true).limit(1).count()) > 0 : dues.some((d) => !d.deleted && d.period.startsWith(`${year}-`));
  const outcomes = new Map<string, TrainingOutcome | ''>();
  for (const r of regs) if (!r.deleted) outcomes.set(r.memberId, r.outcome ?? '');
  const liveEvents = memberEvents.filter((e) => !e.deleted);
  const inputs = {
    year,
    members,
    memberEvents: liveEvents,
    events,
    facts: facts.filter((f) => !f.deleted),
    outcomes,
    dues: hasDues ? duesByMember(year, today, members, liveEvents, dues, exemptions, rates) : undefined,
  };
  // The whole unit: yield to the browser as it goes (the screen stays responsive); one member: at once.
  const prepared = one ? prepareRows(inputs) : await prepareRowsAsync(inputs);
  return { year, prepared, eventCount: events.length, hasDues };
}

export async function loadRatingDecisions(year: number, onlyMemberId?: string): Promise<RatingDecisions> {
  const db = await activeDb();
  const one = onlyMemberId;
  const [ratings, settings, unitRating] = await Promise.all([
    one ? db.ratings.get(ratingId(year, one)).then((r) => (r ? [r] : [])) : db.ratings.where('year').equals(year).toArray(),
    db.unitSettings.get(UNIT_SETTINGS_ID),
    db.unitRatings.get(unitRatingId(year)),
  ]);
  const map = new Map<string, Rating>();
  for (const r of ratings) if (!r.deleted) map.set(r.memberId, r);
  return {
    ratings: map,
    thresholds: resolveThresholds(settings && !settings.deleted ? settings : undefined),
    unitRating: unitRating && !unitRating.deleted ? unitRating : undefined,
  };
}

/** The year's rows from evidence and decisions (cheap: the suggestion per member). */
export function buildRatingYear(ev: RatingEvidence, d: RatingDecisions): RatingYear {
  const rows = finishRows(ev.prepared, d.ratings, d.thresholds);
  return { year: ev.year, rows, thresholds: d.thresholds, unitRating: d.unitRating, eventCount: ev.eventCount, hasDues: ev.hasDues };
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

/**
 * Dues months paid and owed per member for the year (protocol/dues-rules memberYear: the dues
 * screens' own rule), counted up to this month for the current year, all twelve for a past one.
 */
function duesByMember(year: number, today: string, members: Member[], events: MemberEvent[], entries: EntryLike[], exemptions: DuesExemption[], rates: DuesRate[]): Map<string, { paid: number; owed: number }> {
  const group = <T extends { memberId: string; deleted?: boolean }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      if (r.deleted) continue;
      if (!m.has(r.memberId)) m.set(r.memberId, []);
      m.get(r.memberId)!.push(r);
    }
    return m;
  };
  const byMember = group(entries.filter((e) => e.period.startsWith(`${year}-`)));
  const exBy = group(exemptions);
  const evBy = group(events);
  const thisMonth = today.slice(0, 7);
  const current = thisMonth < `${year}-12` ? thisMonth : `${year}-12`;
  const liveRates = rates.filter((r) => !r.deleted);
  const out = new Map<string, { paid: number; owed: number }>();
  for (const m of members) {
    if (m.deleted) continue;
    const y = memberYear(m, byMember.get(m.id) ?? [], exBy.get(m.id) ?? [], evBy.get(m.id) ?? [], { year, current, rates: liveRates });
    out.set(m.id, { paid: y.paidMonths, owed: y.owedMonths });
  }
  return out;
}

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
import { buildRatingRows, type RatingRow } from './rating-view';

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

async function yearEvents(db: UnitDb, year: number, today: string) {
  const [meetings, activities] = await Promise.all([
    db.meetings.where('startsAt').between(`${year}-01-01`, `${year}-12-31T99`, true, true).toArray(),
    db.activities.where('date').between(`${year}-01-01`, `${year}-12-31`, true, true).toArray(),
  ]);
  return countedEvents(meetings.filter((m) => !m.deleted), activities.filter((a) => !a.deleted), today);
}

/**
 * Everything the rating of a year needs. `onlyMemberId` narrows the member-scoped reads to
 * one member (the member screen and the repo's decision), with the same rules.
 */
export async function loadRatingYear(year: number, today: string, onlyMemberId?: string): Promise<RatingYear> {
  const db = await activeDb();
  const events = await yearEvents(db, year, today);
  const eventIds = events.map((e) => e.id);
  const one = onlyMemberId;
  const [members, memberEvents, facts, regs, ratings, settings, unitRating, dues, exemptions, rates] = await Promise.all([
    one ? db.members.get(one).then((m) => (m ? [m] : [])) : db.members.toArray(),
    one ? db.memberEvents.where('memberId').equals(one).toArray() : db.memberEvents.toArray(),
    one
      ? db.attendance.where('memberId').equals(one).toArray()
      : eventIds.length ? db.attendance.where('eventId').anyOf(eventIds).toArray() : Promise.resolve([]),
    one ? db.trainingRegistrations.get(`${year}:${one}`).then((r) => (r ? [r] : [])) : db.trainingRegistrations.where('year').equals(year).toArray(),
    one ? db.ratings.get(ratingId(year, one)).then((r) => (r ? [r] : [])) : db.ratings.where('year').equals(year).toArray(),
    db.unitSettings.get(UNIT_SETTINGS_ID),
    db.unitRatings.get(unitRatingId(year)),
    one ? db.dues.where('memberId').equals(one).toArray() : db.dues.where('period').between(`${year}-01`, `${year}-12`, true, true).toArray(),
    one ? db.duesExemptions.where('memberId').equals(one).toArray() : db.duesExemptions.toArray(),
    db.duesRates.toArray(),
  ]);
  // Dues count only where the unit keeps its dues book in the app for that year: with no entry
  // at all, "owed" would only mean "not recorded here", and every member would look unpaid.
  const hasDuesBook = one ? (await db.dues.where('period').between(`${year}-01`, `${year}-12`, true, true).limit(1).count()) > 0 : dues.some((d) => !d.deleted && d.period.startsWith(`${year}-`));
  const thresholds = resolveThresholds(settings && !settings.deleted ? settings : undefined);
  const outcomes = new Map<string, TrainingOutcome | ''>();
  for (const r of regs) if (!r.deleted) outcomes.set(r.memberId, r.outcome ?? '');
  const ratingMap = new Map<string, Rating>();
  for (const r of ratings) if (!r.deleted) ratingMap.set(r.memberId, r);
  const rows = buildRatingRows({
    year,
    members,
    memberEvents: memberEvents.filter((e) => !e.deleted),
    events,
    facts: facts.filter((f) => !f.deleted),
    outcomes,
    ratings: ratingMap,
    thresholds,
    dues: hasDuesBook ? duesByMember(year, today, members, memberEvents, dues, exemptions, rates) : undefined,
  });
  return { year, rows, thresholds, unitRating: unitRating && !unitRating.deleted ? unitRating : undefined, eventCount: events.length, hasDues: hasDuesBook };
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

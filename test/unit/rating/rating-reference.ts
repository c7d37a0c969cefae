// The rating's rules over plain rows in one pass: what the screen computed from the tables
// before it read the member digests (src/features/rating/rating-queries.ts). Kept as the tests'
// reference, so the digests' answers are checked against the rows themselves.
import { evidenceOf, yearAttendanceByMember, type EventLike, type HeldEventLike, type RatingThresholds } from '../../../src/protocol/rating-rules';
import type { Rating } from '../../../src/protocol/rating';
import type { TrainingOutcome } from '../../../src/protocol/training-enums';
import { nameRank } from '../../../src/lib/name-order';
import { asSpan, inSpan, type YearLike } from '../../../src/protocol/year';
import { finishRows, rosterRow, type PreparedRow, type RatingMember, type RatingRow, type RosterRow } from '../../../src/features/rating/rating-view';

export interface EvidenceInputs {
  year: YearLike;
  members: readonly RatingMember[];
  memberEvents: readonly EventLike[];
  /** the meetings and activities that count this year (attendance-view countedEvents) */
  events: readonly HeldEventLike[];
  facts: readonly { eventId: string; memberId: string; status: string }[];
  outcomes: ReadonlyMap<string, TrainingOutcome | ''>;
  /** dues months paid/owed per member; undefined = the app has no dues figures */
  dues?: ReadonlyMap<string, { paid: number; owed: number }>;
}

export interface RatingInputs extends EvidenceInputs {
  ratings: ReadonlyMap<string, Rating>;
  thresholds: RatingThresholds;
}

/** rows grouped by memberId, in their order (one pass; a Map, never a filter per member). */
export function groupByMember<T extends { memberId: string }>(rows: readonly T[], into = new Map<string, T[]>()): Map<string, T[]> {
  for (const r of rows) {
    const list = into.get(r.memberId);
    if (list) list.push(r);
    else into.set(r.memberId, [r]);
  }
  return into;
}

/** Live members in name order (lib/name-order: remembered while the names do not change). */
export function liveInNameOrder<M extends RatingMember & { deleted?: boolean }>(members: readonly M[]): M[] {
  const live = members.filter((m) => !m.deleted);
  // One member (their own screen): nothing to sort, and the unit's remembered order stays.
  if (live.length < 2) return live;
  const rank = nameRank(live);
  return live.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
}

/** Live members in name order, each with the year's eligibility (memberEvents: live ones). */
export function rosterOf(year: YearLike, members: readonly (RatingMember & { deleted?: boolean })[], memberEvents: readonly EventLike[]): RosterRow[] {
  const eventsBy = groupByMember(memberEvents);
  return liveInNameOrder(members).map((m) => rosterRow(m, eventsBy, year));
}

/** Meetings and activities of the year (they count towards participation). */
export function heldIn(events: readonly HeldEventLike[], year: YearLike): number {
  const span = asSpan(year);
  return events.filter((e) => inSpan(e.date, span)).length;
}

/** Every member's eligibility and evidence, in name order (at once: tests, one member). */
export function prepareRows(inp: EvidenceInputs): PreparedRow[] {
  const att = yearAttendanceByMember(inp.events, inp.facts, inp.year);
  const held = heldIn(inp.events, inp.year);
  return rosterOf(inp.year, inp.members, inp.memberEvents).map((r) => ({
    ...r,
    evidence: evidenceOf(att.get(r.member.id), held, inp.outcomes.get(r.member.id), inp.dues?.get(r.member.id)),
  }));
}

export function buildRatingRows(inp: RatingInputs): RatingRow[] {
  return finishRows(prepareRows(inp), inp.ratings, inp.thresholds);
}

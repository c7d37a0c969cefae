// The rating list of a year, computed from a few bulk reads (rating-queries.ts) by pure
// rules (protocol/rating-rules.ts): one pass per table, so 5,000 members cost milliseconds,
// not 5,000 queries. Tested in test/unit/rating.
import {
  eligibility, evidenceOf, inUnitDuring, suggestLevel, yearAttendanceByMember,
  type Eligibility, type EventLike, type Evidence, type HeldEventLike, type RatingThresholds, type Suggestion,
} from '../../protocol/rating-rules';
import type { Member } from '../../protocol/member';
import type { Rating } from '../../protocol/rating';
import type { TrainingOutcome } from '../../protocol/training-enums';
import { compareNames } from '../../lib/names';

// The register's order by given name, kept while the names do not change: sorting 5,000
// Vietnamese names with the collator is the costliest step of a reload (≈ 55 ms in Node).
let orderCache: { signature: string; rank: Map<string, number> } | undefined;

function nameRank(members: readonly Member[]): Map<string, number> {
  const signature = members.map((m) => `${m.id}\u0000${m.fullName}`).join('\u0001');
  if (orderCache?.signature === signature) return orderCache.rank;
  const sorted = [...members].sort((a, b) => compareNames(a.fullName, b.fullName) || a.id.localeCompare(b.id));
  const rank = new Map(sorted.map((m, i) => [m.id, i]));
  orderCache = { signature, rank };
  return rank;
}

export interface RatingRow {
  member: Member;
  eligibility: Eligibility;
  evidence: Evidence;
  /** present when eligible */
  suggestion?: Suggestion;
  rating?: Rating;
}

export interface RatingInputs {
  year: number;
  members: readonly Member[];
  memberEvents: readonly EventLike[];
  /** the meetings and activities that count this year (attendance-view countedEvents) */
  events: readonly HeldEventLike[];
  facts: readonly { eventId: string; memberId: string; status: string }[];
  outcomes: ReadonlyMap<string, TrainingOutcome | ''>;
  ratings: ReadonlyMap<string, Rating>;
  thresholds: RatingThresholds;
  /** dues months paid/owed per member; undefined = the app has no dues figures */
  dues?: ReadonlyMap<string, { paid: number; owed: number }>;
}

/**
 * Members who were in the unit during the year (and everyone already rated), with their
 * eligibility, evidence and suggestion, by given name. Archived records are left out unless
 * they were rated.
 */
export function buildRatingRows(inp: RatingInputs): RatingRow[] {
  const eventsBy = new Map<string, EventLike[]>();
  for (const e of inp.memberEvents) {
    if (!eventsBy.has(e.memberId)) eventsBy.set(e.memberId, []);
    eventsBy.get(e.memberId)!.push(e);
  }
  const att = yearAttendanceByMember(inp.events, inp.facts, inp.year);
  const held = inp.events.filter((e) => e.date.startsWith(String(inp.year))).length;
  const rows: RatingRow[] = [];
  for (const m of inp.members) {
    if (m.deleted) continue;
    const rating = inp.ratings.get(m.id);
    if (m.archivedAt && !rating) continue;
    const elig = eligibility(m, eventsBy.get(m.id) ?? [], inp.year);
    if (!inUnitDuring(elig) && !rating) continue;
    const evidence = evidenceOf(att.get(m.id), held, inp.outcomes.get(m.id), inp.dues?.get(m.id));
    rows.push({ member: m, eligibility: elig, evidence, suggestion: elig.eligible ? suggestLevel(evidence, inp.thresholds) : undefined, rating });
  }
  const rank = nameRank(inp.members);
  return rows.sort((a, b) => rank.get(a.member.id)! - rank.get(b.member.id)!);
}

// The rating list of a year, computed from a few bulk reads (rating-queries.ts) by pure
// rules (protocol/rating-rules.ts): one pass per table, never one query per member.
// Two stages, so a decision never redoes the heavy part:
//   prepareRows  per member: eligibility and evidence, in name order — the costly stage
//                (≈ 100 ms for 5,000 members in Node); the async form yields to the browser
//                every few hundred members so the screen never freezes while it runs
//   finishRows   per member: the suggestion under the thresholds, the decision — cheap
// Tested in test/unit/rating.
import {
  eligibility, evidenceOf, inUnitDuring, suggestLevel, yearAttendanceByMember,
  type Eligibility, type EventLike, type Evidence, type HeldEventLike, type RatingThresholds, type Suggestion,
} from '../../protocol/rating-rules';
import type { Member } from '../../protocol/member';
import type { Rating } from '../../protocol/rating';
import type { TrainingOutcome } from '../../protocol/training-enums';
import { nameRank } from '../../lib/name-order';

export interface RatingRow {
  member: Member;
  eligibility: Eligibility;
  evidence: Evidence;
  /** present when eligible */
  suggestion?: Suggestion;
  rating?: Rating;
}

export interface PreparedRow {
  member: Member;
  eligibility: Eligibility;
  evidence: Evidence;
  /** in the unit during the year and not archived: listed even when never rated */
  listed: boolean;
}

export interface EvidenceInputs {
  year: number;
  members: readonly Member[];
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

function* prepare(inp: EvidenceInputs): Generator<PreparedRow | null> {
  const eventsBy = new Map<string, EventLike[]>();
  for (const e of inp.memberEvents) {
    if (!eventsBy.has(e.memberId)) eventsBy.set(e.memberId, []);
    eventsBy.get(e.memberId)!.push(e);
  }
  const att = yearAttendanceByMember(inp.events, inp.facts, inp.year);
  const held = inp.events.filter((e) => e.date.startsWith(String(inp.year))).length;
  const live = inp.members.filter((m) => !m.deleted);
  const rank = nameRank(live);
  const ordered = live.sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
  yield null;
  for (let i = 0; i < ordered.length; i++) {
    const m = ordered[i];
    const elig = eligibility(m, eventsBy.get(m.id) ?? [], inp.year);
    yield { member: m, eligibility: elig, evidence: evidenceOf(att.get(m.id), held, inp.outcomes.get(m.id), inp.dues?.get(m.id)), listed: !m.archivedAt && inUnitDuring(elig) };
  }
}

/** Every member's eligibility and evidence, in name order. */
export function prepareRows(inp: EvidenceInputs): PreparedRow[] {
  const out: PreparedRow[] = [];
  for (const r of prepare(inp)) if (r) out.push(r);
  return out;
}

/** The same, giving the browser a turn every `slice` members (no long task for 5,000). */
export async function prepareRowsAsync(inp: EvidenceInputs, slice = 400): Promise<PreparedRow[]> {
  const out: PreparedRow[] = [];
  let n = 0;
  for (const r of prepare(inp)) {
    if (r) out.push(r);
    if (!r || ++n % slice === 0) await new Promise((res) => setTimeout(res, 0));
  }
  return out;
}

/**
 * Members who were in the unit during the year (and everyone already rated), with the
 * suggestion and the decision. Archived records are left out unless they were rated.
 */
export function finishRows(prepared: readonly PreparedRow[], ratings: ReadonlyMap<string, Rating>, thresholds: RatingThresholds): RatingRow[] {
  const rows: RatingRow[] = [];
  for (const p of prepared) {
    const rating = ratings.get(p.member.id);
    if (!p.listed && !rating) continue;
    rows.push({ member: p.member, eligibility: p.eligibility, evidence: p.evidence, suggestion: p.eligibility.eligible ? suggestLevel(p.evidence, thresholds) : undefined, rating });
  }
  return rows;
}

export function buildRatingRows(inp: RatingInputs): RatingRow[] {
  return finishRows(prepareRows(inp), inp.ratings, inp.thresholds);
}

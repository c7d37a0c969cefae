// The rating list of a year, computed from the member digests (rating-queries.ts) by pure
// rules (protocol/rating-rules.ts). The same rules over plain rows, in one pass, are the tests'
// reference (test/unit/rating/rating-reference.ts).
// Three stages, so the screen paints early and a decision never redoes the heavy part:
//   rosterOf     live members in name order with their eligibility — members and their
//                events only, so the first rows can be painted before the year's roll and
//                ledger are read
//   evidenceOf…  per member: participation, months absent, training outcome, dues — the
//                costly stage; rating-queries runs it in slices and yields to the browser
//   finishRows   per member: the suggestion under the thresholds, the decision — cheap
// `year` is the unit's year (protocol/year.ts): a calendar year's number, or its span — a
// school unit's year runs 1/9–31/8. Tested in test/unit/rating.
import { eligibility, suggestLevel, type Eligibility, type EventLike, type Evidence, type RatingThresholds, type Suggestion } from '../../protocol/rating-rules';
import type { DigestMember } from '../../data/member-digest';
import { countsDuring } from '../../protocol/headcount';
import type { Rating } from '../../protocol/rating';
import { nameRankInSlices, placeByRank } from '../../lib/name-order';
import { asSpan, type YearLike } from '../../protocol/year';
import { eachInSlices } from '../../lib/slices';

/** The register entry's fields a rating row needs (a Member has them all; so does a digest). */
export type RatingMember = DigestMember;

export interface RatingRow {
  member: RatingMember;
  eligibility: Eligibility;
  evidence: Evidence;
  /** present when eligible */
  suggestion?: Suggestion;
  rating?: Rating;
}

export interface RosterRow {
  member: RatingMember;
  eligibility: Eligibility;
  /** in the unit during the year and not archived: listed even when never rated */
  listed: boolean;
}

export interface PreparedRow extends RosterRow {
  evidence: Evidence;
}

/** Live members in name order for a whole unit: the name sort a slice at a time (lib/name-order). */
export async function liveInNameOrderInSlices<M extends RatingMember & { deleted?: boolean }>(members: readonly M[]): Promise<M[]> {
  const live = members.filter((m) => !m.deleted);
  if (live.length < 2) return live;
  return placeByRank(live, await nameRankInSlices(live));
}

/** A member's row before any evidence: the year's eligibility, and whether they are listed (in the unit during the year: the one head count). */
export function rosterRow(m: RatingMember, eventsBy: ReadonlyMap<string, EventLike[]>, year: YearLike): RosterRow {
  const ev = eventsBy.get(m.id) ?? [];
  const span = asSpan(year);
  return { member: m, eligibility: eligibility(m, ev, span), listed: countsDuring(m, ev, span.from, span.to) };
}




/**
 * Members who were in the unit during the year (and everyone already rated), with the
 * suggestion and the decision. Archived records are left out unless they were rated.
 */
export function finishRows(prepared: readonly PreparedRow[], ratings: ReadonlyMap<string, Rating>, thresholds: RatingThresholds): RatingRow[] {
  const rows: RatingRow[] = [];
  for (const p of prepared) finishRow(p, ratings, thresholds, rows);
  return rows;
}

/**
 * finishRows for the whole unit, `slice` members a task: the suggestions of 20,000 members
 * took ~70 ms in Node, several times that in one task on a throttled phone (year-scale.mjs).
 */
export async function finishRowsInSlices(prepared: readonly PreparedRow[], ratings: ReadonlyMap<string, Rating>, thresholds: RatingThresholds, slice = 1000): Promise<RatingRow[]> {
  const rows: RatingRow[] = [];
  await eachInSlices(prepared, (p) => finishRow(p, ratings, thresholds, rows), slice);
  return rows;
}

function finishRow(p: PreparedRow, ratings: ReadonlyMap<string, Rating>, thresholds: RatingThresholds, into: RatingRow[]): void {
  const rating = ratings.get(p.member.id);
  if (!p.listed && !rating) return;
  into.push({ member: p.member, eligibility: p.eligibility, evidence: p.evidence, suggestion: p.eligibility.eligible ? suggestLevel(p.evidence, thresholds) : undefined, rating });
}

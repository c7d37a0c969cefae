// The rating list of a year, computed from a few bulk reads (rating-queries.ts) by pure
// rules (protocol/rating-rules.ts): one pass per table, never one query per member.
// Three stages, so the screen paints early and a decision never redoes the heavy part:
//   rosterOf     live members in name order with their eligibility — members and their
//                events only, so the first rows can be painted before the year's roll and
//                ledger are read
//   evidenceOf…  per member: participation, months absent, training outcome, dues — the
//                costly stage; rating-queries runs it in slices and yields to the browser
//   finishRows   per member: the suggestion under the thresholds, the decision — cheap
// `year` is the unit's year (protocol/year.ts): a calendar year's number, or its span — a
// school unit's year runs 1/9–31/8. Tested in test/unit/rating.
import {
  eligibility, evidenceOf, suggestLevel, yearAttendanceByMember,
  type Eligibility, type EventLike, type Evidence, type HeldEventLike, type RatingThresholds, type Suggestion,
} from '../../protocol/rating-rules';
import type { DigestMember } from '../../data/member-digest';
import { countsDuring } from '../../protocol/headcount';
import type { Rating } from '../../protocol/rating';
import type { TrainingOutcome } from '../../protocol/training-enums';
import { nameRank, nameRankInSlices, placeByRank } from '../../lib/name-order';
import { asSpan, inSpan, type YearLike } from '../../protocol/year';
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

/** liveInNameOrder for a whole unit: the name sort a slice at a time (lib/name-order). */
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

export function buildRatingRows(inp: RatingInputs): RatingRow[] {
  return finishRows(prepareRows(inp), inp.ratings, inp.thresholds);
}

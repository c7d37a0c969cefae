// What each member contributes to a report (issue 10), one member at a time, so a 5,000-member
// unit is worked in slices between which the browser paints (features/reports/report-queries.ts;
// test/perf/report-figures.mjs). Each fact comes from the rule its own screen uses:
//   - in the unit on the period's first day and on the day computed: headcount.ts countsOn;
//   - months and đồng owed: dues-rules memberYear over the unit's year up to the day computed
//     (the dues grid's and warnings' count: unknown months before the book are never owed);
//   - can be rated this year: rating-rules eligibility (year reports, and targets that need it);
//   - on the roll of which of the period's held meetings: attendance-rules isOnRoll's head count
//     (in the unit on the meeting's day, in its sub-group if it has one) — the roster the roll
//     screen and the minutes count attendance over.
import type { ReportPeriod } from '../report-period';
import type { YearSpan } from '../year';
import { yearMonths } from '../year';
import { countsOn, movesByMember } from '../headcount';
import { memberYear, periodOf, openingsOf, type EntryLike, type ExemptionLike, type YearContext as DuesYear } from '../dues-rules';
import { eligibility } from '../rating-rules';
import { live, within, type ReportInputs, type ReportMember, type ReportMemberEvent } from './inputs';

export interface MemberFacts {
  id: string;
  subGroup?: string;
  atStart: boolean;
  atEnd: boolean;
  /** 30th birthday within the period (up to the day computed) and still in the unit then */
  turned30: boolean;
  /** months owed in full or in part (a partial month is still owed) */
  owedMonths: number;
  owedAmount: number;
  eligible: boolean;
  /** ids of the period's held meetings whose roll this member is on by the head count */
  rolls: string[];
}

/** A held meeting of the period, for whose roll each member's place is checked. */
export interface RollMeeting {
  id: string;
  day: string;
  subGroup?: string;
}

export interface FactContext {
  period: ReportPeriod;
  asOf: string;
  span: YearSpan;
  moves: Map<string, ReportMemberEvent[]>;
  /** the ledger up to the day computed */
  ledger: EntryLike[];
  entries: Map<string, EntryLike[]>;
  exemptions: Map<string, ExemptionLike[]>;
  openings: Map<string, string>;
  dues: DuesYear;
  withEligibility: boolean;
  rollMeetings: RollMeeting[];
}

function byMember<T extends { memberId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.memberId);
    if (list) list.push(r);
    else out.set(r.memberId, [r]);
  }
  return out;
}

/** The ledger as it stood on the day computed (each entry once: the loader reads each row once). */
export function ledgerUpTo(entries: readonly EntryLike[], asOf: string): EntryLike[] {
  return entries.filter((e) => !e.deleted && e.paidAt <= asOf);
}

/**
 * The shared part, in steps (each a short task for a 5,000-member unit): events grouped by
 * member, the ledger up to the day computed grouped by member, where the book starts.
 */
export function* factContextSteps(inputs: ReportInputs, period: ReportPeriod, asOf: string, withEligibility: boolean): Generator<void, FactContext> {
  const moves = movesByMember(inputs.memberEvents);
  yield;
  const ledger = ledgerUpTo(inputs.dues, asOf);
  yield;
  // opening balances and reversals are all openingsOf looks at: a few among thousands
  const openings = openingsOf(ledger.filter((e) => e.kind === 'opening' || e.reversesId));
  yield;
  const entries = byMember(ledger);
  yield;
  const month = asOf.slice(0, 7);
  return {
    period,
    asOf,
    span: inputs.span,
    moves,
    ledger,
    entries,
    exemptions: byMember(live(inputs.duesExemptions)),
    openings,
    dues: { year: inputs.span.year, months: yearMonths(inputs.span), current: month, rates: live(inputs.duesRates), bookStart: reportBookStart(inputs.firstPaidAt) },
    withEligibility,
    rollMeetings: heldMeetings(inputs, period, asOf).map((m) => ({ id: m.id, day: m.startsAt.slice(0, 10), subGroup: m.subGroup || undefined })),
  };
}

/**
 * The first month of the dues book for a report: the month of its first entry, even after the
 * day computed (the screens' bookStartOf stops at this month, which made a quarter before the
 * book owe its last month), and none at all when the unit keeps no book in the app: every
 * report said "42 members owe 42 months" for a unit whose rating screen said there was no book
 * (found in use).
 */
export function reportBookStart(firstPaidAt: string | undefined): string {
  return firstPaidAt ? periodOf(firstPaidAt) : NO_BOOK;
}
/** Later than any month: nothing is owed where no book was kept. */
const NO_BOOK = '9999-12';

/** The meetings held from the period's first day to the day computed. */
export function heldMeetings(inputs: ReportInputs, period: ReportPeriod, asOf: string) {
  return live(inputs.meetings).filter((m) => m.status === 'held' && within(m.startsAt, period.from, asOf));
}

/** The same at once. */
export function factContext(inputs: ReportInputs, period: ReportPeriod, asOf: string, withEligibility: boolean): FactContext {
  const steps = factContextSteps(inputs, period, asOf, withEligibility);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** The day a member born on `birth` turns 30 (29 February stays as written: string order still places it). */
export const thirtiethBirthday = (birth: string): string => `${Number(birth.slice(0, 4)) + 30}${birth.slice(4, 10)}`;

export function memberFacts(m: ReportMember, ctx: FactContext): MemberFacts {
  const ev = ctx.moves.get(m.id) ?? [];
  const atStart = countsOn(m, ev, ctx.period.from);
  const atEnd = countsOn(m, ev, ctx.asOf);
  const b30 = m.dateOfBirth ? thirtiethBirthday(m.dateOfBirth) : '';
  const turned30 = atEnd && !!b30 && ctx.period.from <= b30 && b30 <= ctx.asOf;
  const y = memberYear(m, ctx.entries.get(m.id) ?? [], ctx.exemptions.get(m.id) ?? [], ev, ctx.dues, ctx.openings.get(m.id));
  const eligible = ctx.withEligibility && !m.deleted && eligibility(m, ev, ctx.span).eligible;
  const rolls = ctx.rollMeetings.filter((r) => (!r.subGroup || r.subGroup === m.subGroup) && countsOn(m, ev, r.day)).map((r) => r.id);
  return { id: m.id, subGroup: m.subGroup || undefined, atStart, atEnd, turned30, owedMonths: y.owedMonths + y.partialMonths, owedAmount: y.owedAmount, eligible, rolls };
}

/** Every live member's facts at once (the loader makes them in slices instead). */
export function allFacts(inputs: ReportInputs, period: ReportPeriod, asOf: string, withEligibility: boolean): MemberFacts[] {
  const ctx = factContext(inputs, period, asOf, withEligibility);
  return live(inputs.members).map((m) => memberFacts(m, ctx));
}

// Where a steady unit would be by now on a target (the expected pace), and the target's status
// from its value, goal and pace. Pure, no zod: Home's summary uses it.
//
// Time is counted in months done: months of the unit's year (protocol/year.ts yearMonths —
// a school year runs September to August) whose last day has passed or is today. A month in
// progress has not failed yet: its meeting may still be held on the 28th. Months done only
// grow as the day moves on, and every pace below is a non-decreasing function of them, so the
// expected value never goes down as time passes (a property test checks it).
//
// The paces, one per kind of target:
//   accrue     counts that build up all year (meetings held, activities, members admitted,
//              Party introductions): goal × months done / 12, rounded down — a unit with one
//              meeting a month is on track every month, and a count is whole.
//   lagging    dues remitted to cấp trên: a month's 1/3 is paid in the next month, so the same
//              pace one month behind; and the year is only closed a month after its last day.
//   early      training registration: members register at the start of the year (DOMAIN.md
//              "Training programme"); the goal is expected in full by the end of the third
//              month, rising evenly before.
//   yearEnd    what is decided at the year's end (the unit's rating, members' ratings,
//              training outcomes, the project's acceptance by cấp trên, the share of targets
//              met): judging in January would only say "behind" all year. Expected in full in
//              the last two months (ratings and acceptance happen then); before, nothing is
//              expected and a target without a value yet is "not yet measurable".
//   state      what must hold all year (the committee complete and meeting): the goal is
//              expected from the year's first day.
import { yearMonths, type YearSpan } from './year';

export type Pace = 'accrue' | 'lagging' | 'early' | 'yearEnd' | 'state';

export const TARGET_STATUSES = ['met', 'onTrack', 'behind', 'unreachable', 'notMeasurable'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** Months judged at the end: the last YEAR_END_MONTHS of the year. */
export const YEAR_END_MONTHS = 2;
/** Months in which training registration is expected to be complete. */
export const REGISTRATION_MONTHS = 3;

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** Months of the year done by `day` (0–12): a month counts once its last day is reached. */
export function monthsDone(span: YearSpan, day: string): number {
  if (day < span.from) return 0;
  if (day > span.to) return 12;
  const months = yearMonths(span);
  const i = months.indexOf(day.slice(0, 7));
  return i + (day >= lastDayOf(months[i]) ? 1 : 0);
}

/** Months of the year still open on `day`, the current one included (0 after the year). */
export function monthsLeft(span: YearSpan, day: string): number {
  return 12 - monthsDone(span, day);
}

/** The day after which the year can no longer change for this pace (remittances: a month later). */
export function closesAfter(span: YearSpan, pace: Pace): string {
  if (pace !== 'lagging') return span.to;
  const [y, m] = span.to.slice(0, 7).split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return lastDayOf(next);
}

/** The expected value on `day` for a target of this pace and goal. Counts are whole. */
export function expectedOn(pace: Pace, goal: number, span: YearSpan, day: string, whole: boolean): number {
  const done = monthsDone(span, day);
  let v: number;
  switch (pace) {
    case 'accrue':
      v = (goal * done) / 12;
      break;
    case 'lagging':
      v = day > span.to ? goal : (goal * Math.max(0, done - 1)) / 12;
      break;
    case 'early':
      v = goal * Math.min(1, done / REGISTRATION_MONTHS);
      break;
    case 'yearEnd':
      v = done >= 12 - YEAR_END_MONTHS ? goal : 0;
      break;
    case 'state':
      v = day >= span.from ? goal : 0;
      break;
  }
  return whole ? Math.floor(v + 1e-9) : v;
}

export interface StatusInput {
  value?: number;
  goal: number;
  expected: number;
  pace: Pace;
  /** the year is over for this pace: nothing can change any more */
  closed: boolean;
  /** the rule knows the goal is out of reach already (e.g. too few months left for the meetings) */
  outOfReach?: boolean;
}

/** met ≥ goal; otherwise out of reach, behind the pace, or on track. */
export function statusOf(s: StatusInput): TargetStatus {
  if (s.value === undefined) {
    if (s.closed) return 'unreachable';
    // A year-end decision that is due and not made: behind (the unit's rating not entered in December).
    return s.expected > 0 && (s.pace === 'yearEnd' || s.pace === 'state') ? 'behind' : 'notMeasurable';
  }
  if (s.value >= s.goal) return 'met';
  if (s.closed || s.outOfReach) return 'unreachable';
  return s.value + 1e-9 >= s.expected ? 'onTrack' : 'behind';
}

/** How bad a status is, worst first (Home's "worst-slipping" and the plan's order). */
export const STATUS_RANK: Record<TargetStatus, number> = { unreachable: 0, behind: 1, notMeasurable: 2, onTrack: 3, met: 4 };

/** Counted as "x/y on track": met or on track. */
export const isOnPace = (s: TargetStatus): boolean => s === 'met' || s === 'onTrack';

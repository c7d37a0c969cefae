// Reporting completeness at the level above (issue 11 item 6): for each supervised unit and
// each period of a year, where its report stands as cấp trên sees it, and a line per period
// ("Quý III: 5/6 đơn vị đã gửi, 1 trễ"). Pure, no zod, no Dexie: the unit's own list and
// Home read the same standing (report-status.ts), so both sides agree on "late".
//   - a report sent: received or returned by cấp trên, else on time or late by N days (the
//     FIRST version against the due date frozen in it, as the unit's target counts it);
//   - a report not sent: missing once its due date has passed, else not due yet;
//   - a report due before the unit began in the app (`since`, report-year-rules inSight) is
//     out of the app's sight: shown as such and counted nowhere.
import { daysBetween, inSight, type PeriodStanding } from './report-year-rules';

export type CellState = 'received' | 'returned' | 'onTime' | 'late' | 'missing' | 'notDue' | 'outOfSight';

export interface Cell {
  state: CellState;
  /** late: days after the due date the first version was sent; missing: days overdue */
  days?: number;
  /** the latest sent version (0: none) */
  sent: number;
  /** the report was sent late (also when since received or returned) */
  wasLate: boolean;
  dueOn: string;
}

/** Where one unit's report of one period stands for cấp trên on `today`. */
export function cellOf(item: PeriodStanding, today: string, since?: string): Cell {
  const s = item.standing;
  const wasLate = s.onTime === false;
  const base = { sent: s.sent, wasLate, dueOn: s.dueOn };
  if (s.sent === 0) {
    if (!inSight(item, since)) return { ...base, state: 'outOfSight' };
    return today > s.dueOn ? { ...base, state: 'missing', days: daysBetween(s.dueOn, today) } : { ...base, state: 'notDue' };
  }
  if (s.review) return { ...base, state: s.review.decision === 'returned' ? 'returned' : 'received' };
  if (wasLate && s.firstSentOn) return { ...base, state: 'late', days: daysBetween(s.dueOn, s.firstSentOn) };
  return { ...base, state: 'onTime' };
}

export interface PeriodTally {
  /** units whose report of the period the app follows (out of sight left out) */
  units: number;
  /** of them, those that sent it (any version) */
  sent: number;
  /** sent after the due date */
  late: number;
  /** not sent and overdue */
  missing: number;
  /** the latest version was returned */
  returned: number;
}

/** One period's column over every unit. */
export function tallyOf(cells: readonly Cell[]): PeriodTally {
  const seen = cells.filter((c) => c.state !== 'outOfSight');
  return {
    units: seen.length,
    sent: seen.filter((c) => c.sent > 0).length,
    late: seen.filter((c) => c.wasLate).length,
    missing: seen.filter((c) => c.state === 'missing').length,
    returned: seen.filter((c) => c.state === 'returned').length,
  };
}

// Check-ins (giao ban) and their agreed actions, as both sides read them (issue 11 item 5):
// which actions are still open, which are overdue, the last check-in, and a year's calendar
// quarters with how many check-ins each held — "định kỳ hàng Quý giao ban", so a quarter that
// ended with none is flagged. Dates are yyyy-mm-dd strings (they compare as text). Pure.

export type QuarterNo = 1 | 2 | 3 | 4;
export type QuarterState = 'held' | 'missed' | 'current' | 'future' | 'before';

const live = <T extends { deleted?: boolean }>(rows: T[]): T[] => rows.filter((r) => !r.deleted);

/** Open (neither done nor dropped) and its due day has passed: due today is not late yet. */
export function isOverdue(a: { status: string; dueOn?: string; deleted?: boolean }, today: string): boolean {
  return !a.deleted && a.status === 'open' && !!a.dueOn && a.dueOn < today;
}

export function openActions<T extends { status: string; deleted?: boolean }>(actions: T[]): T[] {
  return live(actions).filter((a) => a.status === 'open');
}

/** The overdue actions, the longest overdue first. */
export function overdueActions<T extends { status: string; dueOn?: string; deleted?: boolean }>(actions: T[], today: string): T[] {
  return actions.filter((a) => isOverdue(a, today)).sort((a, b) => (a.dueOn ?? '').localeCompare(b.dueOn ?? ''));
}

/** The latest check-in by date (deleted ones do not count). */
export function lastCheckIn<T extends { date: string; deleted?: boolean }>(checkIns: T[]): T | undefined {
  let last: T | undefined;
  for (const c of live(checkIns)) if (!last || c.date > last.date) last = c;
  return last;
}

/** 1–4 for a yyyy-mm-dd date. */
export function quarterOf(date: string): QuarterNo {
  return (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as QuarterNo;
}

/** The first and last day of a calendar quarter. */
export function quarterSpan(year: number, q: QuarterNo): { from: string; to: string } {
  const first = (q - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = [31, 30, 30, 31][q - 1];
  return { from: `${year}-${String(first).padStart(2, '0')}-01`, to: `${year}-${String(last).padStart(2, '0')}-${lastDay}` };
}

/**
 * The year's four calendar quarters: how many check-ins each held, and its state — held (one
 * or more), missed (it ended with none), current (today's quarter, none yet: still time),
 * future (not begun), or before (it ended with none before `since`, the day the unit started
 * its book in the app: nobody's to flag, as the reports list does not call such reports late).
 */
export function quarterCheckIns(checkIns: { date: string; deleted?: boolean }[], year: number, today: string, since?: string): { quarter: QuarterNo; held: number; state: QuarterState }[] {
  const rows = live(checkIns);
  return ([1, 2, 3, 4] as const).map((quarter) => {
    const { from, to } = quarterSpan(year, quarter);
    const held = rows.filter((c) => c.date >= from && c.date <= to).length;
    const ended: QuarterState = since && to < since ? 'before' : 'missed';
    const state: QuarterState = held > 0 ? 'held' : to < today ? ended : from > today ? 'future' : 'current';
    return { quarter, held, state };
  });
}

/** Quarters of the year that ended without a check-in. */
export function missedQuarters(checkIns: { date: string; deleted?: boolean }[], year: number, today: string): QuarterNo[] {
  return quarterCheckIns(checkIns, year, today)
    .filter((q) => q.state === 'missed')
    .map((q) => q.quarter);
}

/** Actions in the order a list shows them: overdue first (longest overdue first), then open by due day, then done/dropped. */
export function actionOrder<T extends { status: string; dueOn?: string; deleted?: boolean }>(actions: T[], today: string): T[] {
  const rank = (a: T) => (isOverdue(a, today) ? 0 : a.status === 'open' ? 1 : 2);
  return live(actions).sort((a, b) => rank(a) - rank(b) || (a.dueOn || '9999').localeCompare(b.dueOn || '9999'));
}

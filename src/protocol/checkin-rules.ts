// Check-ins (giao ban) and their agreed actions as both sides read them (issue 11 item 5).
// PROVISIONAL copy for the scorecard (helper checkins owns this file; the lead keeps theirs at
// merge): the agreed signatures only. Dates are yyyy-mm-dd strings, compared as text. Pure.

const live = <T extends { deleted?: boolean }>(rows: T[]): T[] => rows.filter((r) => !r.deleted);

/** Still open and its due day has passed (due today is not late yet). */
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

/** The latest check-in by date. */
export function lastCheckIn<T extends { date: string; deleted?: boolean }>(checkIns: T[]): T | undefined {
  let last: T | undefined;
  for (const c of live(checkIns)) if (!last || c.date > last.date) last = c;
  return last;
}

/** The year's calendar quarters: check-ins held in each, and held / missed (ended with none) / current / future. */
export function quarterCheckIns(
  checkIns: { date: string; deleted?: boolean }[],
  year: number,
  today: string,
): { quarter: 1 | 2 | 3 | 4; held: number; state: 'held' | 'missed' | 'current' | 'future' }[] {
  const rows = live(checkIns);
  return ([1, 2, 3, 4] as const).map((quarter) => {
    const from = `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`;
    const to = `${year}-${String(quarter * 3).padStart(2, '0')}-31`;
    const held = rows.filter((c) => c.date >= from && c.date <= to).length;
    const state = held > 0 ? 'held' : to < today ? 'missed' : from > today ? 'future' : 'current';
    return { quarter, held, state };
  });
}

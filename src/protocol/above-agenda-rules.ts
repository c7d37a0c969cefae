// The level above's agenda (issue 11, plan: cấp trên is invited to its units' committee
// meetings and activities): what falls from today to `days` days later, in local dates.
export interface AgendaItem {
  unitId: string;
  unitName: string;
  kind: 'meeting' | 'activity';
  id: string;
  title: string;
  /** yyyy-mm-dd */
  date: string;
  /** hh:mm, meetings only */
  time?: string;
  place?: string;
}

/** The first and last day (yyyy-mm-dd, inclusive) of the agenda from `today`. */
export function agendaWindow(today: string, days: number): { from: string; to: string } {
  const [y, m, d] = today.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1, d + days));
  return { from: today, to: end.toISOString().slice(0, 10) };
}

/** Items grouped by day, in the order given (already sorted by date). */
export function byDay(items: AgendaItem[]): { date: string; items: AgendaItem[] }[] {
  const days: { date: string; items: AgendaItem[] }[] = [];
  for (const it of items) {
    const last = days[days.length - 1];
    if (last?.date === it.date) last.items.push(it);
    else days.push({ date: it.date, items: [it] });
  }
  return days;
}

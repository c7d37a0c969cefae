// How a report's standing reads on the list and on Home's card (issue 10): the state as a pill
// ("Đã gửi", "Bị trả lại" …), a line with the due date and what matters about it ("còn 3 ngày",
// "quá hạn 5 ngày", "gửi ngày 08/04/2026, đúng hạn"), and a tone for the row's colour.
import { formatDate } from '../../lib/dates';
import { daysBetween, type PeriodStanding } from '../../protocol/report-year-rules';
import { dayMonth, periodInSentence, rl } from './list-i18n';

export type Tone = 'late' | 'soon' | 'done' | 'returned' | 'future' | 'open';

interface Row extends PeriodStanding {
  begun: boolean;
  ended: boolean;
  /** due after the unit began in the app: a report due before is not called late */
  inSight: boolean;
}

/** The pill: where the report stands; a period not yet begun says so instead. */
export function stateLabel(r: Row): string {
  if (!r.begun && r.standing.state === 'notStarted') return rl('notBegun');
  return rl(`state_${r.standing.state}`);
}

/** The row's colour: late and due soon stand out, sent ones are calm, future ones muted. */
export function toneOf(r: Row): Tone {
  const s = r.standing;
  if (s.state === 'returned') return 'returned';
  if (s.late && r.inSight) return 'late';
  if (s.dueSoon) return 'soon';
  if (s.sent > 0) return 'done';
  return r.begun ? 'open' : 'future';
}

/** "Hạn 10/04/2026 · còn 3 ngày" / "· quá hạn 5 ngày" / "· gửi ngày 08/04/2026, đúng hạn" */
export function detailLine(r: Row, today: string): string {
  const s = r.standing;
  const parts = [rl('due', { date: formatDate(s.dueOn) })];
  if (s.firstSentOn) {
    const lateBy = daysBetween(s.dueOn, s.firstSentOn);
    parts.push(s.onTime ? rl('sentOnTime', { date: formatDate(s.firstSentOn) }) : rl('sentLate', { date: formatDate(s.firstSentOn), n: lateBy }));
  } else if (s.late) {
    if (r.inSight) parts.push(rl('overdue', { n: daysBetween(s.dueOn, today) }));
  }
  else if (s.dueSoon) parts.push(s.dueOn === today ? rl('dueToday') : rl('daysLeft', { n: daysBetween(today, s.dueOn) }));
  else if (r.begun && !r.ended) parts.push(rl('inProgress'));
  if (s.drafting && s.sent > 0) parts.push(rl('drafting', { n: s.drafting }));
  return parts.join(' · ');
}

/** Home's line: "Báo cáo quý I năm 2026: hạn 10/04, còn 3 ngày" / "…, đã quá hạn 5 ngày". */
export function reminderText(i: PeriodStanding, today: string): string {
  const s = i.standing;
  const params = { period: periodInSentence(i.period), date: dayMonth(s.dueOn) };
  if (s.late) return rl('remindLate', { ...params, n: daysBetween(s.dueOn, today) });
  if (s.dueOn === today) return rl('remindToday', params);
  return rl('remindSoon', { ...params, n: daysBetween(today, s.dueOn) });
}

// /attendance/warnings?y=yyyy — members absent without reason in 3 or more months of the
// year (unexcusedAbsenceWarnings). The app only reminds; the secretary decides.
import { useLocation } from 'preact-iso';
import { t, tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { todayIso } from '../../lib/dates';
import { useUnitYear } from '../../data/use-unit-year';
import { yearLabel, type YearLike, type YearSpan } from '../../protocol/year';
import { listMembers, membersInUnit } from '../members/member-queries';
import { listAttendanceOf, loadYearRecords } from './attendance-queries';
import { absenceWarnings, countedEvents } from './attendance-view';
import './meetings.css';

/** The year's warning rows (exported for tests): the unit's year, a school unit's from September to August. */
export async function loadAbsenceWarnings(year: YearLike, today: string) {
  const records = await loadYearRecords(year);
  const { span } = records;
  const events = countedEvents(records.meetings, records.activities, today);
  // Members in the unit on the year's last day, or today: the one head count (protocol/headcount.ts).
  const day = today < span.to ? today : span.to;
  const [facts, members, inUnit] = await Promise.all([listAttendanceOf(events.map((e) => e.id)), listMembers(), membersInUnit(day)]);
  return { rows: absenceWarnings(events, facts, span, members, 3, inUnit), eventCount: events.length };
}

export default function AbsenceWarningsPage() {
  const { query } = useLocation();
  const today = todayIso();
  const span = useUnitYear(query.y, today);
  return span ? <Warnings span={span} today={today} /> : <main class="page"><p class="muted">{t('common.loading')}</p></main>;
}

function Warnings({ span, today }: { span: YearSpan; today: string }) {
  const year = span.year;
  const data = useLive(async () => loadAbsenceWarnings(span, today), [span.from, span.to, today]);
  const rows = data.value?.rows ?? [];

  return (
    <main class="page warnings">
      <a class="back" href="/">← {t('home.title')}</a>
      <h1>{t('meetings.warningsTitle')}</h1>
      <nav class="month-nav" aria-label={t('meetings.yearNav')}>
        <a class="btn" href={`/attendance/warnings?y=${year - 1}`} aria-label={t('meetings.prevYear')}>‹</a>
        <strong>{yearTitle(span)}</strong>
        <a class="btn" href={`/attendance/warnings?y=${year + 1}`} aria-label={t('meetings.nextYear')}>›</a>
      </nav>
      <p class="card note">{t('meetings.warningsExplain')}</p>
      {data.error ? <p class="error" role="alert">{tDynamic('err.unexpected')}</p> : null}
      {!data.isLoaded ? (
        <p class="muted">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p class="ok">{data.value?.eventCount ? t('meetings.warningsNone') : t('meetings.warningsNoEvents')}</p>
      ) : (
        <>
          <p class="muted small">{t('meetings.warningsCount', { n: rows.length })}</p>
          <ul class="history">
            {rows.map((r) => (
              <li key={r.memberId}>
                <a href={`/members/${r.memberId}/attendance?y=${year}`}>
                  <span class="title">{r.fullName}</span>
                  <span class="muted small">
                    {t('meetings.warningsMonths', { n: r.months.length, months: r.months.map((m) => m.slice(5, 7)).join(', ') })}
                    {r.subGroup ? ` · ${r.subGroup}` : ''}
                  </span>
                </a>
                <a class="btn small-btn" href={`/members/${r.memberId}`}>{t('meetings.openMember')}</a>
              </li>
            ))}
          </ul>
        </>
      )}
    </main>
  );
}

/** "Năm 2026" or "Năm học 2025–2026". */
function yearTitle(span: YearSpan): string {
  return t(span.kind === 'school' ? 'meetings.schoolYearTitle' : 'meetings.yearTitle', { year: yearLabel(span.year, span.kind) });
}

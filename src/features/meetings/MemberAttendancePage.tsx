// /members/:id/attendance?y=yyyy — one member's year: every meeting and activity that
// counts, with the mark and reason, and the participation rate (participation()).
import { useLocation, useRoute } from 'preact-iso';
import { t, tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { formatDate, todayIso } from '../../lib/dates';
import { useUnitYear } from '../../data/use-unit-year';
import { yearLabel, type YearSpan } from '../../protocol/year';
import { participation, unexcusedAbsenceWarnings } from '../../protocol/attendance-rules';
import { getMember } from '../members/member-queries';
import { listMemberAttendance } from '../attendance/attendance-repo';
import { loadYearRecords } from './attendance-queries';
import { countedEvents, memberHistory } from './attendance-view';
import { activityKindLabel, attendanceLabel, meetingKindLabel } from './labels';
import { formatPercent } from './format';
import './meetings.css';

async function load(memberId: string, span: YearSpan, today: string) {
  const [member, records, facts] = await Promise.all([getMember(memberId), loadYearRecords(span), listMemberAttendance(memberId)]);
  if (!member) return null;
  const events = countedEvents(records.meetings, records.activities, today);
  return {
    member,
    rows: memberHistory(member, events, facts),
    summary: participation(member.id, events, facts, span),
    unexcusedMonths: unexcusedAbsenceWarnings(events, facts.filter((f) => f.memberId === member.id), span, 1)[0]?.months ?? [],
  };
}

export default function MemberAttendancePage() {
  const { query } = useLocation();
  const today = todayIso();
  const span = useUnitYear(query.y, today);
  return span ? <MemberYear span={span} today={today} /> : <main class="page"><p class="muted">{t('common.loading')}</p></main>;
}

/** The unit's year (a school unit's runs September to August): the same year the rating counts. */
function MemberYear({ span, today }: { span: YearSpan; today: string }) {
  const { params } = useRoute();
  const year = span.year;
  const data = useLive(async () => load(params.id, span, today), [params.id, span.from, span.to, today]);

  if (!data.isLoaded) return <main class="page"><p class="muted">{t('common.loading')}</p></main>;
  if (data.error) return <main class="page"><p class="error" role="alert">{tDynamic('err.unexpected')}</p></main>;
  if (!data.value)
    return (
      <main class="page">
        <p>{t('meetings.memberNotFound')}</p>
        <a class="btn" href="/members">{t('common.back')}</a>
      </main>
    );
  const { member, rows, summary, unexcusedMonths } = data.value;
  const base = `/members/${member.id}/attendance`;

  return (
    <main class="page member-attendance">
      <a class="back" href={`/members/${member.id}`}>← {member.fullName}</a>
      <h1>{t('meetings.attendanceTitle')}</h1>
      <nav class="month-nav" aria-label={t('meetings.yearNav')}>
        <a class="btn" href={`${base}?y=${year - 1}`} aria-label={t('meetings.prevYear')}>‹</a>
        <strong>{t(span.kind === 'school' ? 'meetings.schoolYearTitle' : 'meetings.yearTitle', { year: yearLabel(span.year, span.kind) })}</strong>
        <a class="btn" href={`${base}?y=${year + 1}`} aria-label={t('meetings.nextYear')}>›</a>
      </nav>
      <section class="card summary">
        {summary.rate === undefined ? (
          <p class="muted">{t('meetings.noMarks')}</p>
        ) : (
          <>
            <p class="big-number">{formatPercent(summary.rate)}</p>
            <p>{t('meetings.participationLine', { attended: summary.attended, marked: summary.marked })}</p>
          </>
        )}
        {unexcusedMonths.length > 0 && (
          <p class={unexcusedMonths.length >= 3 ? 'warn-text' : 'muted small'}>
            {t('meetings.unexcusedMonthsLine', { n: unexcusedMonths.length, months: unexcusedMonths.map((m) => `${m.slice(5, 7)}/${m.slice(0, 4)}`).join(', ') })}
          </p>
        )}
      </section>
      {rows.length === 0 ? (
        <p class="muted">{t('meetings.noEventsYear')}</p>
      ) : (
        <ul class="history">
          {rows.map(({ event: e, status, reason }) => (
            <li key={e.id}>
              <a href={e.type === 'meeting' ? `/meetings/${e.id}` : `/activities/${e.id}`}>
                <span class="title">{e.title}</span>
                <span class="muted small">
                  {formatDate(e.date)} · {e.type === 'meeting' ? meetingKindLabel(e.kind) : activityKindLabel(e.kind)}
                </span>
              </a>
              <span class={`att ${status ?? 'unmarked'}`}>
                {attendanceLabel(status)}
                {reason && <span class="reason">{reason}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

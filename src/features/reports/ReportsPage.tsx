// /reports?y=yyyy — the unit year's reports to cấp trên (issue 10): the quarters, the two
// halves (a school's semesters) and the year, each with its due date and where it stands —
// not started, being written, sent on time or late, received or returned by cấp trên — and
// "còn N ngày" / "quá hạn N ngày" where it matters. Periods still to come are muted. A row
// opens its report (/reports/:id); the due-date delay is changed at /reports/settings.
import { useLocation } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { formatDate, parseYear, todayIso } from '../../lib/dates';
import { YearNav } from '../../ui/YearNav';
import { loadReportYear, type ReportListRow, type ReportYear } from './report-list-queries';
import { kindLabel, periodLabel } from './period-label';
import { errorText, rl } from './list-i18n';
import { detailLine, stateLabel, toneOf } from './standing-text';
import '../../ui/year-work.css';
import './report-list.css';

function Row({ r, today }: { r: ReportListRow; today: string }) {
  const tone = toneOf(r);
  return (
    <li>
      <a class={`rp-row tone-${tone}`} href={`/reports/${r.id}`}>
        <span class="top">
          <span class="t">{periodLabel(r.period)}</span>
          <span class={`pill tone-${tone}`}>{stateLabel(r)}</span>
        </span>
        <span class="sub">{detailLine(r, today)}</span>
      </a>
    </li>
  );
}

export default function ReportsPage() {
  const { query } = useLocation();
  const today = todayIso();
  const asked = parseYear(query.y) === undefined ? undefined : query.y;
  const data = useLive<ReportYear>(async () => loadReportYear(asked, today), [asked, today]);

  if (data.error) return <main class="page"><p class="error" role="alert">{errorText(data.error)}</p></main>;
  if (!data.value) return <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
  const { span, dueDays, groups } = data.value;
  const school = span.kind === 'school';
  const late = groups.flatMap((g) => g.rows).filter((r) => r.standing.late && r.inSight).length;

  return (
    <main class="page reports">
      <a class="back" href="/">← {rl('back')}</a>
      <h1>{rl('title')}</h1>
      <YearNav
        year={span.year}
        href={(y) => `/reports?y=${y}`}
        label={rl('yearNav')}
        title={periodLabel({ kind: 'year', year: span.year, index: 1, yearKind: span.kind })}
        sub={school ? `${formatDate(span.from)} – ${formatDate(span.to)}` : undefined}
        prev={rl('prevYear')}
        next={rl('nextYear')}
      />
      <p class="muted small">{rl(school ? 'leadSchool' : 'lead')}</p>
      {late > 0 && <p class="warn-box" role="status">⚠️ {rl('lateCount', { n: late })}</p>}
      {groups.map((g) => (
        <section key={g.kind} aria-labelledby={`rp-${g.kind}`}>
          <h2 class="rp-kind" id={`rp-${g.kind}`}>{kindLabel(g.kind, span.kind)}</h2>
          <ul class="rp-list">
            {g.rows.map((r) => <Row key={r.id} r={r} today={today} />)}
          </ul>
        </section>
      ))}
      <a class="card rp-settings w" href="/reports/settings">
        <span>
          <strong>{rl('settingsLine', { n: dueDays })}</strong>
          <span class="muted small">{rl('settingsChange')}</span>
        </span>
        <span aria-hidden="true">›</span>
      </a>
    </main>
  );
}

// /activities?y=yyyy — the year's movement activities (hoạt động phong trào) by month.
import { useMemo } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { t, tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { formatDate, monthLabel, parseYear, todayIso } from '../../lib/dates';
import { listActivitiesInYear } from './activity-queries';
import { activityKindLabel, statusLabel } from '../meetings';
import type { Activity } from '../../protocol/meeting';
import '../meetings/meetings.css';

export default function ActivitiesPage() {
  const { query } = useLocation();
  const today = todayIso();
  const year = parseYear(query.y) ?? Number(today.slice(0, 4));
  const list = useLive(async () => listActivitiesInYear(year), [year]);
  const byMonth = useMemo(() => {
    const groups = new Map<string, Activity[]>();
    const sorted = (list.value ?? []).slice().sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title, 'vi'));
    for (const a of sorted) {
      const m = a.date.slice(0, 7);
      if (!groups.has(m)) groups.set(m, []);
      groups.get(m)!.push(a);
    }
    return [...groups];
  }, [list.value]);
  const held = (list.value ?? []).filter((a) => a.status === 'held').length;
  // a cancelled activity stays listed, but is no activity of the year's count
  const counted = (list.value ?? []).filter((a) => a.status !== 'cancelled').length;

  return (
    <main class="page activities">
      <a class="back" href="/meetings">← {t('meetings.title')}</a>
      <h1>{t('activities.title')}</h1>
      <p>
        <a class="btn" href="/projects">{t('activities.projectsLink')}</a>
      </p>
      <nav class="month-nav" aria-label={t('meetings.yearNav')}>
        <a class="btn" href={`/activities?y=${year - 1}`} aria-label={t('meetings.prevYear')}>‹</a>
        <strong>{t('meetings.yearTitle', { year })}</strong>
        <a class="btn" href={`/activities?y=${year + 1}`} aria-label={t('meetings.nextYear')}>›</a>
      </nav>
      {list.error ? <p class="error" role="alert">{tDynamic('err.unexpected')}</p> : null}
      {list.isLoaded && byMonth.length === 0 && (
        <div class="card empty">
          <p>{t('activities.emptyYear')}</p>
          <p class="muted small">{t('activities.emptyHint')}</p>
        </div>
      )}
      {byMonth.length > 0 && <p class="muted small">{t('activities.yearCount', { n: counted, held })}</p>}
      {byMonth.map(([month, items]) => (
        <section key={month} class="day-group">
          <h2 class="day-title">{t('meetings.monthTitle', { month: monthLabel(month) })}</h2>
          <ul class="agenda">
            {items.map((a) => (
              <li key={a.id}>
                <a class={`agenda-item status-${a.status}`} href={`/activities/${a.id}`}>
                  <span class="when">{formatDate(a.date).slice(0, 5)}</span>
                  <span class="what">
                    <span class="title">{a.title}</span>
                    <span class="muted small">
                      <span class={`pill ${a.status}`}>{statusLabel(a.status)}</span> {activityKindLabel(a.kind)}
                      {a.place ? ` · ${a.place}` : ''}
                    </span>
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <a class="btn primary fab w" href={year === Number(today.slice(0, 4)) ? '/activities/new' : `/activities/new?date=${year}-01-01`}>
        + {t('activities.addShort')}
      </a>
    </main>
  );
}

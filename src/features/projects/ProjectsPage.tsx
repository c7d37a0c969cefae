// /projects?y=yyyy&stage= — the unit-year's youth projects (công trình / phần việc thanh
// niên) with their stage; the year is the unit's (calendar or school year), this year unless
// ?y= says another. "+ Đăng ký" registers one.
import { useLocation } from 'preact-iso';
import { t } from '../../i18n';
import { useLive } from '../../data/live';
import { currentUnitYear, unitYearSpan } from '../../data/unit-year';
import { parseYear, todayIso } from '../../lib/dates';
import { yearLabel } from '../../protocol/year';
import { isAcceptedIn } from '../../protocol/youth-project-rules';
import { YOUTH_PROJECT_STAGES, type YouthProjectStage } from '../../protocol/youth-project-enums';
import { FilterChips, YearNav } from '../../ui/YearNav';
import { listProjectsInYear } from './projects-queries';
import { dateRange, errorText, kindLabel, pt, stageLabel } from './i18n';
import '../../ui/year-work.css';
import './projects.css';

type Filter = YouthProjectStage | 'all';

async function load(y: number | undefined) {
  const span = y ? await unitYearSpan(y) : await currentUnitYear(todayIso());
  return { span, projects: await listProjectsInYear(span.year) };
}

export default function ProjectsPage() {
  const { query, route } = useLocation();
  const asked = parseYear(query.y);
  const data = useLive(async () => load(asked), [asked]);
  const filter: Filter = (YOUTH_PROJECT_STAGES as readonly string[]).includes(query.stage) ? (query.stage as YouthProjectStage) : 'all';

  if (data.error) return <main class="page"><p class="error" role="alert">{errorText(data.error)}</p></main>;
  if (!data.value) return <main class="page"><p class="muted">{t('common.loading')}</p></main>;
  const { span, projects } = data.value;
  const year = span.year;
  const shown = filter === 'all' ? projects : projects.filter((p) => p.stage === filter);
  const present = new Set(projects.map((p) => p.stage));
  const accepted = projects.filter((p) => isAcceptedIn(p, year)).length;
  const href = (y: number, stage: Filter = filter) => `/projects?y=${y}${stage === 'all' ? '' : `&stage=${stage}`}`;

  return (
    <main class="page projects">
      <a class="back" href="/activities">← {t('activities.title')}</a>
      <h1>{pt('title')}</h1>
      <YearNav year={year} href={(y) => href(y)} label={pt('yearNav')} title={pt('yearTitle', { year: yearLabel(year, span.kind) })} prev={pt('prevYear')} next={pt('nextYear')} />
      {projects.length === 0 ? (
        <div class="card empty">
          <p>{pt('emptyYear')}</p>
          <p class="muted small">{pt('emptyHint')}</p>
        </div>
      ) : (
        <>
          <p class="muted small">{pt('yearCount', { n: projects.length, accepted })}</p>
          <FilterChips<Filter>
            value={filter}
            label={pt('stageFilter')}
            onChange={(k) => route(href(year, k), true)}
            options={[{ key: 'all', label: pt('all') }, ...YOUTH_PROJECT_STAGES.filter((s) => present.has(s) || s === filter).map((s) => ({ key: s, label: stageLabel(s) }))]}
          />
          {shown.length === 0 && <p class="muted">{pt('emptyStage')}</p>}
          <ul class="pj-list">
            {shown.map((p) => (
              <li key={p.id}>
                <a class={`pj-item stage-${p.stage}`} href={`/projects/${p.id}`}>
                  <span class="t">{p.title}</span>
                  <span class="sub">
                    <span class={`pill stage-${p.stage}`}>{stageLabel(p.stage)}</span> {kindLabel(p.kind)}
                    {p.startsOn || p.endsOn ? ` · ${dateRange(p.startsOn, p.endsOn)}` : ''}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <a class="btn primary fab w" href={asked ? `/projects/new?y=${year}` : '/projects/new'}>
        + {pt('addShort')}
      </a>
    </main>
  );
}

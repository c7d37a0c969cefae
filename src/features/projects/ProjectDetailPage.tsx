// /projects/:id — one youth project: its stages (the next step as the big button), what and
// where, the budget and its sources, who took part (the same roll as an activity's) against
// the volunteer-days expected, and the progress log, newest first.
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { t } from '../../i18n';
import { useLive } from '../../data/live';
import { formatMoney } from '../../lib/money';
import { formatDate } from '../../lib/dates';
import { volunteerDaysDone } from '../../protocol/youth-project-rules';
import type { YouthProject } from '../../protocol/youth-project';
import { Icon, ICON_CALENDAR, ICON_CHECK } from '../../ui/Icon';
import { loadProject } from './projects-queries';
import { deleteProject } from './projects-repo';
import { StageCard } from './StageCard';
import { LogCard } from './LogCard';
import { dateRange, errorText, kindLabel, pt, stageLabel } from './i18n';
import '../meetings/meetings.css';
import './projects.css';

function BudgetCard({ p }: { p: YouthProject }) {
  const sources = p.budgetSources ?? [];
  return (
    <section class="card">
      <h2>{pt('budgetTitle')}</h2>
      {p.budget === undefined && !sources.length ? (
        <p class="muted">{pt('noBudget')}</p>
      ) : (
        <ul class="money-list">
          {sources.map((s, i) => (
            <li key={i}>
              <span>{s.source}</span>
              <span class="amt">{formatMoney(s.amount)}</span>
            </li>
          ))}
          <li class="sum">
            <span>{pt('budgetSum')}</span>
            <span class="amt">{formatMoney(p.budget ?? 0)}</span>
          </li>
        </ul>
      )}
    </section>
  );
}

export default function ProjectDetailPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const data = useLive(async () => loadProject(params.id), [params.id]);
  const [message, setMessage] = useState<{ ok?: string; error?: string }>({});

  if (data.error) return <main class="page"><p class="error" role="alert">{errorText(data.error)}</p></main>;
  if (!data.isLoaded) return <main class="page"><p class="muted">{t('common.loading')}</p></main>;
  if (!data.value)
    return (
      <main class="page">
        <p>{pt('notFound')}</p>
        <a class="btn" href="/projects">{t('common.back')}</a>
      </main>
    );
  const { project: p, log, participants, leaderName } = data.value;
  const done = volunteerDaysDone(participants);
  const remove = async () => {
    if (!confirm(pt('deleteConfirm'))) return;
    try {
      await deleteProject(p.id);
      route(`/projects?y=${p.year}`, true);
    } catch (e) {
      setMessage({ error: errorText(e) });
    }
  };

  return (
    <main class="page project-detail">
      <a class="back" href={`/projects?y=${p.year}`}>← {pt('title')}</a>
      <h1>{p.title}</h1>
      <p class="muted">
        {kindLabel(p.kind)} <span class={`pill stage-${p.stage}`}>{stageLabel(p.stage)}</span>
      </p>
      {(p.startsOn || p.endsOn || p.place || leaderName) && (
        <p>
          {(p.startsOn || p.endsOn) && (
            <>
              <Icon d={ICON_CALENDAR} /> {dateRange(p.startsOn, p.endsOn)}
              <br />
            </>
          )}
          {p.place && (
            <>
              <Icon d="M12 21s-6-6-6-11a6 6 0 0 1 12 0c0 5-6 11-6 11zM12 12a2 2 0 1 0 0-4 2 2 0 0 0 0 4" /> {p.place}
              <br />
            </>
          )}
          {leaderName && <>{pt('leader')}: <strong>{leaderName}</strong></>}
        </p>
      )}
      {p.description && <p class="pj-description">{p.description}</p>}
      {message.ok && <p class="ok" role="status">{message.ok}</p>}
      {message.error && <p class="error" role="alert">{message.error}</p>}

      <StageCard project={p} onDone={(ok) => setMessage({ ok })} />

      <section class="card">
        <h2>{pt('participantsTitle')}</h2>
        <p class="roll-summary" aria-live="polite">{participants ? pt('participants', { n: participants }) : pt('noParticipants')}</p>
        <p>{p.volunteerDays ? pt('volunteerDaysDone', { done, goal: p.volunteerDays }) : pt('volunteerDaysDoneOnly', { done })}</p>
        <p class="muted small">{pt('volunteerDaysRule')}</p>
        {p.beneficiaries ? <p>{pt('beneficiariesLine', { n: p.beneficiaries })}</p> : null}
        {p.stage !== 'dropped' && (
          <a class="btn primary block w" href={`/projects/${p.id}/roll`}>
            <Icon d={ICON_CHECK} /> {pt('roll')}
          </a>
        )}
      </section>

      <BudgetCard p={p} />
      <LogCard projectId={p.id} log={log} onDone={(ok) => setMessage({ ok })} />

      <div class="row w">
        <a class="btn" href={`/projects/${p.id}/edit`}>{t('common.edit')}</a>
        <button type="button" class="btn danger" onClick={() => void remove()}>{pt('deleteAction')}</button>
      </div>
      <p class="muted small">{pt('registeredOn')}: {formatDate(p.registeredOn)}</p>
    </main>
  );
}

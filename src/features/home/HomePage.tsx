// / — the secretary's dashboard: is this period's regular meeting planned (warn if not, with
// a button to plan it), the next meeting with its roll one tap away, the member count, and
// the absence warning list, and the way to the year's work: the year's plan at a glance
// (features/targets YearCard, loaded after first paint), the reports to cấp trên and their
// reminder (features/reports, likewise), training, rating, dues, youth projects and the committee.
import { t, tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { todayIso } from '../../lib/dates';
import { regularMeetingDue } from '../../protocol/attendance-rules';
import { Icon, ICON_CALENDAR, ICON_CHECK } from '../../ui/Icon';
import { LazySlot } from '../../ui/LazySlot';
import { getUnit } from '../setup/unit-queries';
import { listMeetingsInYear, listUpcomingMeetings } from '../meetings/meeting-queries';
import { meetingKindLabel, whenLabel } from '../meetings';
import { countActiveMembers } from './home-queries';
import { periodLabel } from './period';
import './home.css';

// Home's own line icon (src/ui/Icon.tsx): a sprout for activities.
const ICON_SPROUT = 'M12 21V11C12 6 9 4 4 4c0 5 3 7 8 7M12 14c0-3 3-6 8-6 0 4-3 6-8 6';

async function loadHome(today: string) {
  const [unit, yearMeetings, upcoming, memberCount] = await Promise.all([
    getUnit(),
    listMeetingsInYear(Number(today.slice(0, 4))),
    listUpcomingMeetings(today, 1),
    countActiveMembers(today),
  ]);
  const frequency = unit?.meetingFrequency ?? 'monthly';
  return { unit, frequency, due: regularMeetingDue(yearMeetings, frequency, today), next: upcoming[0], memberCount };
}

export default function HomePage() {
  const today = todayIso();
  // An async querier: Dexie's liveQuery keeps watching across awaits only for async functions.
  const data = useLive(async () => loadHome(today), [today]);

  if (data.error) return <main class="page"><p class="error" role="alert">{tDynamic('err.unexpected')}</p></main>;
  if (!data.value) return <main class="page"><p class="muted">{t('common.loading')}</p></main>;
  const { unit, frequency, due, next, memberCount } = data.value;
  const period = periodLabel(frequency, today);

  return (
    <main class="page home">
      <h1 class="unit-name">{unit?.name}</h1>
      {unit?.parentUnit && <p class="muted small unit-parent">{unit.parentUnit}</p>}

      {due.state === 'missing' && (
        <section class="card warn-card" role="alert">
          <h2>⚠️ {t(frequency === 'quarterly' ? 'home.dueMissingQuarter' : 'home.dueMissingMonth', { period })}</h2>
          <p class="small">{t(frequency === 'quarterly' ? 'home.dueRuleQuarter' : 'home.dueRuleMonth')}</p>
          <a class="btn primary block w" href="/meetings/new?kind=regular">
            {t('home.planRegular')}
          </a>
        </section>
      )}
      {due.state === 'held' && <p class="ok small">✓ {t('home.dueHeld', { period })}</p>}

      <section class="card next-meeting">
        <h2>{t('home.nextMeeting')}</h2>
        {next ? (
          <>
            <a class="next-title" href={`/meetings/${next.id}`}>
              {next.title}
            </a>
            <p class="muted small">
              {meetingKindLabel(next.kind)} · {whenLabel(next.startsAt, next.endsAt)}
              {next.place ? ` · ${next.place}` : ''}
            </p>
            <div class="row">
              <a class="btn primary big w" href={`/meetings/${next.id}/roll`}>
                <Icon d={ICON_CHECK} />
                {t('home.roll')}
              </a>
              <a class="btn" href={`/meetings/${next.id}`}>
                {t('home.openMeeting')}
              </a>
            </div>
          </>
        ) : (
          <>
            <p class="muted">{t('home.noUpcoming')}</p>
            <a class="btn w" href="/meetings/new">+ {t('home.plan')}</a>
          </>
        )}
      </section>

      <div class="home-tiles">
        <a class="tile" href="/members">
          <strong>{memberCount}</strong>
          <span>{t('home.members')}</span>
        </a>
        <a class="tile" href="/meetings">
          <strong>
            <Icon d={ICON_CALENDAR} />
          </strong>
          <span>{t('home.calendar')}</span>
        </a>
        <a class="tile" href="/activities">
          <strong>
            <Icon d={ICON_SPROUT} />
          </strong>
          <span>{t('home.activities')}</span>
        </a>
      </div>

      <LinkCard href="/attendance/warnings" title={t('home.warningsLink')} hint={t('home.warningsHint')} />

      <h2 class="home-section">{t('home.yearWork')}</h2>
      {/* the year's plan at a glance: its code, rules and messages load after Home's first
          paint and the card computes on its own; the slot keeps its height (home.css) */}
      <LazySlot class="year-slot" load={() => import('../targets').then((m) => m.YearCard)} />
      <LazySlot load={() => import('../reports').then((m) => m.loadReportCard())} />
      <LazySlot load={() => import('../inbox').then((m) => m.loadAboveCard())} />
      <LinkCard href="/training" title={t('home.training')} hint={t('home.trainingHint')} />
      <LinkCard href="/rating" title={t('home.rating')} hint={t('home.ratingHint')} />
      <LinkCard href="/dues" title={t('home.duesLink')} hint={t('home.duesHint')} />
      <LinkCard href="/projects" title={t('home.projects')} hint={t('home.projectsHint')} />
      <LinkCard href="/committee" title={t('home.committee')} hint={t('home.committeeHint')} />
    </main>
  );
}


function LinkCard({ href, title, hint }: { href: string; title: string; hint: string }) {
  return (
    <a class="card link-card" href={href}>
      <span>
        <strong>{title}</strong>
        <span class="muted small">{hint}</span>
      </span>
      <span aria-hidden="true">›</span>
    </a>
  );
}

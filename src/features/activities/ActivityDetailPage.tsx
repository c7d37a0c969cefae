// /activities/:id — one activity: who took part (the same roll screen as meetings), the
// results written afterwards, and its status.
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { t, tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { UserError } from '../../lib/user-error';
import { markDirty } from '../../pwa/dirty';
import type { MeetingStatus } from '../../protocol/meeting-enums';
import { isAttending } from '../../protocol/attendance-rules';
import { getActivity } from './activity-queries';
import { deleteActivity, updateActivity } from './activities-repo';
import { listAttendance } from '../attendance/attendance-repo';
import { activityKindLabel, dayLabel, statusLabel } from '../meetings';
import { PhotoField } from '../photos';
import '../meetings/meetings.css';
import { Icon, ICON_CALENDAR, ICON_CHECK } from '../../ui/Icon';

const FORM_ID = 'activity-results';

async function load(id: string) {
  const activity = await getActivity(id);
  if (!activity) return null;
  const rows = await listAttendance(id);
  return { activity, marks: rows.length, participants: rows.filter((r) => isAttending(r.status)).length };
}

export default function ActivityDetailPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const data = useLive(async () => load(params.id), [params.id]);
  const [results, setResults] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok?: string; error?: string }>({});
  useEffect(() => () => markDirty(FORM_ID, false), []);

  if (!data.isLoaded) return <main class="page"><p class="muted">{t('common.loading')}</p></main>;
  if (!data.value)
    return (
      <main class="page">
        <p>{t('activities.notFound')}</p>
        <a class="btn" href="/activities">{t('common.back')}</a>
      </main>
    );
  const { activity: a, marks, participants } = data.value;
  const draft = results ?? a.results ?? '';
  const isDirty = results !== null && results !== (a.results ?? '');

  const run = async (patch: { status?: MeetingStatus; results?: string; photos?: string[] } | null, ok: string) => {
    try {
      // null: delete it (one recorded by mistake), then back to the year's list
      if (!patch) {
        await deleteActivity(a.id);
        route(`/activities?y=${a.date.slice(0, 4)}`, true);
        return true;
      }
      await updateActivity(a.id, patch);
      setMessage({ ok });
      return true;
    } catch (e) {
      setMessage({ error: tDynamic(e instanceof UserError ? e.key : 'err.unexpected') });
      return false;
    }
  };
  const saveResults = async (e: Event) => {
    e.preventDefault();
    if (await run({ results: draft.trim() || undefined }, t('activities.resultsSaved'))) {
      setResults(null);
      markDirty(FORM_ID, false);
    }
  };

  return (
    <main class="page activity-detail">
      <a class="back" href={`/activities?y=${a.date.slice(0, 4)}`}>← {t('activities.title')}</a>
      <h1>{a.title}</h1>
      <p class="muted">
        {activityKindLabel(a.kind)} <span class={`pill ${a.status}`}>{statusLabel(a.status)}</span>
      </p>
      <p>
        <Icon d={ICON_CALENDAR} /> {dayLabel(a.date)}
        {a.place && (
          <>
            <br />
            <Icon d="M12 21s-6-6-6-11a6 6 0 0 1 12 0c0 5-6 11-6 11zM12 12a2 2 0 1 0 0-4 2 2 0 0 0 0 4" /> {a.place}
          </>
        )}
      </p>
      {a.status !== 'cancelled' && (
        <div class="big-actions single">
          <a class="btn primary big w" href={`/activities/${a.id}/roll`}>
            <Icon d={ICON_CHECK} /> {t('activities.roll')}
          </a>
        </div>
      )}
      <p class="roll-summary" aria-live="polite">
        {participants ? t('activities.participants', { n: participants }) : t('activities.noParticipants')}
      </p>
      {message.ok && <p class="ok" role="status">{message.ok}</p>}
      {message.error && <p class="error" role="alert">{message.error}</p>}

      {a.results && <p class="card pre r" hidden>{a.results}</p>}
      <form class="card w" onSubmit={saveResults}>
        <div class="field">
          <label for="ac-results-edit">{t('activities.results')}</label>
          <textarea
            id="ac-results-edit"
            rows={4}
            value={draft}
            placeholder={t('activities.resultsHint')}
            onInput={(e) => {
              setResults((e.target as HTMLTextAreaElement).value);
              markDirty(FORM_ID, true);
            }}
          />
        </div>
        <button type="submit" class="btn primary" disabled={!isDirty}>
          {t('activities.saveResults')}
        </button>
      </form>

      <section class="card">
        <h2>{t('activities.photos')}</h2>
        {/* evidence taken on the day: each photo is saved with the activity at once */}
        <PhotoField id="ac-photos" value={a.photos ?? []} confirmRemove onChange={(next) => void run({ photos: next.length ? next : undefined }, t('activities.photosSaved'))} />
      </section>

      <section class="card w">
        <h2>{t('meetings.statusTitle')}</h2>
        <div class="row">
          {a.status === 'planned' && (
            <>
              <button class="btn primary" onClick={() => run({ status: 'held' }, t('meetings.statusSaved', { status: statusLabel('held') }))}>
                ✓ {t('activities.markHeld')}
              </button>
              <button
                class="btn danger"
                onClick={() => confirm(t('activities.cancelConfirm')) && run({ status: 'cancelled' }, t('meetings.statusSaved', { status: statusLabel('cancelled') }))}
              >
                {t('activities.markCancelled')}
              </button>
            </>
          )}
          {a.status !== 'planned' && (
            <button class="btn" onClick={() => run({ status: 'planned' }, t('meetings.statusSaved', { status: statusLabel('planned') }))}>
              {a.status === 'held' ? t('meetings.undoHeld') : t('meetings.restorePlanned')}
            </button>
          )}
          <a class="btn" href={`/activities/${a.id}/edit`}>{t('common.edit')}</a>
          {!marks && !a.photos?.length && (
            <button class="btn danger" onClick={() => confirm(t('activities.deleteConfirm')) && run(null, '')}>
              {t('common.delete')}
            </button>
          )}
        </div>
      </section>
    </main>
  );
}

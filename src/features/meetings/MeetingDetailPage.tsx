// /meetings/:id — one meeting: the two things a secretary does on site (take the roll, write
// the minutes) as big buttons first, then the details and the status (held / cancelled).
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { t, tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { UserError } from '../../lib/user-error';
import type { MeetingStatus } from '../../protocol/meeting-enums';
import { getMeeting, isMinutesFinalized } from './meeting-queries';
import { updateMeeting } from './meetings-repo';
import { getMember } from '../members/member-queries';
import { listAttendance } from '../attendance/attendance-repo';
import { monthOf } from './calendar';
import { meetingKindLabel, statusLabel, whenLabel } from './labels';
import './meetings.css';
import { Icon, ICON_CHECK } from '../../ui/Icon';

async function loadMeeting(id: string) {
  const meeting = await getMeeting(id);
  if (!meeting) return null;
  const [chair, taker, rows, finalized] = await Promise.all([
    meeting.chairId ? getMember(meeting.chairId) : undefined,
    meeting.minuteTakerId ? getMember(meeting.minuteTakerId) : undefined,
    listAttendance(id),
    isMinutesFinalized(id),
  ]);
  const counts = { present: 0, late: 0, absent_excused: 0, absent_unexcused: 0 };
  for (const r of rows) counts[r.status]++;
  return { meeting, chair, taker, marked: rows.length, counts, finalized };
}

export default function MeetingDetailPage() {
  const { params } = useRoute();
  const data = useLive(async () => loadMeeting(params.id), [params.id]);
  const [message, setMessage] = useState<{ ok?: string; error?: string }>({});

  if (!data.isLoaded) return <main class="page"><p class="muted">{t('common.loading')}</p></main>;
  if (!data.value)
    return (
      <main class="page">
        <p>{t('meetings.notFound')}</p>
        <a class="btn" href="/meetings">{t('common.back')}</a>
      </main>
    );
  const { meeting: m, chair, taker, marked, counts, finalized } = data.value;

  const setStatus = async (status: MeetingStatus, confirmKey?: 'meetings.cancelConfirm') => {
    if (confirmKey && !confirm(t(confirmKey))) return;
    try {
      await updateMeeting(m.id, { status });
      setMessage({ ok: t('meetings.statusSaved', { status: statusLabel(status) }) });
    } catch (e) {
      setMessage({ error: tDynamic(e instanceof UserError ? e.key : 'err.unexpected') });
    }
  };

  const facts: [string, string | undefined][] = [
    [t('meetings.when'), whenLabel(m.startsAt, m.endsAt)],
    [t('meetings.place'), m.place],
    [t('meetings.chair'), chair?.fullName],
    [t('meetings.minuteTaker'), taker?.fullName],
    [t('meetings.rollScope'), m.subGroup || t('meetings.wholeUnit')],
  ];

  return (
    <main class="page meeting-detail">
      <a class="back" href={`/meetings?m=${monthOf(m.startsAt)}`}>← {t('meetings.title')}</a>
      <h1>{m.title}</h1>
      <p class="muted">
        {meetingKindLabel(m.kind)} <span class={`pill ${m.status}`}>{statusLabel(m.status)}</span>
      </p>
      {m.status !== 'cancelled' && (
        <div class="big-actions">
          <a class="btn primary big w" href={`/meetings/${m.id}/roll`}>
            <Icon d={ICON_CHECK} /> {t('meetings.roll')}
          </a>
          <a class="btn big" href={`/meetings/${m.id}/minutes`}>
            <Icon d="M4 20h4L20 8l-4-4L4 16zM14 6l4 4" /> {t('meetings.minutes')}
          </a>
        </div>
      )}
      <p class="small roll-summary" aria-live="polite">
        {marked === 0
          ? t('meetings.rollEmpty')
          : t('meetings.rollSummary', { n: marked, present: counts.present, late: counts.late, excused: counts.absent_excused, unexcused: counts.absent_unexcused })}
      </p>
      {message.ok && <p class="ok" role="status">{message.ok}</p>}
      {message.error && <p class="error" role="alert">{message.error}</p>}

      <section class="card">
        <dl class="facts">
          {facts
            .filter(([, v]) => v)
            .map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
        {m.guests.length > 0 && (
          <>
            <h2>{t('meetings.guests')}</h2>
            <ul class="plain">
              {m.guests.map((g, i) => (
                <li key={i}>
                  {g.name}
                  {g.role && <span class="muted"> — {g.role}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
        {m.agenda && (
          <>
            <h2>{t('meetings.agenda')}</h2>
            <p class="pre">{m.agenda}</p>
          </>
        )}
      </section>

      {finalized ? (
        <p class="muted small">{t('meetings.lockedNote')}</p>
      ) : (
        <section class="card w">
          <h2>{t('meetings.statusTitle')}</h2>
          <div class="row">
            {m.status === 'planned' && (
              <>
                <button class="btn primary" onClick={() => setStatus('held')}>✓ {t('meetings.markHeld')}</button>
                <button class="btn danger" onClick={() => setStatus('cancelled', 'meetings.cancelConfirm')}>{t('meetings.markCancelled')}</button>
              </>
            )}
            {m.status === 'cancelled' && <button class="btn" onClick={() => setStatus('planned')}>{t('meetings.restorePlanned')}</button>}
            {m.status === 'held' && <button class="btn" onClick={() => setStatus('planned')}>{t('meetings.undoHeld')}</button>}
            <a class="btn" href={`/meetings/${m.id}/edit`}>{t('common.edit')}</a>
          </div>
        </section>
      )}
    </main>
  );
}

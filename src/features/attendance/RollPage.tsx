// Taking the roll on site (/meetings/:id/roll, /activities/:id/roll, /projects/:id/roll), one-handed, offline.
// The roll is read once when the screen opens and then held in RollState: a tap paints from
// local state at once and the write (row + outbox) commits behind it. Re-reading 5,000 rows
// after every tap (a live query) would cost more than the tap itself (PERFORMANCE.md B4).
// This route reads the event, the members and the roll; RollScreen.tsx is the screen itself.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { t, tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { useBulkLive } from '../../data/live-bulk';
import { UserError } from '../../lib/user-error';
import type { Attendance } from '../../protocol/meeting';
import { frozenRoster } from '../../protocol/attendance-rules';
import { inUnitOn, listMembers } from '../members/member-queries';
import { getMinutes } from '../minutes/minutes-repo';
import { listAttendance } from './attendance-repo';
import { loadEvent, rollEventKind } from './roll-event';
import { todayIso } from '../../lib/dates';
import { RollScreen } from './RollScreen';
import './roll.css';

const MEMBER_TABLES = ['members'];

export default function RollPage() {
  const { params, path } = useRoute();
  const id = params.id;
  const kind = rollEventKind(path);
  const isActivity = kind !== 'meeting'; // activities and projects: no minutes
  // Async queriers on purpose: Dexie's liveQuery follows native awaits only inside an async
  // function; `() => getMeeting(id)` would never re-run after a change.
  const event = useLive(async () => await loadEvent(id, kind, todayIso()), [id, kind]);
  const minutes = useLive(async () => (isActivity ? undefined : await getMinutes(id)), [id, isActivity]);
  // A plain read, again after any change of the members: inside a liveQuery Dexie would keep
  // the 5,000 members twice (its cache and the deep clone it hands over), a bigger heap for the
  // garbage collector to walk while the secretary ticks (B4: no task over 50 ms).
  const members = useBulkLive(listMembers, MEMBER_TABLES, []);
  // Who is in the unit on the event's day (the one head count): the roster of an open roll.
  const day = event.value?.day;
  const inUnit = useLive(async () => (day ? await inUnitOn(day) : undefined), [day]);
  const [rows, setRows] = useState<Attendance[] | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  useEffect(() => {
    let alive = true;
    setRows(undefined);
    listAttendance(id).then(
      (r) => alive && setRows(r),
      (e) => alive && setLoadError(e),
    );
    return () => {
      alive = false;
    };
  }, [id]);

  // Finalized minutes freeze who is on the roll: members added since are not on it.
  const finalized = minutes.value?.status === 'finalized' ? minutes.value : undefined;
  const frozen = useMemo(() => (finalized && rows ? frozenRoster(finalized.attendance, rows) : undefined), [finalized, rows]);

  const back = `/${kind === 'meeting' ? 'meetings' : kind === 'activity' ? 'activities' : 'projects'}/${id}`;
  const error = event.error ?? members.error ?? minutes.error ?? inUnit.error ?? loadError;
  if (error) {
    return (
      <main class="page roll">
        <p class="error" role="alert">
          {tDynamic(error instanceof UserError ? error.key : 'err.unexpected')}
        </p>
      </main>
    );
  }
  if (!event.isLoaded || !members.isLoaded || !minutes.isLoaded || !rows || (day && !inUnit.value)) {
    return (
      <main class="page roll">
        <p class="muted">{t('common.loading')}</p>
      </main>
    );
  }
  if (!event.value) {
    return (
      <main class="page roll">
        <p>{t(kind === 'project' ? 'attendance.notFoundProject' : isActivity ? 'attendance.notFoundActivity' : 'attendance.notFoundMeeting')}</p>
        <a class="btn" href="/">
          {t('common.backHome')}
        </a>
      </main>
    );
  }
  return (
    <RollScreen
      key={id}
      event={event.value}
      back={back}
      members={members.value ?? []}
      rows={rows}
      frozen={frozen}
      inUnit={inUnit.value}
    />
  );
}

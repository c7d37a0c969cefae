// Taking the roll on site (/meetings/:id/roll, /activities/:id/roll), one-handed, offline.
// The roll is read once when the screen opens and then held in RollState: a tap paints from
// local state at once and the write (row + outbox) commits behind it. Re-reading 5,000 rows
// after every tap (a live query) would cost more than the tap itself (PERFORMANCE.md B4).
import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso';
import { t, tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { UserError } from '../../data/commit';
import { formatDate } from '../../lib/dates';
import { VirtualList } from '../../ui/VirtualList';
import { PARTICIPATING_STATUSES } from '../../protocol/member-enums';
import type { Attendance, Guest } from '../../protocol/meeting';
import type { Member } from '../../protocol/member';
import { listMembers } from '../members/member-queries';
import { buildMemberIndex, searchMembers, type IndexedMember } from '../members/member-search';
import { getMeeting } from '../meetings/meeting-queries';
import { updateMeeting } from '../meetings/meetings-repo';
import { getActivity } from '../activities/activities-repo';
import { getMinutes } from '../minutes/minutes-repo';
import { clearAttendance, clearAttendanceMany, listAttendance, markAllPresent, markAttendance } from './attendance-repo';
import { RollState, type Mark } from './roll-state';
import { RollController, type RollWriter } from './roll-controller';
import { RollRow, ROLL_ROW_HEIGHT, statusLabel } from './RollRow';
import { RollCall } from './RollCall';
import { ReasonSheet } from './ReasonSheet';
import { GuestsPanel } from './GuestsPanel';
import './roll.css';

export interface RollEvent {
  id: string;
  kind: 'meeting' | 'activity';
  title: string;
  when: string;
  place?: string;
  subGroup?: string;
  guests?: Guest[];
}

const repoWriter: RollWriter = {
  mark: markAttendance,
  clear: clearAttendance,
  markAll: markAllPresent,
  clearMany: clearAttendanceMany,
};

async function loadEvent(id: string, isActivity: boolean): Promise<RollEvent | null> {
  if (isActivity) {
    const a = await getActivity(id);
    return a ? { id, kind: 'activity', title: a.title, when: formatDate(a.date), place: a.place } : null;
  }
  const m = await getMeeting(id);
  if (!m) return null;
  const [date, time] = m.startsAt.split('T');
  return { id, kind: 'meeting', title: m.title, when: `${time} · ${formatDate(date)}`, place: m.place, subGroup: m.subGroup || undefined, guests: m.guests };
}

export default function RollPage() {
  const { params, path } = useRoute();
  const id = params.id;
  const isActivity = path.startsWith('/activities');
  // Async queriers on purpose: Dexie's liveQuery follows native awaits only inside an async
  // function; `() => getMeeting(id)` would never re-run after a change.
  const event = useLive(async () => await loadEvent(id, isActivity), [id, isActivity]);
  const minutes = useLive(async () => (isActivity ? undefined : await getMinutes(id)), [id, isActivity]);
  const members = useLive(listMembers, []);
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

  const back = isActivity ? `/activities/${id}` : `/meetings/${id}`;
  const error = event.error ?? members.error ?? minutes.error ?? loadError;
  if (error) {
    return (
      <main class="page roll">
        <p class="error" role="alert">
          {tDynamic(error instanceof UserError ? error.key : 'err.unexpected')}
        </p>
      </main>
    );
  }
  if (!event.isLoaded || !members.isLoaded || !minutes.isLoaded || !rows) {
    return (
      <main class="page roll">
        <p class="muted">{t('common.loading')}</p>
      </main>
    );
  }
  if (!event.value) {
    return (
      <main class="page roll">
        <p>{t(isActivity ? 'attendance.notFoundActivity' : 'attendance.notFoundMeeting')}</p>
        <a class="btn" href="/">
          {t('common.backHome')}
        </a>
      </main>
    );
  }
  return (
    <Roll
      key={id}
      event={event.value}
      back={back}
      members={members.value ?? []}
      rows={rows}
      finalized={minutes.value?.status === 'finalized'}
    />
  );
}

interface RollProps {
  event: RollEvent;
  back: string;
  members: Member[];
  rows: Attendance[];
  finalized: boolean;
}

function Roll({ event, back, members, rows, finalized }: RollProps) {
  const state = useMemo(() => new RollState(rows), [rows]);
  const [lockedByWrite, setLockedByWrite] = useState(false);
  const locked = finalized || lockedByWrite;
  const [message, setMessage] = useState<string | undefined>();
  const controller = useMemo(
    () =>
      new RollController(event.id, state, repoWriter, (e) => {
        if (e instanceof UserError && e.key === 'err.locked') setLockedByWrite(true);
        setMessage(t('attendance.failed', { error: tDynamic(e instanceof UserError ? e.key : 'err.unexpected') }));
      }),
    [event.id, state],
  );

  const [showAll, setShowAll] = useState(false);
  const [query, setQuery] = useState('');
  const [mode, setMode] = useState<'list' | 'call'>('list');
  const [callIndex, setCallIndex] = useState(0);
  const [reasonFor, setReasonFor] = useState<string | undefined>();

  const index = useMemo(() => buildMemberIndex(members), [members]);
  const byId = useMemo(() => new Map(members.map((m) => [m.id, m])), [members]);
  // The roster: participating members (of the meeting's sub-group unless "everyone" is on), plus
  // anyone already marked on this roll who has since left, as the minutes count them. Built when
  // the members or the toggle change, never per tap.
  const limitTo = showAll ? undefined : event.subGroup;
  const roster = useMemo(() => {
    const list = index.filter(
      ({ member: m }) => state.isMarked(m.id) || (!m.archivedAt && PARTICIPATING_STATUSES.includes(m.status) && (!limitTo || m.subGroup === limitTo)),
    );
    state.setRoster(list.map((m) => m.member.id));
    return list;
  }, [index, limitTo, state]);
  const visible = useMemo(() => searchMembers(roster, query), [roster, query]);
  const callList = useMemo(() => visible.map((m) => m.member), [visible]);

  // Stable callbacks: rows never re-render because their parent did.
  const onTap = useCallback((memberId: string) => void controller.tap(memberId), [controller]);
  const onReason = useCallback((memberId: string) => setReasonFor(memberId), []);
  const setMark = useCallback((memberId: string, mark: Mark | undefined) => void controller.set(memberId, mark), [controller]);
  const renderRow = useCallback(
    (m: IndexedMember) => <RollRow member={m.member} state={state} locked={locked} onTap={onTap} onReason={onReason} />,
    [state, locked, onTap, onReason],
  );

  const undo = () => {
    const entry = controller.undo();
    if (entry?.kind === 'one' && mode === 'call') {
      const i = callList.findIndex((m) => m.id === entry.memberId);
      if (i >= 0) setCallIndex(i);
    }
  };
  const startCall = () => {
    const first = callList.findIndex((m) => !state.isMarked(m.id));
    setCallIndex(first >= 0 ? first : 0);
    setMode('call');
    window.scrollTo(0, 0);
  };
  const reasonMember = reasonFor ? byId.get(reasonFor) : undefined;

  return (
    <main class={`page roll${locked ? ' locked' : ''}`}>
      <a class="back" href={back}>
        ‹ {t(event.kind === 'activity' ? 'attendance.backActivity' : 'attendance.backMeeting')}
      </a>
      <h1 class="roll-title">
        <span class="roll-eyebrow">{t('attendance.title')}</span> {event.title}
      </h1>
      <p class="muted small roll-when">{[event.when, event.place].filter(Boolean).join(' · ')}</p>

      <div class="roll-sticky">
        <RollCounts state={state} />
        {mode === 'list' && (
          <input
            class="search roll-search"
            type="search"
            aria-label={t('attendance.search')}
            placeholder={t('attendance.searchPlaceholder')}
            value={query}
            onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
            autoComplete="off"
            spellcheck={false}
          />
        )}
      </div>

      {locked && (
        <p class="card roll-locked" role="status">
          {t('attendance.locked')}
        </p>
      )}
      {message && (
        <p class="error roll-message" role="alert">
          {message}
        </p>
      )}

      {!locked && roster.length > 0 && mode === 'list' && (
        <div class="roll-actions">
          <MarkAllButton state={state} onClick={() => void controller.markAllPresent(roster.map((m) => m.member.id))} />
          <button type="button" class="btn" onClick={startCall}>
            {t('attendance.rollCall')}
          </button>
        </div>
      )}

      {event.subGroup && (
        <label class="roll-toggle">
          <input type="checkbox" checked={!showAll} onChange={(e) => setShowAll(!(e.target as HTMLInputElement).checked)} />
          {t('attendance.onlySubGroup', { subGroup: event.subGroup })}
        </label>
      )}

      {event.kind === 'meeting' && mode === 'list' && (
        <GuestsPanel guests={event.guests ?? []} locked={locked} onChange={(guests) => updateMeeting(event.id, { guests })} />
      )}

      {roster.length === 0 ? (
        <div class="card empty">
          <p>{t('attendance.emptyRoster')}</p>
          <div class="row">
            <a class="btn primary" href="/members/new">
              {t('attendance.addMembers')}
            </a>
            <a class="btn" href="/import">
              {t('attendance.importMembers')}
            </a>
          </div>
        </div>
      ) : mode === 'call' && !locked ? (
        <RollCallView
          state={state}
          members={callList}
          index={callIndex}
          onIndex={setCallIndex}
          onMark={setMark}
          onUndo={undo}
          onExit={() => setMode('list')}
        />
      ) : (
        <>
          <RollHint state={state} n={roster.length} locked={locked} />
          {visible.length === 0 && <p class="muted">{t('attendance.noMatch')}</p>}
          <div class="roll-list">
            <VirtualList items={visible} rowHeight={ROLL_ROW_HEIGHT} getKey={memberKey} label={t('attendance.title')} renderRow={renderRow} />
          </div>
        </>
      )}

      {!locked && mode === 'list' && <UndoBar state={state} byId={byId} onUndo={undo} />}

      {reasonMember && (
        <ReasonSheet
          name={reasonMember.fullName}
          reason={state.get(reasonMember.id)?.reason}
          onClose={() => setReasonFor(undefined)}
          onSave={(reason) => {
            setMark(reasonMember.id, { status: 'absent_excused', reason });
            setReasonFor(undefined);
          }}
        />
      )}
    </main>
  );
}

const memberKey = (m: IndexedMember) => m.member.id;

/** Re-renders the calling component on every visible change of the roll (not its parent). */
function useRollVersion(state: RollState): number {
  const [version, setVersion] = useState(state.version);
  // Subscribed before the first paint: a tap right after the screen appears must not be lost.
  useLayoutEffect(() => state.subscribe(() => setVersion(state.version)), [state]);
  return version;
}

/** Re-renders only when `select(state)` changes (a primitive), e.g. "anyone left unmarked?". */
function useRollSelect<T extends string | number | boolean>(state: RollState, select: (s: RollState) => T): T {
  const [value, setValue] = useState(() => select(state));
  useLayoutEffect(() => {
    setValue(select(state));
    return state.subscribe(() => setValue(select(state)));
  }, [state]);
  return value;
}

function RollCounts({ state }: { state: RollState }) {
  useRollVersion(state);
  const c = state.counts;
  return (
    <ul class="roll-counts" aria-label={t('attendance.countsLabel')}>
      <CountTile cls="st-present" n={c.present} label={t('attendance.status_present')} />
      <CountTile cls="st-late" n={c.late} label={t('attendance.status_late')} />
      <CountTile cls="st-absent_excused" n={c.absentExcused} label={t('attendance.status_absent_excused')} />
      <CountTile cls="st-absent_unexcused" n={c.absentUnexcused} label={t('attendance.status_absent_unexcused')} />
      <CountTile cls="st-none" n={c.unmarked} label={t('attendance.status_unmarked')} />
    </ul>
  );
}

function MarkAllButton({ state, onClick }: { state: RollState; onClick: () => void }) {
  const anyUnmarked = useRollSelect(state, (s) => s.counts.unmarked > 0);
  if (!anyUnmarked) return null;
  return (
    <button type="button" class="btn" title={t('attendance.allPresentHint')} onClick={onClick}>
      {t('attendance.allPresent')}
    </button>
  );
}

function UndoBar({ state, byId, onUndo }: { state: RollState; byId: Map<string, Member>; onUndo: () => void }) {
  useRollVersion(state);
  const last = state.peekUndo();
  if (!last) return null;
  return (
    <div class="undo-bar" role="status">
      <span class="undo-text">
        {last.kind === 'one'
          ? t('attendance.undoOne', { name: byId.get(last.memberId)?.fullName ?? '', status: statusLabel(last.next) })
          : t('attendance.undoMany', { n: last.memberIds.length })}
      </span>
      <button type="button" class="btn" onClick={onUndo}>
        ↶ {t('attendance.undo')}
      </button>
    </div>
  );
}

interface RollCallViewProps {
  state: RollState;
  members: Member[];
  index: number;
  onIndex: (i: number) => void;
  onMark: (id: string, m: Mark) => void;
  onUndo: () => void;
  onExit: () => void;
}

function RollCallView(p: RollCallViewProps) {
  useRollVersion(p.state);
  return (
    <RollCall
      members={p.members}
      index={p.index}
      getMark={(memberId) => p.state.get(memberId)}
      unmarkedLeft={p.state.counts.unmarked}
      canUndo={p.state.undoDepth > 0}
      onIndex={p.onIndex}
      onMark={p.onMark}
      onUndo={p.onUndo}
      onExit={p.onExit}
    />
  );
}

/** How many are on the roll; until the first mark, how a tap works. */
function RollHint({ state, n, locked }: { state: RollState; n: number; locked: boolean }) {
  const untouched = useRollSelect(state, (s) => s.counts.unmarked === s.counts.total);
  const fresh = !locked && untouched;
  return (
    <p class="muted small roll-hint">
      {t('attendance.rosterCount', { n })}
      {fresh && <> · {t('attendance.tapHint')}</>}
    </p>
  );
}

function CountTile({ cls, n, label }: { cls: string; n: number; label: string }) {
  return (
    <li class={`count ${cls}`}>
      <strong>{n}</strong>
      <span>{label}</span>
    </li>
  );
}

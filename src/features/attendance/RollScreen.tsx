// The roll screen once loaded (RollPage.tsx reads it): the counts, search, the list or the
// one-by-one roll call, guests, undo and the reason sheet. Marks go through RollController
// to the attendance repo; the widgets follow RollState on their own (roll-hooks.ts).
import { useCallback, useMemo, useState } from 'preact/hooks';
import { t, tDynamic } from '../../i18n';
import { UserError } from '../../lib/user-error';
import { VirtualList } from '../../ui/VirtualList';
import { isOnRoll } from '../../protocol/attendance-rules';
import type { Attendance } from '../../protocol/meeting';
import type { Member } from '../../protocol/member';
import { buildMemberIndex, searchMembers, type IndexedMember } from '../../lib/member-search';
import { nameTags } from '../../lib/names';
import { updateMeeting } from '../meetings/meetings-repo';
import { clearAttendance, clearAttendanceMany, markAllPresent, markAttendance } from './attendance-repo';
import { RollState, type Mark } from './roll-state';
import { RollController, type RollWriter } from './roll-controller';
import { useRollSelect } from './roll-hooks';
import type { RollEvent } from './roll-event';
import { RollRow, ROLL_ROW_HEIGHT } from './RollRow';
import { RollCallView } from './RollCall';
import { RollCounts, RollHint } from './RollCounts';
import { UndoBar } from './UndoBar';
import { ReasonSheet } from './ReasonSheet';
import { GuestsPanel } from './GuestsPanel';

const repoWriter: RollWriter = {
  mark: markAttendance,
  clear: clearAttendance,
  markAll: markAllPresent,
  clearMany: clearAttendanceMany,
};

interface Props {
  event: RollEvent;
  back: string;
  members: Member[];
  rows: Attendance[];
  /** who is on the roll once the minutes are finalized (the roll is then read-only) */
  frozen?: ReadonlySet<string>;
  /** in the unit on the event's day (member-queries inUnitOn) */
  inUnit?: (m: Member) => boolean;
}

export function RollScreen({ event, back, members, rows, frozen, inUnit }: Props) {
  const state = useMemo(() => new RollState(rows), [rows]);
  const [lockedByWrite, setLockedByWrite] = useState(false);
  const locked = !!frozen || lockedByWrite;
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
  // anyone already marked on this roll who has since left, as the minutes count them; once the
  // minutes are finalized, exactly who was on it then. Built when the members or the toggle
  // change, never per tap.
  const limitTo = showAll ? undefined : event.subGroup;
  const roster = useMemo(() => {
    const list = index.filter(({ member: m }) => (frozen ? frozen.has(m.id) : isOnRoll(m, limitTo, (id) => state.isMarked(id), inUnit)));
    state.setRoster(list.map((m) => m.member.id));
    return list;
  }, [index, limitTo, state, frozen, inUnit]);
  const tags = useMemo(() => nameTags(roster.map((m) => m.member)), [roster]);
  const visible = useMemo(() => searchMembers(roster, query), [roster, query]);
  const callList = useMemo(() => visible.map((m) => m.member), [visible]);

  // Stable callbacks: rows never re-render because their parent did.
  const onTap = useCallback((memberId: string) => void controller.tap(memberId), [controller]);
  const onReason = useCallback((memberId: string) => setReasonFor(memberId), []);
  const setMark = useCallback((memberId: string, mark: Mark | undefined) => void controller.set(memberId, mark), [controller]);
  const renderRow = useCallback(
    (m: IndexedMember) => <RollRow member={m.member} tag={tags.get(m.member.id)} state={state} locked={locked} onTap={onTap} onReason={onReason} />,
    [state, tags, locked, onTap, onReason],
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
        ‹ {t(event.kind === 'project' ? 'attendance.backProject' : event.kind === 'activity' ? 'attendance.backActivity' : 'attendance.backMeeting')}
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

      {event.subGroup && !frozen && (
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
          tags={tags}
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

function MarkAllButton({ state, onClick }: { state: RollState; onClick: () => void }) {
  const anyUnmarked = useRollSelect(state, (s) => s.counts.unmarked > 0);
  if (!anyUnmarked) return null;
  return (
    <button type="button" class="btn" title={t('attendance.allPresentHint')} onClick={onClick}>
      {t('attendance.allPresent')}
    </button>
  );
}

// Roll-call mode for large branches: one member at a time, the name large, four big buttons,
// auto-advance to the next person, a back button and "12/50" progress.
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../protocol/meeting-enums';
import type { Member } from '../../protocol/member';
import type { Mark, RollState } from './roll-state';
import { useRollVersion } from './roll-hooks';
import { statusLabel } from './RollRow';
import { ReasonChips } from './ReasonSheet';

interface Props {
  members: Member[];
  /** namesakes' birth year or sub-group */
  tags?: ReadonlyMap<string, string>;
  index: number;
  getMark: (memberId: string) => Mark | undefined;
  unmarkedLeft: number;
  canUndo: boolean;
  onIndex: (i: number) => void;
  onMark: (memberId: string, mark: Mark) => void;
  onUndo: () => void;
  onExit: () => void;
}

export function RollCall({ members, tags, index, getMark, unmarkedLeft, canUndo, onIndex, onMark, onUndo, onExit }: Props) {
  // After "Vắng có lý do" the card stays to offer a reason; any other choice moves on at once.
  const [askReasonFor, setAskReasonFor] = useState<string | undefined>(undefined);
  const n = members.length;

  if (index >= n) {
    const firstUnmarked = members.findIndex((m) => !getMark(m.id));
    return (
      <section class="card rollcall done" aria-live="polite">
        <p class="rc-done">{t('attendance.rollCallDone', { n })}</p>
        {unmarkedLeft > 0 && <p>{t('attendance.rollCallLeft', { n: unmarkedLeft })}</p>}
        <div class="rc-nav">
          {firstUnmarked >= 0 && (
            <button type="button" class="btn primary" onClick={() => onIndex(firstUnmarked)}>
              {t('attendance.rollCallAgain')}
            </button>
          )}
          <button type="button" class="btn" onClick={onExit}>
            {t('attendance.backToList')}
          </button>
        </div>
        {n > 0 && (
          <button type="button" class="btn rc-back" onClick={() => onIndex(n - 1)}>
            {t('attendance.prev')}
          </button>
        )}
      </section>
    );
  }

  const member = members[index];
  const mark = getMark(member.id);
  const asking = askReasonFor === member.id && mark?.status === 'absent_excused';
  const go = (i: number) => {
    setAskReasonFor(undefined);
    onIndex(i);
  };
  const choose = (status: AttendanceStatus) => {
    const keepReason = status === 'absent_excused' && mark?.status === 'absent_excused' ? mark.reason : undefined;
    onMark(member.id, keepReason ? { status, reason: keepReason } : { status });
    if (status === 'absent_excused') setAskReasonFor(member.id);
    else go(index + 1);
  };

  return (
    <section class="card rollcall" aria-labelledby="rc-name">
      <div class="rc-top">
        <button type="button" class="btn rc-list" onClick={onExit}>
          ☰ {t('attendance.listMode')}
        </button>
        <span class="rc-progress" aria-label={t('attendance.progressLabel', { i: index + 1, n })}>
          {t('attendance.progress', { i: index + 1, n })}
        </span>
      </div>
      <span class={`roll-pill st-${mark?.status ?? 'none'}`}>{statusLabel(mark)}</span>
      <p class="rc-name" id="rc-name" aria-live="polite">
        {member.fullName}
        {tags?.has(member.id) && <span class="roll-tag">{` (${tags.get(member.id)})`}</span>}
      </p>
      <p class="rc-sub">{[member.subGroup, mark?.reason].filter(Boolean).join(' · ') || '\u00a0'}</p>
      {asking ? (
        <div class="rc-reason">
          <p>{t('attendance.pickReason')}</p>
          <ReasonChips
            current={mark?.reason}
            onPick={(reason) => {
              onMark(member.id, { status: 'absent_excused', reason });
              go(index + 1);
            }}
          />
          <button type="button" class="btn primary block rc-next" onClick={() => go(index + 1)}>
            {t('attendance.next')}
          </button>
        </div>
      ) : (
        <div class="rc-buttons">
          {ATTENDANCE_STATUSES.map((s) => (
            <button key={s} type="button" class={`rc-btn st-${s}${mark?.status === s ? ' on' : ''}`} aria-pressed={mark?.status === s} onClick={() => choose(s)}>
              {statusLabel({ status: s })}
            </button>
          ))}
        </div>
      )}
      <div class="rc-nav">
        <button type="button" class="btn" disabled={index === 0} onClick={() => go(index - 1)}>
          {t('attendance.prev')}
        </button>
        <button type="button" class="btn" disabled={!canUndo} onClick={onUndo}>
          {t('attendance.undo')}
        </button>
        <button type="button" class="btn" onClick={() => go(index + 1)}>
          {t('attendance.skip')}
        </button>
      </div>
    </section>
  );
}

interface RollCallViewProps {
  state: RollState;
  members: Member[];
  tags: ReadonlyMap<string, string>;
  index: number;
  onIndex: (i: number) => void;
  onMark: (id: string, m: Mark) => void;
  onUndo: () => void;
  onExit: () => void;
}

/** RollCall over the roll's state: re-renders on every change of the roll, not its parent. */
export function RollCallView(p: RollCallViewProps) {
  useRollVersion(p.state);
  return (
    <RollCall
      members={p.members}
      tags={p.tags}
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

// The last change on the roll and a button to take it back; follows RollState on its own.
import { t } from '../../i18n';
import type { Member } from '../../protocol/member';
import { useRollVersion } from './roll-hooks';
import type { RollState } from './roll-state';
import { statusLabel } from './RollRow';

export function UndoBar({ state, byId, onUndo }: { state: RollState; byId: Map<string, Member>; onUndo: () => void }) {
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

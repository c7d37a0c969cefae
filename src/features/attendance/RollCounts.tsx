// The roll's figures: the five counts in the sticky header and, above the list, how many are
// on the roll (with how a tap works until the first mark).
import { t } from '../../i18n';
import { useRollSelect, useRollVersion } from './roll-hooks';
import type { RollState } from './roll-state';

export function RollCounts({ state }: { state: RollState }) {
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

/** How many are on the roll; until the first mark, how a tap works. */
export function RollHint({ state, n, locked }: { state: RollState; n: number; locked: boolean }) {
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

import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../i18n';
import { MEMBER_STATUSES, POSITIONS, type Position } from '../../protocol/member-enums';
import type { MemberFilter, StatusFilter } from './member-filters';

interface Props {
  filter: MemberFilter;
  onChange: (f: MemberFilter) => void;
  subGroups: string[];
}

/**
 * The filters, closed until asked for; their controls are made only while open. Closed, its
 * three lists and their options were built on the list's first paint (B3) and again on every
 * keystroke of a search (B5), for a panel nobody had opened.
 */
export function MemberFiltersPanel({ filter, onChange, subGroups }: Props) {
  const [open, setOpen] = useState(false);
  const set = (patch: Partial<MemberFilter>) => onChange({ ...filter, ...patch });
  return (
    <details class="filters" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{t('members.filters')}</summary>
      {open && (
        <div class="filter-grid">
          <label>
            {t('members.filterStatus')}
            <select value={filter.status} onChange={(e) => set({ status: (e.target as HTMLSelectElement).value as StatusFilter })}>
              <option value="participating">{t('members.allParticipating')}</option>
              {MEMBER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`members.status_${s}` as MessageKey)}
                </option>
              ))}
              <option value="over30">{t('members.filterOver30')}</option>
              <option value="all">{t('members.all')}</option>
              <option value="archived">{t('members.archived')}</option>
            </select>
          </label>
          {subGroups.length > 0 && (
            <label>
              {t('members.filterSubGroup')}
              <select value={filter.subGroup} onChange={(e) => set({ subGroup: (e.target as HTMLSelectElement).value })}>
                <option value="">{t('members.all')}</option>
                {subGroups.map((g) => (
                  <option key={g} value={g}>
                    {g}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            {t('members.filterPosition')}
            <select value={filter.position} onChange={(e) => set({ position: (e.target as HTMLSelectElement).value as Position | '' })}>
              <option value="">{t('members.all')}</option>
              {POSITIONS.map((p) => (
                <option key={p} value={p}>
                  {t(`members.position_${p}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label class="check">
            <input type="checkbox" checked={filter.turningThirty} onChange={(e) => set({ turningThirty: (e.target as HTMLInputElement).checked })} />
            {t('members.filterTurning30')}
          </label>
        </div>
      )}
    </details>
  );
}

// Picks a member (chủ trì, thư ký): a native select — on a phone it opens the system picker,
// which scrolls and type-searches well. Ban Chấp hành first, then everyone by given name;
// namesakes carry their birth year or sub-group.
import { useMemo } from 'preact/hooks';
import { t } from '../../i18n';
import { nameTags, sortByName, taggedName, type Taggable } from '../../lib/names';

export interface MemberOption extends Taggable {
  position: string;
}

const COMMITTEE = ['secretary', 'deputySecretary', 'committeeMember'];

export function MemberSelect(p: { id: string; label: string; value: string; onChange: (id: string) => void; members: MemberOption[]; error?: string }) {
  const [committee, others, tags] = useMemo(() => {
    const sorted = sortByName(p.members, (m) => m.fullName);
    return [sorted.filter((m) => COMMITTEE.includes(m.position)), sorted.filter((m) => !COMMITTEE.includes(m.position)), nameTags(p.members)];
  }, [p.members]);
  return (
    <div class="field" data-invalid={p.error ? '' : undefined}>
      <label for={p.id}>{p.label}</label>
      <select id={p.id} name={p.id} value={p.value} onChange={(e) => p.onChange((e.target as HTMLSelectElement).value)}>
        <option value="">{t('meetings.pickNobody')}</option>
        {committee.length > 0 && (
          <optgroup label={t('meetings.committeeGroup')}>
            {committee.map((m) => (
              <option key={m.id} value={m.id}>{taggedName(m, tags)}</option>
            ))}
          </optgroup>
        )}
        {others.length > 0 && (
          <optgroup label={t('meetings.membersGroup')}>
            {others.map((m) => (
              <option key={m.id} value={m.id}>{taggedName(m, tags)}</option>
            ))}
          </optgroup>
        )}
      </select>
      {p.error && <span class="error" role="alert">{p.error}</span>}
    </div>
  );
}

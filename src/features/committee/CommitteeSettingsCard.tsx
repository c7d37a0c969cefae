// The committee's settings (unit settings, synced): term length in months (decided at the
// congress; empty = 30) and how often the committee must meet (monthly by default).
import { useState } from 'preact/hooks';
import { tDynamic } from '../../i18n';
import { SelectField, TextField } from '../../ui/fields';
import { DEFAULT_TERM_MONTHS } from '../../protocol/committee-rules';
import type { MeetingFrequency } from '../../protocol/meeting-enums';
import { errorText, tc } from './i18n';

export function CommitteeSettingsCard(p: { termMonths?: number; frequency: MeetingFrequency }) {
  const [months, setMonths] = useState(p.termMonths === undefined ? '' : String(p.termMonths));
  const [frequency, setFrequency] = useState<MeetingFrequency>(p.frequency);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const save = async (e: Event) => {
    e.preventDefault();
    setError('');
    setNotice('');
    const raw = months.trim();
    const n = raw === '' ? DEFAULT_TERM_MONTHS : Number(raw);
    if (!Number.isInteger(n)) return setError(tc('numberError'));
    try {
      const { saveCommitteeSettings } = await import('./committee-repo');
      await saveCommitteeSettings({ termMonths: n, committeeMeetingFrequency: frequency });
      setNotice(tc('settingsSaved'));
    } catch (x) {
      setError(errorText(x));
    }
  };

  return (
    <form class="card w" aria-labelledby="cm-settings" onSubmit={save} novalidate>
      <h2 id="cm-settings">{tc('settingsTitle')}</h2>
      <TextField id="cm-months" label={tc('termMonths')} hint={tc('termMonthsHint')} inputMode="numeric" placeholder={String(DEFAULT_TERM_MONTHS)} value={months} onInput={setMonths} />
      <SelectField<MeetingFrequency>
        id="cm-frequency"
        label={tc('frequency')}
        value={frequency}
        onChange={setFrequency}
        options={[{ value: 'monthly', label: tc('frequency_monthly') }, { value: 'quarterly', label: tc('frequency_quarterly') }]}
      />
      {notice && <p class="ok" role="status">{notice}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      <div class="form-actions">
        <button type="submit" class="btn primary">{tDynamic('common.save')}</button>
      </div>
    </form>
  );
}

// /meetings/settings — how often the unit must hold its regular meeting: monthly (the rule),
// or quarterly where members are dispersed and cấp trên agreed (DOMAIN.md). The home warning
// follows this setting.
import { useState } from 'preact/hooks';
import { t, tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { UserError } from '../../lib/user-error';
import { MEETING_FREQUENCIES, type MeetingFrequency } from '../../protocol/meeting-enums';
import { getUnit } from '../setup/unit-queries';
import { updateUnit } from '../setup/unit-repo';
import './meetings.css';

export default function MeetingSettingsPage() {
  const unit = useLive(getUnit, []);
  const [message, setMessage] = useState<{ ok?: string; error?: string }>({});
  const [isSaving, setSaving] = useState(false);

  if (!unit.isLoaded) return <main class="page"><p class="muted">{t('common.loading')}</p></main>;
  const current: MeetingFrequency = unit.value?.meetingFrequency ?? 'monthly';

  const choose = async (frequency: MeetingFrequency) => {
    if (frequency === current || isSaving) return;
    setSaving(true);
    try {
      await updateUnit({ meetingFrequency: frequency });
      setMessage({ ok: t('common.saved') });
    } catch (e) {
      setMessage({ error: tDynamic(e instanceof UserError ? e.key : 'err.unexpected') });
    } finally {
      setSaving(false);
    }
  };

  return (
    <main class="page">
      <a class="back" href="/meetings">← {t('meetings.title')}</a>
      <h1>{t('meetings.settingsTitle')}</h1>
      <fieldset class="card choices">
        <legend>{t('meetings.frequency')}</legend>
        {MEETING_FREQUENCIES.map((f) => (
          <label key={f} class="choice">
            <input type="radio" name="frequency" value={f} checked={current === f} disabled={isSaving} onChange={() => void choose(f)} />
            <span>
              <strong>{t(f === 'monthly' ? 'meetings.frequency_monthly' : 'meetings.frequency_quarterly')}</strong>
              <span class="muted small">{t(f === 'monthly' ? 'meetings.frequencyHint_monthly' : 'meetings.frequencyHint_quarterly')}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {message.ok && <p class="ok" role="status">{message.ok}</p>}
      {message.error && <p class="error" role="alert">{message.error}</p>}
    </main>
  );
}

// /rating/settings — the thresholds of the rating suggestion (unit settings, synced; DOMAIN.md
// "Rating": configurable). Empty = the default shown in the hint.
import { useState } from 'preact/hooks';
import { tDynamic } from '../../i18n';
import { useLive } from '../../data/live';
import { TextField } from '../../ui/fields';
import { RATING_DEFAULTS, resolveThresholds, type RatingThresholds } from '../../protocol/rating-rules';
import { getUnitSettings } from './rating-queries';
import type { ThresholdInput } from './rating-repo';
import { errorText, tr, type RatingKey } from './i18n';
import '../../ui/year-work.css';

const FIELDS: { key: keyof RatingThresholds; setting: keyof ThresholdInput; label: RatingKey; hint: RatingKey; max: number }[] = [
  { key: 'excellentMinParticipation', setting: 'ratingExcellentMinParticipation', label: 'setExcellent', hint: 'setExcellentHint', max: 100 },
  { key: 'goodMinParticipation', setting: 'ratingGoodMinParticipation', label: 'setGood', hint: 'setGoodHint', max: 100 },
  { key: 'completedMinParticipation', setting: 'ratingCompletedMinParticipation', label: 'setCompleted', hint: 'setCompletedHint', max: 100 },
  { key: 'maxUnexcusedMonthsForGood', setting: 'ratingMaxUnexcusedMonthsForGood', label: 'setUnexcused', hint: 'setUnexcusedHint', max: 12 },
  { key: 'maxOwedMonthsForGood', setting: 'ratingMaxOwedMonthsForGood', label: 'setOwed', hint: 'setOwedHint', max: 12 },
  { key: 'excellentCapPct', setting: 'ratingExcellentCapPct', label: 'setCap', hint: 'setCapHint', max: 100 },
];

export default function RatingSettingsPage() {
  const settings = useLive(getUnitSettings, []);
  if (!settings.isLoaded) return <main class="page"><p class="muted">{tDynamic('common.loading')}</p></main>;
  return <Form key={settings.value?.updatedAt ?? 'none'} current={resolveThresholds(settings.value)} />;
}

function Form({ current }: { current: RatingThresholds }) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(FIELDS.map((f) => [f.key, String(current[f.key])])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const save = async (e: Event) => {
    e.preventDefault();
    setError('');
    setNotice('');
    const input: Record<string, number> = {};
    const errs: Record<string, string> = {};
    for (const f of FIELDS) {
      const raw = values[f.key].trim();
      const n = raw === '' ? RATING_DEFAULTS[f.key] : Number(raw);
      if (!Number.isInteger(n) || n < 0 || n > f.max) errs[f.key] = tDynamic(f.max === 12 ? 'err.months' : 'err.percent');
      else input[f.setting] = n;
    }
    setErrors(errs);
    if (Object.keys(errs).length) return;
    try {
      const { saveRatingThresholds } = await import('./rating-repo');
      await saveRatingThresholds(input as ThresholdInput);
      setNotice(tr('settingsSaved'));
    } catch (x) {
      setError(errorText(x));
    }
  };

  return (
    <main class="page rating-settings">
      <a class="back" href="/rating">← {tr('title')}</a>
      <h1>{tr('settingsTitle')}</h1>
      <p class="muted">{tr('settingsLead')}</p>
      <form class="card" onSubmit={save} novalidate>
        {FIELDS.map((f) => (
          <TextField
            key={f.key}
            id={`set-${f.key}`}
            label={tr(f.label)}
            hint={tr(f.hint)}
            inputMode="numeric"
            value={values[f.key]}
            error={errors[f.key]}
            onInput={(v) => setValues((s) => ({ ...s, [f.key]: v }))}
          />
        ))}
        {notice && <p class="ok" role="status">{notice}</p>}
        {error && <p class="error" role="alert">{error}</p>}
        <div class="form-actions">
          <button type="button" class="btn" onClick={() => setValues(Object.fromEntries(FIELDS.map((f) => [f.key, String(RATING_DEFAULTS[f.key])])))}>{tr('resetDefaults')}</button>
          <button type="submit" class="btn primary">{tDynamic('common.save')}</button>
        </div>
      </form>
    </main>
  );
}

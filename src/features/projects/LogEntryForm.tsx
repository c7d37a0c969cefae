// One entry of a project's progress log: date, note, photos. The photos travel as the list of
// their sha256 (protocol/file-ref.ts); PhotoField (features/photos) takes and keeps them on the
// phone as they are added, and the entry holding the list is saved here.
import { useEffect, useState } from 'preact/hooks';
import { markDirty } from '../../pwa/dirty';
import { t } from '../../i18n';
import { todayIso } from '../../lib/dates';
import { TextAreaField, TextField } from '../../ui/fields';
import type { LogInput } from './projects-repo';
import { errorText, pt } from './i18n';
import { PhotoField } from '../photos';

export interface LogEntryValues {
  date: string;
  note: string;
  photos: string[];
}

export function LogEntryForm(p: { id: string; initial?: LogInput; onSave: (input: LogInput) => Promise<unknown>; onCancel: () => void }) {
  const [values, setValues] = useState<LogEntryValues>({ date: p.initial?.date ?? todayIso(), note: p.initial?.note ?? '', photos: p.initial?.photos ?? [] });
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof LogEntryValues>(k: K) => (v: LogEntryValues[K]) => setValues({ ...values, [k]: v });
  // a note or photos typed and not saved: a reload, an update or a tap away asks first (found in use)
  const isDirty = values.note !== (p.initial?.note ?? '') || values.photos.join() !== (p.initial?.photos ?? []).join() || (!!p.initial && values.date !== p.initial.date);
  useEffect(() => markDirty(`log-entry:${p.id}`, isDirty), [p.id, isDirty]);
  useEffect(() => () => markDirty(`log-entry:${p.id}`, false), [p.id]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!values.date) return setError(t('err.required'));
    setBusy(true);
    setError('');
    try {
      await p.onSave({ date: values.date, note: values.note.trim(), photos: values.photos });
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <form class="stage-form" onSubmit={submit} noValidate>
      <TextField id={`${p.id}-date`} type="date" label={pt('dateField')} value={values.date} onInput={set('date')} required />
      <TextAreaField id={`${p.id}-note`} label={pt('logNote')} value={values.note} onInput={set('note')} hint={pt('logNotePlaceholder')} rows={3} />
      <div class="field" role="group" aria-labelledby={`${p.id}-photos-label`}>
        <span id={`${p.id}-photos-label`} class="photo-legend">{t('activities.photos')}</span>
        <PhotoField id={`${p.id}-photos`} value={values.photos} onChange={set('photos')} />
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      <div class="form-actions">
        <button type="button" class="btn" onClick={p.onCancel}>{t('common.cancel')}</button>
        <button type="submit" class="btn primary" disabled={busy}>{busy ? t('common.saving') : t('common.save')}</button>
      </div>
    </form>
  );
}

// Plan an activity (/activities/new?date=&kind=) or edit one (/activities/:id/edit).
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { t, tDynamic } from '../../i18n';
import { markDirty } from '../../pwa/dirty';
import { todayIso } from '../../lib/dates';
import { UserError } from '../../lib/user-error';
import { ACTIVITY_KINDS, type ActivityKind } from '../../protocol/meeting-enums';
import { TextAreaField, TextField, SelectField } from '../../ui/fields';
import { getActivity } from './activity-queries';
import { createActivity, updateActivity } from './activities-repo';
import { fromActivityForm, retitleActivity, toActivityForm, SELF_TITLED_KINDS, type ActivityFormErrors, type ActivityFormValues } from './activity-form-model';
import { activityKindLabel } from '../meetings';
import { PhotoField } from '../photos';
import '../meetings/meetings.css';

const FORM_ID = 'activity-form';

export default function ActivityFormPage() {
  const { params } = useRoute();
  const { route, query } = useLocation();
  const id: string | undefined = params.id;
  const [values, setValues] = useState<ActivityFormValues | null>(null);
  const [errors, setErrors] = useState<ActivityFormErrors>({});
  const [state, setState] = useState<{ saving?: boolean; message?: string; missing?: boolean }>({});
  const [isDirty, setDirty] = useState(false);

  useEffect(() => {
    let live = true;
    setValues(null);
    void (async () => {
      const activity = id ? await getActivity(id) : undefined;
      if (!live) return;
      if (id && !activity) return setState({ missing: true });
      const kind = (ACTIVITY_KINDS as readonly string[]).includes(query.kind) ? (query.kind as ActivityKind) : undefined;
      const date = /^\d{4}-\d{2}-\d{2}$/.test(query.date ?? '') ? query.date : todayIso();
      const initial = toActivityForm(activity, { date, kind });
      setValues(activity || !SELF_TITLED_KINDS.includes(initial.kind) ? initial : { ...initial, title: activityKindLabel(initial.kind) });
    })();
    return () => {
      live = false;
      markDirty(FORM_ID, false);
    };
  }, [id]);

  if (state.missing)
    return (
      <main class="page">
        <p>{t('activities.notFound')}</p>
        <a class="btn" href="/activities">{t('common.back')}</a>
      </main>
    );
  if (!values) return <main class="page"><p class="muted">{t('common.loading')}</p></main>;

  const set = <K extends keyof ActivityFormValues>(k: K) => (v: ActivityFormValues[K]) => {
    setValues(retitleActivity(values, { ...values, [k]: v }, activityKindLabel));
    if (errors[k]) {
      const rest = { ...errors, [k]: undefined };
      setErrors(rest);
      if (!Object.values(rest).some(Boolean)) setState({});
    }
    setDirty(true);
    markDirty(FORM_ID, true);
  };
  const err = (k: keyof ActivityFormValues) => (errors[k] ? tDynamic(errors[k]!) : undefined);

  const cancel = () => {
    if (isDirty && !confirm(t('common.unsavedChanges'))) return;
    markDirty(FORM_ID, false);
    history.back();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = fromActivityForm(values);
    if ('errors' in result) {
      setErrors(result.errors);
      setState({ message: t('meetings.fixErrors', { n: Object.keys(result.errors).length }) });
      return;
    }
    setState({ saving: true });
    try {
      const saved = id ? await updateActivity(id, result.fields) : await createActivity(result.fields);
      markDirty(FORM_ID, false);
      route(`/activities/${saved.id}`, true);
    } catch (error) {
      const reason = error instanceof UserError ? tDynamic(error.key) : tDynamic('err.unexpected');
      setState({ message: t('meetings.saveError', { reason }) });
    }
  };

  return (
    <main class="page">
      <h1>{id ? t('activities.editTitle') : t('activities.newTitle')}</h1>
      <form onSubmit={submit} noValidate>
        <SelectField<ActivityKind>
          id="ac-kind"
          label={t('activities.kind')}
          value={values.kind}
          onChange={set('kind')}
          options={ACTIVITY_KINDS.map((k) => ({ value: k, label: activityKindLabel(k) }))}
        />
        <TextField id="ac-title" label={t('activities.titleField')} value={values.title} onInput={set('title')} placeholder={t('activities.titlePlaceholder')} error={err('title')} required />
        <TextField id="ac-date" type="date" label={t('activities.date')} value={values.date} onInput={set('date')} error={err('date')} required />
        <TextField id="ac-place" label={t('activities.place')} value={values.place} onInput={set('place')} placeholder={t('activities.placePlaceholder')} error={err('place')} />
        <TextAreaField id="ac-results" label={`${t('activities.results')} (${t('common.optional')})`} value={values.results} onInput={set('results')} hint={t('activities.resultsHint')} error={err('results')} rows={4} />
        <div class="field" role="group" aria-labelledby="ac-photos-label">
          <span id="ac-photos-label" class="photo-legend">{`${t('activities.photos')} (${t('common.optional')})`}</span>
          <PhotoField id="ac-photos" value={values.photos} onChange={set('photos')} />
          {err('photos') && <span class="error" role="alert">{err('photos')}</span>}
        </div>
        {state.message && (
          <p class="error" role="alert">
            {state.message}
          </p>
        )}
        <div class="form-actions">
          <button type="button" class="btn" onClick={cancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn primary" disabled={state.saving}>
            {state.saving ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </main>
  );
}

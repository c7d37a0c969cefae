// Register a project (/projects/new?y=) or edit one (/projects/:id/edit): what, where, when,
// the budget and its sources, what is expected, who is in charge. The stage moves on the
// project's page, not here.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { t, tDynamic } from '../../i18n';
import { markDirty } from '../../pwa/dirty';
import { clampToSpan } from '../../protocol/year';
import { unitYearSpan } from '../../data/unit-year';
import { parseYear, todayIso } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { nameTags, sortByName, taggedName } from '../../lib/names';
import { PARTICIPATING_STATUSES } from '../../protocol/member-enums';
import { YOUTH_PROJECT_KINDS, type YouthProjectKind } from '../../protocol/youth-project-enums';
import type { Member } from '../../protocol/member';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { listMembers } from '../members/member-queries';
import { getProject } from './projects-queries';
import { registerProject, updateProject } from './projects-repo';
import { fromProjectForm, sourcesTotal, toProjectForm, type ProjectFormErrors, type ProjectFormValues, type SourceValues } from './project-form-model';
import { errorText, kindLabel, pt } from './i18n';
import './projects.css';

const FORM_ID = 'project-form';

export default function ProjectFormPage() {
  const { params } = useRoute();
  const { route, query } = useLocation();
  const id: string | undefined = params.id;
  const [values, setValues] = useState<ProjectFormValues | null>(null);
  const [members, setMembers] = useState<Member[]>([]);
  const [errors, setErrors] = useState<ProjectFormErrors>({});
  const [state, setState] = useState<{ saving?: boolean; message?: string; missing?: boolean }>({});
  const [isDirty, setDirty] = useState(false);

  useEffect(() => {
    let live = true;
    setValues(null);
    void (async () => {
      const [project, all] = await Promise.all([id ? getProject(id) : undefined, listMembers()]);
      if (id && !project) return live && setState({ missing: true });
      // Registered today, or within the year the list was showing (?y=), as far as it has come.
      const y = parseYear(query.y);
      const today = todayIso();
      const day = y ? clampToSpan(today, await unitYearSpan(y)) : today;
      if (!live) return;
      setMembers(all.filter((m) => !m.archivedAt && (PARTICIPATING_STATUSES.includes(m.status) || m.id === project?.leaderId)));
      setValues(toProjectForm(project, day));
    })();
    return () => {
      live = false;
      markDirty(FORM_ID, false);
    };
  }, [id]);

  const leaders = useMemo(() => {
    const tags = nameTags(members);
    return sortByName(members, (m) => m.fullName).map((m) => ({ value: m.id, label: taggedName(m, tags) }));
  }, [members]);

  if (state.missing)
    return (
      <main class="page">
        <p>{pt('notFound')}</p>
        <a class="btn" href="/projects">{t('common.back')}</a>
      </main>
    );
  if (!values) return <main class="page"><p class="muted">{t('common.loading')}</p></main>;

  const change = (next: ProjectFormValues, touched: string) => {
    setValues(next);
    if (errors[touched as keyof ProjectFormErrors]) setErrors({ ...errors, [touched]: undefined });
    setDirty(true);
    markDirty(FORM_ID, true);
  };
  const set = <K extends keyof ProjectFormValues>(k: K) => (v: ProjectFormValues[K]) => change({ ...values, [k]: v }, k);
  const setSource = (i: number, k: keyof SourceValues) => (v: string) =>
    change({ ...values, sources: values.sources.map((s, j) => (j === i ? { ...s, [k]: v } : s)) }, `${k === 'source' ? 'source' : 'amount'}.${i}`);
  const err = (k: keyof ProjectFormErrors) => (errors[k] ? tDynamic(errors[k]!) : undefined);

  const cancel = () => {
    if (isDirty && !confirm(t('common.unsavedChanges'))) return;
    markDirty(FORM_ID, false);
    history.back();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = fromProjectForm(values);
    if ('errors' in result) {
      setErrors(result.errors);
      setState({ message: t('meetings.fixErrors', { n: Object.keys(result.errors).length }) });
      return;
    }
    setState({ saving: true });
    try {
      const saved = id ? await updateProject(id, result.input) : await registerProject(result.input);
      markDirty(FORM_ID, false);
      route(`/projects/${saved.id}`, true);
    } catch (error) {
      setState({ message: t('meetings.saveError', { reason: errorText(error) }) });
    }
  };

  return (
    <main class="page project-form">
      <h1>{id ? pt('editTitle') : pt('newTitle')}</h1>
      <form onSubmit={submit} noValidate>
        <SelectField<YouthProjectKind> id="pj-kind" label={pt('kind')} value={values.kind} onChange={set('kind')} options={YOUTH_PROJECT_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} />
        <TextField id="pj-title" label={pt('titleField')} value={values.title} onInput={set('title')} placeholder={pt('titlePlaceholder')} error={err('title')} required />
        <TextField id="pj-place" label={`${pt('place')} (${t('common.optional')})`} value={values.place} onInput={set('place')} error={err('place')} />
        <TextAreaField id="pj-description" label={`${pt('description')} (${t('common.optional')})`} value={values.description} onInput={set('description')} error={err('description')} rows={3} />
        <TextField id="pj-registered" type="date" label={pt('registeredOn')} value={values.registeredOn} onInput={set('registeredOn')} hint={pt('registeredHint')} error={err('registeredOn')} required />
        <div class="two-col">
          <TextField id="pj-starts" type="date" label={pt('startsOn')} value={values.startsOn} onInput={set('startsOn')} error={err('startsOn')} />
          <TextField id="pj-ends" type="date" label={pt('endsOn')} value={values.endsOn} onInput={set('endsOn')} error={err('endsOn')} />
        </div>
        <SelectField id="pj-leader" label={pt('leader')} value={values.leaderId} onChange={set('leaderId')} options={[{ value: '', label: pt('noLeader') }, ...leaders]} />

        <fieldset class="card budget">
          <legend>{pt('budgetTitle')}</legend>
          {values.sources.map((s, i) => (
            <div class="source" key={i}>
              <TextField id={`pj-source-${i}`} label={pt('sourceName')} value={s.source} onInput={setSource(i, 'source')} placeholder={pt('sourcePlaceholder')} error={err(`source.${i}`)} />
              <TextField id={`pj-amount-${i}`} inputMode="numeric" label={pt('sourceAmount')} value={s.amount} onInput={setSource(i, 'amount')} error={err(`amount.${i}`)} />
              <button type="button" class="btn small-btn" onClick={() => change({ ...values, sources: values.sources.filter((_, j) => j !== i) }, '')}>
                {pt('removeSource')}
              </button>
            </div>
          ))}
          {values.sources.length > 0 ? (
            <p class="total" aria-live="polite">{pt('budgetFromSources', { total: formatMoney(sourcesTotal(values)) })}</p>
          ) : (
            <TextField id="pj-budget" inputMode="numeric" label={`${pt('budgetTotal')} (${t('common.optional')})`} value={values.budget} onInput={set('budget')} error={err('budget')} />
          )}
          <button type="button" class="btn" onClick={() => change({ ...values, sources: [...values.sources, { source: '', amount: values.sources.length ? '' : values.budget }], budget: '' }, '')}>
            + {pt('addSource')}
          </button>
        </fieldset>

        <div class="two-col">
          <TextField id="pj-days" inputMode="numeric" label={pt('volunteerDays')} value={values.volunteerDays} onInput={set('volunteerDays')} error={err('volunteerDays')} />
          <TextField id="pj-beneficiaries" inputMode="numeric" label={pt('beneficiaries')} value={values.beneficiaries} onInput={set('beneficiaries')} error={err('beneficiaries')} />
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

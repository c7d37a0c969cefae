// Add or edit a member: every field of the record, grouped in sections so the form is not
// a wall on a phone. Leaving with unsaved changes asks first (pwa/dirty.ts also stops the
// update prompt from reloading a dirty form). Age on admission outside 16–30 only warns: a
// record being edited saves as it is; a new member's Save asks to confirm (docs/decisions.md).
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { t, tDynamic } from '../../i18n';
import { markDirty } from '../../pwa/dirty';
import { getMember } from './member-queries';
import { getUnit } from '../setup/unit-queries';
import { createMember, updateMember } from './members-repo';
import { fromFormValues, toFormValues, type FormErrors, type FormField, type FormValues } from './member-form-model';
import { MemberFormSections } from './MemberFormSections';
import { UserError } from '../../lib/user-error';
import { admissionAgeOutside, parseDateText } from '../../lib/dates';

const FORM_ID = 'member-form';

export default function MemberFormPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const id = params.id;
  const [values, setValues] = useState<FormValues | null>(id ? null : toFormValues());
  const [subGroups, setSubGroups] = useState<string[]>([]);
  const [errors, setErrors] = useState<FormErrors>({});
  const [status, setStatus] = useState<{ saving?: boolean; message?: string }>({});
  const [isMissing, setMissing] = useState(false);
  const [isDirty, setDirty] = useState(false);

  useEffect(() => {
    void getUnit().then((u) => setSubGroups(u?.subGroups ?? []));
    if (id) void getMember(id).then((m) => (m ? setValues(toFormValues(m)) : setMissing(true)));
    return () => markDirty(FORM_ID, false);
  }, [id]);

  if (isMissing) return <main class="page"><p>{t('members.notFound')}</p></main>;
  if (!values) return <main class="page"><p class="muted">{t('common.loading')}</p></main>;

  const set = (field: FormField, value: string) => {
    setValues({ ...values, [field]: value });
    if (errors[field]) setErrors({ ...errors, [field]: undefined });
    setDirty(true);
    markDirty(FORM_ID, true);
  };

  const age = admissionAgeOutside(parseDateText(values.dateOfBirth), parseDateText(values.admissionDate));

  const cancel = () => {
    if (isDirty && !confirm(t('common.unsavedChanges'))) return;
    markDirty(FORM_ID, false);
    history.back();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = fromFormValues(values);
    if ('errors' in result) {
      setErrors(result.errors);
      setStatus({ message: t('members.fixErrors', { n: Object.keys(result.errors).length }) });
      return;
    }
    if (!id && age !== undefined && !confirm(t('members.confirmAdmissionAge'))) return;
    setStatus({ saving: true });
    try {
      const saved = id ? await updateMember(id, result.fields) : await createMember(result.fields);
      markDirty(FORM_ID, false);
      route(`/members/${saved.id}`, true);
    } catch (err) {
      const reason = err instanceof UserError ? tDynamic(err.key) : tDynamic('err.unexpected');
      setStatus({ message: t('members.saveError', { reason }) });
    }
  };

  return (
    <main class="page">
      <h1>{id ? t('members.editTitle') : t('members.newTitle')}</h1>
      <form onSubmit={submit} noValidate>
        <MemberFormSections values={values} errors={errors} set={set} subGroups={subGroups} />
        {age !== undefined && <p class="warn">{t('members.warnAdmissionAge', { n: age })}</p>}
        {status.message && (
          <p class="error" role="alert">
            {status.message}
          </p>
        )}
        <div class="form-actions">
          <button type="button" class="btn" onClick={cancel}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="btn primary" disabled={status.saving}>
            {status.saving ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </main>
  );
}

// First run: create the unit locally. No account or server is needed to start.
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/setup.json';
import { TextField, SelectField, TextAreaField } from '../../ui/fields';
import type { UnitKind } from '../../protocol/unit';

// Its messages come with the page (first run is not precached), not with the shell.
registerMessages('setup', vi);
const ts = (key: keyof typeof vi) => tDynamic(`setup.${key}`);

type Values = { name: string; kind: UnitKind; parentUnit: string; subGroups: string; term: string; secretaryName: string };

export default function SetupPage() {
  const { route } = useLocation();
  const [v, setV] = useState<Values>({ name: '', kind: 'branch', parentUnit: '', subGroups: '', term: '', secretaryName: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof Values | 'form', string>>>({});
  const [isSaving, setSaving] = useState(false);
  const set = (k: keyof Values) => (value: string) => setV({ ...v, [k]: value });

  const submit = async (e: Event) => {
    e.preventDefault();
    setSaving(true);
    try {
      // messageKey too: imported here, not at the top, it would bring the data chunk (and Dexie,
      // which it imports) into the first-run screen's first paint (issue 13, B2).
      const [{ createUnit }, { unitFields }, { messageKey }] = await Promise.all([import('./unit-repo'), import('../../protocol/unit'), import('../../protocol/message-key')]);
      const input = {
        name: v.name.trim(),
        kind: v.kind,
        parentUnit: v.parentUnit.trim(),
        subGroups: v.subGroups.split('\n').map((s) => s.trim()).filter(Boolean),
        term: v.term.trim() || undefined,
        secretaryName: v.secretaryName.trim() || undefined,
      };
      const parsed = unitFields.safeParse(input);
      if (!parsed.success) {
        const errs: typeof errors = {};
        for (const i of parsed.error.issues) errs[(i.path[0] as keyof Values) ?? 'form'] ??= messageKey(i.message);
        setErrors(errs);
        setSaving(false);
        return;
      }
      await createUnit(parsed.data);
      window.dispatchEvent(new Event('scd:unit-ready'));
      route('/members', true);
    } catch {
      setErrors({ form: 'err.unexpected' });
      setSaving(false);
    }
  };
  const err = (k: keyof Values) => (errors[k] ? tDynamic(errors[k]!) : undefined);

  return (
    <main class="page setup">
      <h1>{ts('title')}</h1>
      <p class="lead"><strong>{ts('welcome')}</strong></p>
      <p class="muted">{ts('intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField id="u-name" label={ts('name')} value={v.name} onInput={set('name')} placeholder={ts('namePlaceholder')} error={err('name')} required />
        <SelectField<UnitKind>
          id="u-kind"
          label={ts('kind')}
          value={v.kind}
          onChange={(k) => setV({ ...v, kind: k })}
          options={[
            { value: 'branch', label: ts('kind_branch') },
            { value: 'baseUnion', label: ts('kind_baseUnion') },
          ]}
        />
        <TextField id="u-parent" label={ts('parentUnit')} value={v.parentUnit} onInput={set('parentUnit')} placeholder={ts('parentPlaceholder')} hint={ts('parentHint')} error={err('parentUnit')} required />
        <TextAreaField id="u-groups" label={ts('subGroups')} value={v.subGroups} onInput={set('subGroups')} hint={ts('subGroupsHint')} error={err('subGroups')} />
        <TextField id="u-term" label={ts('term')} value={v.term} onInput={set('term')} placeholder={ts('termPlaceholder')} error={err('term')} />
        <TextField id="u-secretary" label={ts('secretary')} value={v.secretaryName} onInput={set('secretaryName')} error={err('secretaryName')} />
        {errors.form && <p class="error" role="alert">{tDynamic(errors.form)}</p>}
        <button type="submit" class="btn primary block" disabled={isSaving}>
          {isSaving ? ts('starting') : ts('start')}
        </button>
      </form>
      <p class="muted small restore-hint">{ts('restoreHint')}</p>
      <a class="btn block" href="/settings/backup">{ts('restore')}</a>
      <p class="muted small restore-hint">{ts('joinHint')}</p>
      <a class="btn block" href="/join">{ts('join')}</a>
      <a class="btn block restore-hint" href="/above">{ts('above')}</a>
    </main>
  );
}

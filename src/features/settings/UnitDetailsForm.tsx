// Unit details (name, kind, cấp trên, sub-groups, term, secretary, the locality printed atop
// documents), saved through the unit repo. Registers itself as dirty while edited so an update never
// reloads over it.
import { useEffect, useState } from 'preact/hooks';
import { t, tDynamic, type MessageKey } from '../../i18n';
import { markDirty } from '../../pwa/dirty';
import { messageKey } from '../../protocol/message-key';
import { UNIT_KINDS, type Unit, type UnitFields, type UnitKind } from '../../protocol/unit';
import { parseSubGroups, updateUnit } from './settings-repo';

const FORM_ID = 'settings-unit';

interface Draft {
  name: string;
  kind: UnitKind;
  parentUnit: string;
  subGroups: string;
  term: string;
  secretaryName: string;
  locality: string;
}

const toDraft = (u: Unit): Draft => ({
  name: u.name,
  kind: u.kind,
  // a unit the admin created without a cấp trên has none until a phone sets it
  parentUnit: u.parentUnit ?? '',
  subGroups: (u.subGroups ?? []).join('\n'),
  term: u.term ?? '',
  secretaryName: u.secretaryName ?? '',
  locality: u.locality ?? '',
});

const KIND_LABEL: Record<UnitKind, MessageKey> = { branch: 'settings.kindBranch', baseUnion: 'settings.kindBaseUnion' };

export function UnitDetailsForm({ unit, onSaved }: { unit: Unit; onSaved: (u: Unit) => void }) {
  const [saved, setSaved] = useState<Draft>(() => toDraft(unit));
  const [draft, setDraft] = useState<Draft>(saved);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [formError, setFormError] = useState('');
  const [isSaving, setSaving] = useState(false);
  const [isJustSaved, setJustSaved] = useState(false);
  const isDirty = (Object.keys(draft) as (keyof Draft)[]).some((k) => draft[k] !== saved[k]);

  useEffect(() => markDirty(FORM_ID, isDirty), [isDirty]);
  useEffect(() => () => markDirty(FORM_ID, false), []);

  const set = (k: keyof Draft) => (e: Event) => {
    setDraft({ ...draft, [k]: (e.currentTarget as HTMLInputElement).value });
    setJustSaved(false);
  };

  async function onSubmit(e: Event) {
    e.preventDefault();
    setSaving(true);
    setErrors({});
    setFormError('');
    const fields: UnitFields = {
      name: draft.name,
      kind: draft.kind,
      parentUnit: draft.parentUnit,
      subGroups: parseSubGroups(draft.subGroups),
      term: draft.term,
      secretaryName: draft.secretaryName,
      locality: draft.locality,
    };
    try {
      const next = await updateUnit(fields);
      const nextDraft = toDraft(next);
      setSaved(nextDraft);
      setDraft(nextDraft);
      setJustSaved(true);
      onSaved(next);
    } catch (err) {
      const issues = (err as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
      if (issues) {
        const byField: Partial<Record<keyof Draft, string>> = {};
        for (const i of issues) byField[String(i.path[0]) as keyof Draft] ??= tDynamic(messageKey(i.message));
        setErrors(byField);
      } else {
        const key = (err as { key?: string }).key;
        setFormError(tDynamic(key ?? 'err.unexpected'));
      }
    } finally {
      setSaving(false);
    }
  }

  const field = (k: keyof Draft, label: MessageKey, hint?: MessageKey, multiline = false) => (
    <div class="field" data-invalid={errors[k] ? '' : undefined}>
      <label for={`unit-${k}`}>{t(label)}</label>
      {multiline ? (
        <textarea id={`unit-${k}`} value={draft[k]} onInput={set(k)} rows={3} />
      ) : (
        <input id={`unit-${k}`} value={draft[k]} onInput={set(k)} autocomplete="off" />
      )}
      {hint && <span class="hint">{t(hint)}</span>}
      {errors[k] && <span class="error">{errors[k]}</span>}
    </div>
  );

  return (
    <form class="w" onSubmit={onSubmit} noValidate>
      {field('name', 'settings.unitName')}
      <div class="field">
        <label for="unit-kind">{t('settings.unitKind')}</label>
        <select id="unit-kind" value={draft.kind} onChange={set('kind')}>
          {UNIT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_LABEL[k])}
            </option>
          ))}
        </select>
      </div>
      {field('parentUnit', 'settings.parentUnit', 'settings.parentUnitHint')}
      {field('subGroups', 'settings.subGroups', 'settings.subGroupsHint', true)}
      {field('term', 'settings.term', 'settings.termHint')}
      {field('secretaryName', 'settings.secretaryName')}
      {field('locality', 'settings.locality', 'settings.localityHint')}
      {formError && (
        <p class="error" role="alert">
          {formError}
        </p>
      )}
      <div class="row">
        <button class="btn primary" type="submit" disabled={isSaving || !isDirty}>
          {isSaving ? t('common.saving') : t('settings.saveUnit')}
        </button>
        {isJustSaved && !isDirty && (
          <span class="ok" role="status">
            {t('common.saved')}
          </span>
        )}
      </div>
    </form>
  );
}

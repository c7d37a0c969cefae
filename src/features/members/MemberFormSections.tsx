// The member record's fields in collapsible groups (basic details open by default).
import type { ComponentChildren } from 'preact';
import { t, tDynamic, type MessageKey } from '../../i18n';
import { TextField, SelectField, TextAreaField } from '../../ui/fields';
import { GENDERS, POSITIONS, DUES_CATEGORIES, PARTY_STATUSES, MEMBER_STATUSES } from '../../protocol/member-enums';
import type { FormErrors, FormField, FormValues } from './member-form-model';

interface Props {
  values: FormValues;
  errors: FormErrors;
  set: (f: FormField, v: string) => void;
  subGroups: string[];
}

export function MemberFormSections({ values, errors, set, subGroups }: Props) {
  const err = (f: FormField) => (errors[f] ? tDynamic(errors[f]!) : undefined);
  const text = (f: FormField, extra: Partial<Parameters<typeof TextField>[0]> = {}) => (
    <TextField id={`m-${f}`} label={t(`members.${f}` as MessageKey)} value={values[f]} error={err(f)} onInput={(v) => set(f, v)} {...extra} />
  );
  const date = (f: FormField) => text(f, { inputMode: 'numeric', placeholder: 'dd/mm/yyyy', hint: t('members.dateHint') });
  const select = (f: FormField, options: readonly string[], prefix: string, allowEmpty = false) => (
    <SelectField
      id={`m-${f}`}
      label={t(`members.${f}` as MessageKey)}
      value={values[f]}
      error={err(f)}
      onChange={(v) => set(f, v)}
      options={[
        ...(allowEmpty ? [{ value: '', label: t('members.notSet') }] : []),
        ...options.map((o) => ({ value: o, label: t(`members.${prefix}_${o}` as MessageKey) })),
      ]}
    />
  );
  const hasErrorIn = (fields: FormField[]) => fields.some((f) => errors[f]);

  return (
    <>
      <Group title={t('members.groupBasic')} open>
        {text('fullName', { autoComplete: 'name', required: true })}
        {select('gender', GENDERS, 'gender', true)}
        {date('dateOfBirth')}
        {text('phone', { type: 'tel', inputMode: 'tel' })}
        {text('email', { type: 'email', inputMode: 'email' })}
        {text('citizenId', { inputMode: 'numeric' })}
      </Group>
      <Group title={t('members.groupUnion')} open={hasErrorIn(['admissionDate', 'cardNumber'])}>
        {date('admissionDate')}
        {text('admissionPlace')}
        {text('cardNumber', { inputMode: 'numeric' })}
        {select('position', POSITIONS, 'position')}
        {subGroups.length ? (
          <SelectField
            id="m-subGroup"
            label={t('members.subGroup')}
            value={values.subGroup}
            onChange={(v) => set('subGroup', v)}
            options={[{ value: '', label: t('members.notSet') }, ...withCurrent(subGroups, values.subGroup).map((g) => ({ value: g, label: g }))]}
          />
        ) : (
          text('subGroup')
        )}
        {select('duesCategory', DUES_CATEGORIES, 'dues')}
        {select('status', MEMBER_STATUSES, 'status')}
      </Group>
      <Group title={t('members.groupOrigin')} open={hasErrorIn(['ethnicity'])}>
        {text('ethnicity')}
        {text('religion')}
        {text('hometown')}
        {text('currentAddress')}
      </Group>
      <Group title={t('members.groupEducation')}>
        {text('occupation')}
        {text('educationLevel', { hint: t('members.educationHint') })}
        {text('professionalQualification')}
        {text('politicalTheoryLevel')}
      </Group>
      <Group title={t('members.groupParty')} open={hasErrorIn(['partyAdmissionDate', 'partyOfficialDate'])}>
        {select('partyStatus', PARTY_STATUSES, 'party')}
        {date('partyAdmissionDate')}
        {date('partyOfficialDate')}
      </Group>
      <Group title={t('members.groupNotes')}>
        <TextAreaField id="m-notes" label={t('members.notes')} value={values.notes} error={err('notes')} onInput={(v) => set('notes', v)} />
      </Group>
    </>
  );
}

function withCurrent(list: string[], current: string): string[] {
  return current && !list.includes(current) ? [...list, current] : list;
}

function Group({ title, open, children }: { title: string; open?: boolean; children: ComponentChildren }) {
  return (
    <details class="card group" open={open}>
      <summary>{title}</summary>
      <div class="group-body">{children}</div>
    </details>
  );
}

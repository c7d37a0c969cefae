// Records a lifecycle event; shows when it will change the member's status.
import { useState } from 'preact/hooks';
import { t, tDynamic, type MessageKey } from '../../i18n';
import { TextField, SelectField, TextAreaField } from '../../ui/fields';
import { formatDate, parseDateText, todayIso } from '../../lib/dates';
import { MEMBER_EVENT_KINDS, DISCIPLINE_LEVELS, type MemberEventKind, type DisciplineLevel } from '../../protocol/member-event-enums';

export function MemberEventForm({ memberId, onDone }: { memberId: string; onDone: (saved: boolean) => void }) {
  const [kind, setKind] = useState<MemberEventKind>('commendation');
  const [date, setDate] = useState(formatDate(todayIso()));
  const [decisionNumber, setDecision] = useState('');
  const [level, setLevel] = useState<DisciplineLevel | ''>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [isSaving, setSaving] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    const iso = parseDateText(date);
    const errs: Record<string, string> = {};
    if (!iso) errs.date = 'err.date';
    if (kind === 'discipline' && !level) errs.level = 'err.disciplineLevel';
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setSaving(true);
    try {
      const { addMemberEvent } = await import('./members-repo');
      await addMemberEvent({
        memberId,
        kind,
        date: iso!,
        decisionNumber: decisionNumber.trim() || undefined,
        disciplineLevel: kind === 'discipline' ? (level as DisciplineLevel) : undefined,
        note: note.trim() || undefined,
      });
      onDone(true);
    } catch {
      setErrors({ form: 'err.unexpected' });
      setSaving(false);
    }
  };

  return (
    <form class="event-form" onSubmit={submit} noValidate>
      <SelectField
        id="ev-kind"
        label={t('members.eventKind')}
        value={kind}
        onChange={setKind}
        options={MEMBER_EVENT_KINDS.map((k) => ({ value: k, label: t(`members.event_${k}` as MessageKey) }))}
      />
      {kind === 'discipline' && (
        <SelectField
          id="ev-level"
          label={t('members.disciplineLevel')}
          value={level}
          error={errors.level && tDynamic(errors.level)}
          onChange={setLevel}
          options={[{ value: '', label: t('members.notSet') }, ...DISCIPLINE_LEVELS.map((l) => ({ value: l, label: t(`members.discipline_${l}` as MessageKey) }))]}
        />
      )}
      <TextField id="ev-date" label={t('members.eventDate')} value={date} onInput={setDate} inputMode="numeric" hint={t('members.dateHint')} error={errors.date && tDynamic(errors.date)} />
      <TextField id="ev-decision" label={t('members.decisionNumber')} value={decisionNumber} onInput={setDecision} />
      <TextAreaField id="ev-note" label={t('members.eventNote')} value={note} onInput={setNote} rows={2} />
      {errors.form && <p class="error" role="alert">{tDynamic(errors.form)}</p>}
      <div class="form-actions">
        <button type="button" class="btn" onClick={() => onDone(false)}>{t('common.cancel')}</button>
        <button type="submit" class="btn primary" disabled={isSaving}>{t('members.saveEvent')}</button>
      </div>
    </form>
  );
}

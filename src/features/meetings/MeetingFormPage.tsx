// Plan a meeting (/meetings/new?date=yyyy-mm-dd&kind=regular) or edit one
// (/meetings/:id/edit): kind, theme, date and time, place, chair and minute-taker, guests,
// agenda, and an optional sub-group for the roll. Errors in plain Vietnamese next to each field.
import { useEffect, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { t, tDynamic, type MessageKey } from '../../i18n';
import { markDirty } from '../../pwa/dirty';
import { monthLabel, todayIso } from '../../lib/dates';
import { MEETING_KINDS, type MeetingKind } from '../../protocol/meeting-enums';
import type { Member } from '../../protocol/member';
import { TextAreaField, TextField, SelectField } from '../../ui/fields';
import { getMeeting, isMinutesFinalized } from './meeting-queries';
import { createMeeting, updateMeeting } from './meetings-repo';
import { inUnitOn, listMembers } from '../members/member-queries';
import { getUnit } from '../setup/unit-queries';
import { AUTO_TITLE_KINDS, fromMeetingForm, retitle, toMeetingForm, type MeetingFormErrors, type MeetingFormValues } from './meeting-form-model';
import { monthOf } from './calendar';
import { meetingKindLabel } from './labels';
import { MemberSelect, type MemberOption } from './MemberSelect';
import { UserError } from '../../lib/user-error';
import './meetings.css';

const FORM_ID = 'meeting-form';

const suggestTitle = (kind: MeetingKind, date: string) =>
  AUTO_TITLE_KINDS.includes(kind) && /^\d{4}-\d{2}/.test(date) ? t(`meetings.autoTitle_${kind}` as MessageKey, { month: monthLabel(monthOf(date)) }) : undefined;

export default function MeetingFormPage() {
  const { params } = useRoute();
  const { route, query } = useLocation();
  const id: string | undefined = params.id;
  const [values, setValues] = useState<MeetingFormValues | null>(null);
  const [members, setMembers] = useState<MemberOption[]>([]);
  const [subGroups, setSubGroups] = useState<string[]>([]);
  const [errors, setErrors] = useState<MeetingFormErrors>({});
  const [state, setState] = useState<{ saving?: boolean; message?: string; missing?: boolean; locked?: boolean }>({});
  const [isDirty, setDirty] = useState(false);

  useEffect(() => {
    let live = true;
    setValues(null);
    setState({});
    void (async () => {
      const [unit, all, meeting, locked, inUnit] = await Promise.all([
        getUnit(),
        listMembers(),
        id ? getMeeting(id) : Promise.resolve(undefined),
        id ? isMinutesFinalized(id) : Promise.resolve(false),
        inUnitOn(todayIso()),
      ]);
      if (!live) return;
      if (id && !meeting) return setState({ missing: true });
      if (locked) return setState({ locked: true });
      const keep = new Set([meeting?.chairId, meeting?.minuteTakerId].filter(Boolean));
      // Who can chair or take the minutes: members in the unit today (the one head count).
      setMembers(all.filter((m: Member) => keep.has(m.id) || inUnit(m)));
      setSubGroups(unit?.subGroups ?? []);
      const kind = (MEETING_KINDS as readonly string[]).includes(query.kind) ? (query.kind as MeetingKind) : undefined;
      const date = /^\d{4}-\d{2}-\d{2}$/.test(query.date ?? '') ? query.date : todayIso();
      const initial = toMeetingForm(meeting, { date, kind });
      setValues(meeting ? initial : { ...initial, title: suggestTitle(initial.kind, initial.date) ?? '' });
    })();
    return () => {
      live = false;
      markDirty(FORM_ID, false);
    };
  }, [id]);

  if (state.missing) return <NotFound />;
  if (state.locked)
    return (
      <main class="page">
        <p class="card">{t('meetings.lockedEdit')}</p>
        <a class="btn" href={`/meetings/${id}`}>{t('common.back')}</a>
      </main>
    );
  if (!values) return <main class="page"><p class="muted">{t('common.loading')}</p></main>;

  const update = (next: MeetingFormValues, touched: string[]) => {
    setValues(retitle(values, next, suggestTitle));
    if (touched.some((k) => errors[k])) {
      const rest = { ...errors };
      for (const k of touched) delete rest[k];
      setErrors(rest);
      if (!Object.keys(rest).length) setState({});
    }
    setDirty(true);
    markDirty(FORM_ID, true);
  };
  const set = <K extends keyof MeetingFormValues>(k: K) => (v: MeetingFormValues[K]) => update({ ...values, [k]: v }, [k]);
  const err = (k: string) => (errors[k] ? tDynamic(errors[k]!) : undefined);

  const cancel = () => {
    if (isDirty && !confirm(t('common.unsavedChanges'))) return;
    markDirty(FORM_ID, false);
    history.back();
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const result = fromMeetingForm(values);
    if ('errors' in result) {
      setErrors(result.errors);
      setState({ message: t('meetings.fixErrors', { n: Object.keys(result.errors).length }) });
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-invalid] input, [data-invalid] select, [data-invalid] textarea')?.focus());
      return;
    }
    setState({ saving: true });
    try {
      const saved = id ? await updateMeeting(id, result.fields) : await createMeeting(result.fields);
      markDirty(FORM_ID, false);
      route(`/meetings/${saved.id}`, true);
    } catch (error) {
      const reason = error instanceof UserError ? tDynamic(error.key) : tDynamic('err.unexpected');
      setState({ message: t('meetings.saveError', { reason }) });
    }
  };

  const guests = values.guests;
  const setGuest = (i: number, k: 'name' | 'role', v: string) =>
    update({ ...values, guests: guests.map((g, j) => (j === i ? { ...g, [k]: v } : g)) }, [`guests.${i}.${k}`]);

  return (
    <main class="page meeting-form">
      <h1>{id ? t('meetings.editTitle') : t('meetings.newTitle')}</h1>
      <form onSubmit={submit} noValidate>
        <SelectField<MeetingKind>
          id="mt-kind"
          label={t('meetings.kind')}
          value={values.kind}
          onChange={set('kind')}
          options={MEETING_KINDS.map((k) => ({ value: k, label: meetingKindLabel(k) }))}
        />
        <TextField id="mt-title" label={t('meetings.titleField')} value={values.title} onInput={set('title')} placeholder={t('meetings.titlePlaceholder')} error={err('title')} required />
        <div class="two-col">
          <TextField id="mt-date" type="date" label={t('meetings.date')} value={values.date} onInput={set('date')} error={err('date')} required />
          <TextField id="mt-start" type="time" label={t('meetings.startTime')} value={values.startTime} onInput={set('startTime')} error={err('startTime')} required />
        </div>
        <TextField id="mt-end" type="time" label={`${t('meetings.endTime')} (${t('common.optional')})`} value={values.endTime} onInput={set('endTime')} error={err('endTime')} />
        <TextField id="mt-place" label={t('meetings.place')} value={values.place} onInput={set('place')} placeholder={t('meetings.placePlaceholder')} error={err('place')} />
        <MemberSelect id="mt-chair" label={t('meetings.chair')} value={values.chairId} onChange={set('chairId')} members={members} error={err('chairId')} />
        <MemberSelect id="mt-taker" label={t('meetings.minuteTaker')} value={values.minuteTakerId} onChange={set('minuteTakerId')} members={members} error={err('minuteTakerId')} />
        <fieldset class="guests">
          <legend>{t('meetings.guests')}</legend>
          {guests.length === 0 && <p class="muted small">{t('meetings.noGuests')}</p>}
          {guests.map((g, i) => (
            <div class="guest-row" key={i}>
              <TextField id={`mt-guest-${i}-name`} label={t('meetings.guestName')} value={g.name} onInput={(v) => setGuest(i, 'name', v)} error={err(`guests.${i}.name`)} />
              <TextField id={`mt-guest-${i}-role`} label={t('meetings.guestRole')} value={g.role} onInput={(v) => setGuest(i, 'role', v)} placeholder={t('meetings.guestRolePlaceholder')} />
              <button type="button" class="btn remove" aria-label={t('meetings.removeGuest', { n: i + 1 })} onClick={() => update({ ...values, guests: guests.filter((_, j) => j !== i) }, Object.keys(errors).filter((k) => k.startsWith('guests.')))}>
                ✕
              </button>
            </div>
          ))}
          <button type="button" class="btn" onClick={() => update({ ...values, guests: [...guests, { name: '', role: '' }] }, [])}>
            + {t('meetings.addGuest')}
          </button>
        </fieldset>
        <TextAreaField id="mt-agenda" label={t('meetings.agenda')} value={values.agenda} onInput={set('agenda')} rows={5} hint={t('meetings.agendaHint')} error={err('agenda')} />
        {subGroups.length > 0 && (
          <SelectField<string>
            id="mt-group"
            label={t('meetings.subGroup')}
            value={values.subGroup}
            onChange={set('subGroup')}
            hint={t('meetings.subGroupHint')}
            options={[{ value: '', label: t('meetings.wholeUnit') }, ...subGroups.map((s) => ({ value: s, label: s }))]}
          />
        )}
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

function NotFound() {
  return (
    <main class="page">
      <p>{t('meetings.notFound')}</p>
      <a class="btn" href="/meetings">{t('common.back')}</a>
    </main>
  );
}

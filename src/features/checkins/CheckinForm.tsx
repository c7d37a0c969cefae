// The check-in's form: date, place, who attended, findings; a new check-in also takes the
// actions agreed at it, added inline (what, who, by when), saved in the same write.
import { useState } from 'preact/hooks';
import { tDynamic } from '../../i18n';
import type { UnitDb } from '../../data/db';
import { formatDate, parseDateText } from '../../lib/dates';
import type { CheckIn } from '../../protocol/oversight';
import { TextAreaField, TextField } from '../../ui/fields';
import { ActionFields, dueIso } from './ActionItem';
import { errorText, tc } from './i18n';

interface Line {
  key: number;
  what: string;
  who: string;
  due: string;
}

export interface CheckinFormProps {
  db: UnitDb;
  /** absent: a new check-in */
  checkIn?: CheckIn;
  today: string;
  /** the cadre recording it (a new check-in) */
  byName?: string;
  onSaved: (id: string) => void;
  onCancel: () => void;
}

export function CheckinForm({ db, checkIn, today, byName, onSaved, onCancel }: CheckinFormProps) {
  const [date, setDate] = useState(formatDate(checkIn?.date ?? today));
  const [place, setPlace] = useState(checkIn?.place ?? '');
  const [attendees, setAttendees] = useState(checkIn?.attendees ?? '');
  const [findings, setFindings] = useState(checkIn?.findings ?? '');
  const [lines, setLines] = useState<Line[]>(checkIn ? [] : [{ key: 1, what: '', who: '', due: '' }]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const setLine = (key: number, k: 'what' | 'who' | 'due', v: string) => setLines(lines.map((l) => (l.key === key ? { ...l, [k]: v } : l)));
  const save = async (e: Event) => {
    e.preventDefault();
    setError('');
    const iso = parseDateText(date);
    if (!iso) return setError(tDynamic('err.date'));
    const actions = [];
    for (const l of lines) {
      const dueOn = dueIso(l.due);
      if (dueOn === null) return setError(tDynamic('err.date'));
      actions.push({ what: l.what, who: l.who, dueOn });
    }
    setBusy(true);
    try {
      const { saveCheckIn } = await import('./checkins-repo');
      const saved = await saveCheckIn(db, checkIn?.id, { date: iso, place, attendees, findings, byName: checkIn ? checkIn.byName : byName }, actions);
      onSaved(saved.id);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };

  return (
    <form class="card ci-form" onSubmit={save}>
      <TextField id="ci-date" label={tc('fDate')} hint={tc('fDateHint')} value={date} onInput={setDate} inputMode="numeric" required />
      <TextField id="ci-place" label={tc('fPlace')} value={place} onInput={setPlace} />
      <TextAreaField id="ci-attendees" label={tc('fAttendees')} hint={tc('fAttendeesHint')} value={attendees} onInput={setAttendees} rows={3} />
      <TextAreaField id="ci-findings" label={tc('fFindings')} hint={tc('fFindingsHint')} value={findings} onInput={setFindings} rows={6} />
      {!checkIn && (
        <fieldset class="ci-lines">
          <legend>{tc('newActions')}</legend>
          {lines.map((l, i) => (
            <div key={l.key} class="ci-line">
              <div class="row ci-line-head">
                <strong>{tc('actionNo', { n: i + 1 })}</strong>
                <button type="button" class="btn ci-remove" onClick={() => setLines(lines.filter((x) => x.key !== l.key))}>
                  {tc('removeAction')}
                </button>
              </div>
              <ActionFields idPrefix={`ci-a${l.key}`} what={l.what} who={l.who} due={l.due} set={(k, v) => setLine(l.key, k, v)} />
            </div>
          ))}
          <button type="button" class="btn block" onClick={() => setLines([...lines, { key: Math.max(0, ...lines.map((x) => x.key)) + 1, what: '', who: '', due: '' }])}>
            + {tc('addAction')}
          </button>
        </fieldset>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="btn" onClick={onCancel}>
          {tc('cancel')}
        </button>
        <button type="submit" class="btn primary" disabled={busy}>
          {busy ? tc('saving') : tc('save')}
        </button>
      </div>
    </form>
  );
}

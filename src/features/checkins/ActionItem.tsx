// One agreed action: what, who, by when, how it stands (overdue highlighted) and its follow-up,
// with who last updated it. Either side with the right updates the follow-up here (status and
// what was done); the level above also edits or deletes the action itself.
import { useState } from 'preact/hooks';
import type { UnitDb } from '../../data/db';
import { formatDate, parseDateText } from '../../lib/dates';
import { isOverdue } from '../../protocol/checkin-rules';
import { ACTION_STATUSES, type ActionStatus, type CheckInAction } from '../../protocol/oversight';
import { SelectField, TextAreaField, TextField } from '../../ui/fields';
import { tDynamic } from '../../i18n';
import { errorText, tc, tcd } from './i18n';

export interface ActionItemProps {
  db: UnitDb;
  action: CheckInAction;
  today: string;
  /** may update the follow-up */
  followUp: boolean;
  /** may edit or delete the action (the level above) */
  edit: boolean;
  /** "Giao ban dd/mm/yyyy", linking to the check-in, in lists of every action */
  from?: { href: string; date: string };
}

export function ActionItem({ db, action: a, today, followUp, edit, from }: ActionItemProps) {
  const [mode, setMode] = useState<'view' | 'follow' | 'edit'>('view');
  const late = isOverdue(a, today);
  return (
    <li class={`ci-action${late ? ' ci-late' : ''}${a.status !== 'open' ? ' ci-closed' : ''}`}>
      <div class="ci-what">{a.what}</div>
      <div class="ci-meta small">
        <span class={`ci-status ci-${a.status}`}>{tcd(`status_${a.status}`)}</span>
        {late && <span class="badge ci-overdue">{tc('overdue')}</span>}
        <span>{a.dueOn ? tc('due', { date: formatDate(a.dueOn) }) : tc('noDue')}</span>
        {a.who && <span>{tc('whoIs', { who: a.who })}</span>}
      </div>
      {from && (
        <a class="small" href={from.href}>
          {tc('fromCheckIn', { date: formatDate(from.date) })}
        </a>
      )}
      {a.followUp && <p class="ci-follow">{a.followUp}</p>}
      {a.followedBy && a.followedAt && <p class="muted small">{tcd(`followedBy_${a.followedBy}`, { date: formatDate(a.followedAt.slice(0, 10)) })}</p>}
      {mode === 'follow' && <FollowUpForm db={db} action={a} done={() => setMode('view')} />}
      {mode === 'edit' && <ActionEditForm db={db} action={a} done={() => setMode('view')} />}
      {mode === 'view' && (followUp || edit) && (
        <div class="row ci-buttons">
          {followUp && (
            <button type="button" class="btn" onClick={() => setMode('follow')}>
              {tc('updateFollowUp')}
            </button>
          )}
          {edit && (
            <button type="button" class="btn" onClick={() => setMode('edit')}>
              {tc('editAction')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function FollowUpForm({ db, action, done }: { db: UnitDb; action: CheckInAction; done: () => void }) {
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [text, setText] = useState(action.followUp ?? '');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      await (await import('./checkins-repo')).followUpAction(db, action.id, { status, followUp: text });
      done();
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  return (
    <form class="ci-inline" onSubmit={save}>
      <SelectField id={`fs-${action.id}`} label={tc('fStatus')} value={status} onChange={setStatus} options={ACTION_STATUSES.map((s) => ({ value: s, label: tcd(`status_${s}`) }))} />
      <TextAreaField id={`fu-${action.id}`} label={tc('followUp')} value={text} onInput={setText} rows={3} />
      {error && <p class="error" role="alert">{error}</p>}
      <div class="form-actions">
        <button type="button" class="btn" onClick={done}>
          {tc('cancel')}
        </button>
        <button type="submit" class="btn primary" disabled={busy}>
          {tc('saveFollowUp')}
        </button>
      </div>
    </form>
  );
}

/** What, who, by when — the fields of an action as agreed. */
export function ActionFields({ idPrefix, what, who, due, set }: { idPrefix: string; what: string; who: string; due: string; set: (k: 'what' | 'who' | 'due', v: string) => void }) {
  return (
    <>
      <TextField id={`${idPrefix}-what`} label={tc('fWhat')} value={what} onInput={(v) => set('what', v)} />
      <div class="ci-two">
        <TextField id={`${idPrefix}-who`} label={tc('fWho')} value={who} onInput={(v) => set('who', v)} />
        <TextField id={`${idPrefix}-due`} label={tc('fDue')} hint={tc('fDateHint')} value={due} onInput={(v) => set('due', v)} inputMode="numeric" />
      </div>
    </>
  );
}

/** dd/mm/yyyy → ISO; '' stays ''; anything else is refused. */
export function dueIso(text: string): string | null {
  return text.trim() ? parseDateText(text) : '';
}

function ActionEditForm({ db, action, done }: { db: UnitDb; action: CheckInAction; done: () => void }) {
  const [f, setF] = useState({ what: action.what, who: action.who ?? '', due: formatDate(action.dueOn) });
  const [error, setError] = useState('');
  const save = async (e: Event) => {
    e.preventDefault();
    const dueOn = dueIso(f.due);
    if (dueOn === null) return setError(tDynamic('err.date'));
    try {
      await (await import('./checkins-repo')).saveAction(db, action.checkInId, action.id, { what: f.what, who: f.who, dueOn });
      done();
    } catch (err) {
      setError(errorText(err));
    }
  };
  const remove = async () => {
    if (!confirm(tc('confirmDeleteAction'))) return;
    try {
      await (await import('./checkins-repo')).deleteAction(db, action.id);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form class="ci-inline" onSubmit={save}>
      <ActionFields idPrefix={`ae-${action.id}`} what={f.what} who={f.who} due={f.due} set={(k, v) => setF({ ...f, [k]: v })} />
      {error && <p class="error" role="alert">{error}</p>}
      <div class="form-actions">
        <button type="button" class="btn" onClick={done}>
          {tc('cancel')}
        </button>
        <button type="submit" class="btn primary">
          {tc('save')}
        </button>
      </div>
      <button type="button" class="btn danger block" onClick={remove}>
        {tc('deleteAction')}
      </button>
    </form>
  );
}

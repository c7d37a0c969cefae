// /above/unit/:unitId/checkins/:id and /checkins/:id — one check-in: when, where, who attended,
// the findings, and each agreed action with its status and follow-up, which either side
// updates. The level above also edits the check-in, adds, edits and deletes its actions, and
// deletes the check-in; the unit reads it. The record prints (A4 / .docx).
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { tDynamic } from '../../i18n';
import { formatDate, todayIso } from '../../lib/dates';
import { useLive } from '../../data/live';
import { checkinRights, getCheckIn } from './checkins-queries';
import { checkinsBase, useCheckinDb } from './use-checkin-db';
import { ActionFields, ActionItem, dueIso } from './ActionItem';
import { CheckinForm } from './CheckinForm';
import { errorText, tc } from './i18n';
import type { UnitDb } from '../../data/db';
import './checkins.css';

export default function CheckinDetailPage() {
  const { params } = useRoute();
  const { route } = useLocation();
  const unitId = params.unitId as string | undefined;
  const id = params.id as string;
  const base = checkinsBase(unitId);
  const today = todayIso();
  const { db } = useCheckinDb(unitId);
  const live = useLive(async () => (db ? { view: await getCheckIn(db, id, today), rights: await checkinRights(db) } : undefined), [db, id, today]);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState('');
  const v = live.value;
  const c = v?.view?.checkIn;
  const lines = (s?: string) => (s ?? '').split(/\r?\n/).filter((l) => l.trim());

  const remove = async () => {
    if (!db || !confirm(tc('confirmDelete'))) return;
    try {
      await (await import('./checkins-repo')).deleteCheckIn(db, id);
      route(base, true);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <main class="page checkins">
      <a class="back" href={base}>
        ← {tc('back')}
      </a>
      {live.error && <p class="error" role="alert">{tDynamic('err.unexpected')}</p>}
      {v && !v.view && (
        <>
          <h1>{tc('title')}</h1>
          <p class="muted">{tc('notFound')}</p>
        </>
      )}
      {db && v && c && editing && (
        <>
          <h1>{tc('editTitle')}</h1>
          <CheckinForm db={db} checkIn={c} today={today} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
        </>
      )}
      {db && v?.view && c && !editing && (
        <>
          <h1>{tc('fromCheckIn', { date: formatDate(c.date) })}</h1>
          <section class="card ci-facts">
            <dl>
              <dt>{tc('when')}</dt>
              <dd>{formatDate(c.date)}</dd>
              {c.place && (
                <>
                  <dt>{tc('where')}</dt>
                  <dd>{c.place}</dd>
                </>
              )}
              {c.attendees && (
                <>
                  <dt>{tc('who')}</dt>
                  <dd>{lines(c.attendees).map((l, i) => <div key={i}>{l}</div>)}</dd>
                </>
              )}
              {c.findings && (
                <>
                  <dt>{tc('findings')}</dt>
                  <dd>{lines(c.findings).map((l, i) => <p key={i}>{l}</p>)}</dd>
                </>
              )}
            </dl>
            {c.byName && <p class="muted small">{tc('byName', { name: c.byName })}</p>}
            <div class="row ci-buttons">
              <a class="btn" href={`${base}/${encodeURIComponent(id)}/print`}>
                {tc('print')}
              </a>
              {v.rights.editCheckIns && (
                <button type="button" class="btn" onClick={() => setEditing(true)}>
                  {tc('edit')}
                </button>
              )}
            </div>
          </section>
          <section class="card" aria-labelledby="ci-a-h">
            <h2 id="ci-a-h">{tc('actionsTitle')}</h2>
            {!v.view.actions.length && <p class="muted small">{tc('noActions')}</p>}
            <ul class="ci-actions">
              {v.view.actions.map((a) => (
                <ActionItem key={a.id} db={db} action={a} today={today} followUp={v.rights.followUp} edit={v.rights.editCheckIns} />
              ))}
            </ul>
            {v.rights.editCheckIns && <AddAction db={db} checkInId={id} />}
          </section>
          {error && <p class="error" role="alert">{error}</p>}
          {v.rights.editCheckIns && (
            <button type="button" class="btn danger block" onClick={remove}>
              {tc('delete')}
            </button>
          )}
        </>
      )}
    </main>
  );
}

/** The level above adds an action agreed after the fact (or forgotten in the form). */
function AddAction({ db, checkInId }: { db: UnitDb; checkInId: string }) {
  const [open, setOpen] = useState(false);
  const [f, setF] = useState({ what: '', who: '', due: '' });
  const [error, setError] = useState('');
  if (!open)
    return (
      <button type="button" class="btn block" onClick={() => setOpen(true)}>
        + {tc('addOneAction')}
      </button>
    );
  const save = async (e: Event) => {
    e.preventDefault();
    const dueOn = dueIso(f.due);
    if (dueOn === null) return setError(tDynamic('err.date'));
    try {
      await (await import('./checkins-repo')).saveAction(db, checkInId, undefined, { what: f.what, who: f.who, dueOn });
      setF({ what: '', who: '', due: '' });
      setError('');
      setOpen(false);
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <form class="ci-inline" onSubmit={save}>
      <ActionFields idPrefix="ci-add" what={f.what} who={f.who} due={f.due} set={(k, v) => setF({ ...f, [k]: v })} />
      {error && <p class="error" role="alert">{error}</p>}
      <div class="form-actions">
        <button type="button" class="btn" onClick={() => setOpen(false)}>
          {tc('cancel')}
        </button>
        <button type="submit" class="btn primary">
          {tc('save')}
        </button>
      </div>
    </form>
  );
}

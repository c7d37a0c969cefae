// /sync/conflicts: concurrent edits of the same field, side by side. The value in effect
// (the server picked it by clock) is marked; "Giữ bản này" on either side writes the chosen
// value as a normal change and tells the server the conflict is settled.
import { useState } from 'preact/hooks';
import { ts } from '../../sync/i18n';
import { tDynamic } from '../../i18n';
import { UserError } from '../../lib/user-error';
import { useLive } from '../../data/live';
import { listConflicts, type ConflictView } from '../../sync/record-queries';
import { fieldLabel, formatValue, tableLabel } from './format';
import './sync.css';
import './sync-screens.css';

export default function ConflictsPage() {
  const list = useLive(listConflicts, []);
  const [notice, setNotice] = useState('');

  const [error, setError] = useState('');

  const keep = async (c: ConflictView, side: 'winner' | 'loser') => {
    setError('');
    setNotice('');
    try {
      const { keepConflictSide, settleSuperseded } = await import('../../sync/conflicts-repo');
      await keepConflictSide(c.id, side);
      await settleSuperseded(c.also ?? []);
    } catch (e) {
      // final minutes and their roll: the side in effect stays (err.locked)
      setError(tDynamic(e instanceof UserError ? e.key : 'err.unexpected'));
      return;
    }
    setNotice(ts('kept'));
    window.dispatchEvent(new Event('scd:sync-now'));
  };

  return (
    <main class="page sync-page">
      <a class="back" href="/sync">
        ← {ts('backToSync')}
      </a>
      <h1>{ts('conflictsTitle')}</h1>
      <p class="muted">{ts('conflictsIntro')}</p>
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {list.isLoaded && !list.value?.length && <p>{ts('conflictsNone')}</p>}
      <ul class="conflict-list">
        {list.value?.map((c) => (
          <li key={c.id} class="card conflict" aria-label={`${c.title || ts('unnamed')} — ${fieldLabel(c.table, c.field)}`}>
            <p class="small muted">{tableLabel(c.table)}</p>
            <h2>
              {c.title || ts('unnamed')} — {fieldLabel(c.table, c.field)}
            </h2>
            {(c.isDeleteEdit || c.row?.deleted === true) && c.field !== 'deleted' && <p class="small warn-text">{ts('recordDeleted')}</p>}
            {/* the server's conflict for a member deleted while another phone recorded for them (docs/sync-api.md) */}
            {c.table === 'members' && c.field === 'deleted' && <p class="small warn-text">{ts('memberDeletedInUse')}</p>}
            <div class="sides">
              {sides(c).map((s) => (
                <div class={`side ${s.side === 'winner' ? 'current' : ''}`} key={s.side} data-side={s.label}>
                  <h3>
                    {s.label}
                    {s.side === 'winner' && <span class="badge">{ts('inEffect')}</span>}
                  </h3>
                  <p class="value">{c.isDeleteEdit && s.side === 'winner' ? ts('deletedValue') : formatValue(c.table, c.field, s.value)}</p>
                  <button class="btn block" onClick={() => void keep(c, s.side)}>
                    {ts('keepThis')}
                  </button>
                </div>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}

/** Mine on the left when this phone wrote one of them; else in the order they happened. */
function sides(c: ConflictView): { side: 'winner' | 'loser'; label: string; value: unknown }[] {
  const winner = { side: 'winner' as const, value: c.winnerValue };
  const loser = { side: 'loser' as const, value: c.loserValue };
  if (c.mySide === 'winner') return [{ ...winner, label: ts('mine') }, { ...loser, label: ts('theirs') }];
  if (c.mySide === 'loser') return [{ ...loser, label: ts('mine') }, { ...winner, label: ts('theirs') }];
  return [
    { ...winner, label: ts('sideA') },
    { ...loser, label: ts('sideB') },
  ];
}

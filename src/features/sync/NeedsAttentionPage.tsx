// /sync/attention: changes the server refused, with its reason in plain words. "Sửa" opens
// the record (saving it sends the change again); "Bỏ thay đổi này" takes the server's values
// back, after a confirmation. Nothing leaves this list silently.
import { useState } from 'preact/hooks';
import { ts } from '../../sync/i18n';
import { useLive } from '../../data/live';
import { listNeedsAttention, type AttentionView } from '../../sync/record-queries';
import { fieldLabel, formatValue, reasonText, tableLabel } from './format';
import './sync.css';
import './sync-screens.css';

// bookkeeping a person does not read: when the record was made, when a name was ticked, and
// the ids linking it to its member, meeting, item… (the card's title names them; found in use:
// "eventId 01a2511b-63a3-…")
const HIDDEN = new Set(['createdAt', 'checkedAt']);
const isShown = (field: string) => !HIDDEN.has(field) && !/Ids?$/.test(field);

export default function NeedsAttentionPage() {
  const list = useLive(listNeedsAttention, []);
  const [notice, setNotice] = useState('');

  const discard = async (w: AttentionView) => {
    // a change to final minutes was taken back already: the card is only read and put away
    if (!isLocked(w) && !confirm(ts('discardConfirm'))) return;
    const { discardRefusedChange } = await import('../../sync/attention-repo');
    for (const mid of [...(w.also ?? []), w.mid]) await discardRefusedChange(mid);
    setNotice(isLocked(w) ? '' : ts('discarded'));
  };

  return (
    <main class="page sync-page">
      <a class="back" href="/sync">
        ← {ts('backToSync')}
      </a>
      <h1>{ts('attentionTitle')}</h1>
      <p class="muted">{ts('attentionIntro')}</p>
      {notice && (
        <p class="ok" role="status">
          {notice}
        </p>
      )}
      {list.isLoaded && !list.value?.length && <p>{ts('attentionNone')}</p>}
      <ul class="conflict-list">
        {list.value?.map((w) => (
          <li key={w.mid} class="card">
            <p class="small muted">{tableLabel(w.table)}</p>
            <h2>{w.title || ts('unnamed')}</h2>
            <p class="error">{ts('reason', { reason: reasonText(w.reason) })}</p>
            {isLocked(w) && <p class="muted small">{ts('lockedKept')}</p>}
            {w.op === 'delete' ? (
              <p>{ts('opDelete')}</p>
            ) : (
              <dl class="facts">
                {Object.entries(w.fields)
                  .filter(([k]) => isShown(k))
                  .map(([k, v]) => (
                    <div key={k}>
                      <dt>{fieldLabel(w.table, k)}</dt>
                      <dd>{formatValue(w.table, k, v)}</dd>
                    </div>
                  ))}
              </dl>
            )}
            <div class="row">
              {w.href && w.row && !isLocked(w) && (
                <a class="btn primary" href={w.href}>
                  {ts('fix')}
                </a>
              )}
              <button class={isLocked(w) ? 'btn' : 'btn danger'} onClick={() => void discard(w)}>
                {isLocked(w) ? ts('lockedDone') : ts('discard')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </main>
  );
}

/** Refused because the minutes are final: this phone already shows the final values again. */
const isLocked = (w: AttentionView) => w.reason === 'err.locked';

// The last imports, each with "Hoàn tác" (undo the whole import) behind a confirmation.
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { ti } from './i18n';
import { useLive } from '../../data/live';
import { listImports, undoImport, type ImportRecord } from './import-repo';
import { errorText, formatAt, formatCount } from './problem-text';

export function ImportHistory({ highlightId }: { highlightId?: string }) {
  const imports = useLive(() => listImports(5), []);
  if (!imports.value?.length) return null;
  return (
    <section aria-labelledby="import-history">
      <h2 id="import-history">{ti('history')}</h2>
      <ul class="import-history">
        {imports.value.map((rec) => (
          <HistoryItem key={rec.id} record={rec} isCurrent={rec.id === highlightId} />
        ))}
      </ul>
    </section>
  );
}

export function HistoryItem({ record, isCurrent }: { record: ImportRecord; isCurrent?: boolean }) {
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const at = formatAt(record.at);

  const undo = async () => {
    setBusy(true);
    try {
      await undoImport(record.id);
      setMessage({ text: ti('undoDone', { file: record.fileName }), isError: false });
    } catch (e) {
      setMessage({ text: errorText(e, 'e_undoFailed'), isError: true });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };

  return (
    <li class="card" data-current={isCurrent ? '' : undefined}>
      <div>
        <strong>{record.fileName}</strong>
      </div>
      <div class="small muted">{ti('historyItem', { count: formatCount(record.memberIds.length), at })}</div>
      {message && (
        <p class={message.isError ? 'error' : 'ok'} role="status">
          {message.text}
        </p>
      )}
      {record.undoneAt ? (
        <p class="small muted">
          {ti('undone')} · {formatAt(record.undoneAt)}
        </p>
      ) : isConfirming ? (
        <div role="alertdialog" aria-label={ti('undo')}>
          <p>{ti('undoConfirm', { count: formatCount(record.memberIds.length), file: record.fileName, at })}</p>
          <div class="row">
            <button type="button" class="btn danger" disabled={isBusy} onClick={undo}>
              {isBusy ? ti('undoing') : ti('undo')}
            </button>
            <button type="button" class="btn" disabled={isBusy} onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="btn danger" onClick={() => setConfirming(true)}>
          {ti('undo')}
        </button>
      )}
    </li>
  );
}

// The last imports, each with "Hoàn tác" (undo the whole import) behind a confirmation that
// says first who would be kept: members the register has used since (dues, roll marks…)
// stay, so no money or mark is left without its member (import-repo.ts).
import { useState } from 'preact/hooks';
import { t } from '../../i18n';
import { ti } from './i18n';
import { useLive } from '../../data/live';
import { listImports, previewUndo, undoImport, type ImportRecord, type UndoPlan } from './import-repo';
import { errorText, formatAt, formatCount } from './problem-text';

/** Kept members listed by name in the confirmation; the rest are counted. */
const KEPT_SHOWN = 10;

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
  const [plan, setPlan] = useState<UndoPlan | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; isError: boolean } | null>(null);
  const at = formatAt(record.at);
  const keptCount = record.keptMemberIds?.length ?? 0;

  const ask = async () => {
    setBusy(true);
    try {
      setPlan(await previewUndo(record.id));
    } catch (e) {
      setMessage({ text: errorText(e, 'e_undoFailed'), isError: true });
    } finally {
      setBusy(false);
    }
  };

  const undo = async () => {
    setBusy(true);
    try {
      const done = await undoImport(record.id);
      const kept = done.keptMemberIds?.length ?? 0;
      setMessage({
        text: kept
          ? ti('undoDoneKept', { file: record.fileName, count: formatCount(done.removedCount ?? 0), kept: formatCount(kept) })
          : ti('undoDone', { file: record.fileName }),
        isError: false,
      });
    } catch (e) {
      setMessage({ text: errorText(e, 'e_undoFailed'), isError: true });
    } finally {
      setBusy(false);
      setPlan(null);
    }
  };

  return (
    <li class="card" data-current={isCurrent ? '' : undefined}>
      <div>
        <strong>{record.fileName}</strong>
      </div>
      <div class="small muted">{ti('historyItem', { count: formatCount(record.memberIds.length), at })}</div>
      {record.duesDefault && (
        <div class="small muted">
          {ti('historyDues', { category: ti(`dues_${record.duesDefault.category}`), count: formatCount(record.duesDefault.count) })}
        </div>
      )}
      {message && (
        <p class={message.isError ? 'error' : 'ok'} role="status">
          {message.text}
        </p>
      )}
      {record.undoneAt ? (
        <p class="small muted">
          {ti('undone')} · {formatAt(record.undoneAt)}
          {keptCount > 0 && ` · ${ti('keptCount', { kept: formatCount(keptCount) })}`}
        </p>
      ) : plan ? (
        <div role="alertdialog" aria-label={ti('undo')}>
          <p>{ti('undoConfirm', { count: formatCount(plan.removable.length), file: record.fileName, at })}</p>
          {plan.kept.length > 0 && <KeptList plan={plan} />}
          <div class="row">
            <button type="button" class="btn danger" disabled={isBusy} onClick={undo}>
              {isBusy ? ti('undoing') : ti('undo')}
            </button>
            <button type="button" class="btn" disabled={isBusy} onClick={() => setPlan(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button type="button" class="btn danger" disabled={isBusy} onClick={ask}>
          {ti('undo')}
        </button>
      )}
    </li>
  );
}

function KeptList({ plan }: { plan: UndoPlan }) {
  const more = plan.kept.length - KEPT_SHOWN;
  return (
    <>
      <p class="warn">{ti('undoKeeps', { kept: formatCount(plan.kept.length) })}</p>
      <ul class="small">
        {plan.kept.slice(0, KEPT_SHOWN).map((k) => (
          <li key={k.id}>
            {k.fullName}: {k.uses.map((u) => ti(`use_${u}`)).join(', ')}
          </li>
        ))}
        {more > 0 && <li>{ti('undoKeepsMore', { count: formatCount(more) })}</li>}
      </ul>
    </>
  );
}

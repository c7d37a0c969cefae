// Restore: choose file → validated in full → summary → (replace confirmation) → restore.
// A refused file shows why, in Vietnamese, and nothing on the device changes.
import { useRef, useState } from 'preact/hooks';
import { t, tDynamic } from '../../i18n';
import { tb } from './i18n';
import { formatDate } from '../../lib/dates';
import { readBackup, restoreBackup, type RestorePlan } from './backup-repo';

/** Larger than any real unit's backup (5,000 members ≈ 5 MB); stops a wrong file freezing the phone. */
const MAX_FILE_BYTES = 100_000_000;

type Step =
  | { kind: 'idle' }
  | { kind: 'reading' }
  | { kind: 'refused'; message: string; where?: string }
  | { kind: 'ready'; plan: RestorePlan }
  | { kind: 'restoring'; plan: RestorePlan }
  | { kind: 'failed'; plan: RestorePlan; message: string };

export function RestoreCard({ onRestored }: { onRestored: () => void }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [isReplaceConfirmed, setReplaceConfirmed] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function onFile(e: Event) {
    const el = e.currentTarget as HTMLInputElement;
    const file = el.files?.[0];
    el.value = ''; // choosing the same file again fires change again
    if (!file) return;
    setReplaceConfirmed(false);
    if (file.size > MAX_FILE_BYTES) {
      setStep({ kind: 'refused', message: tb('errTooBig', { mb: MAX_FILE_BYTES / 1_000_000 }) });
      return;
    }
    setStep({ kind: 'reading' });
    let text: string;
    try {
      text = await file.text();
    } catch {
      setStep({ kind: 'refused', message: tb('errRead') });
      return;
    }
    const res = await readBackup(text);
    if (res.ok) setStep({ kind: 'ready', plan: res.plan });
    else setStep({ kind: 'refused', message: tDynamic(`backup.${res.problem}`), where: describeWhere(res.at, res.detail) });
  }

  async function onRestore(plan: RestorePlan) {
    setStep({ kind: 'restoring', plan });
    try {
      await restoreBackup(plan.backup);
      onRestored();
    } catch (e) {
      console.error(e);
      const key = (e as { key?: string }).key;
      setStep({ kind: 'failed', plan, message: key ? tDynamic(key) : tb('errRestore') });
    }
  }

  const plan = step.kind === 'ready' || step.kind === 'restoring' || step.kind === 'failed' ? step.plan : undefined;
  return (
    <section class="card" aria-labelledby="backup-restore">
      <h2 id="backup-restore">{tb('restoreTitle')}</h2>
      <p>{tb('restoreLead')}</p>
      <input ref={input} type="file" accept=".json,application/json" hidden onChange={(e) => void onFile(e)} />
      {!plan && (
        <button class="btn block" type="button" disabled={step.kind === 'reading'} onClick={() => input.current?.click()}>
          {step.kind === 'reading' ? tb('reading') : tb('chooseFile')}
        </button>
      )}
      {step.kind === 'refused' && (
        <div class="notice error" role="alert">
          <p>{step.message}</p>
          {step.where && <p class="small">{tb('errDetail', { at: step.where })}</p>}
        </div>
      )}
      {plan && (
        <Summary
          plan={plan}
          isBusy={step.kind === 'restoring'}
          isReplaceConfirmed={isReplaceConfirmed}
          onConfirmReplace={setReplaceConfirmed}
          onRestore={() => void onRestore(plan)}
          onCancel={() => setStep({ kind: 'idle' })}
        />
      )}
      {step.kind === 'failed' && (
        <p class="error" role="alert">
          {step.message}
        </p>
      )}
    </section>
  );
}

function Summary(p: {
  plan: RestorePlan;
  isBusy: boolean;
  isReplaceConfirmed: boolean;
  onConfirmReplace: (v: boolean) => void;
  onRestore: () => void;
  onCancel: () => void;
}) {
  const { plan } = p;
  const pending = plan.backup.tables.outbox.length;
  const canRestore = !p.isBusy && (!plan.existing || p.isReplaceConfirmed);
  return (
    <div class="summary">
      <h3>{tb('summaryTitle')}</h3>
      <dl class="facts">
        <div>
          <dt>{tb('summaryUnit')}</dt>
          <dd>{plan.unitName}</dd>
        </div>
        <div>
          <dt>{tb('summaryMembers')}</dt>
          <dd>{plan.memberCount}</dd>
        </div>
        <div>
          <dt>{tb('summaryExportedAt')}</dt>
          <dd>{formatTimestamp(plan.exportedAt)}</dd>
        </div>
        {pending > 0 && (
          <div>
            <dt>{tb('summaryPending')}</dt>
            <dd>{pending}</dd>
          </div>
        )}
      </dl>
      {plan.otherCurrentUnit !== undefined && (
        <p class="notice">{tb('switchNote', { unit: plan.otherCurrentUnit })}</p>
      )}
      {plan.existing && (
        <div class="notice warn" role="alert">
          <p>
            {tb('replaceWarning', {
              members: plan.existing.memberCount,
              pending: plan.existing.pendingChanges,
            })}
          </p>
          <label class="check">
            <input
              type="checkbox"
              checked={p.isReplaceConfirmed}
              onChange={(e) => p.onConfirmReplace((e.currentTarget as HTMLInputElement).checked)}
            />
            {tb('replaceConfirm')}
          </label>
        </div>
      )}
      <div class="row">
        <button class="btn primary" type="button" disabled={!canRestore} onClick={p.onRestore}>
          {p.isBusy ? tb('restoring') : tb('restoreButton')}
        </button>
        <button class="btn" type="button" disabled={p.isBusy} onClick={p.onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}

/**
 * "tables.members.3.dateOfBirth" + "err.date" → "Đoàn viên thứ 4, mục “dateOfBirth”: Ngày không
 * hợp lệ…", so a secretary (or whoever helps her) can find the broken record.
 */
function describeWhere(at: string | undefined, detail: string | undefined): string | undefined {
  if (!at) return undefined;
  const [root, table, index, ...field] = at.split('.');
  let where = at;
  if (root === 'tables' && table && /^\d+$/.test(index ?? '')) {
    where = tb('errRow', { table: tDynamic(`backup.table_${table}`), n: Number(index) + 1 });
    if (field.length) where += `, ${tb('errField', { field: field.join('.') })}`;
  }
  return detail?.startsWith('err.') ? `${where}: ${tDynamic(detail)}` : where;
}

/** ISO timestamp → "07/03/2025 14:05" in the phone's time zone. */
function formatTimestamp(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = formatDate(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
  return `${day} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

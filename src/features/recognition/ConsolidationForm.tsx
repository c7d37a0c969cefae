// "Diện củng cố năm {year}": cấp trên puts the unit in the year's consolidation plan (a weak
// unit, "cơ sở Đoàn khó khăn") or takes it out; the unit's year screen then offers the plan's
// six targets and says who marked it.
import { useState } from 'preact/hooks';
import { formatDate } from '../../lib/dates';
import { TextAreaField } from '../../ui/fields';
import type { Consolidation } from '../../protocol/oversight';
import { errorText, tr } from './i18n';

export function ConsolidationForm({ unitId, year, yearText, current, onSaved }: { unitId: string; year: number; yearText: string; current?: Consolidation; onSaved: () => void }) {
  const [weak, setWeak] = useState(!!current?.weak);
  const [note, setNote] = useState(current?.note ?? '');
  const [msg, setMsg] = useState('');
  const [err, setErr] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <section class="card">
      <h2 style={{ marginTop: 0 }}>{tr('consolidationTitle', { year: yearText })}</h2>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          try {
            const { markConsolidation } = await import('./recognition-repo');
            await markConsolidation(unitId, year, weak, note);
            setMsg(tr('consolidationSaved'));
            setErr('');
            onSaved();
          } catch (x) {
            setErr(errorText(x));
          } finally {
            setBusy(false);
          }
        }}
      >
        <label class="check-line">
          <input type="checkbox" checked={weak} onChange={(e) => setWeak((e.target as HTMLInputElement).checked)} />
          <span>{tr('consolidationCheck', { year: yearText })}</span>
        </label>
        <p class="muted small">{tr('consolidationHint')}</p>
        {current && <p class="muted small">{tr('consolidationMarkedOn', { date: formatDate(current.markedOn) })}</p>}
        <TextAreaField id="consolidation-note" label={tr('consolidationNote')} value={note} onInput={setNote} rows={2} />
        {msg && <p class="ok" role="status">{msg}</p>}
        {err && <p class="error" role="alert">{err}</p>}
        <button class="btn block" type="submit" disabled={busy}>{tr('consolidationSave')}</button>
      </form>
    </section>
  );
}

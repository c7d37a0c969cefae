// /dues/remit?m=YYYY-MM — the monthly remittance slip: what was received in the month, the
// 1/3 sent to cấp trên and the 2/3 the unit keeps (dues-rules remittanceSplit), printable;
// and the record of paying it upward, with the date.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useLive } from '../../data/live';
import { formatDate } from '../../lib/dates';
import { formatMoney, moneyInWords } from '../../lib/money';
import { getUnit } from '../setup/unit-queries';
import { remittanceView } from './desk-reads';
import { recordRemittance } from './desk-repo';
import { currentPeriod, formatPeriod, parsePeriod } from './format';
import { tq } from './desk-i18n';
import { errorText, td } from './i18n';
import { docMonth } from '../../lib/place-date';
import { MonthNav, newPayment, type PaymentState } from './parts';

export default function RemitPage() {
  const { query } = useLocation();
  const period = parsePeriod(query.m) ?? currentPeriod();
  const data = useLive(async () => ({ v: await remittanceView(period), unit: await getUnit() }), [period]);
  const v = data.value?.v;
  const unit = data.value?.unit;
  const rec = v?.remittance;
  const changed = !!rec && !!v && rec.collected !== v.collected;
  return (
    <main class="page dues">
      <div class="no-print">
        <a class="back" href={`/dues?m=${period}`}>‹ {td('back')}</a>
        <MonthNav period={period} href={(p) => `/dues/remit?m=${p}`} />
      </div>
      {data.error ? <p class="error" role="alert">{errorText(data.error)}</p> : null}
      {!v ? (
        <p class="muted">{td('loading')}</p>
      ) : (
        <>
          <article class="dues-doc" aria-label={tq('remitTitle')}>
            <SlipHead parent={unit?.parentUnit} unit={unit?.name} locality={unit?.locality} paidAt={rec?.paidAt} />
            <h1>{tq('remitTitle')}</h1>
            <p class="dues-doc-no">{tq('remitMonth', { month: formatPeriod(period) })}</p>
            <table class="dues-doc-table">
              <tbody>
                <tr>
                  <td>
                    {tq('remitCollected')}
                    <small class="muted"> ({[tq('remitEntries', { n: v.count }), v.reversals ? tq('remitReversals', { n: v.reversals }) : ''].filter(Boolean).join(', ')})</small>
                  </td>
                  <td class="num" data-figure="collected">{formatMoney(v.collected)}</td>
                </tr>
                <tr>
                  <td><strong>{tq('remitUp')}</strong></td>
                  <td class="num" data-figure="remit"><strong>{formatMoney(v.remit)}</strong></td>
                </tr>
                <tr>
                  <td>{tq('remitKeep')}</td>
                  <td class="num" data-figure="keep">{formatMoney(v.keep)}</td>
                </tr>
              </tbody>
            </table>
            <p><em>{td('inWords')} ({tq('remitUp')}): {moneyInWords(v.remit)}.</em></p>
            <p class="muted small">{tq('remitRounding')}</p>
            {rec && <p class="ok" role="status">{tq('remitPaid', { date: formatDate(rec.paidAt), method: td(`method_${rec.method}`), amount: formatMoney(rec.amount) })}</p>}
            <div class="dues-doc-sign">
              <div>
                <strong>{tq('remitReceiver')}</strong>
                <small>{td('signHint')}</small>
              </div>
              <div>
                <strong>{tq('treasurer')}</strong>
                <small>{td('signHint')}</small>
                <span class="dues-doc-name">{unit?.secretaryName}</span>
              </div>
            </div>
          </article>
          {changed && <p class="dues-alert" role="note">⚠ {tq('remitChanged', { collected: formatMoney(v.collected), remit: formatMoney(v.remit) })}</p>}
          <div class="no-print">
            {v.collected === 0 && !rec ? <p class="muted">{tq('remitNothing')}</p> : (!rec || changed) && <MarkPaid period={period} collected={v.collected} remit={v.remit} again={!!rec} />}
            <button type="button" class="btn block" onClick={() => window.print()}>{td('print')}</button>
          </div>
        </>
      )}
    </main>
  );
}

/**
 * The slip's head as the level above files it: cấp trên and the unit left, the organisation and
 * "<địa danh>, ngày … tháng … năm …" right — the unit's locality (dots for the pen when none is
 * set), dated the day it was paid, else the date too is left to be filled by hand.
 */
const SLIP_HEAD = { display: 'flex', justifyContent: 'space-between', gap: '0.5rem', fontSize: '0.8rem' };
const SLIP_SIDE = { flex: 1, display: 'flex', flexDirection: 'column', textAlign: 'center', textTransform: 'uppercase' } as const;

export function SlipHead({ parent, unit, locality, paidAt }: { parent?: string; unit?: string; locality?: string; paidAt?: string }) {
  const place = locality?.trim() || '……';
  const date = paidAt ? tq('remitDated', { place, d: paidAt.slice(8, 10), m: docMonth(paidAt), y: paidAt.slice(0, 4) }) : tq('remitUndated', { place });
  // styled here, not in dues.css: that sheet is precached with the field screens, this page is not
  return (
    <div class="dues-slip-head" style={SLIP_HEAD}>
      <div style={SLIP_SIDE}>
        <div>{parent}</div>
        <strong>{unit}</strong>
        <div>***</div>
      </div>
      <div style={SLIP_SIDE}>
        <strong>{tq('remitOrganisation')}</strong>
        <em style={{ textTransform: 'none', marginTop: '0.3rem' }}>{date}</em>
      </div>
    </div>
  );
}

function MarkPaid({ period, collected, remit, again }: { period: string; collected: number; remit: number; again: boolean }) {
  const [pay, setPay] = useState<PaymentState>(() => newPayment());
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  useEffect(() => setSaved(false), [period]);
  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await recordRemittance({ period, collected, amount: remit, paidAt: pay.paidAt, method: pay.method, note: note.trim() || undefined });
      setSaved(true);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="card w" onSubmit={save}>
      {saved && <p class="ok" role="status">{tq('remitSaved')}</p>}
      <div class="field">
        <label for="remit-date">{tq('remitPaidAt')}</label>
        <input id="remit-date" type="date" value={pay.paidAt} required onInput={(e) => setPay({ ...pay, paidAt: (e.target as HTMLInputElement).value })} />
      </div>
      <fieldset class="dues-method">
        <legend>{td('method')}</legend>
        {(['cash', 'transfer'] as const).map((m) => (
          <label key={m} class={pay.method === m ? 'on' : ''}>
            <input type="radio" name="remit-method" value={m} checked={pay.method === m} onChange={() => setPay({ ...pay, method: m })} />
            {td(`method_${m}`)}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for="remit-note">{td('note')}</label>
        <input id="remit-note" type="text" value={note} autoComplete="off" onInput={(e) => setNote((e.target as HTMLInputElement).value)} />
      </div>
      {error ? <p class="error" role="alert">{errorText(error)}</p> : null}
      <button type="submit" class="btn primary block" disabled={busy}>{again ? tq('remitUpdate') : tq('remitMark')} · {formatMoney(remit)}</button>
    </form>
  );
}

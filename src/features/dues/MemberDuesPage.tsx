// /dues/member/:id?y=YYYY — one member's dues: the twelve months of the year, collecting one
// or several months on one receipt, the ledger with reversal (reason + confirmation), and the
// member's exemptions.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso';
import { useLive } from '../../data/live';
import { formatDate, parseYear } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { getUnit } from '../setup/unit-queries';
import { bankDetails, memberDues, type MemberDues } from './dues-queries';
import { collectForMember, reverseEntry } from './dues-repo';
import { currentPeriod, formatPeriod, STATE_SYMBOL, stateLabel } from './format';
import { errorText, td } from './i18n';
import { newPayment, PaymentFields, YearNav, type PaymentState } from './parts';

export default function MemberDuesPage() {
  const { params } = useRoute();
  const { query } = useLocation();
  const current = currentPeriod();
  const year = parseYear(query.y) ?? Number(current.slice(0, 4));
  const data = useLive(async () => await memberDues(params.id, year, current), [params.id, year, current]);
  if (data.error) return <main class="page dues"><p class="error" role="alert">{errorText(data.error)}</p></main>;
  if (!data.isLoaded) return <main class="page dues"><p class="muted">{td('loading')}</p></main>;
  const d = data.value;
  if (!d) return <main class="page dues"><p>{td('notFound')}</p><a class="btn" href="/dues">{td('back')}</a></main>;
  return <MemberDuesView d={d} year={year} current={current} />;
}

function MemberDuesView({ d, year }: { d: MemberDues; year: number; current: string }) {
  const m = d.member;
  const over = d.year.months.filter((x) => x.due > 0 && x.paid > x.due);
  return (
    <main class="page dues">
      <a class="back" href={`/members/${m.id}`}>‹ {m.fullName}</a>
      <h1>{td('memberDuesTitle')} — {m.fullName}</h1>
      <p class="muted">{td('rateLine', { amount: formatMoney(d.rateNow), category: td(`category_${m.duesCategory}`) })}</p>
      <YearNav year={year} href={(y) => `/dues/member/${m.id}?y=${y}`} />
      <ol class="dues-months" aria-label={td('yearTitle', { year })}>
        {d.year.months.map((x, i) => (
          <li key={x.period} class={`ds-${x.state}`}>
            <span class="dues-month-n">{td('monthShort', { n: i + 1 })}</span>
            <span class="dues-month-sym" aria-hidden="true">{STATE_SYMBOL[x.state]}</span>
            <span class="dues-month-label">{stateLabel(x.state)}</span>
          </li>
        ))}
      </ol>
      {over.map((x) => (
        <p key={x.period} class="dues-alert" role="note">⚠ {td('overpaid', { month: formatPeriod(x.period), paid: formatMoney(x.paid), due: formatMoney(x.due) })}</p>
      ))}
      <CollectMonths d={d} key={`${m.id}:${year}`} />
      <a class="linkish w" href={`/dues/opening/${m.id}`}>{td('openingLink')} ›</a>
      <Ledger d={d} />
      <section class="card">
        <div class="row spread">
          <h2>{td('exemptionsOfMember')}</h2>
          <a class="btn w" href={`/dues/exemptions?member=${m.id}`}>{td('addExemption')}</a>
        </div>
        {d.exemptions.length === 0 ? null : (
          <ul class="dues-simple">
            {d.exemptions.map((x) => (
              <li key={x.id}>
                <strong>{td('exemptRange', { from: formatPeriod(x.fromPeriod), to: formatPeriod(x.toPeriod) })}</strong> — {x.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

function CollectMonths({ d }: { d: MemberDues }) {
  // Nothing ticked to start with: money changes hands only for the months tapped.
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const [pay, setPay] = useState<PaymentState>(() => newPayment());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<{ no: string; amount: number } | undefined>();
  useEffect(() => {
    void getUnit().then((u) => u?.secretaryName && setPay((p) => (p.collectedBy ? p : { ...p, collectedBy: u.secretaryName ?? '' })));
  }, []);
  // Months paid meanwhile (another tab, sync) drop out of the selection.
  const payable = d.payable;
  const chosen = useMemo(() => payable.filter((p) => picked.has(p.period)), [payable, picked]);
  const total = chosen.reduce((s, p) => s + p.amount, 0);
  const toggle = (p: string) => {
    const next = new Set(picked);
    if (next.has(p)) next.delete(p);
    else next.add(p);
    setPicked(next);
    setDone(undefined);
  };
  const collect = async () => {
    if (!chosen.length || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const r = await collectForMember({ memberId: d.member.id, months: chosen, paidAt: pay.paidAt, method: pay.method, collectedBy: pay.collectedBy.trim() || undefined });
      setDone({ no: r.receiptNo, amount: total });
      setPicked(new Set());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card w">
      <h2>{td('payMonths')}</h2>
      {payable.length === 0 ? (
        <p class="muted">{td('nothingPayable')}</p>
      ) : (
        <>
          <p class="muted small">{td('payMonthsHint')}</p>
          <ul class="dues-monthpick">
            {payable.map((p) => (
              <li key={p.period}>
                <label class={picked.has(p.period) ? 'on' : ''}>
                  <input type="checkbox" checked={picked.has(p.period)} onChange={() => toggle(p.period)} />
                  <span>{formatPeriod(p.period)}</span>
                  <small>{formatMoney(p.amount)}</small>
                </label>
              </li>
            ))}
          </ul>
          <PaymentFields value={pay} onChange={setPay} idPrefix="one" />
          {pay.method === 'transfer' && total > 0 && <TransferCode amount={total} purpose={transferPurpose(chosen.map((c) => c.period), d.member.fullName)} />}
          {error ? <p class="error" role="alert">{td('failed', { error: errorText(error) })}</p> : null}
          <button type="button" class="btn primary block" disabled={!chosen.length || busy} onClick={collect}>
            {busy ? td('collecting') : td('collectButton', { amount: formatMoney(total) })}
          </button>
        </>
      )}
      {/* Below the button the thumb just pressed, so the result is in view. */}
      {done && (
        <p class="ok" role="status">
          {td('collectedOne', { amount: formatMoney(done.amount), no: done.no })}{' '}
          <a href={`/dues/receipt/${encodeURIComponent(done.no)}`}>{td('viewReceipt')}</a>
        </p>
      )}
    </section>
  );
}

function Ledger({ d }: { d: MemberDues }) {
  const [reversing, setReversing] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  return (
    <section class="card">
      <h2>{td('ledger')}</h2>
      {notice && <p class="ok" role="status">{notice}</p>}
      {d.entries.length === 0 ? (
        <p class="muted">{td('noEntries')}</p>
      ) : (
        <ul class="dues-ledger">
          {d.entries.map((e) => (
            <li key={e.id} class={e.reversesId ? 'is-reversal' : e.reversed ? 'is-reversed' : ''}>
              <div class="dues-ledger-main">
                <strong>{td('forMonth', { month: formatPeriod(e.period) })}</strong>
                <strong class="dues-amount">{formatMoney(e.amount)}</strong>
              </div>
              <div class="dues-ledger-sub">
                <span class="muted">{formatDate(e.paidAt)} · {td(`method_${e.method}`)}</span>
                <a href={`/dues/receipt/${encodeURIComponent(e.receiptNo)}`}>{td('receiptNo', { no: e.receiptNo })}</a>
                {e.reversesId && <span class="badge">{td('reversal')}</span>}
                {e.reversed && <span class="badge">{td('reversed')}</span>}
                {e.reversesId && e.note && <span class="muted small">{e.note}</span>}
                {!e.reversesId && !e.reversed && reversing !== e.id && (
                  <button type="button" class="linkish danger w" onClick={() => { setReversing(e.id); setNotice(undefined); }}>
                    {td('reverse')}
                  </button>
                )}
              </div>
              {reversing === e.id && (
                <ReverseForm
                  entry={e}
                  onClose={(done) => {
                    setReversing(undefined);
                    if (done) setNotice(td('reverseDone', { month: formatPeriod(e.period) }));
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ReverseForm({ entry, onClose }: { entry: { id: string; period: string; amount: number }; onClose: (done: boolean) => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (ev: Event) => {
    ev.preventDefault();
    setBusy(true);
    try {
      await reverseEntry(entry.id, reason);
      onClose(true);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <form class="dues-reverse" onSubmit={submit}>
      <p><strong>{td('reverseTitle', { month: formatPeriod(entry.period), amount: formatMoney(entry.amount) })}</strong></p>
      <p class="muted small">{td('reverseExplain')}</p>
      <div class="field">
        <label for={`rev-${entry.id}`}>{td('reverseReason')}</label>
        <input id={`rev-${entry.id}`} type="text" value={reason} required minLength={2} autoComplete="off" onInput={(e) => setReason((e.target as HTMLInputElement).value)} />
      </div>
      {error ? <p class="error" role="alert">{errorText(error)}</p> : null}
      <div class="row">
        <button type="submit" class="btn danger" disabled={busy || reason.trim().length < 2}>{td('reverseConfirm')}</button>
        <button type="button" class="btn" onClick={() => onClose(false)}>{td('cancel')}</button>
      </div>
    </form>
  );
}

/** "DP T1-3/26 Nguyen Thi Lan": months first (the bank field is short), then the name. */
function transferPurpose(periods: string[], name: string): string {
  const sorted = [...periods].sort();
  const yy = sorted[sorted.length - 1].slice(2, 4);
  const ms = sorted.map((p) => Number(p.slice(5, 7)));
  const consecutive = ms.every((m, i) => i === 0 || m === ms[i - 1] + 1) && new Set(sorted.map((p) => p.slice(0, 4))).size === 1;
  const months = ms.length > 1 && consecutive ? `${ms[0]}-${ms[ms.length - 1]}` : ms.join(',');
  return `DP T${months}/${yy} ${name}`;
}

type QrCardType = typeof import('./VietQrCard').default;

/**
 * The VietQR code for a transfer, on request: the encoder is its own chunk (not precached:
 * vite.config.ts), loaded at the first tap and kept by the service worker from then.
 */
function TransferCode({ amount, purpose }: { amount: number; purpose: string }) {
  const bank = useLive(async () => await bankDetails(), []);
  const [open, setOpen] = useState(false);
  const [Card, setCard] = useState<{ C: QrCardType } | undefined>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!open || Card) return;
    setFailed(false);
    import('./VietQrCard').then(
      (m) => setCard({ C: m.default }),
      () => setFailed(true),
    );
  }, [open, Card]);
  if (!bank.isLoaded) return null;
  if (!bank.value) return <p class="muted small">{td('qrNoBank')}</p>;
  return (
    <div class="dues-qr-box">
      <button type="button" class="btn block" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? td('hideQr') : td('showQr')}
      </button>
      {open && failed && <p class="error" role="alert">{td('qrNotDownloaded')}</p>}
      {open && Card && <Card.C bank={bank.value} amount={amount} purpose={purpose} />}
    </div>
  );
}

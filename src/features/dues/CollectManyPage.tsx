// /dues/collect?m=YYYY-MM — many members pay the month in one pass (after a meeting): tick
// names, see the running total, one tap writes every entry in one transaction. The list is
// read once when the screen opens and after each collection (not live per tick), and only
// the rows in view are rendered (VirtualList), so 5,000 members tick as fast as 30.
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { fold, foldWords } from '../../lib/fold';
import { nameTags, taggedName } from '../../lib/names';
import { formatMoney } from '../../lib/money';
import { VirtualList } from '../../ui/VirtualList';
import { getUnit } from '../setup/unit-queries';
import { collectCandidates, type CollectCandidate } from './dues-queries';
import { collectForMany } from './dues-repo';
import { currentPeriod, formatPeriod, parsePeriod } from './format';
import { errorText, td } from './i18n';
import { MonthNav, newPayment, PaymentFields, type PaymentState } from './parts';

const ROW = 60;

interface Item extends CollectCandidate {
  hay: string;
}

export default function CollectManyPage() {
  const { query } = useLocation();
  const current = currentPeriod();
  const period = parsePeriod(query.m) ?? current;
  const [items, setItems] = useState<Item[] | undefined>();
  const [error, setError] = useState<unknown>();
  const [reload, setReload] = useState(0);
  const [picked, setPicked] = useState<Set<string>>(() => new Set());
  const [q, setQ] = useState('');
  const [pay, setPay] = useState<PaymentState>(() => newPayment());
  const [showPay, setShowPay] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | undefined>();

  useEffect(() => {
    let alive = true;
    collectCandidates(period, current).then(
      (list) => alive && setItems(list.map((c) => ({ ...c, hay: fold([c.member.fullName, c.member.cardNumber, c.member.subGroup].filter(Boolean).join(' ')) }))),
      (e) => alive && setError(e),
    );
    return () => {
      alive = false;
    };
  }, [period, current, reload]);
  useEffect(() => {
    void getUnit().then((u) => u?.secretaryName && setPay((p) => (p.collectedBy ? p : { ...p, collectedBy: u.secretaryName ?? '' })));
  }, []);
  useEffect(() => setPicked(new Set()), [period]);

  const visible = useMemo(() => {
    const words = foldWords(q);
    return !items ? [] : words.length ? items.filter((i) => words.every((w) => i.hay.includes(w))) : items;
  }, [items, q]);
  const tags = useMemo(() => nameTags((items ?? []).map((i) => i.member)), [items]);
  const total = useMemo(() => (items ?? []).reduce((s, i) => (picked.has(i.member.id) ? s + i.amount : s), 0), [items, picked]);
  const toggle = useCallback((id: string) => {
    setPicked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
    setDone(undefined);
  }, []);
  const allVisiblePicked = visible.length > 0 && visible.every((i) => picked.has(i.member.id));
  const toggleAll = () => {
    setPicked((prev) => {
      const next = new Set(prev);
      for (const i of visible) allVisiblePicked ? next.delete(i.member.id) : next.add(i.member.id);
      return next;
    });
  };

  const collect = async () => {
    if (!items || !picked.size || busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const chosen = items.filter((i) => picked.has(i.member.id));
      const r = await collectForMany({ period, paidAt: pay.paidAt, method: pay.method, collectedBy: pay.collectedBy.trim() || undefined, items: chosen.map((i) => ({ memberId: i.member.id, amount: i.amount })) });
      const sum = r.entries.reduce((s, e) => s + e.amount, 0);
      setDone([td('collectedMany', { n: r.entries.length, amount: formatMoney(sum) }), r.skipped.length ? td('skipped', { n: r.skipped.length }) : ''].filter(Boolean).join(' '));
      setPicked(new Set());
      setReload((n) => n + 1);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const renderRow = useCallback(
    (i: Item) => {
      const on = picked.has(i.member.id);
      return (
        <label class={`dues-pick${on ? ' on' : ''}`}>
          <input type="checkbox" checked={on} onChange={() => toggle(i.member.id)} />
          <span class="dues-pick-who">
            <span class="dues-pick-name">{taggedName(i.member, tags)}</span>
            {(i.member.subGroup || i.partial) && <span class="dues-pick-sub">{[i.member.subGroup, i.partial ? td('rest') : ''].filter(Boolean).join(' · ')}</span>}
          </span>
          <span class="dues-pick-amount">{formatMoney(i.amount)}</span>
        </label>
      );
    },
    [picked, toggle, tags],
  );

  return (
    <main class="page dues dues-collect">
      <a class="back" href={`/dues?m=${period}`}>‹ {td('back')}</a>
      <h1>{td('collectTitle', { month: formatPeriod(period) })}</h1>
      <MonthNav period={period} href={(p) => `/dues/collect?m=${p}`} />
      <div class="dues-paybar">
        <span>{td('paymentSummary', { date: pay.paidAt.split('-').reverse().join('/'), method: td(`method_${pay.method}`) })}{pay.collectedBy && ` · ${pay.collectedBy}`}</span>
        <button type="button" class="linkish" aria-expanded={showPay} onClick={() => setShowPay(!showPay)}>{td('change')}</button>
      </div>
      {showPay && <PaymentFields value={pay} onChange={setPay} idPrefix="many" />}
      {error ? <p class="error" role="alert">{td('failed', { error: errorText(error) })}</p> : null}
      {!items ? (
        <p class="muted">{td('loading')}</p>
      ) : items.length === 0 ? (
        <p class="card">{td('nobodyOwes')}</p>
      ) : (
        <>
          <div class="dues-sticky">
            <input class="search" type="search" aria-label={td('search')} placeholder={td('searchPlaceholder')} value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} autoComplete="off" spellcheck={false} />
            <div class="row spread">
              <span class="muted small">{td('owesCount', { n: items.length })}</span>
              <button type="button" class="btn small-btn" onClick={toggleAll} disabled={!visible.length}>
                {allVisiblePicked ? td('selectNone') : td('selectAll', { n: visible.length })}
              </button>
            </div>
          </div>
          {visible.length === 0 && <p class="muted">{td('noMatch')}</p>}
          <div class="dues-list">
            <VirtualList items={visible} rowHeight={ROW} getKey={(i) => i.member.id} renderRow={renderRow} label={td('collectTitle', { month: formatPeriod(period) })} />
          </div>
        </>
      )}
      <div class="dues-actionbar" role="region" aria-label={td('selected', { n: picked.size })}>
        {/* The result shows here, by the button just pressed, not at the top of a long list. */}
        {done && <p class="ok dues-done" role="status">{done}</p>}
        <span>
          <strong>{formatMoney(total)}</strong>
          <small>{td('selected', { n: picked.size })}</small>
        </span>
        <button type="button" class="btn primary" disabled={!picked.size || busy} onClick={collect}>
          {busy ? td('collecting') : td('collectButton', { amount: formatMoney(total) })}
        </button>
      </div>
    </main>
  );
}

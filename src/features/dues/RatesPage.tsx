// /dues/rates — the monthly rates by category with the month each applies from (R1). Earlier
// months keep the rate in force then; the defaults apply before any recorded rate.
import { useState } from 'preact/hooks';
import { useLive } from '../../data/live';
import { formatMoney, parseMoney } from '../../lib/money';
import { DUES_CATEGORIES, type DuesCategory } from '../../protocol/member-enums';
import { bankDetails } from './dues-queries';
import { ratesView } from './desk-reads';
import { todayIso } from '../../lib/dates';
import { deleteRate, setAllDuesCategories, setRate } from './desk-repo';
import { saveBankDetails } from './bank-repo';
import { currentPeriod, formatPeriod } from './format';
import { errorText, td } from './i18n';
import { tq } from './desk-i18n';

export default function RatesPage() {
  const current = currentPeriod();
  const data = useLive(async () => await ratesView(current, todayIso()), [current]);
  const [category, setCategory] = useState<DuesCategory>('unsalaried');
  const [fromPeriod, setFrom] = useState(current);
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  const save = async (e: Event) => {
    e.preventDefault();
    setNotice(undefined);
    const n = parseMoney(amount);
    if (!n) return setError(td('err_amount'));
    if (!/^\d{4}-\d{2}$/.test(fromPeriod)) return setError(td('err_period'));
    try {
      await setRate(category, fromPeriod, n);
      setError(undefined);
      setAmount('');
      setNotice(tq('rateSaved'));
    } catch (err) {
      setError(errorText(err));
    }
  };
  const remove = async (id: string) => {
    if (!confirm(tq('deleteRateConfirm'))) return;
    await deleteRate(id).catch((err) => setError(errorText(err)));
  };
  const v = data.value;
  return (
    <main class="page dues">
      <a class="back" href="/dues">‹ {td('back')}</a>
      <h1>{tq('ratesTitle')}</h1>
      <p class="muted small">{tq('ratesExplain')}</p>
      {data.error ? <p class="error" role="alert">{errorText(data.error)}</p> : null}
      {v && (
        <section class="card">
          <h2>{tq('ratesNow')}</h2>
          <dl class="facts">
            {DUES_CATEGORIES.map((c) => (
              <div key={c}>
                <dt>{td(`category_${c}`)}</dt>
                <dd><strong>{tq('perMonth', { amount: formatMoney(v.now[c]) })}</strong></dd>
              </div>
            ))}
          </dl>
        </section>
      )}
      {v && <MembersCategory counts={v.members} />}
      <form class="card" onSubmit={save} noValidate>
        <div class="field">
          <label for="rate-cat">{tq('category')}</label>
          <select id="rate-cat" value={category} onChange={(e) => setCategory((e.target as HTMLSelectElement).value as DuesCategory)}>
            {DUES_CATEGORIES.map((c) => <option key={c} value={c}>{td(`category_${c}`)}</option>)}
          </select>
        </div>
        <div class="dues-two">
          <div class="field">
            <label for="rate-from">{tq('fromMonth')}</label>
            <input id="rate-from" type="month" value={fromPeriod} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
          </div>
          <div class="field">
            <label for="rate-amount">{tq('amount')}</label>
            <input id="rate-amount" type="text" inputMode="numeric" value={amount} autoComplete="off" onInput={(e) => setAmount((e.target as HTMLInputElement).value)} />
          </div>
        </div>
        {error && <p class="error" role="alert">{error}</p>}
        {notice && <p class="ok" role="status">{notice}</p>}
        <button type="submit" class="btn primary block">{tq('saveRate')}</button>
      </form>
      <BankForm />
      <h2>{tq('ratesRecorded')}</h2>
      {v && v.rates.length === 0 ? (
        <p class="muted">{tq('ratesDefaultOnly')}</p>
      ) : (
        <ul class="dues-simple card">
          {(v?.rates ?? []).map((r) => (
            <li key={r.id} class="row spread">
              <span>
                <strong>{formatMoney(r.amount)}</strong> · {td(`category_${r.category}`)}
                <br />
                <span class="small muted">{tq('fromMonth')} {formatPeriod(r.fromPeriod)}</span>
              </span>
              <button type="button" class="btn" onClick={() => remove(r.id)}>{tq('deleteRate')}</button>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

/**
 * How many members pay at each rate, and one tap to give them all the same category (a
 * company's or a school's branch: lists imported before the import asked came in "Chưa có
 * lương"). A mixed unit edits the few on each member's page.
 */
function MembersCategory({ counts }: { counts: Record<DuesCategory, number> }) {
  const [notice, setNotice] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const total = counts.salaried + counts.unsalaried;
  const setAll = async (c: DuesCategory) => {
    setNotice(undefined);
    if (!confirm(tq('setAllConfirm', { n: total - counts[c], category: td(`category_${c}`) }))) return;
    try {
      const n = await setAllDuesCategories(c, todayIso());
      setError(undefined);
      setNotice(tq('setAllDone', { n, category: td(`category_${c}`) }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  return (
    <section class="card" aria-labelledby="rates-members">
      <h2 id="rates-members">{tq('membersByCategory')}</h2>
      <dl class="facts">
        {DUES_CATEGORIES.map((c) => (
          <div key={c}>
            <dt>{td(`category_${c}`)}</dt>
            <dd><strong>{tq('peopleN', { n: counts[c] })}</strong></dd>
          </div>
        ))}
      </dl>
      {error && <p class="error" role="alert">{error}</p>}
      {notice && <p class="ok" role="status">{notice}</p>}
      {DUES_CATEGORIES.filter((c) => counts[c] < total).map((c) => (
        <button key={c} type="button" class="btn block" onClick={() => void setAll(c)}>{tq('setAll', { category: td(`category_${c}`) })}</button>
      ))}
    </section>
  );
}

/** The unit's account for transfers (the VietQR code on a member's dues screen). */
function BankForm() {
  const bank = useLive(async () => await bankDetails(), []);
  const [edit, setEdit] = useState<{ bin: string; account: string; name: string } | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [notice, setNotice] = useState<string | undefined>();
  const v = edit ?? { bin: bank.value?.bin ?? '', account: bank.value?.account ?? '', name: bank.value?.name ?? '' };
  const save = async (e: Event) => {
    e.preventDefault();
    setNotice(undefined);
    try {
      await saveBankDetails({ bankBin: v.bin.trim(), bankAccount: v.account.replace(/\s+/g, ''), bankAccountName: v.name.trim() || undefined });
      setError(undefined);
      setEdit(undefined);
      setNotice(tq('bankSaved'));
    } catch (err) {
      setError(errorText(err));
    }
  };
  if (!bank.isLoaded) return null;
  return (
    <form class="card" onSubmit={save} noValidate>
      <h2>{tq('bankTitle')}</h2>
      <p class="muted small">{tq('bankExplain')}</p>
      <div class="field">
        <label for="bank-bin">{tq('bankBin')}</label>
        <input id="bank-bin" type="text" inputMode="numeric" maxLength={6} value={v.bin} autoComplete="off" onInput={(e) => setEdit({ ...v, bin: (e.target as HTMLInputElement).value })} />
      </div>
      <div class="field">
        <label for="bank-account">{tq('bankAccount')}</label>
        <input id="bank-account" type="text" inputMode="numeric" value={v.account} autoComplete="off" onInput={(e) => setEdit({ ...v, account: (e.target as HTMLInputElement).value })} />
      </div>
      <div class="field">
        <label for="bank-name">{tq('bankAccountName')}</label>
        <input id="bank-name" type="text" value={v.name} autoComplete="off" onInput={(e) => setEdit({ ...v, name: (e.target as HTMLInputElement).value })} />
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      {notice && <p class="ok" role="status">{notice}</p>}
      <button type="submit" class="btn primary block">{tq('saveBank')}</button>
    </form>
  );
}

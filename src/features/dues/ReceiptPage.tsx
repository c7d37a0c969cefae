// /dues/receipt/:no — a receipt to show or print (A5/A4 from the browser): number, unit,
// member, months, amount in figures and words; reversed lines are struck through with the
// reason, and the total is what remains.
import { useRoute } from 'preact-iso';
import { useLive } from '../../data/live';
import { formatDate } from '../../lib/dates';
import { formatMoney, moneyInWords } from '../../lib/money';
import { getUnit } from '../setup/unit-queries';
import { getReceipt } from './dues-queries';
import { formatPeriod, formatPeriods } from './format';
import { errorText, td } from './i18n';

export default function ReceiptPage() {
  const { params } = useRoute();
  const no = decodeURIComponent(params.id);
  const data = useLive(async () => ({ receipt: await getReceipt(no), unit: await getUnit() }), [no]);
  if (data.error) return <main class="page dues"><p class="error" role="alert">{errorText(data.error)}</p></main>;
  if (!data.isLoaded) return <main class="page dues"><p class="muted">{td('loading')}</p></main>;
  const r = data.value?.receipt;
  const unit = data.value?.unit;
  if (!r) return <main class="page dues"><p>{td('receiptMissing')}</p><a class="btn" href="/dues">{td('back')}</a></main>;
  const kept = r.entries.filter((e) => !e.reversesId && !e.reversed);
  const first = r.entries[0];
  return (
    <main class="page dues">
      <div class="no-print row spread">
        <a class="back" href={r.member ? `/dues/member/${r.member.id}` : '/dues'}>‹ {r.member?.fullName ?? td('back')}</a>
        <button type="button" class="btn" onClick={() => window.print()}>{td('print')}</button>
      </div>
      <article class="dues-doc" aria-label={td('receiptTitle')}>
        <header>
          <div>{unit?.parentUnit}</div>
          <div><strong>{unit?.name}</strong></div>
        </header>
        <h1>{td('receiptTitle')}</h1>
        <p class="dues-doc-no">{td('receiptNumber', { no: r.receiptNo })}</p>
        <dl class="dues-doc-facts">
          <div><dt>{td('payer')}</dt><dd>{r.member?.fullName ?? ''}</dd></div>
          <div><dt>{td('content')}</dt><dd>{td('contentText', { months: formatPeriods((kept.length ? kept : r.entries.filter((e) => !e.reversesId)).map((e) => e.period)) })}</dd></div>
          <div><dt>{td('paidAt')}</dt><dd>{formatDate(r.paidAt)} · {td(`method_${first.method}`)}</dd></div>
        </dl>
        <table class="dues-doc-table">
          <tbody>
            {r.entries.map((e) => (
              <tr key={e.id} class={e.reversed ? 'struck' : ''}>
                <td>{e.reversesId ? td('reversedLine', { month: formatPeriod(e.period), reason: e.note ?? '' }) : td('forMonth', { month: formatPeriod(e.period) })}</td>
                <td class="num">{formatMoney(e.amount)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th>{td('total')}</th>
              <th class="num">{formatMoney(r.total)}</th>
            </tr>
          </tfoot>
        </table>
        <p><em>{td('inWords')}: {moneyInWords(r.total)}.</em></p>
        <div class="dues-doc-sign">
          <div>
            <strong>{td('payerSign')}</strong>
            <small>{td('signHint')}</small>
            <span class="dues-doc-name">{r.member?.fullName}</span>
          </div>
          <div>
            <strong>{td('collector')}</strong>
            <small>{td('signHint')}</small>
            <span class="dues-doc-name">{first.collectedBy ?? ''}</span>
          </div>
        </div>
      </article>
    </main>
  );
}

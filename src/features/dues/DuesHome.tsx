// /dues?m=YYYY-MM — the month at a glance: what came in, who has paid the month, what is still
// owed, the 1/3 to remit; the big "Thu đoàn phí" button and the ways to the other screens.
import { useLocation } from 'preact-iso';
import { useBulkLive } from '../../data/live-bulk';
import { formatDate } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { monthView, YEAR_TABLES } from './dues-queries';
import { currentPeriod, parsePeriod } from './format';
import { errorText, td } from './i18n';
import { MonthNav } from './parts';

export default function DuesHome() {
  const { query } = useLocation();
  const current = currentPeriod();
  const period = parsePeriod(query.m) ?? current;
  const view = useBulkLive(() => monthView(period, current), [...YEAR_TABLES, 'remittances'], [period, current]);
  const v = view.value;
  const year = period.slice(0, 4);
  return (
    <main class="page dues">
      <h1>{td('title')}</h1>
      <MonthNav period={period} href={(p) => `/dues?m=${p}`} />
      {view.error ? <p class="error" role="alert">{errorText(view.error)}</p> : null}
      <ul class="dues-stats" aria-busy={!v}>
        <li>
          <span>{td('collectedInMonth')}</span>
          <strong>{v ? formatMoney(v.collected) : '…'}</strong>
        </li>
        <li>
          <span>{td('paidThisMonth')}</span>
          <strong>{v ? td('paidCount', { paid: v.paidCount, due: v.dueCount }) : '…'}</strong>
        </li>
        <li>
          <span>{td('owedThisMonth')}</span>
          <strong class={v && v.owedAmount > 0 ? 'warn' : ''}>{v ? formatMoney(v.owedAmount) : '…'}</strong>
        </li>
        <li>
          <span>{td('toRemit')}</span>
          <strong>{v ? formatMoney(v.remit) : '…'}</strong>
          {v && <RemitState remit={v.remit} remittance={v.remittance} />}
        </li>
      </ul>
      <a class="btn primary block dues-big w" href={`/dues/collect?m=${period}`}>
        {td('collectMany')}
        <small>{td('collectManyHint')}</small>
      </a>
      {v && v.warnings > 0 && (
        <a class="dues-alert" href={`/dues/warnings?y=${year}`}>
          <span aria-hidden="true">⚠</span> {td('warningsBanner', { n: v.warnings })} ›
        </a>
      )}
      <ul class="dues-menu">
        <li><a href={`/dues/grid?y=${year}`}>{td('gridLink')} {year} <span aria-hidden="true">›</span></a></li>
        <li><a href={`/dues/remit?m=${period}`}>{td('remitLink')} <span aria-hidden="true">›</span></a></li>
        <li><a href={`/dues/warnings?y=${year}`}>{td('warningsLink')} <span aria-hidden="true">›</span></a></li>
        <li class="w"><a href="/dues/exemptions">{td('exemptionsLink')} <span aria-hidden="true">›</span></a></li>
        <li class="w"><a href="/dues/rates">{td('ratesLink')} <span aria-hidden="true">›</span></a></li>
        <li class="w"><a href="/dues/opening">{td('openingLink')} <span aria-hidden="true">›</span></a></li>
      </ul>
      <p class="muted small">{td('oneMemberHint')}</p>
    </main>
  );
}

/**
 * Remitted or not, and a top-up still owed: money collected after the slip was paid raises
 * the 1/3 (found in use: the tile said "Đã nộp" in green over a new 1/3 never paid).
 */
export function RemitState({ remit, remittance }: { remit: number; remittance?: { amount: number; paidAt: string } }) {
  if (!remittance) return <small class="muted">{td('notRemitted')}</small>;
  const left = remit - remittance.amount;
  return left > 0 ? <small class="error">{td('remitTopUp', { paid: formatMoney(remittance.amount), left: formatMoney(left) })}</small> : <small class="ok">{td('remittedOn', { date: formatDate(remittance.paidAt) })}</small>;
}


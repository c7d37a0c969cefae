// Small pieces shared by the dues screens: month and year switchers, the payment fields. No data imports.
import { todayIso } from '../../lib/dates';
import type { DuesMethod } from '../../protocol/dues-enums';
import { addPeriods, formatPeriod } from './format';
import { td } from './i18n';

export function MonthNav({ period, href }: { period: string; href: (p: string) => string }) {
  return (
    <nav class="dues-nav" aria-label={td('monthTitle', { month: formatPeriod(period) })}>
      <a class="btn" href={href(addPeriods(period, -1))} aria-label={td('prevMonth')}>‹</a>
      <strong>{td('monthTitle', { month: formatPeriod(period) })}</strong>
      <a class="btn" href={href(addPeriods(period, 1))} aria-label={td('nextMonth')}>›</a>
    </nav>
  );
}

export function YearNav({ year, href }: { year: number; href: (y: number) => string }) {
  return (
    <nav class="dues-nav" aria-label={td('yearTitle', { year })}>
      <a class="btn" href={href(year - 1)} aria-label={td('prevYear')}>‹</a>
      <strong>{td('yearTitle', { year })}</strong>
      <a class="btn" href={href(year + 1)} aria-label={td('nextYear')}>›</a>
    </nav>
  );
}

export interface PaymentState {
  paidAt: string;
  method: DuesMethod;
  collectedBy: string;
}

export function newPayment(collectedBy = ''): PaymentState {
  return { paidAt: todayIso(), method: 'cash', collectedBy };
}

/** Date, cash or transfer, who collected: one compact block (defaults: today, cash). */
export function PaymentFields({ value, onChange, idPrefix }: { value: PaymentState; onChange: (v: PaymentState) => void; idPrefix: string }) {
  return (
    <div class="dues-pay">
      <div class="field">
        <label for={`${idPrefix}-date`}>{td('paidAt')}</label>
        <input id={`${idPrefix}-date`} type="date" value={value.paidAt} max={todayIso()} required onInput={(e) => onChange({ ...value, paidAt: (e.target as HTMLInputElement).value })} />
      </div>
      <fieldset class="dues-method">
        <legend>{td('method')}</legend>
        {(['cash', 'transfer'] as const).map((m) => (
          <label key={m} class={value.method === m ? 'on' : ''}>
            <input type="radio" name={`${idPrefix}-method`} value={m} checked={value.method === m} onChange={() => onChange({ ...value, method: m })} />
            {td(`method_${m}`)}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for={`${idPrefix}-by`}>{td('collectedBy')}</label>
        <input id={`${idPrefix}-by`} type="text" value={value.collectedBy} autoComplete="off" onInput={(e) => onChange({ ...value, collectedBy: (e.target as HTMLInputElement).value })} />
      </div>
    </div>
  );
}

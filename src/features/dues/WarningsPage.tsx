// /dues/warnings?y=YYYY — members with 3 or more months of the year unpaid (dues-rules R5:
// grounds to consider striking off). The app reminds; the unit decides.
import { useLocation } from 'preact-iso';
import { useBulkLive } from '../../data/live-bulk';
import { parseYear } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { YEAR_TABLES } from './dues-queries';
import { unpaidWarnings } from './desk-reads';
import { currentPeriod, formatPeriods } from './format';
import { tq } from './desk-i18n';
import { errorText, td } from './i18n';
import { YearNav } from './parts';

export default function WarningsPage() {
  const { query } = useLocation();
  const current = currentPeriod();
  const year = parseYear(query.y) ?? Number(current.slice(0, 4));
  const upTo = String(year) < current.slice(0, 4) ? `${year}-12` : current;
  const data = useBulkLive(() => unpaidWarnings(year, upTo, current), YEAR_TABLES, [year, upTo, current]);
  const rows = data.value ?? [];
  return (
    <main class="page dues">
      <a class="back" href="/dues">‹ {td('back')}</a>
      <h1>{tq('warningsTitle')}</h1>
      <YearNav year={year} href={(y) => `/dues/warnings?y=${y}`} />
      <p class="card note">{tq('warningsExplain')}</p>
      {data.error ? <p class="error" role="alert">{errorText(data.error)}</p> : null}
      {!data.isLoaded ? (
        <p class="muted">{td('loading')}</p>
      ) : rows.length === 0 ? (
        <p class="ok">{tq('warningsNone')}</p>
      ) : (
        <ul class="dues-links">
          {rows.map((r) => (
            <li key={r.member.id}>
              <a href={`/dues/member/${r.member.id}?y=${year}`}>
                <span>
                  <strong>{r.member.fullName}</strong>
                  <small>{tq('warningMonths', { n: r.owedMonths.length, months: formatPeriods(r.owedMonths) })}</small>
                </span>
                <span class="dues-amount warn">{formatMoney(r.owedAmount)}</span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

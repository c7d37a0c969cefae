// /dues/grid?y=YYYY — the member × month grid of a year. Each row: the name (a link to the
// member's dues) over twelve cells, each with its colour AND a symbol (✓ ½ ✗ M ·), the row's
// accessible name saying it in words. Only rows in view are rendered (VirtualList): 5,000
// members cost what 15 do. The year is computed once per change (useBulkLive), not per scroll:
// the top rows first, then the whole year (grid-load.ts), and kept while nothing changes
// (grid-view.ts); the search text of a row is made only once someone searches.
import { Component } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { useBulkLive } from '../../data/live-bulk';
import { parseYear } from '../../lib/dates';
import { fold, foldWords } from '../../lib/fold';
import { formatMoney } from '../../lib/money';
import { VirtualList } from '../../ui/VirtualList';
import { YEAR_TABLES } from './dues-queries';
import { loadGridView, type GridRowView as Item, type GridView } from './grid-view';
import { currentPeriod, STATE_SYMBOL, stateLabel } from './format';
import { tq } from './desk-i18n';
import { errorText, td } from './i18n';
import { YearNav } from './parts';
import type { CellState } from '../../protocol/dues-rules';
import './dues-grid.css';

const ROW = 58;
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);


export default function GridPage() {
  const { query } = useLocation();
  const current = currentPeriod();
  const year = parseYear(query.y) ?? Number(current.slice(0, 4));
  const data = useBulkLive<GridView>((partial) => loadGridView(year, current, partial), YEAR_TABLES, [year, current]);
  const [q, setQ] = useState('');
  const items = data.value?.rows ?? [];
  const hays = useMemo(() => new Map<string, string>(), [data.value]);
  const visible = useMemo(() => {
    const words = foldWords(q);
    if (!words.length) return items;
    const hay = (m: Item) => hays.get(m.id) ?? hays.set(m.id, fold([m.fullName, m.cardNumber, m.subGroup].filter(Boolean).join(' '))).get(m.id)!;
    return items.filter((i) => words.every((w) => hay(i).includes(w)));
  }, [items, hays, q]);
  const renderRow = useCallback((r: Item) => <GridRow r={r} year={year} />, [year]);
  // For the 5,000-member measurement (test/perf/year-scale.mjs): the first rows, the whole year.
  const loaded = !!data.value;
  const whole = !!data.value?.complete;
  useEffect(() => {
    if (loaded) performance.mark('dues-grid-rows');
  }, [loaded]);
  useEffect(() => {
    if (whole) performance.mark('dues-grid-ready');
  }, [whole]);
  return (
    <main class="page dues dues-gridpage">
      <a class="back" href={`/dues?m=${year === Number(current.slice(0, 4)) ? current : `${year}-12`}`}>‹ {td('back')}</a>
      <h1>{tq('gridTitle')}</h1>
      <YearNav year={year} href={(y) => `/dues/grid?y=${y}`} />
      <Legend />
      {data.error ? <p class="error" role="alert">{errorText(data.error)}</p> : null}
      {!data.isLoaded ? (
        <p class="muted">{td('loading')}</p>
      ) : (
        <>
          <div class="dues-sticky">
            <input class="search" type="search" aria-label={td('search')} placeholder={td('searchPlaceholder')} value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} autoComplete="off" spellcheck={false} />
            <div class="dues-grid-head" aria-hidden="true">
              {MONTHS.map((n) => <span key={n}>{n}</span>)}
            </div>
          </div>
          <p class="muted small">{whole ? tq('gridCount', { n: visible.length }) : td('loading')}</p>
          <div class="dues-list dues-grid">
            <VirtualList items={visible} rowHeight={ROW} getKey={(i) => i.id} renderRow={renderRow} label={tq('gridTitle')} />
          </div>
        </>
      )}
    </main>
  );
}

/**
 * One row. A class with shouldComponentUpdate: when a scroll moves the window of rendered rows,
 * the rows already on screen are not rendered again, only the ones coming into view.
 */
class GridRow extends Component<{ r: Item; year: number }> {
  shouldComponentUpdate(next: { r: Item; year: number }): boolean {
    return next.r !== this.props.r || next.year !== this.props.year;
  }

  render({ r, year }: { r: Item; year: number }) {
    const label = tq('gridRowLabel', { name: r.fullName, paid: r.paidMonths, owed: r.owedMonths + r.partialMonths });
    return (
      <a class="dues-grid-row" href={`/dues/member/${r.id}?y=${year}`} aria-label={label}>
        <span class="dues-grid-name">
          <span>{r.fullName}</span>
          {r.owedAmount > 0 && <small>{tq('gridOwed', { amount: formatMoney(r.owedAmount) })}</small>}
        </span>
        <span class="dues-grid-cells" aria-hidden="true">
          {r.states.map((state, k) => (
            <span key={k} class={`dues-cell ds-${state}`}>{STATE_SYMBOL[state]}</span>
          ))}
        </span>
      </a>
    );
  }
}

function Legend() {
  const states: CellState[] = ['paid', 'settled', 'partial', 'owed', 'exempt', 'upcoming', 'unknown', 'none'];
  return (
    <ul class="dues-legend" aria-label={td('legend')}>
      {states.map((s) => (
        <li key={s}>
          <span class={`dues-cell ds-${s}`} aria-hidden="true">{STATE_SYMBOL[s]}</span>
          {stateLabel(s)}
        </li>
      ))}
    </ul>
  );
}

// The level above's scorecard (issue 11 item 3): one row per supervised unit, a cell per
// indicator coloured against the year's thresholds and written out (symbol + words, never the
// colour alone); the weakest units first, or by name; only the units in the consolidation plan
// on demand; a tap opens the unit. Rows arrive cached first, then each unit as its version is
// checked (recomputed only when it moved: scorecard-queries.ts).
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import type { SupervisedUnit } from '../registry';
import { loadScorecard } from './scorecard-queries';
import { SCORECARD_COLUMNS, byName, scorecardCells, scorecardGoals, tally, worstFirst, type ScorecardRow } from '../../../protocol/scorecard-rules';
import { TONE_SYMBOL, cellText, toneWord } from './format';
import { ts, tsd } from './i18n';
import './scorecard.css';

type Sort = 'worst' | 'name';

function Row({ row, pending, open }: { row: ScorecardRow; pending: boolean; open: (id: string) => void }) {
  const cells = scorecardCells(row, scorecardGoals(row.goals));
  const { bad, warn } = tally(cells);
  const href = `/above/unit/${row.unitId}`;
  return (
    <tr onClick={() => open(row.unitId)} data-unit={row.unitId}>
      <th scope="row" class="sc-unit">
        <a href={href} onClick={(e) => e.stopPropagation()}>{row.name}</a>
        <span class="sc-sub">
          {ts('tally', { bad, warn })}
          {row.weak && ` · ${ts('weakMark')}`}
          {pending && ` · ${ts('stale')}`}
        </span>
      </th>
      {SCORECARD_COLUMNS.map((col) => (
        <td key={col} class={`sc-cell sc-${cells[col]}`} data-col={col} data-tone={cells[col]} title={toneWord(cells[col])}>
          <span class="sc-sym" aria-hidden="true">{TONE_SYMBOL[cells[col]]}</span>
          <span class="sr-only">{toneWord(cells[col])}: </span>
          {cellText(row, col)}
        </td>
      ))}
    </tr>
  );
}

/**
 * `refresh` changes when a unit's data may have changed (a sync round ended): the rows are read
 * again then, and only then — the caller re-renders on every step of a sync, and reading on
 * each would make the table's rows jump under the user's thumb.
 */
export function ScorecardTable({ units, today, refresh = '' }: { units: SupervisedUnit[]; today: string; refresh?: string }) {
  const { route } = useLocation();
  const [rows, setRows] = useState<Map<string, { row: ScorecardRow; current: boolean }>>(new Map());
  const [done, setDone] = useState(false);
  const [error, setError] = useState('');
  const [sort, setSort] = useState<Sort>('worst');
  const [weakOnly, setWeakOnly] = useState(false);

  useEffect(() => {
    let live = true;
    setDone(false);
    loadScorecard(units, today, (row, current) => {
      if (live) setRows((m) => new Map(m).set(row.unitId, { row, current }));
    })
      .catch((e) => live && setError(ts('error', { message: String((e as Error)?.message ?? e) })))
      .finally(() => live && setDone(true));
    return () => {
      live = false;
    };
  }, [units.map((u) => u.unitId).join(' '), today, refresh]);

  const shown = useMemo(() => {
    const known = units.flatMap((u) => {
      const r = rows.get(u.unitId);
      return r ? [r.row] : [];
    });
    const kept = weakOnly ? known.filter((r) => r.weak) : known;
    return sort === 'worst' ? worstFirst(kept) : [...kept].sort(byName);
  }, [rows, units, sort, weakOnly]);
  const waiting = units.filter((u) => !rows.has(u.unitId));

  return (
    <section class="sc">
      <div class="sc-tools">
        <div class="sc-sort" role="group" aria-label={ts('sortLabel')}>
          <button type="button" aria-pressed={sort === 'worst'} onClick={() => setSort('worst')}>{ts('sortWorst')}</button>
          <button type="button" aria-pressed={sort === 'name'} onClick={() => setSort('name')}>{ts('sortName')}</button>
        </div>
        <label class="sc-filter">
          <input type="checkbox" checked={weakOnly} onChange={(e) => setWeakOnly((e.target as HTMLInputElement).checked)} />
          {ts('filterWeak')}
        </label>
      </div>
      {error && <p class="error" role="alert">{error}</p>}
      {/* The table scrolls inside this box, and so do the cells' screen-reader words (.sr-only is
          absolutely positioned: without a positioned box here they escape it, and a phone's
          browser widens the whole page to the table's width). Inline: before the CSS arrives too. */}
      <div class="sc-scroll" style={{ overflowX: 'auto', maxWidth: '100%', position: 'relative' }}>
        <table class="sc-table">
          <thead>
            <tr>
              <th scope="col" class="sc-unit">{ts('col_unit')}</th>
              {SCORECARD_COLUMNS.map((col) => <th key={col} scope="col">{tsd(`col_${col}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => <Row key={row.unitId} row={row} pending={!rows.get(row.unitId)!.current && !done} open={(id) => route(`/above/unit/${id}`)} />)}
            {!weakOnly &&
              waiting.map((u) => (
                <tr key={u.unitId} onClick={() => route(`/above/unit/${u.unitId}`)}>
                  <th scope="row" class="sc-unit"><a href={`/above/unit/${u.unitId}`} onClick={(e) => e.stopPropagation()}>{u.name}</a></th>
                  <td colSpan={SCORECARD_COLUMNS.length} class="muted">{ts('loading')}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>
      {weakOnly && done && !shown.length && <p class="muted">{ts('noneWeak')}</p>}
    </section>
  );
}

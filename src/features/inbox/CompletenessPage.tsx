// /above/reports?y=yyyy — reporting completeness (issue 11 item 6): one row per supervised
// unit, one column per period of the year (Q1–Q4, the halves, the year), each cell saying in
// words and colour where the unit's report stands — received, returned, on time, N days late,
// missing, not due yet — and opening it; above the table, a line per period
// ("Quý III: 5/6 đơn vị đã gửi, 1 trễ"). The table scrolls sideways; the unit column stays.
import { useLocation } from 'preact-iso';
import { formatDate, parseYear, todayIso } from '../../lib/dates';
import { YearNav } from '../../ui/YearNav';
import type { PeriodTally } from '../../protocol/completeness-rules';
import { COLUMNS, loadCompleteness, type Column, type UnitCell } from './completeness-queries';
import { errorText, ti, tid } from './i18n';
import { useReload } from './use-reload';
import '../../ui/year-work.css';
import './inbox.css';

const TONE: Record<UnitCell['state'], string> = {
  received: 'done', onTime: 'done', returned: 'returned', late: 'late', missing: 'missing', notDue: 'future', outOfSight: 'future',
};

export function cellText(c: Pick<UnitCell, 'state' | 'days'>): string {
  return tid(`cell_${c.state}`, { n: c.days ?? 0 });
}

export function tallyText(col: Column, t: PeriodTally): string {
  const name = tid(`col_${col}`);
  if (!t.units) return ti('tallyNone', { col: name });
  const extra = [
    t.late && ti('tallyLate', { n: t.late }),
    t.missing && ti('tallyMissing', { n: t.missing }),
    t.returned && ti('tallyReturned', { n: t.returned }),
  ].filter(Boolean);
  return [ti('tally', { col: name, sent: t.sent, units: t.units }), ...extra].join(', ');
}

function CellLink({ unitId, c }: { unitId: string; c: UnitCell }) {
  const text = cellText(c);
  const late = c.wasLate && c.state !== 'late' ? ` · ${ti('cellLate')}` : '';
  return (
    <a class={`ib-cell tone-${TONE[c.state]}`} href={`/above/unit/${encodeURIComponent(unitId)}/reports/${c.reportId}`} title={`${formatDate(c.dueOn)}`}>
      {text}
      {late && <small>{late}</small>}
    </a>
  );
}

export default function CompletenessPage() {
  const { query } = useLocation();
  const today = todayIso();
  const year = parseYear(query.y) ?? Number(today.slice(0, 4));
  const data = useReload(() => loadCompleteness(year, today), [year, today]);
  const v = data.value;
  const school = v?.rows.some((r) => r.yearKind === 'school');
  return (
    <main class="page inbox">
      <a class="back" href="/above">← {ti('back')}</a>
      <h1>{ti('completenessTitle')}</h1>
      <YearNav year={year} href={(y) => `/above/reports?y=${y}`} label={ti('yearNav')} title={ti('yearTitle', { year })} prev={ti('prevYear')} next={ti('nextYear')} />
      {data.error !== undefined && <p class="error" role="alert">{errorText(data.error)}</p>}
      {!data.isLoaded && <p class="muted">{ti('loading')}</p>}
      {v && !v.rows.length && <p class="empty">{ti('noUnits')}</p>}
      {v && v.rows.length > 0 && (
        <>
          <ul class="ib-tallies" aria-label={ti('completenessTitle')}>
            {COLUMNS.map((c) => (
              <li key={c} class={v.tallies[c].missing || v.tallies[c].late ? 'warn' : undefined}>{tallyText(c, v.tallies[c])}</li>
            ))}
          </ul>
          <p class="muted small">{ti('completenessLead')}</p>
          {school && <p class="muted small">{ti('schoolNote', { year: `${year}–${year + 1}` })}</p>}
          {/* scrolls inside itself, positioned so nothing absolutely placed escapes it (a phone's
              browser would widen the whole page); inline, before inbox.css arrives too */}
          <div class="ib-scroll" style={{ overflowX: 'auto', maxWidth: '100%', position: 'relative' }}>
            <table class="ib-table">
              <thead>
                <tr>
                  <th scope="col">{ti('unitColumn')}</th>
                  {COLUMNS.map((c) => <th key={c} scope="col">{tid(`col_${c}`)}</th>)}
                </tr>
              </thead>
              <tbody>
                {v.rows.map((r) => (
                  <tr key={r.unit.unitId}>
                    <th scope="row">
                      {r.unit.name}
                      <a class="ib-notes-link small" href={`/above/unit/${encodeURIComponent(r.unit.unitId)}/notes`}>{ti('notesLink')}</a>
                    </th>
                    {r.failed ? (
                      <td colSpan={COLUMNS.length} class="muted small">{ti('unreadable')}</td>
                    ) : (
                      r.cells.map((c) => (
                        <td key={c.column}>
                          <CellLink unitId={r.unit.unitId} c={c} />
                        </td>
                      ))
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </main>
  );
}

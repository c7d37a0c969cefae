// One unit's scorecard on its detail page: each indicator in words, its value, the threshold
// it is judged against and its colour with its word ("Sinh hoạt định kỳ: chưa họp tháng 12;
// bỏ 2 tháng trong năm (tháng 3, tháng 7)"). The cached row when the unit has not moved.
import { useEffect, useState } from 'preact/hooks';
import { loadScorecardUnit } from './scorecard-queries';
import { SCORECARD_COLUMNS, scorecardCells, scorecardGoals, type ScorecardColumn, type ScorecardRow } from '../../../protocol/scorecard-rules';
import { TONE_SYMBOL, cellSentence, toneWord } from './format';
import { ts } from './i18n';
import './scorecard.css';

const TITLE: Record<ScorecardColumn, Parameters<typeof ts>[0]> = {
  meeting: 'd_meeting', members: 'd_members', training: 'd_training', rating: 'd_rating', targets: 'd_targets',
  project: 'd_project', dues: 'd_dues', report: 'd_report', checkIn: 'd_checkIn', actions: 'd_actions',
};

export function ScorecardDetail({ unitId, today }: { unitId: string; today: string }) {
  const [row, setRow] = useState<ScorecardRow>();
  const [error, setError] = useState('');
  useEffect(() => {
    let live = true;
    loadScorecardUnit(unitId, today)
      .then((r) => live && setRow(r))
      .catch((e) => live && setError(ts('error', { message: String((e as Error)?.message ?? e) })));
    return () => {
      live = false;
    };
  }, [unitId, today]);
  if (error) return <p class="error" role="alert">{error}</p>;
  if (!row) return <p class="muted">{ts('loading')}</p>;
  const goals = scorecardGoals(row.goals);
  const cells = scorecardCells(row, goals);
  return (
    <section class="sc-detail-card">
      <h2>{ts('detailTitle', { year: row.span.from.slice(0, 4) === row.span.to.slice(0, 4) ? row.span.year : `${row.span.year}–${row.span.year + 1}` })}</h2>
      {row.weak && <p class="small"><strong>{ts('weakMark')}</strong></p>}
      <ul class="sc-detail">
        {SCORECARD_COLUMNS.map((col) => {
          const s = cellSentence(row, col, goals);
          return (
            <li key={col} class={`sc-cell sc-${cells[col]}`} data-col={col} data-tone={cells[col]}>
              <span class="sc-sym" aria-hidden="true">{TONE_SYMBOL[cells[col]]}</span>
              <strong>{ts(TITLE[col])}</strong>: {s.value} <span class="small">({toneWord(cells[col])})</span>
              {s.goal && <span class="sc-goal">{s.goal}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

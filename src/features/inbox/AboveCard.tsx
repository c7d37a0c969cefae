// Home's "Cấp trên" card (inbox/index.ts loadAboveCard, after Home's first paint; not in the
// precache): each guidance not yet read and the latest unread answer to a question, opening
// /notes, and the check-in actions still open (overdue in red), opening /checkins. Nothing to
// show: no card.
import { useLive } from '../../data/live';
import { todayIso } from '../../lib/dates';
import { isEmpty, loadAboveCard } from './home-card-queries';
import { ti } from './i18n';
import './inbox.css';

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);

export default function AboveCard() {
  const today = todayIso();
  const data = useLive(async () => loadAboveCard(today), [today]);
  const d = data.value;
  if (!d || isEmpty(d)) return null;
  return (
    <section class="card ib-home" aria-labelledby="ib-home-h" data-testid="above-card">
      <a class="ib-home-head" href="/notes">
        <span>
          <strong id="ib-home-h">{ti('cardTitle')}</strong>
          <span class="muted small">{ti('cardHint')}</span>
        </span>
        <span aria-hidden="true">›</span>
      </a>
      <ul>
        {d.guidance.map((n) => (
          <li key={n.id}>
            <a href="/notes">
              <span class="what">{ti('cardGuidance', { text: short(n.body) })}</span>
              <span aria-hidden="true">›</span>
            </a>
          </li>
        ))}
        {d.answer && (
          <li>
            <a href="/notes">
              <span class="what">{ti('cardAnswer', { text: short(d.answer.body) })}</span>
              <span aria-hidden="true">›</span>
            </a>
          </li>
        )}
        {d.actions.open > 0 && (
          <li>
            <a href="/checkins">
              <span class="what">
                {ti('cardActions', { n: d.actions.open })}
                {d.actions.overdue > 0 && <span class="late"> · {ti('cardOverdue', { n: d.actions.overdue })}</span>}
              </span>
              <span aria-hidden="true">›</span>
            </a>
          </li>
        )}
      </ul>
    </section>
  );
}

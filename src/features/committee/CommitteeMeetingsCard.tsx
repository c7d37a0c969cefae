// Committee meetings (họp BCH) held in the unit's year against the frequency rule: "7/9
// tháng", the periods over without one named, and a button to plan the next.
import { monthLabel } from '../../lib/dates';
import { yearLabel } from '../../protocol/year';
import type { CommitteeMeetings } from './committee-queries';
import { tc } from './i18n';

const periodName = (period: string, quarterly: boolean) =>
  quarterly ? tc('quarterName', { q: Math.floor((Number(period.slice(5, 7)) - 1) / 3) + 1, year: period.slice(0, 4) }) : monthLabel(period);

export function CommitteeMeetingsCard({ m }: { m: CommitteeMeetings }) {
  const quarterly = m.frequency === 'quarterly';
  const behind = m.missed.length > 0;
  return (
    <section class="card" aria-labelledby="cm-meetings">
      <h2 id="cm-meetings">{tc('meetingsTitle')}</h2>
      <p class="row spread">
        <strong>{tc(`meetingsLine_${m.frequency}`, { held: m.held, due: m.due })}</strong>
        <span class={behind ? 'pill none' : 'pill excellent'}>{m.due ? `${Math.round((100 * Math.min(m.held, m.due)) / m.due)} %` : '—'}</span>
      </p>
      <p class="muted small">{tc(`meetingsRule_${m.frequency}`, { year: yearLabel(m.year.year, m.year.kind) })}</p>
      {behind && <p class="warn-box">{tc('missed', { list: m.missed.map((p) => periodName(p, quarterly)).join(', ') })}</p>}
      {!m.currentHeld && m.periods.length > 0 && <p class="muted">{tc(`currentNotHeld_${m.frequency}`)}</p>}
      <a class="btn block w" href="/meetings/new?kind=committee">{tc('planMeeting')}</a>
    </section>
  );
}

// The period's figures at a glance while she writes (computed from the records, never typed),
// and — in the draft of a later version — what moved since the version sent last.
import type { ReportFigures } from '../../protocol/report-figures-schema';
import { figureChanges } from '../../protocol/report-figure-changes';
import { formatDate } from '../../lib/dates';
import { formatMoney } from '../../lib/money';
import { num, pct } from './narrative-words';
import { tr } from './i18n';
import { changeLabel, changeValue } from './format';

export function FiguresSummary({ figures }: { figures: ReportFigures }) {
  const f = figures;
  const regular = f.meetings.byKind.find((k) => k.kind === 'regular');
  const rows: [string, string][] = [
    [tr('fsMembers'), `${num(f.membership.start)} → ${num(f.membership.end)}`],
    [tr('fsRegular'), regular?.attendancePct !== undefined ? tr('fsRegularValue', { n: f.meetings.regularHeld, pct: pct(regular.attendancePct) }) : tr('fsRegularNoRate', { n: f.meetings.regularHeld })],
    [tr('fsActivities'), tr('fsActivitiesValue', { n: f.activities.total, people: num(f.activities.participants) })],
    [tr('fsTraining'), `${num(f.training.registered)}/${num(f.training.roster)}${f.training.registeredPct !== undefined ? ` (${pct(f.training.registeredPct)})` : ''}`],
    [tr('fsDues'), `${formatMoney(f.dues.collected)} / ${formatMoney(f.dues.remitted)}`],
    [tr('fsRecognition'), `${num(f.recognition.commended)} / ${num(f.recognition.introducedToParty)}`],
  ];
  return (
    <section class="card report-figures" aria-labelledby="report-figures-h">
      <h2 id="report-figures-h">{tr('figuresTitle')}</h2>
      <p class="muted small">{tr('figuresAsOf', { date: formatDate(f.asOf) })}</p>
      <ul class="report-tiles">
        {rows.map(([label, value]) => (
          <li key={label}>
            <b>{value}</b>
            <span>{label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function FigureChanges({ sent, figures, version }: { sent: ReportFigures; figures: ReportFigures; version: number }) {
  const changes = figureChanges(sent, figures);
  if (!changes.length) return <p class="notice report-changes-none">{tr('changesNone', { n: version })}</p>;
  return (
    <section class="card report-changes" aria-labelledby="report-changes-h" data-testid="figure-changes">
      <h2 id="report-changes-h">{tr('changesTitle', { n: version })}</h2>
      <ul>
        {changes.map((c) => (
          <li key={c.key}>
            {changeLabel(c)}: <s>{changeValue(c, c.before)}</s> → <b>{changeValue(c, c.after)}</b>
          </li>
        ))}
      </ul>
      <p class="muted small">{tr('changesHint')}</p>
    </section>
  );
}

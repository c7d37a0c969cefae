// One target on the year's plan and on Home: title, value / goal, a bar with the expected-pace
// mark, the status and, when behind or out of reach, the warning line.
import type { TargetResult } from '../../protocol/target-rules';
import { barOf, figureText, showsMark, valueText, warningText } from './format';
import { ty, tyd } from './i18n';

export function TargetBar({ r }: { r: TargetResult }) {
  const { fill, mark } = barOf(r);
  return (
    <div class="tbar" aria-hidden="true">
      <i class={r.status} style={{ width: `${fill}%` }} />
      {mark !== undefined && <b style={{ left: `${mark}%` }} />}
    </div>
  );
}

export function TargetCard({ r }: { r: TargetResult }) {
  const m = r.target.measure;
  const warning = warningText(r);
  return (
    <a class="card tcard" href={`/year/targets/${r.target.id}`}>
      <span class="thead">
        <strong>{r.target.title}</strong>
        <span class={`tstatus ${r.status}`}>{tyd(`status_${r.status}`)}</span>
      </span>
      <span class="tvalue">
        {figureText(r)}
        {showsMark(r) && <span class="muted small"> · {ty('expectedMark', { value: valueText(m, r.expected) })}</span>}
      </span>
      <TargetBar r={r} />
      {warning && <span class="twarn">⚠️ {warning}</span>}
    </a>
  );
}

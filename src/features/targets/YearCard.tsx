// Home's "Năm công tác" card: the unit's current year at a glance — "4/6 đúng tiến độ" and the
// worst-slipping target with its warning; tap → /year. A year without targets: a small prompt
// to start it. Loaded by Home after its first paint (targets/index.ts), so the first screen
// does not wait for the rules.
import { useEffect } from 'preact/hooks';
import { useBulkLive } from '../../data/live-bulk';
import { todayIso } from '../../lib/dates';
import { TARGET_TABLES, yearSummary, type YearSummary } from './targets-queries';
import { spanLabel, warningText } from './format';
import { ty } from './i18n';
import './targets.css';

export default function YearCard() {
  const today = todayIso();
  const data = useBulkLive<YearSummary>(() => yearSummary(today), TARGET_TABLES, [today]);
  const s = data.value;
  // Benchmark mark (test/perf/targets-year.mjs): the card painted with the year's figures.
  const shown = !!s;
  useEffect(() => {
    if (shown) requestAnimationFrame(() => performance.mark('scd:year-card'));
  }, [shown]);
  if (!s) return null;
  const label = spanLabel(s.span);
  if (!s.started)
    return (
      <a class="card link-card home-year" href="/year">
        <span>{ty('summaryStart', { label })}</span>
        <span aria-hidden="true">›</span>
      </a>
    );
  return (
    <a class="card link-card home-year" href="/year">
      <span>
        <strong>{ty('title')} {label}</strong>
        <span class="pace">{ty('onPace', { n: s.onPace, total: s.total })}</span>
        {s.worst ? (
          <span class="twarn">⚠️ {s.worst.target.title}: {warningText(s.worst)}</span>
        ) : (
          <span class="ok small">✓ {ty('allOnPace')}</span>
        )}
      </span>
      <span aria-hidden="true">›</span>
    </a>
  );
}

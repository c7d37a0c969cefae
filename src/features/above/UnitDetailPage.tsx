// /above/unit/:unitId — one supervised unit (issue 11): its name, the unit above it, who is in
// charge, how fresh its data is, its scorecard figures, and the ways into its book (read
// only), check-ins, reports, notes, and its rating and consolidation mark.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { todayIso } from '../../lib/dates';
import { supervisedUnit } from './above-queries';
import { openUnitBook } from './above-session-repo';
import { formatTime } from './format';
import { errorText, ta } from './i18n';
import { ScorecardDetail } from './scorecard/ScorecardDetail';
import { useAboveSync } from './use-above-sync';
import './above.css';

type Detail = Awaited<ReturnType<typeof supervisedUnit>>;

export default function UnitDetailPage({ unitId }: { unitId: string }) {
  const { route } = useLocation();
  const sync = useAboveSync();
  const [data, setData] = useState<{ value?: Detail | null; error?: unknown }>({});
  const [error, setError] = useState('');
  useEffect(() => {
    supervisedUnit(unitId).then(
      (value) => setData({ value: value ?? null }),
      (e) => setData({ error: e }),
    );
  }, [unitId, sync.tick]);

  const back = <a class="back" href="/above">← {ta('back')}</a>;
  if (data.error) return <main class="page">{back}<p class="error" role="alert">{errorText(data.error)}</p></main>;
  if (data.value === undefined) return <main class="page">{back}<p class="muted">{ta('loading')}</p></main>;
  if (!data.value) return <main class="page">{back}<h1>{ta('unitMissingTitle')}</h1><p class="muted">{ta('unitMissing')}</p></main>;
  const { unit, parent, sync: info } = data.value;
  const base = `/above/unit/${unit.unitId}`;
  const open = async () => {
    try {
      await openUnitBook(unit.unitId);
      route('/');
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <main class="page above">
      {back}
      <h1>{unit.name}</h1>
      {parent && <p>{ta('unitParent', { name: parent.name })}</p>}
      <p>{unit.inCharge ? ta('inCharge', { name: unit.inCharge }) : ta('noInCharge')}</p>
      <p class="muted small">{info.lastSyncedAt ? ta('unitSynced', { time: formatTime(info.lastSyncedAt) }) : ta('neverSynced')}</p>
      <ScorecardDetail unitId={unit.unitId} today={todayIso()} />
      {error && <p class="error" role="alert">{error}</p>}
      <button class="btn primary block" type="button" onClick={() => void open()}>
        {ta('openBook')}
      </button>
      <nav class="above-links">
        <a class="card" href={`${base}/checkins`}>{ta('checkinsLink')}</a>
        <a class="card" href="/above/reports">{ta('reportsOfUnit')}</a>
        <a class="card" href={`${base}/notes`}>{ta('notesLink')}</a>
        <a class="card" href={`${base}/rating`}>{ta('ratingLink')}</a>
      </nav>
    </main>
  );
}

// "Năm công tác": whose year the unit keeps — the calendar year, or the school year for a
// school's unit (DOMAIN.md "Whose year"). Training, rating and targets follow it; years already
// recorded keep theirs (settings/year-kind-repo.ts setYearKind, docs/decisions.md "Whose year").
import { useState } from 'preact/hooks';
import { tDynamic } from '../../i18n';
import { ty } from './year-kind-i18n';
import { useLive } from '../../data/live';
import { formatDate, todayIso } from '../../lib/dates';
import { yearLabel, type YearKind } from '../../protocol/year';
import { loadYearKind } from './settings-repo';

const KINDS: YearKind[] = ['calendar', 'school'];

export function YearKindCard() {
  const today = todayIso();
  const data = useLive(() => loadYearKind(today), [today]);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const v = data.value;

  const choose = async (kind: YearKind) => {
    if (!v || kind === v.kind || busy) return;
    setBusy(true);
    setError('');
    setNotice('');
    try {
      const { setYearKind } = await import('./year-kind-repo');
      const kept = await setYearKind(kind, today);
      setNotice(kept.length ? ty('kept', { years: kept.join(', '), kind: ty(v.kind === 'school' ? 'schoolShort' : 'calendarShort') }) : ty('saved'));
    } catch (e) {
      setError(tDynamic((e as { key?: string }).key ?? 'err.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card w" aria-labelledby="settings-year">
      <h2 id="settings-year">{ty('title')}</h2>
      <p class="muted small">{ty('hint')}</p>
      <div class="stack" role="group" aria-labelledby="settings-year">
        {KINDS.map((k) => (
          <button key={k} type="button" class={v?.kind === k ? 'btn primary block' : 'btn block'} aria-pressed={v?.kind === k} disabled={!v || busy} onClick={() => void choose(k)}>
            {ty(k)}
          </button>
        ))}
      </div>
      {v && (
        <p class="small">
          {ty('current', { year: yearLabel(v.current.year, v.current.kind), from: formatDate(v.current.from), to: formatDate(v.current.to) })}
        </p>
      )}
      {notice && <p class="ok small" role="status">{notice}</p>}
      {error && <p class="error" role="alert">{error}</p>}
      <p class="muted small">{ty('switchHint')}</p>
    </section>
  );
}

// /above — the level above's home (issue 11): sign-in when this phone has no supervisor
// session; else the account, the sync line, the way to reports received and the agenda, the
// scorecard (one row per unit) and the unit tree with who is in charge of each unit.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { todayIso } from '../../lib/dates';
import { unitTree } from '../../protocol/unit-tree-rules';
import { aboveOverview, type AboveOverview } from './above-queries';
import { backToOwnBook, signOutAbove } from './above-session-repo';
import { dataAsOf, formatTime } from './format';
import { errorText, ta } from './i18n';
import { ScorecardTable } from './scorecard/ScorecardTable';
import { SignInForm } from './SignInForm';
import { useAboveSync, type AboveSyncView } from './use-above-sync';
import './above.css';

export default function AboveHome() {
  const sync = useAboveSync({ auto: true });
  const [data, setData] = useState<{ value?: AboveOverview | null; error?: unknown }>({});
  useEffect(() => {
    aboveOverview().then(
      (value) => setData({ value: value ?? null }),
      (error) => setData({ error }),
    );
  }, [sync.tick]);

  if (data.error) return <main class="page"><h1>{ta('title')}</h1><p class="error" role="alert">{errorText(data.error)}</p></main>;
  if (data.value === undefined) return <main class="page"><h1>{ta('title')}</h1><p class="muted">{ta('loading')}</p></main>;
  const o = data.value;
  if (!o || (o.session.expired && !o.session.units.length)) {
    return (
      <main class="page above">
        <h1>{ta('title')}</h1>
        <SignInForm sync={sync} username={o?.session.username} expired={!!o?.session.expired} />
      </main>
    );
  }
  const today = todayIso();
  const synced = new Map(o.sync.map((s) => [s.unitId, s]));
  return (
    <main class="page above">
      <h1>{ta('title')}</h1>
      <p class="muted small">{ta('account', { username: o.session.username })}</p>
      {o.session.expired && <SignInForm sync={sync} username={o.session.username} expired />}
      <SyncLine sync={sync} overview={o} />
      {o.ownUnitName && <BackToOwn name={o.ownUnitName} />}
      <nav class="above-links">
        <a class="card" href="/above/reports">{ta('reportsLink')}</a>
        <a class="card" href="/above/agenda">{ta('agendaLink')}</a>
      </nav>
      <h2>{ta('scorecard')}</h2>
      {o.session.units.length ? <ScorecardTable units={o.session.units} today={today} refresh={o.sync.map((s) => `${s.lastSyncedAt}:${s.pending}`).join(' ')} /> : <p class="muted">{ta('noUnits')}</p>}
      {o.session.units.length > 0 && (
        <section aria-labelledby="above-tree">
          <h2 id="above-tree">{ta('tree')}</h2>
          <ul class="above-tree">
            {unitTree(o.session.units).map(({ unit, depth }) => (
              <li key={unit.unitId} style={{ paddingInlineStart: `${depth * 1.25}rem` }}>
                <a href={`/above/unit/${unit.unitId}`}>{unit.name}</a>
                <span class="muted small">
                  {unit.inCharge ? ta('inCharge', { name: unit.inCharge }) : ta('noInCharge')}
                  {' · '}
                  {formatTime(synced.get(unit.unitId)?.lastSyncedAt) || ta('neverSynced')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
      <SignOut />
    </main>
  );
}

function SyncLine({ sync, overview }: { sync: AboveSyncView; overview: AboveOverview }) {
  const asOf = dataAsOf(overview.sync.map((s) => s.lastSyncedAt));
  const names = (ids: string[]) => ids.map((id) => overview.session.units.find((u) => u.unitId === id)?.name ?? id).join(', ');
  const failed = sync.last?.failed ?? [];
  const kept = sync.last?.keptDropped ?? [];
  let line: string;
  if (sync.isSyncing) line = sync.progress ? ta('progress', { ...sync.progress }) : ta('loading');
  else if (!sync.isOnline || sync.last?.offline) line = asOf ? ta('offlineSince', { time: formatTime(asOf) }) : ta('offlineNever');
  else line = asOf ? ta('syncedAt', { time: formatTime(asOf) }) : ta('neverSynced');
  return (
    <div class="above-sync">
      <p role="status" data-testid="above-sync">{line}</p>
      {failed.length > 0 && <p class="error">{ta('syncFailed', { units: names(failed.map((f) => f.unitId)) })}</p>}
      {kept.length > 0 && <p class="muted small">{ta('keptDropped', { units: kept.map((u) => u.name).join(', ') })}</p>}
      <button class="btn" type="button" disabled={sync.isSyncing} onClick={() => void sync.sync().catch(() => undefined)}>
        {ta('syncNow')}
      </button>
    </div>
  );
}

function BackToOwn({ name }: { name: string }) {
  const { route } = useLocation();
  return (
    <button class="btn block" type="button" onClick={() => void backToOwnBook().then(() => route('/'))}>
      {ta('backToOwn', { unit: name })}
    </button>
  );
}

function SignOut() {
  const [error, setError] = useState('');
  const signOut = async () => {
    setError('');
    try {
      await signOutAbove();
      // A full start: the shell decides again where this phone belongs (its unit, or setup).
      window.location.assign('/');
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <section class="above-signout">
      {error && <p class="error" role="alert">{error}</p>}
      <button class="btn block" type="button" onClick={() => void signOut()}>
        {ta('signOut')}
      </button>
      <p class="muted small">{ta('signOutHint')}</p>
    </section>
  );
}

// The shell: router, top bar, bottom navigation. Part of the shell bundle: keep it small;
// screens are lazy routes (routes.tsx).
import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Router, Route, useLocation } from 'preact-iso';
import { getCurrentUnitId, getLang, hasAbove, markedUnitId } from '../data/prefs';
import { onLanguageChange, setLanguage } from '../i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { Shell, TopBar } from './Shell';
import { routes, preloadSetup } from './routes';

/**
 * Where the phone is, known before the first screen renders: a unit's phone renders at once
 * from the copy of its unit id in localStorage (data/prefs.ts), checked against IndexedDB
 * right after. Without the copy (a new phone, or one set up before the copy existed) it asks
 * IndexedDB first; a phone with no unit is sent to /setup (or a supervisor's to /above)
 * before the router renders, so "/" never loads Home, its data and Dexie to find out.
 */
export function App() {
  // A page no service worker controls is a first visit (or close to it): fetch the first-run
  // screen while IndexedDB is asked.
  // (In a task of its own: its modulepreload links are not added inside the shell's first task.)
  const [hasUnit, setHasUnit] = useState<boolean | undefined>(() => !!markedUnitId() || (navigator.serviceWorker?.controller ?? setTimeout(() => void preloadSetup().catch(() => 0)), undefined));
  const [, setLangTick] = useState(0);

  useEffect(() => {
    const off = onLanguageChange(() => setLangTick((n) => n + 1));
    void getLang().then((l) => (l && l !== 'vi' ? setLanguage(l) : undefined));
    const marked = hasUnit;
    void getCurrentUnitId().then(async (id) => {
      if (!id && !marked) await firstRun(location.pathname, (p) => history.replaceState(null, '', p));
      setHasUnit(!!id);
    });
    const onUnit = () => setHasUnit(true);
    window.addEventListener('scd:unit-ready', onUnit);
    return () => {
      off();
      window.removeEventListener('scd:unit-ready', onUnit);
    };
  }, []);

  // While IndexedDB answers (a first visit): the top bar alone, painted at once.
  if (hasUnit === undefined)
    return (
      <div class="shell">
        <TopBar />
      </div>
    );
  return (
    <LocationProvider>
      <ErrorBoundary>
        <FirstRunGate hasUnit={hasUnit} />
        <Shell hasUnit={hasUnit}>
          <Router>
            {routes.map((r) => (
              <Route key={r.path} path={r.path} component={r.component} />
            ))}
          </Router>
        </Shell>
      </ErrorBoundary>
    </LocationProvider>
  );
}

/** Screens that work with no unit on the device (and those under them): restoring a backup, joining, server admin, the level above. */
const NO_UNIT_PATHS = ['/setup', '/settings/backup', '/join', '/admin', '/sync/devices', '/above'];

/** A device with no unit yet goes to the first-run screen, a supervisor's phone to /above. */
const firstRun = async (path: string, go: (to: string) => void) => {
  if (!NO_UNIT_PATHS.some((p) => path.startsWith(p))) go((await hasAbove()) ? '/above' : '/setup');
};

/** The same, on every later move while the device has no unit. */
function FirstRunGate({ hasUnit }: { hasUnit: boolean }) {
  const { path, route } = useLocation();
  useEffect(() => void (hasUnit || firstRun(path, (p) => route(p, true))), [hasUnit, path]);
  return null;
}

// The shell: router, top bar, bottom navigation. Part of the shell bundle: keep it small;
// screens are lazy routes (routes.tsx).
import { useEffect, useState } from 'preact/hooks';
import { LocationProvider, Router, Route, useLocation } from 'preact-iso';
import { getCurrentUnitId, getLang, hasAbove } from '../data/prefs';
import { onLanguageChange, setLanguage } from '../i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { Shell } from './Shell';
import { routes } from './routes';

export function App() {
  const [hasUnit, setHasUnit] = useState<boolean | undefined>(undefined);
  const [, setLangTick] = useState(0);

  useEffect(() => {
    const off = onLanguageChange(() => setLangTick((n) => n + 1));
    void getLang().then((l) => (l && l !== 'vi' ? setLanguage(l) : undefined));
    void getCurrentUnitId().then((id) => setHasUnit(!!id));
    const onUnit = () => setHasUnit(true);
    window.addEventListener('scd:unit-ready', onUnit);
    return () => {
      off();
      window.removeEventListener('scd:unit-ready', onUnit);
    };
  }, []);

  if (hasUnit === undefined) return null;
  return (
    <LocationProvider>
      <ErrorBoundary>
        <FirstRunGate hasUnit={hasUnit} />
        <Shell>
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

/** A device with no unit yet lands on the first-run screen, a supervisor's phone on /above. */
function FirstRunGate({ hasUnit }: { hasUnit: boolean }) {
  const { path, route } = useLocation();
  useEffect(() => {
    if (!hasUnit && !NO_UNIT_PATHS.some((p) => path.startsWith(p))) void hasAbove().then((a) => route(a ? '/above' : '/setup', true));
  }, [hasUnit, path]);
  return null;
}

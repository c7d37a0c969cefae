// Mounts the PWA banners (update prompt, offline-ready, install, iOS hint) after the page has
// loaded, so neither they nor workbox-window weigh on first paint. Part of the shell bundle:
// keep it tiny. Importing it starts, at boot, what cannot wait: catching
// beforeinstallprompt, the database versionchange notice, and the stale-chunk reload guard.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import './install';
import './state';
import { installPreloadGuard } from './preload-guard';

if (typeof window !== 'undefined') installPreloadGuard();

export function PwaMount() {
  const [Ui, setUi] = useState<ComponentType | null>(null);
  useEffect(() => {
    const load = () => void import('./PwaUi').then((m) => setUi(() => m.PwaUi));
    if (document.readyState === 'complete') setTimeout(load, 0);
    else window.addEventListener('load', load, { once: true });
  }, []);
  return Ui ? <Ui /> : null;
}

// Mounts the PWA banners (update prompt, offline-ready, install, iOS hint) a moment after the
// page has loaded, so neither they nor workbox-window weigh on the first screen. Part of the
// shell bundle: keep it tiny. Importing it starts, at boot, what cannot wait: catching
// beforeinstallprompt, the database versionchange notice, and the stale-chunk reload guard.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { IS_SW_ENABLED } from './build-info';
import { afterLoad } from '../lib/after-load';
import './install';
import './state';
import { installPreloadGuard } from './preload-guard';

if (typeof window !== 'undefined') installPreloadGuard();

/**
 * How long after the load event the banners load (with them workbox-window, the update check
 * and the background fetch) and the manifest is linked: the first screen's chunks and data
 * come first (issue 13, B1 by network log: they were 4.6 KB, and the manifest and its icon
 * 6.6 KB, of what a phone fetched before its member list was searchable). As the sync chip;
 * both wait for a pause in typing (lib/after-load.ts).
 */
export const PWA_DELAY_MS = 2_000;

export function PwaMount() {
  const [Ui, setUi] = useState<ComponentType | null>(null);
  useEffect(
    () =>
      afterLoad(() => {
        linkManifest();
        void import('./PwaUi').then((m) => setUi(() => m.PwaUi));
      }, PWA_DELAY_MS),
    [],
  );
  return Ui ? <Ui /> : null;
}

/**
 * The web app manifest, linked here rather than in index.html (vite.config.ts drops the
 * plugin's link): linked at parse time, Chromium fetches it and then its icon beside the first
 * screen. Install offers, "Add to Home screen" and a later WebAPK read the link once present.
 * Only a build has the manifest (vite-plugin-pwa writes it to dist/).
 */
function linkManifest(): void {
  if (!IS_SW_ENABLED || document.querySelector('link[rel="manifest"]')) return;
  document.head.append(Object.assign(document.createElement('link'), { rel: 'manifest', href: '/manifest.webmanifest' }));
}

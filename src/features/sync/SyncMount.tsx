// The top bar's sync status, loaded after the page has painted so Dexie and the engine stay
// out of the shell bundle (PERFORMANCE.md B1). Loading it also starts syncing.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function SyncMount() {
  const [Indicator, setIndicator] = useState<ComponentType | null>(null);
  useEffect(() => {
    const load = () => void import('./SyncIndicator').then((m) => setIndicator(() => m.SyncIndicator));
    if (document.readyState === 'complete') setTimeout(load, 0);
    else window.addEventListener('load', load, { once: true });
  }, []);
  return Indicator ? <Indicator /> : null;
}

// The top bar's sync status, loaded a moment after the page has loaded, so Dexie and the
// engine stay out of the shell bundle (PERFORMANCE.md B1), and the chip's ~7 KB gz and its
// render do not compete with the first screen loading its data (issue 13: bytes fetched
// before the member list is searchable, Lighthouse's blocking time on Home). Loading it also
// starts syncing: a sync waits for the network anyway, so a moment later is fine.
// Imported directly, not through a hop: lazy chunks carry no JS preload list (vite.config.ts),
// so the shell's import of it names only its stylesheet.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/** How long after the page's load event the chip loads. */
export const CHIP_DELAY_MS = 2_000;

export function SyncMount() {
  const [Chip, setChip] = useState<ComponentType>();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const later = () => (timer = setTimeout(() => void import('./SyncIndicator').then((m) => setChip(() => m.SyncIndicator)), CHIP_DELAY_MS));
    if (document.readyState === 'complete') later();
    else window.addEventListener('load', later, { once: true });
    return () => (clearTimeout(timer), window.removeEventListener('load', later));
  }, []);
  return Chip ? <Chip /> : null;
}

// The top bar's sync status, loaded a moment after the page has loaded, so Dexie and the
// engine stay out of the shell bundle (PERFORMANCE.md B1), and the chip's ~7 KB gz and its
// render do not compete with the first screen loading its data (issue 13: bytes fetched
// before the member list is searchable, Lighthouse's blocking time on Home). Loading it also
// starts syncing: a sync waits for the network anyway, so a moment later is fine.
// Imported directly, not through a hop: lazy chunks carry no JS preload list (vite.config.ts),
// so the shell's import of it names only its stylesheet.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { afterLoad } from '../../lib/after-load';

/** How long after the page's load event the chip loads (later while the secretary types: lib/after-load.ts). */
export const CHIP_DELAY_MS = 2_000;

export function SyncMount() {
  const [Chip, setChip] = useState<ComponentType>();
  useEffect(() => afterLoad(() => void import('./SyncIndicator').then((m) => setChip(() => m.SyncIndicator)), CHIP_DELAY_MS), []);
  return Chip ? <Chip /> : null;
}

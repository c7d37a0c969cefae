// The top bar's sync status, loaded after first paint (effects run after the browser has
// painted) so Dexie and the engine stay out of the shell bundle (PERFORMANCE.md B1).
// Loading it also starts syncing.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function SyncMount() {
  const [Chip, setChip] = useState<ComponentType>();
  useEffect(() => void import('./chip-loader').then((m) => m.loadChip()).then((c) => setChip(() => c)), []);
  return Chip ? <Chip /> : null;
}

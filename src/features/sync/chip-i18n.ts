// The sync chip's few messages, registered on their own: the chip is on every screen (and in
// the precache), the sync screens' messages (src/sync/i18n.ts) load with those screens.
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/sync-chip.json';

registerMessages('sync', vi);

export function tsChip(key: keyof typeof vi, params?: Record<string, string | number>): string {
  return tDynamic(`sync.${key}`, params);
}

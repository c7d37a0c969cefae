// The sync screens' messages, registered when a sync chunk loads (not bundled with the
// shell, which has a 25 KB budget): ts('syncedAt', …) = t('sync.syncedAt', …).
// Their English sits in i18n/en/index.ts with the rest of English (lazy, not precached).
import { registerMessages, tDynamic } from '../i18n';
import screens from '../i18n/vi/sync.json';
import chip from '../i18n/vi/sync-chip.json';

const vi = { ...chip, ...screens };

registerMessages('sync', vi);

export type SyncKey = keyof typeof vi;

export function ts(key: SyncKey, params?: Record<string, string | number>): string {
  return tDynamic(`sync.${key}`, params);
}

// The sync screens' messages, registered when a sync chunk loads (not bundled with the
// shell, which has a 25 KB budget): ts('syncedAt', …) = t('sync.syncedAt', …).
import { registerMessages, tDynamic } from '../i18n';
import vi from '../i18n/vi/sync.json';
import en from '../i18n/en/sync.json';

registerMessages('sync', vi, en);

export type SyncKey = keyof typeof vi;

export function ts(key: SyncKey, params?: Record<string, string | number>): string {
  return tDynamic(`sync.${key}`, params);
}

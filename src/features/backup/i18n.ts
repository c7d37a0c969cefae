// The backup screen's messages, registered when its chunk loads: backup and restore are not
// precached (used with signal, or rarely), so their Vietnamese leave the shell with them
// (src/sync/i18n.ts does the same). tb('title') = t('backup.title').
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/backup.json';

registerMessages('backup', vi);

export type BackupKey = keyof typeof vi;

export function tb(key: BackupKey, params?: Record<string, string | number>): string {
  return tDynamic(`backup.${key}`, params);
}

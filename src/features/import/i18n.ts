// The import screen's messages, registered when its chunk loads: the import is used at
// set-up, with signal, and is not precached, so its 7 KB of Vietnamese leave the shell with
// it (src/sync/i18n.ts does the same). ti('title') = t('import.title').
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/import.json';

registerMessages('import', vi);

export type ImportKey = keyof typeof vi;

export function ti(key: ImportKey, params?: Record<string, string | number>): string {
  return tDynamic(`import.${key}`, params);
}

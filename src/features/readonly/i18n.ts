// The read-only bar's messages, registered when its chunk loads (not with the shell).
// English sits in i18n/en/index.ts (lazy).
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/readonly.json';

registerMessages('readonly', vi);

export type ReadOnlyKey = keyof typeof vi;

export function tr(key: ReadOnlyKey, params?: Record<string, string | number>): string {
  return tDynamic(`readonly.${key}`, params);
}

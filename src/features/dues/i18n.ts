// The dues screens' messages, registered when their chunk loads (not bundled with the shell,
// which has a 25 KB budget; src/sync/i18n.ts does the same). td('title') = t('dues.title').
// English sits in i18n/en/index.ts with the rest of English (lazy).
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/dues.json';

registerMessages('dues', vi);

export type DuesKey = keyof typeof vi;

export function td(key: DuesKey, params?: Record<string, string | number>): string {
  return tDynamic(`dues.${key}`, params);
}

/** A refusal's message: dues.* and err.* keys as they are, anything else as "unexpected". */
export function errorText(e: unknown): string {
  const key = (e as { key?: string })?.key;
  return tDynamic(typeof key === 'string' ? key : 'err.unexpected');
}

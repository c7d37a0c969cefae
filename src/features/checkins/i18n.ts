// The check-in screens' messages, registered when their chunk loads: tc('title') =
// t('checkins.title'). English sits in i18n/en/index.ts with the rest of English. The printed
// record's words are Vietnamese whatever the UI language (checkin-document.ts).
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/checkins.json';

registerMessages('checkins', vi);

export type CheckinsKey = keyof typeof vi;

export function tc(key: CheckinsKey, params?: Record<string, string | number>): string {
  return tDynamic(`checkins.${key}`, params);
}

/** A key made from data (a status, a quarter's state). */
export function tcd(key: string, params?: Record<string, string | number>): string {
  return tDynamic(`checkins.${key}`, params);
}

/** A user-facing error: repo errors carry "checkins.*" or "err.*" keys. */
export function errorText(e: unknown): string {
  const key = (e as { key?: string })?.key;
  return tDynamic(key ?? 'err.unexpected');
}

// The level above's messages, registered when its chunk loads: ta('title') = t('above.title').
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/above.json';

registerMessages('above', vi);

export type AboveKey = keyof typeof vi;

export function ta(key: AboveKey, params?: Record<string, string | number>): string {
  return tDynamic(`above.${key}`, params);
}

/** A plain message for what went wrong: a refusal of ours, no network, or the server's words. */
export function errorText(e: unknown): string {
  const key = (e as { key?: string })?.key;
  if (key) return tDynamic(key, (e as { unitNames?: string[] }).unitNames ? { units: (e as { unitNames: string[] }).unitNames.join(', ') } : undefined);
  if ((e as Error)?.name === 'NetworkError') return ta('errOffline');
  return ta('errGeneric', { message: String((e as Error)?.message ?? e) });
}

// The year's plan messages, registered when its chunk loads (Home's year card loads it too):
// ty('title') = t('targets.title'). English sits in i18n/en/index.ts with the rest of English.
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/targets.json';

registerMessages('targets', vi);

export type TargetsKey = keyof typeof vi;

export function ty(key: TargetsKey, params?: Record<string, string | number>): string {
  return tDynamic(`targets.${key}`, params);
}

/** A message key that comes from data (a status, a rule, a reason): unknown keys show as given. */
export function tyd(key: string, params?: Record<string, string | number>): string {
  return tDynamic(`targets.${key}`, params);
}

/** A user-facing error: repo errors carry "targets.*" or "err.*" keys. */
export function errorText(e: unknown): string {
  const key = (e as { key?: string })?.key;
  return tDynamic(key ?? 'err.unexpected');
}

// The training screens' messages, registered when their chunk loads (not bundled with the
// shell: src/sync/i18n.ts does the same): tt('title') = t('training.title').
// English sits in i18n/en/index.ts with the rest of English (lazy).
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/training.json';

registerMessages('training', vi);

export type TrainingKey = keyof typeof vi;

export function tt(key: TrainingKey, params?: Record<string, string | number>): string {
  return tDynamic(`training.${key}`, params);
}

/** A user-facing error: repo errors carry "training.*", "err.*" or "rating.*" keys. */
export function errorText(e: unknown): string {
  const key = (e as { key?: string })?.key;
  return tDynamic(key ?? 'err.unexpected');
}

// The photo components' messages, registered when their chunk loads (like training's):
// pt('take') = t('photos.take'). English sits in i18n/en/index.ts with the rest of English.
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/photos.json';

registerMessages('photos', vi);

export type PhotoKey = keyof typeof vi;

export function pt(key: PhotoKey, params?: Record<string, string | number>): string {
  return tDynamic(`photos.${key}`, params);
}

/** A user-facing error: the repo's errors carry "photos.*" or "err.*" keys. */
export function errorText(e: unknown): string {
  const key = (e as { key?: string })?.key;
  return tDynamic(key ?? 'err.unexpected');
}

// The rating screens' messages, registered when their chunk loads (not bundled with the
// shell): tr('title') = t('rating.title'). English sits in i18n/en/index.ts (lazy).
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/rating.json';
import type { RatingLevel } from '../../protocol/rating-enums';

registerMessages('rating', vi);

export type RatingKey = keyof typeof vi;

export function tr(key: RatingKey, params?: Record<string, string | number>): string {
  return tDynamic(`rating.${key}`, params);
}

export const levelLabel = (l: RatingLevel) => tr(`level_${l}`);
export const levelShort = (l: RatingLevel) => tr(`short_${l}`);

export function errorText(e: unknown): string {
  const key = (e as { key?: string })?.key;
  return tDynamic(key ?? 'err.unexpected');
}

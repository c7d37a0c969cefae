// The level above's rating screen's messages, registered when its chunk loads (not bundled
// with the shell): tr('title') = t('recognition.title'). English sits in i18n/en/index.ts.
// The levels' names are the rating screen's (rating.level_*), repeated here so this chunk does
// not carry the whole rating namespace.
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/recognition.json';
import type { RatingLevel } from '../../protocol/rating-enums';

registerMessages('recognition', vi);

export type RecognitionKey = keyof typeof vi;

export function tr(key: RecognitionKey, params?: Record<string, string | number>): string {
  return tDynamic(`recognition.${key}`, params);
}

export const levelLabel = (l: RatingLevel): string => tr(`level_${l}`);

export function errorText(e: unknown): string {
  const key = (e as { key?: string })?.key;
  return tDynamic(key ?? 'err.unexpected');
}

// The rating screens' messages, registered when their chunk loads (not bundled with the
// shell): tr('title') = t('rating.title'). English sits in i18n/en/index.ts (lazy).
import { registerMessages, tDynamic } from '../../i18n';
import { formatDate } from '../../lib/dates';
import { yearLabel, type YearSpan } from '../../protocol/year';
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

/** "Năm 2026" or "Năm học 2025–2026": the unit's year (protocol/year.ts). */
export function yearTitle(span: YearSpan): string {
  return tr(span.kind === 'school' ? 'schoolYearTitle' : 'yearTitle', { year: yearLabel(span.year, span.kind) });
}

/** A school year's days under its title ("Từ 01/09/2025 đến 31/08/2026"); a calendar year needs none. */
export function yearSub(span: YearSpan): string | undefined {
  return span.kind === 'school' ? tr('spanLine', { from: formatDate(span.from), to: formatDate(span.to) }) : undefined;
}

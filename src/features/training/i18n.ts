// The training screens' messages, registered when their chunk loads (not bundled with the
// shell: src/sync/i18n.ts does the same): tt('title') = t('training.title').
// English sits in i18n/en/index.ts with the rest of English (lazy).
import { registerMessages, tDynamic } from '../../i18n';
import { formatDate } from '../../lib/dates';
import { yearLabel, type YearSpan } from '../../protocol/year';
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

/** "Năm 2026" or "Năm học 2025–2026": the unit's year (protocol/year.ts). */
export function yearTitle(span: YearSpan): string {
  return tt(span.kind === 'school' ? 'schoolYearTitle' : 'yearTitle', { year: yearLabel(span.year, span.kind) });
}

/** A school year's days under its title ("Từ 01/09/2025 đến 31/08/2026"); a calendar year needs none. */
export function yearSub(span: YearSpan): string | undefined {
  return span.kind === 'school' ? tt('spanLine', { from: formatDate(span.from), to: formatDate(span.to) }) : undefined;
}

// The reports list's messages (namespace reportList), registered when its chunk loads (the
// list, its settings and Home's card): rl('title') = t('reportList.title'). English sits in
// i18n/en/index.ts with the rest of English.
import { currentLang, registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/report-list.json';
import { formatDate } from '../../lib/dates';
import type { ReportPeriod } from '../../protocol/report-period';
import { periodLabel } from './period-label';

registerMessages('reportList', vi);

export type ReportListKey = keyof typeof vi;

export function rl(key: ReportListKey, params?: Record<string, string | number>): string {
  return tDynamic(`reportList.${key}`, params);
}

/** A user-facing error: repo errors carry "err.*" keys. */
export function errorText(e: unknown): string {
  const key = (e as { key?: string })?.key;
  return tDynamic(key ?? 'err.unexpected');
}

/** "10/04" — a due date in a sentence of this year's reminder */
export const dayMonth = (iso: string): string => formatDate(iso).slice(0, 5);

/** The period inside a sentence: "quý I năm 2026" after "Báo cáo" (English keeps its capital). */
export function periodInSentence(p: Pick<ReportPeriod, 'kind' | 'year' | 'index' | 'yearKind'>): string {
  const s = periodLabel(p);
  return currentLang() === 'vi' ? s.charAt(0).toLocaleLowerCase('vi') + s.slice(1) : s;
}

// The report editor's messages, registered when its chunk loads: tr('title') = t('reports.title').
// English sits in i18n/en/index.ts with the rest of English. The report's own text (its
// generated sentences, default recipients) is Vietnamese whatever the UI language:
// narrative-words.ts.
import { registerMessages, tDynamic } from '../../i18n';
import type { ReportSection } from '../../protocol/report-enums';
import vi from '../../i18n/vi/reports.json';

registerMessages('reports', vi);

export type ReportsKey = keyof typeof vi;

export function tr(key: ReportsKey, params?: Record<string, string | number>): string {
  return tDynamic(`reports.${key}`, params);
}

/** A message key that comes from data (a section, a figure's field): unknown keys show as given. */
export function trd(key: string, params?: Record<string, string | number>): string {
  return tDynamic(`reports.${key}`, params);
}

export const sectionTitle = (s: ReportSection): string => trd(`section_${s}`);
/** What belongs in a section: shown on screen, never printed. */
export const sectionHint = (s: ReportSection): string => trd(`hint_${s}`);

/** A user-facing error: repo errors carry "reports.*" or "err.*" keys. */
export function errorText(e: unknown): string {
  const key = (e as { key?: string })?.key;
  return tDynamic(key ?? 'err.unexpected');
}

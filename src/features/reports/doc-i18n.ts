// The report document page's messages (namespace reportDoc), registered when its chunk loads
// (not bundled with the shell). English sits in i18n/en/index.ts with the rest of English.
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/report-doc.json';

registerMessages('reportDoc', vi);

export type ReportDocKey = keyof typeof vi;

export function td(key: ReportDocKey, params?: Record<string, string | number>): string {
  return tDynamic(`reportDoc.${key}`, params);
}

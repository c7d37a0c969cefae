// A report period's name ("Quý I năm 2026", "Học kỳ I năm học 2025–2026") and the subject of
// the report's title (DOMAIN.md "A report to cấp trên — the usual layout", item 2). Shared by
// the list, the editor and the document.
import { registerMessages, tDynamic } from '../../i18n';
import { yearLabel } from '../../protocol/year';
import type { ReportPeriod } from '../../protocol/report-period';
import type { ReportKind } from '../../protocol/report-enums';
import vi from '../../i18n/vi/report-period.json';

registerMessages('reportPeriod', vi);

/** Says a message of this namespace: in the UI's language, or (`inVietnamese`) always in Vietnamese. */
type Say = (key: string, params?: Record<string, string | number>) => string;
const inUiLanguage: Say = (key, params) => tDynamic(`reportPeriod.${key}`, params);
/** The words of an official document (the printed report): Vietnamese whatever the UI language. */
export const inVietnamese: Say = (key, params) =>
  (vi as Record<string, string>)[key].replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k] ?? ''));

type PeriodRef = Pick<ReportPeriod, 'kind' | 'year' | 'index' | 'yearKind'>;
const school = (p: PeriodRef) => p.kind !== 'quarter' && p.yearKind === 'school';

function code(p: PeriodRef): string {
  if (p.kind === 'quarter') return `q${p.index}`;
  if (p.kind === 'half_year') return `${school(p) ? 's' : 'h'}${p.index}`;
  return school(p) ? 'sy' : 'y';
}

/** "Quý I năm 2026", "6 tháng đầu năm 2026", "Học kỳ I năm học 2025–2026", "Năm 2026" */
export function periodLabel(p: PeriodRef, say: Say = inUiLanguage): string {
  return say(code(p), { year: yearLabel(p.year, p.kind === 'quarter' ? 'calendar' : p.yearKind) });
}

/** The heading of a kind's list: "Báo cáo quý", "Báo cáo học kỳ" … */
export function kindLabel(kind: ReportKind, yearKind: PeriodRef['yearKind']): string {
  return tDynamic(`reportPeriod.kind_${kind}${kind === 'half_year' && yearKind === 'school' ? '_school' : ''}`);
}

/** "Quý I năm 2026" → "quý I năm 2026" (the numeral stays upper case) */
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** The title's subject: "Kết quả công tác Đoàn và phong trào thanh niên quý I năm 2026" … */
export function reportSubject(p: PeriodRef, say: Say = inUiLanguage): string {
  const kind = p.kind === 'quarter' ? 'calendar' : p.yearKind;
  const year = yearLabel(p.year, kind);
  const next = yearLabel(p.year + 1, kind);
  if (p.kind === 'quarter') return say('subject_quarter', { period: lowerFirst(periodLabel(p, say)) });
  return say(`subject_${code(p)}`, { year, next });
}

// A report's period (issue 10): quarter, half-year or year, its days, its id and due date.
// Pure, no zod (Home reads due dates).
//   - quarters are calendar quarters, whatever the unit's year (cấp trên collects them so);
//   - the half-year and the year follow the unit's year (DOMAIN.md "Whose year"): the first or
//     last six months of it. For a school's unit that is the semester, học kỳ I (September to
//     February) and học kỳ II (March to August), and the year is the school year.
// A report's id names its period, so two phones starting the same report make one record:
//   report:2026:q1 · report:2026:h2 · report:2025:y (school year 2025 = 2025–2026).
import type { ReportKind } from './report-enums';
import { yearSpan, type YearKind } from './year';

export interface ReportPeriod {
  kind: ReportKind;
  /** the calendar year of a quarter; the unit year (its start year) of a half-year or year */
  year: number;
  /** quarter 1–4, half 1–2, year 1 */
  index: number;
  /** whose year a half-year or year follows ('calendar' for quarters) */
  yearKind: YearKind;
  /** first and last day, yyyy-mm-dd, both included */
  from: string;
  to: string;
}

export const PERIODS_PER_KIND: Record<ReportKind, number> = { quarter: 4, half_year: 2, year: 1 };

function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const m0 = m - 1 + n;
  return `${y + Math.floor(m0 / 12)}-${String((((m0 % 12) + 12) % 12) + 1).padStart(2, '0')}`;
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The days of a period. `yearKind` matters for half-years and years only. */
export function reportPeriod(kind: ReportKind, year: number, index: number, yearKind: YearKind = 'calendar'): ReportPeriod {
  if (!Number.isInteger(index) || index < 1 || index > PERIODS_PER_KIND[kind]) throw new RangeError(`No ${kind} ${index}`);
  if (kind === 'quarter') {
    const first = `${year}-${String(index * 3 - 2).padStart(2, '0')}`;
    return { kind, year, index, yearKind: 'calendar', from: `${first}-01`, to: lastDay(addMonths(first, 2)) };
  }
  const span = yearSpan(year, yearKind);
  if (kind === 'year') return { kind, year, index, yearKind, from: span.from, to: span.to };
  const first = addMonths(span.from.slice(0, 7), (index - 1) * 6);
  return { kind, year, index, yearKind, from: `${first}-01`, to: lastDay(addMonths(first, 5)) };
}

const CODE: Record<ReportKind, string> = { quarter: 'q', half_year: 'h', year: 'y' };

/** The report row's id for a period. */
export function reportId(p: Pick<ReportPeriod, 'kind' | 'year' | 'index'>): string {
  return p.kind === 'year' ? `report:${p.year}:y` : `report:${p.year}:${CODE[p.kind]}${p.index}`;
}

/** A version's id: the report's id and its number. */
export const reportVersionId = (reportRowId: string, version: number): string => `${reportRowId}:v${version}`;
/** cấp trên's review of a version: one per version. */
export const reportReviewId = (reportRowId: string, version: number): string => `${reportVersionId(reportRowId, version)}:review`;

const ID = /^report:(\d{4}):(?:q([1-4])|h([12])|(y))$/;

/** The period a report id names (its kind, year and index), or undefined for another string. */
export function parseReportId(id: string): Pick<ReportPeriod, 'kind' | 'year' | 'index'> | undefined {
  const m = ID.exec(id);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'quarter', year, index: Number(m[2]) };
  if (m[3]) return { kind: 'half_year', year, index: Number(m[3]) };
  return { kind: 'year', year, index: 1 };
}

/** yyyy-mm-dd plus n days */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The last day a period's report is on time: `dueDays` after the period ends. */
export function dueOn(p: Pick<ReportPeriod, 'to'>, dueDays: number): string {
  return addDays(p.to, dueDays);
}

/** The periods of a kind whose year is `year` (quarters: calendar year; others: the unit's year). */
export function periodsOf(kind: ReportKind, year: number, yearKind: YearKind): ReportPeriod[] {
  return Array.from({ length: PERIODS_PER_KIND[kind] }, (_, i) => reportPeriod(kind, year, i + 1, yearKind));
}

/** The period of this kind that contains `day`. */
export function periodContaining(kind: ReportKind, day: string, yearKind: YearKind): ReportPeriod {
  const y = Number(day.slice(0, 4));
  for (const year of [y - 1, y]) {
    for (const p of periodsOf(kind, year, yearKind)) if (p.from <= day && day <= p.to) return p;
  }
  throw new RangeError(`No ${kind} contains ${day}`);
}

/** The period before this one, of the same kind. */
export function previousPeriod(p: ReportPeriod): ReportPeriod {
  if (p.index > 1) return reportPeriod(p.kind, p.year, p.index - 1, p.yearKind);
  return reportPeriod(p.kind, p.year - 1, PERIODS_PER_KIND[p.kind], p.yearKind);
}

/** The period after this one, of the same kind (its direction is what part two plans for). */
export function nextPeriod(p: ReportPeriod): ReportPeriod {
  if (p.index < PERIODS_PER_KIND[p.kind]) return reportPeriod(p.kind, p.year, p.index + 1, p.yearKind);
  return reportPeriod(p.kind, p.year + 1, 1, p.yearKind);
}

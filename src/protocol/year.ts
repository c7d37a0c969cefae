// Whose year (DOMAIN.md "Whose year"): a unit's working year is the calendar year or, for a
// school's unit, the school year (năm học, 1 September to 31 August). A year is named by the
// calendar year it starts in: school year 2025 = 01/09/2025–31/08/2026, shown "2025–2026".
// Pure, no zod: the first screen (Home) uses it.

export const YEAR_KINDS = ['calendar', 'school'] as const;
export type YearKind = (typeof YEAR_KINDS)[number];

export interface YearSpan {
  year: number;
  kind: YearKind;
  /** first and last day, ISO yyyy-mm-dd, both inclusive */
  from: string;
  to: string;
}

export function yearSpan(year: number, kind: YearKind = 'calendar'): YearSpan {
  return kind === 'school'
    ? { year, kind, from: `${year}-09-01`, to: `${year + 1}-08-31` }
    : { year, kind, from: `${year}-01-01`, to: `${year}-12-31` };
}

/** The year (of this kind) a day falls in: 2026-10-05 is school year 2026, 2026-05-05 school year 2025. */
export function yearOf(day: string, kind: YearKind = 'calendar'): number {
  const y = Number(day.slice(0, 4));
  return kind === 'school' && Number(day.slice(5, 7)) < 9 ? y - 1 : y;
}

/** "2026" or "2025–2026" */
export function yearLabel(year: number, kind: YearKind = 'calendar'): string {
  return kind === 'school' ? `${year}–${year + 1}` : String(year);
}

/** The twelve months of the year, 'yyyy-mm', in order. */
export function yearMonths(span: YearSpan): string[] {
  const startMonth = Number(span.from.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < 12; i++) {
    const m0 = startMonth - 1 + i;
    const y = span.year + Math.floor(m0 / 12);
    out.push(`${y}-${String((m0 % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** `day` clamped into the span: where a year's "as of today" stands for a past or future year. */
export function clampToSpan(day: string, span: YearSpan): string {
  return day < span.from ? span.from : day > span.to ? span.to : day;
}

/** A year given by its number (a calendar year: the rules' callers before issue 9) or by its span. */
export type YearLike = number | YearSpan;

export function asSpan(year: YearLike): YearSpan {
  return typeof year === 'number' ? yearSpan(year) : year;
}

/** Whether a day (yyyy-mm-dd, or a longer stamp starting with one) falls in the span. */
export function inSpan(day: string, span: YearSpan): boolean {
  const d = day.slice(0, 10);
  return span.from <= d && d <= span.to;
}

/** The upper bound of a span for stamps like startsAt 'yyyy-mm-ddThh:mm' (Dexie between(…, true, true)). */
export const spanEndStamp = (span: YearSpan): string => `${span.to}T99`;

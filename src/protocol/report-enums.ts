// Report enums without zod (DOMAIN.md "A report to cấp trên"; issue 10). Screens list them
// without loading the schema library.

/** quarterly, half-year (sơ kết 6 tháng / học kỳ), year (tổng kết) */
export const REPORT_KINDS = ['quarter', 'half_year', 'year'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** the working copy: being written, or sent (frozen as a version) */
export const REPORT_STATUSES = ['draft', 'submitted'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** what cấp trên did with a sent version */
export const REVIEW_DECISIONS = ['received', 'returned'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * The narrative's sections, in the order of the usual layout: the opening; part one, results
 * (situation, political education, movements, building the Union), the overall assessment
 * (strengths, weaknesses, causes); part two, difficulties and proposals (khó khăn, vướng mắc,
 * đề xuất, kiến nghị) and the direction for the next period. Each is its own field of the
 * report row, so two phones writing different sections never conflict.
 */
export const REPORT_SECTIONS = [
  'opening',
  'situation',
  'politicalEducation',
  'movements',
  'buildingUnion',
  'strengths',
  'weaknesses',
  'causes',
  'difficulties',
  'direction',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

/** Who signs for the committee: "TM. BAN CHẤP HÀNH / BÍ THƯ" or "… / PHÓ BÍ THƯ". */
export const SIGNER_TITLES = ['secretary', 'deputy'] as const;
export type SignerTitle = (typeof SIGNER_TITLES)[number];

/** Days after a period's end a report is due, unless the unit set its own (unit settings). */
export const DEFAULT_REPORT_DUE_DAYS = 10;

/** Home reminds this many days before the due date. */
export const REPORT_REMIND_DAYS = 7;

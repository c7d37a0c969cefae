// The schema pass of an import (RELIABILITY.md 22): every converted row goes through the
// shared member schema (src/protocol/member.ts), so import, forms, sync and server agree on
// what a valid member is. Runs on the page, in slices that yield between them, so 50,000
// rows never block taps; convert.ts (in the worker) did the rest.
import { messageKey } from '../../protocol/message-key';
import { memberFields, MEMBER_DEFAULTS, type MemberFields } from '../../protocol/member';
import type { DuesCategory } from '../../protocol/member-enums';
import type { SheetCell } from '../../lib/xlsx/cells';
import type { ColumnMapping, ImportField } from './columns';
import { columnNames, convertRows, genderRules, type GenderRule, type Converted, type ConvertedRow, type ExistingKeys, type Problem, type ProblemCode } from './convert';
import { PREVIEW_LIMIT } from './limits';
import type { ParsedFile } from './pipeline';

export { cardKey, personKey, type ExistingKeys, type Problem, type ProblemCode } from './convert';

/** Possible duplicates of a person are warnings: excluded by default, the secretary may include them. */
const WARNINGS = new Set<ProblemCode>(['dupPersonFile', 'dupPersonRegister']);
/** Notes on history (admitted at 15, still active past 30): the row is imported as it is, and told. */
const NOTES = new Set<ProblemCode>(['admissionAge', 'over30', 'yearOnly', 'badDues']);

export type Severity = 'ok' | 'warning' | 'error';

export interface CandidateRow {
  line: number;
  name: string;
  /** the member to create; only when the row has no error */
  fields?: MemberFields;
  problems: Problem[];
  severity: Severity;
  /** the file gave no dues category (no column, an empty or unreadable cell): the list's chosen one applies */
  duesUnset?: boolean;
}

export interface Counts {
  total: number;
  ok: number;
  /** good rows with a note (counted in ok too) */
  noted: number;
  warning: number;
  error: number;
}

export interface ImportPreview {
  counts: Counts;
  /** first PREVIEW_LIMIT rows with an error, in file order */
  errorRows: CandidateRow[];
  /** every row that is only a possible duplicate (each has fields; the secretary may include it) */
  warningRows: CandidateRow[];
  /** first PREVIEW_LIMIT good rows imported with a note (admission age, active past 30) */
  noteRows: CandidateRow[];
  /** first PREVIEW_LIMIT good rows, to show what will be imported */
  okSample: CandidateRow[];
  /** every good row's member, in file order */
  okMembers: MemberFields[];
  /** indexes in okMembers of the members the file gave no dues category */
  okDuesUnset: number[];
  /** the heading of the column read as the dues category, if one is mapped */
  duesColumn?: string;
  /** how gender was read from a "Nữ"/"Nam" column, shown in words */
  genderRules: GenderRule[];
  /** where reading stopped: the list's signature footer ("Người lập biểu", "TM. BCH"…) */
  footer?: { line: number; text: string };
}

/** Schema check of one converted row. */
export function checkRow(row: ConvertedRow, columns: Map<ImportField, string>): CandidateRow {
  const problems = row.problems.slice();
  const parsed = memberFields.safeParse({ ...MEMBER_DEFAULTS, ...row.input });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? '') as ImportField;
      if (field === 'fullName' && !row.name) continue; // already "missing name"
      const value = row.input[field];
      problems.push({ code: 'field', column: columns.get(field) ?? field, value: value === undefined ? '' : String(value), message: messageKey(issue.message) });
    }
  }
  const severity: Severity = problems.some((p) => !WARNINGS.has(p.code) && !NOTES.has(p.code))
    ? 'error'
    : problems.some((p) => WARNINGS.has(p.code))
      ? 'warning'
      : 'ok';
  const fields = severity !== 'error' && parsed.success ? parsed.data : undefined;
  return { line: row.line, name: row.name, fields, problems, severity, duesUnset: !!fields && row.input.duesCategory === undefined };
}

/** Collects checked rows into what the preview shows, keeping only the first rows of long lists. */
export class PreviewBuilder {
  readonly preview: Omit<ImportPreview, 'genderRules' | 'duesColumn'> = {
    counts: { total: 0, ok: 0, noted: 0, warning: 0, error: 0 },
    errorRows: [],
    noteRows: [],
    warningRows: [],
    okSample: [],
    okMembers: [],
    okDuesUnset: [],
  };

  add(row: CandidateRow): void {
    const p = this.preview;
    p.counts.total++;
    p.counts[row.severity]++;
    if (row.severity === 'error') {
      if (p.errorRows.length < PREVIEW_LIMIT) p.errorRows.push(row);
    } else if (row.severity === 'warning') {
      p.warningRows.push(row);
    } else {
      if (row.duesUnset) p.okDuesUnset.push(p.okMembers.length);
      p.okMembers.push(row.fields!);
      if (row.problems.length && p.counts.noted++ < PREVIEW_LIMIT) p.noteRows.push(row);
      if (p.okSample.length < PREVIEW_LIMIT) p.okSample.push(row);
    }
  }
}

/** Checks converted rows in slices, yielding to the page between slices. */
export async function checkRowsInSlices(
  { rows, footer }: Converted,
  headers: string[],
  mapping: ColumnMapping,
  yieldNow: () => Promise<unknown> = () => new Promise((r) => setTimeout(r, 0)),
  sliceSize = 500,
): Promise<ImportPreview> {
  const columns = columnNames(headers, mapping);
  const builder = new PreviewBuilder();
  for (let i = 0; i < rows.length; i += sliceSize) {
    if (i > 0) await yieldNow();
    const end = Math.min(rows.length, i + sliceSize);
    for (let j = i; j < end; j++) builder.add(checkRow(rows[j], columns));
  }
  return { ...builder.preview, footer, genderRules: genderRules(headers, mapping), duesColumn: columns.get('duesCategory') };
}

/** The whole check in one synchronous call (tests, small files). */
export function previewRows(
  sheet: SheetCell[][],
  headerIndex: number,
  headers: string[],
  mapping: ColumnMapping,
  existing: ExistingKeys,
  today?: string,
): ImportPreview {
  const columns = columnNames(headers, mapping);
  const builder = new PreviewBuilder();
  const { rows, footer } = convertRows(sheet, headerIndex, headers, mapping, existing, today);
  for (const row of rows) builder.add(checkRow(row, columns));
  return { ...builder.preview, footer, genderRules: genderRules(headers, mapping), duesColumn: columns.get('duesCategory') };
}

/** How many of the members to import the file gave no dues category: the good rows' and the included possible duplicates'. */
export function duesUnsetCount(preview: ImportPreview, included: ReadonlySet<number>): number {
  let n = preview.okDuesUnset.length;
  for (const row of preview.warningRows) if (row.duesUnset && included.has(row.line)) n++;
  return n;
}

/**
 * The members to write: the good rows, then the possible duplicates the secretary included.
 * Those the file gave no dues category get the one she chose for the list; there is no silent
 * default (most lists have no such column, and a salaried member owes 5,000 đ, not 2,000 đ).
 */
export function membersToImport(preview: ImportPreview, included: ReadonlySet<number>, duesDefault: DuesCategory | undefined): MemberFields[] {
  if (!duesDefault && duesUnsetCount(preview, included) > 0) throw new Error('import: no dues category chosen for the list');
  const members = preview.okMembers.slice();
  if (duesDefault) for (const i of preview.okDuesUnset) members[i] = { ...members[i]!, duesCategory: duesDefault };
  for (const row of preview.warningRows) {
    if (!included.has(row.line) || !row.fields) continue;
    members.push(row.duesUnset && duesDefault ? { ...row.fields, duesCategory: duesDefault } : row.fields);
  }
  return members;
}

/** previewRows for a parsed file. */
export function previewImport(p: ParsedFile, mapping: ColumnMapping, existing: ExistingKeys): ImportPreview {
  return previewRows(p.rows, p.headerIndex, p.headers, mapping, existing);
}

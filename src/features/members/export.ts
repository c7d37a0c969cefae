// Register export (.xlsx or .csv) for cấp trên and for Excel users. Headings and values
// are always Vietnamese (the file goes upward, and the importer recognises them, so an
// export imports back unchanged). Dates are dd/mm/yyyy: text in the CSV, real date cells in the
// .xlsx (Excel sorts, filters and counts ages by them); card numbers and phones are
// text (leading zeros kept); any cell starting with = + - @ tab or CR is prefixed with an
// apostrophe (OWASP CSV injection). The xlsx writer loads only when an export is asked for.
import { downloadFile } from '../../lib/download';
import { formatDate } from '../../lib/dates';
import { csvBytes, neutraliseFormula, toCsv } from '../../lib/csv';
import type { MemberFields } from '../../protocol/member';
import vi from '../../i18n/vi/import.json';

export type RegisterFormat = 'xlsx' | 'csv';

type ExportField = Exclude<keyof MemberFields, 'archivedAt' | 'importId'>;

/** Columns in register order, each with its width in the xlsx (characters). */
export const REGISTER_COLUMNS: readonly (readonly [ExportField, number])[] = [
  ['fullName', 24],
  ['dateOfBirth', 12],
  ['gender', 8],
  ['ethnicity', 9],
  ['religion', 10],
  ['hometown', 24],
  ['currentAddress', 36],
  ['phone', 13],
  ['email', 22],
  ['citizenId', 14],
  ['occupation', 16],
  ['educationLevel', 9],
  ['professionalQualification', 16],
  ['politicalTheoryLevel', 14],
  ['admissionDate', 12],
  ['admissionPlace', 26],
  ['cardNumber', 13],
  ['position', 13],
  ['duesCategory', 16],
  ['partyStatus', 10],
  ['partyAdmissionDate', 12],
  ['partyOfficialDate', 12],
  ['status', 15],
  ['subGroup', 16],
  ['notes', 30],
];

const DATE_FIELDS = new Set<ExportField>(['dateOfBirth', 'admissionDate', 'partyAdmissionDate', 'partyOfficialDate']);
const words = vi as Record<string, string>;

function cellFor(m: MemberFields, field: ExportField): string {
  const v = m[field];
  if (v === undefined || v === null || v === '') return '';
  if (DATE_FIELDS.has(field)) return formatDate(String(v));
  switch (field) {
    case 'gender':
    case 'position':
    case 'duesCategory':
    case 'status':
      return words[`val_${String(v)}`] ?? String(v);
    case 'partyStatus':
      return words[`val_party_${String(v)}`] ?? '';
    default:
      return String(v);
  }
}

/**
 * The register as rows of text: the Vietnamese header (STT first), then one row per member
 * in the order given (tombstoned rows skipped), every cell neutralised. Pure.
 */
export function registerRows(members: readonly (MemberFields & { deleted?: boolean })[]): string[][] {
  const header = [words.col_index, ...REGISTER_COLUMNS.map(([f]) => words[`col_${f}`])];
  const rows: string[][] = [header];
  let n = 0;
  for (const m of members) {
    if (m.deleted) continue;
    n++;
    rows.push([String(n), ...REGISTER_COLUMNS.map(([f]) => neutraliseFormula(cellFor(m, f)))]);
  }
  return rows;
}

export interface RegisterFile {
  bytes: Uint8Array;
  fileName: string;
  mimeType: string;
}

/** Builds the file without touching the DOM (tested in node). */
export async function buildRegisterFile(
  members: readonly (MemberFields & { deleted?: boolean })[],
  format: RegisterFormat,
  now = new Date(),
): Promise<RegisterFile> {
  const rows = registerRows(members);
  const stamp = `${String(now.getDate()).padStart(2, '0')}-${String(now.getMonth() + 1).padStart(2, '0')}-${now.getFullYear()}`;
  const fileName = `${words.fileBase}-${stamp}.${format}`;
  if (format === 'csv') return { bytes: csvBytes(toCsv(rows)), fileName, mimeType: 'text/csv;charset=utf-8' };
  const { writeXlsx } = await import('../../lib/xlsx/write');
  // STT as a number so Excel sums and sorts it, dates as date cells (shown dd/mm/yyyy: found in
  // use, text dates sorted by the day first); everything else stays text.
  const dateColumns = new Set(REGISTER_COLUMNS.flatMap(([f], i) => (DATE_FIELDS.has(f) ? [i + 1] : [])));
  const cells = rows.map((r, i) => (i === 0 ? r : r.map((v, c) => (c === 0 ? Number(v) : dateColumns.has(c) ? dateCell(v) : v))));
  const bytes = writeXlsx({
    name: words.sheetName,
    rows: cells,
    headerRows: 1,
    columnWidths: [5, ...REGISTER_COLUMNS.map(([, w]) => w)],
  });
  return { bytes, fileName, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
}

/** "06/09/2003" as an Excel date (1900 system serial; every date here is after 1900-03-01). */
function dateCell(text: string): { serial: number } | string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return m ? { serial: Date.UTC(+m[3], +m[2] - 1, +m[1]) / 86_400_000 + 25_569 } : text;
}

/**
 * Exports the given members (the caller's list, in its order) and starts the download.
 * Call from a button: `await exportRegister(members, 'xlsx')`.
 */
export async function exportRegister(
  members: readonly (MemberFields & { deleted?: boolean })[],
  format: RegisterFormat,
): Promise<void> {
  const file = await buildRegisterFile(members, format);
  downloadFile(file.bytes as BlobPart, file.fileName, file.mimeType);
}


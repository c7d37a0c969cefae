// The first half of an import, without zod and without I/O: file bytes → sheet rows →
// header row and auto mapping → converted rows with the problems found outside the schema.
// Runs in the import worker (import.worker.ts) so reading a 50,000-row file never blocks
// the page, or inline as a fallback. The schema check follows on the page (validate.ts).
import { decodeText, parseCsv } from '../../lib/csv';
import { openXlsx, XlsxError } from '../../lib/xlsx/read';
import type { SheetCell } from '../../lib/xlsx/cells';
import type { ColumnMapping } from './columns';
import { locateHeader } from './header';
import { cellText, isEmptyCell } from './values';
import { convertRows, footerStart, type Converted, type ExistingKeys } from './convert';
import { ImportError } from './errors';
import { MAX_DATA_ROWS } from './limits';

export { ImportError, type ImportErrorCode } from './errors';

export interface ParsedFile {
  fileName: string;
  rows: SheetCell[][];
  headerIndex: number;
  headers: string[];
  mapping: ColumnMapping;
}

/** What the mapping screen needs (no rows: they stay in the worker). */
export interface ParsedSummary {
  fileName: string;
  /** 1-based line of the header row */
  headerLine: number;
  headers: string[];
  mapping: ColumnMapping;
  /** first non-empty value below each header, to help choose the target */
  samples: string[];
  dataRowCount: number;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, magic: number[]) => magic.every((x, i) => b[i] === x);

/** File bytes → the rows of its first sheet that has a header row. Throws ImportError. */
export function parseImportFile(fileName: string, bytes: Uint8Array): ParsedFile {
  if (!bytes.length) throw new ImportError('empty');
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, OLE)) throw new ImportError('oldXls');
  if (startsWith(bytes, ZIP)) return fromSheets(fileName, bytes);
  if (ext === 'xlsx' || ext === 'xlsm') throw new ImportError('notXlsx');
  if (ext === 'xls') throw new ImportError('oldXls');
  if (ext && !['csv', 'txt', 'tsv'].includes(ext)) throw new ImportError('unsupported');
  return fromCsv(fileName, bytes);
}

function fromCsv(fileName: string, bytes: Uint8Array): ParsedFile {
  const text = decodeText(bytes);
  if (text.includes('\u0000')) throw new ImportError('unreadable');
  const rows = parseCsv(text);
  if (rows.length > MAX_DATA_ROWS + 50) throw new ImportError('tooBig');
  return withHeader(fileName, rows);
}

function fromSheets(fileName: string, bytes: Uint8Array): ParsedFile {
  try {
    const book = openXlsx(bytes, { maxRows: MAX_DATA_ROWS + 50 });
    let firstError: ImportError | undefined;
    for (let i = 0; i < book.sheetNames.length; i++) {
      try {
        return withHeader(fileName, book.readSheet(i));
      } catch (e) {
        if (!(e instanceof ImportError)) throw e;
        firstError ??= e;
      }
    }
    throw firstError ?? new ImportError('empty');
  } catch (e) {
    if (e instanceof ImportError) throw e;
    if (e instanceof XlsxError) throw new ImportError(e.code === 'encrypted' ? 'oldXls' : e.code === 'tooManyRows' ? 'tooBig' : 'notXlsx', e);
    throw new ImportError('unreadable', e);
  }
}

function withHeader(fileName: string, rows: SheetCell[][]): ParsedFile {
  if (!rows.some((r) => r.some((c) => !isEmptyCell(c)))) throw new ImportError('empty');
  const { headerIndex, headers, mapping } = locateHeader(rows);
  if (headerIndex < 0) throw new ImportError('noHeader');
  return { fileName, rows, headerIndex, headers, mapping };
}

export function summarize(p: ParsedFile): ParsedSummary {
  const samples = p.headers.map(() => '');
  let dataRowCount = 0;
  const end = footerStart(p.rows, p.headerIndex);
  for (let r = p.headerIndex + 1; r < end; r++) {
    const row = p.rows[r] ?? [];
    if (row.every(isEmptyCell)) continue;
    dataRowCount++;
    if (dataRowCount > 5) continue;
    row.forEach((c, i) => {
      if (i < samples.length && !samples[i] && !isEmptyCell(c)) samples[i] = cellText(c).slice(0, 60);
    });
  }
  if (!dataRowCount) throw new ImportError('empty');
  return { fileName: p.fileName, headerLine: p.headerIndex + 1, headers: p.headers, mapping: p.mapping, samples, dataRowCount };
}

/** Converts every data row with the chosen mapping (the schema check is validate.ts). */
export function convertParsed(p: ParsedFile, mapping: ColumnMapping, existing: ExistingKeys): Converted {
  return convertRows(p.rows, p.headerIndex, p.headers, mapping, existing);
}

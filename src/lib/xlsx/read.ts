// Reads the cells of an .xlsx workbook with fflate (unzip) and a small regex tokenizer:
// shared and inline strings, numbers (kept as numbers, so callers can print card numbers
// and phones without exponent), date-formatted numbers (built-in and simple custom date
// formats, 1900 and 1904 date systems). Formulas give their cached values. No DOM: works in
// a worker and in node tests.
import { unzipSync, strFromU8 } from 'fflate';
import { columnIndex, type SheetCell } from './cells';
import { attr, decodeEntities, decodeOoxmlEscapes, elements, parseAttrs, textRuns } from './xml';

export type XlsxErrorCode = 'notXlsx' | 'encrypted' | 'tooManyRows';

export class XlsxError extends Error {
  constructor(public code: XlsxErrorCode, cause?: unknown) {
    super(`xlsx: ${code}`, { cause });
  }
}

export interface XlsxWorkbook {
  sheetNames: string[];
  /** Rows of the sheet, each an array of cells ('' where empty). Parsed on demand. */
  readSheet(index: number): SheetCell[][];
}

export interface ReadOptions {
  /** Refuse sheets with more rows than this (protects a phone's memory). */
  maxRows?: number;
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
/** Refuse archives that claim to unpack to more than this (zip bombs, absurd sheets). */
const MAX_UNZIPPED_BYTES = 400_000_000;

export function openXlsx(bytes: Uint8Array, options: ReadOptions = {}): XlsxWorkbook {
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) throw new XlsxError('encrypted');
  let files: Record<string, Uint8Array>;
  let declared = 0;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!/\.(xml|rels)$/i.test(f.name) || /^xl\/media\//i.test(f.name)) return false;
        declared += f.originalSize;
        if (declared > MAX_UNZIPPED_BYTES) throw new XlsxError('tooManyRows');
        return true;
      },
    });
  } catch (e) {
    throw e instanceof XlsxError ? e : new XlsxError('notXlsx', e);
  }
  const text = (path: string) => (files[path] ? strFromU8(files[path]) : undefined);
  const workbookPath = officeDocumentPath(text('_rels/.rels')) ?? 'xl/workbook.xml';
  const workbook = text(workbookPath);
  if (!workbook) throw new XlsxError('notXlsx');
  const dir = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const rels = relationships(text(`${dir}_rels/${workbookPath.slice(dir.length)}.rels`), dir);
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;

  const sheets: { name: string; path: string }[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b([^>]*)\/?>/g)) {
    const a = parseAttrs(m[1]);
    const target = rels.get(a.id ?? '')?.target;
    if (target) sheets.push({ name: a.name ?? '', path: target });
  }
  if (!sheets.length && files['xl/worksheets/sheet1.xml']) sheets.push({ name: 'Sheet1', path: 'xl/worksheets/sheet1.xml' });
  if (!sheets.length) throw new XlsxError('notXlsx');

  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904\s*=\s*["'](1|true)["']/.test(workbook);
  let strings: string[] | undefined;
  let dateStyles: boolean[] | undefined;

  return {
    sheetNames: sheets.map((s) => s.name),
    readSheet(index: number): SheetCell[][] {
      const sheet = sheets[index];
      const xml = sheet && text(sheet.path);
      if (xml === undefined) throw new XlsxError('notXlsx');
      strings ??= sharedStrings(text(byType('/sharedStrings') ?? `${dir}sharedStrings.xml`));
      dateStyles ??= dateStyleFlags(text(byType('/styles') ?? `${dir}styles.xml`));
      return sheetRows(xml, strings, dateStyles, date1904, options.maxRows ?? 200_000);
    },
  };
}

/** The first sheet's rows. */
export function readXlsx(bytes: Uint8Array, options?: ReadOptions): SheetCell[][] {
  return openXlsx(bytes, options).readSheet(0);
}

function officeDocumentPath(rels: string | undefined): string | undefined {
  if (!rels) return undefined;
  for (const r of relationships(rels, '').values()) if (r.type.endsWith('/officeDocument')) return r.target;
  return undefined;
}

function relationships(xml: string | undefined, dir: string): Map<string, { type: string; target: string }> {
  const out = new Map<string, { type: string; target: string }>();
  if (!xml) return out;
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*)\/?>/g)) {
    const a = parseAttrs(m[1]);
    if (!a.Id || !a.Target) continue;
    out.set(a.Id, { type: a.Type ?? '', target: resolvePath(dir, a.Target) });
  }
  return out;
}

function resolvePath(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

function sharedStrings(xml: string | undefined): string[] {
  if (!xml) return [];
  const out: string[] = [];
  for (const [, body] of elements(xml, 'si')) out.push(body ? textRuns(body) : '');
  return out;
}

// Built-in number formats that show a date (ECMA-376 18.8.30, plus the East Asian ones).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** For each cell style index (s="n"): does it format a number as a date? */
function dateStyleFlags(xml: string | undefined): boolean[] {
  if (!xml) return [];
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?numFmt\b([^>]*)\/?>/g)) {
    const a = parseAttrs(m[1]);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/.exec(xml)?.[1] ?? '';
  const flags: boolean[] = [];
  for (const m of xfs.matchAll(/<(?:\w+:)?xf\b([^>]*?)\/?>/g)) {
    const id = Number(attr(m[1], 'numFmtId') ?? 0);
    const code = custom.get(id);
    flags.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return flags;
}

/** A custom format is a date when, outside quoted text and [brackets], it has d or y. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[dy]/i.test(bare) && !/^(general|@)$/i.test(bare.trim());
}

const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([\s\S]*?)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/;
const MAX_COLUMNS = 512;

function sheetRows(xml: string, strings: string[], dateStyles: boolean[], date1904: boolean, maxRows: number): SheetCell[][] {
  const rows: SheetCell[][] = [];
  let nextRow = 0;
  for (const [rowAttrs, rowBody] of elements(xml, 'row')) {
    const r = attr(rowAttrs, 'r');
    const rowIndex = r ? Number(r) - 1 : nextRow;
    nextRow = rowIndex + 1;
    if (!rowBody) continue;
    const cells: SheetCell[] = [];
    let nextCol = 0;
    for (const [cellAttrs, cellBody] of elements(rowBody, 'c')) {
      const ref = attr(cellAttrs, 'r');
      const col = ref ? columnIndex(/^[A-Z]+/.exec(ref)?.[0] ?? 'A') : nextCol;
      nextCol = col + 1;
      if (!cellBody || col >= MAX_COLUMNS) continue;
      const value = cellValue(cellAttrs, cellBody, strings, dateStyles, date1904);
      if (value === '') continue;
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    if (!cells.length) continue;
    if (rowIndex >= maxRows) throw new XlsxError('tooManyRows');
    while (rows.length < rowIndex) rows.push([]);
    rows[rowIndex] = cells;
  }
  return rows;
}

function cellValue(attrs: string, body: string, strings: string[], dateStyles: boolean[], date1904: boolean): SheetCell {
  const type = attr(attrs, 't') ?? 'n';
  if (type === 'inlineStr') {
    const is = INLINE.exec(body);
    return is ? textRuns(is[1]) : '';
  }
  const v = VALUE.exec(body)?.[1];
  if (v === undefined) return '';
  switch (type) {
    case 's':
      return strings[Number(v)] ?? '';
    case 'str':
    case 'e':
      return decodeOoxmlEscapes(decodeEntities(v));
    case 'b':
      return v.trim() === '1' ? 'TRUE' : 'FALSE';
    case 'd':
      return decodeEntities(v).slice(0, 10);
    default: {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) return decodeEntities(v);
      const style = Number(attr(attrs, 's') ?? 0);
      if (dateStyles[style]) return { serial: date1904 ? n + 1462 : n };
      return n;
    }
  }
}

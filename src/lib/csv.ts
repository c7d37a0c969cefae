// CSV as Vietnamese offices really produce it: Excel's "CSV UTF-8" (with BOM, `,`), Excel
// on a Vietnamese-locale Windows (`;`, sometimes Windows-1258 instead of UTF-8), Google
// Sheets (no BOM), "Unicode text" (UTF-16, tabs). Pure: no DOM, works in node tests and in
// a worker. Fields follow RFC 4180 (quotes, doubled quotes, newlines inside quotes) and
// are lenient about stray quotes, since a list typed by hand is never perfect.

export type Delimiter = ',' | ';' | '\t';

/** Bytes → text: BOM-aware (UTF-8, UTF-16LE/BE); invalid UTF-8 falls back to Windows-1258. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), false);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return utf8(bytes, true);
  } catch {
    // Windows-1258 writes Vietnamese with combining tone marks: compose them (NFC).
    return decodeLegacy(bytes).normalize('NFC');
  }
}

function utf8(bytes: Uint8Array, fatal: boolean): string {
  return new TextDecoder('utf-8', { fatal }).decode(bytes);
}

function decodeLegacy(bytes: Uint8Array): string {
  try {
    return new TextDecoder('windows-1258').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const CANDIDATES: Delimiter[] = [',', ';', '\t'];

/**
 * Picks the delimiter that splits the first lines most consistently: for each candidate,
 * the most common non-zero count per line (outside quotes) times the lines that have it.
 * Title rows ("DANH SÁCH ĐOÀN VIÊN") and commas inside addresses do not fool it.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = firstLines(text, 40);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const d of CANDIDATES) {
    const freq = new Map<number, number>();
    for (const line of sample) {
      const n = countOutsideQuotes(line, d);
      if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    }
    let score = 0;
    for (const [count, lines] of freq) score = Math.max(score, count * lines);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function firstLines(text: string, n: number): string[] {
  const lines: string[] = [];
  let start = 0;
  let inQuotes = false;
  for (let i = 0; i < text.length && lines.length < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if ((c === 10 || c === 13) && !inQuotes) {
      if (i > start) lines.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (lines.length < n && start < text.length) lines.push(text.slice(start, Math.min(text.length, start + 100_000)));
  return lines;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === d && !inQuotes) n++;
  }
  return n;
}

/**
 * Parses CSV text into rows of fields. Strips a BOM, honours Excel's "sep=;" first line,
 * accepts CRLF, LF and CR line ends. The delimiter is detected when not given.
 */
export function parseCsv(input: string, delimiter?: Delimiter): string[][] {
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep && (CANDIDATES as string[]).includes(sep[1])) {
    delimiter = sep[1] as Delimiter;
    text = text.slice(sep[0].length);
  }
  const d = (delimiter ?? detectDelimiter(text)).charCodeAt(0);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 && field === '') {
      // Quoted field: runs to the next lone quote; "" is a quote.
      i++;
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(start);
          i = n;
          break;
        }
        if (text.charCodeAt(q + 1) === 34) {
          field += text.slice(start, q + 1);
          i = q + 2;
          start = i;
          continue;
        }
        field += text.slice(start, q);
        i = q + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept (lenient).
      continue;
    }
    if (c === d) {
      row.push(field);
      field = '';
      i++;
    } else if (c === 10 || c === 13) {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    } else {
      // Plain run up to the next special character.
      let j = i + 1;
      while (j < n) {
        const x = text.charCodeAt(j);
        if (x === d || x === 10 || x === 13) break;
        j++;
      }
      field += text.slice(i, j);
      i = j;
    }
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * OWASP CSV injection: a cell starting with = + - @ tab or CR can run as a formula when
 * the file is opened in a spreadsheet. Prefix it with an apostrophe so it stays text.
 */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The inverse on import: our own (or Excel's) apostrophe guard in front of = + - @ is dropped. */
export function stripFormulaGuard(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** Rows → CSV text: comma, CRLF, fields quoted when needed. Values are written as given. */
export function toCsv(rows: readonly (readonly string[])[], delimiter: Delimiter = ','): string {
  const special = new RegExp(`["\\r\\n${delimiter === '\t' ? '\\t' : delimiter}]|^\\s|\\s$`);
  return rows
    .map((r) => r.map((v) => (special.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(delimiter))
    .join('\r\n')
    .concat('\r\n');
}

/** UTF-8 bytes with a BOM, so Excel on Windows opens Vietnamese text correctly. */
export function csvBytes(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

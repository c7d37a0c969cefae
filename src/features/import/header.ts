// Where the headings of a real list are: under title rows, sometimes on two rows (a merged
// "Ngày sinh" over "Nam" | "Nữ", "Họ và tên" over "Họ đệm" | "Tên"), sometimes one merged
// "Họ và tên" over two columns (family and given name) with no sub-heading at all. Pure:
// runs in the import worker and in tests.
import type { SheetCell } from '../../lib/xlsx/cells';
import { autoMap, findHeaderRow, genderOfHeading, guessTarget, headerTexts, type ColumnMapping } from './columns';
import { cellText, dateValue, isEmptyCell } from './values';

export interface HeaderFound {
  /** the LAST header row (data starts below it) */
  headerIndex: number;
  headers: string[];
  mapping: ColumnMapping;
}

const NAME_FIELDS = new Set(['fullName', 'familyName', 'givenName']);

/** The header row(s), their texts and the auto mapping; headerIndex -1 when none is found. */
export function locateHeader(rows: SheetCell[][]): HeaderFound {
  const top = findHeaderRow(rows);
  if (top < 0) return { headerIndex: -1, headers: [], mapping: [] };
  let headers = headerTexts(rows, top);
  let headerIndex = top;
  const sub = rows[top + 1];
  if (sub && isSubHeader(headers, sub)) {
    headers = combine(headers, headerTexts(rows, top + 1));
    headerIndex = top + 1;
  }
  const mapping = autoMap(headers);
  splitMergedName(rows, headerIndex, headers, mapping);
  return { headerIndex, headers, mapping };
}

/**
 * A second heading row: only text, no dates or numbers, and nothing that could be a
 * member's name under a name column (a data row always has one).
 */
function isSubHeader(headers: string[], row: SheetCell[]): boolean {
  let headingLike = false;
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (isEmptyCell(c)) continue;
    if (typeof c !== 'string' || /^\(?\d+\)?$/.test(c.trim()) || (dateValue(c) && !('bad' in dateValue(c)!))) return false;
    const known = !!guessTarget(c) || !!genderOfHeading(c);
    const above = guessTarget(headers[i] ?? '');
    if (above && NAME_FIELDS.has(above) && !known) return false;
    // A group row ("I. Tổ 1" under STT) is not a heading: one cell must name a field or sit
    // under a merged heading's empty continuation.
    if (known || !headers[i]) headingLike = true;
  }
  return headingLike;
}

/** Each column's heading from both rows; a merged heading's text sits only in its first cell. */
function combine(top: string[], sub: string[]): string[] {
  return top.map((_, i) => {
    const s = sub[i] ?? '';
    let j = i;
    while (!top[j] && j > 0 && sub[j]) j--;
    const parent = s && sub[j] ? top[j] : top[i];
    if (!s) return parent;
    if (!parent) return s;
    const g = guessTarget(parent);
    if (genderOfHeading(s)) return g === 'dateOfBirth' || g === 'dateOfBirthMale' || g === 'dateOfBirthFemale' ? `${parent} (${s})` : s;
    return guessTarget(s) ? s : `${parent} ${s}`;
  });
}

/**
 * "Họ và tên" merged over two columns with nothing above the second: the first holds the
 * family and middle names, the second the given name, in most rows. Read as split names.
 */
function splitMergedName(rows: SheetCell[][], headerIndex: number, headers: string[], mapping: ColumnMapping): void {
  const i = mapping.indexOf('fullName');
  if (i < 0 || headers[i + 1] || mapping[i + 1] !== 'ignore' || mapping.includes('givenName')) return;
  let both = 0;
  let data = 0;
  for (let r = headerIndex + 1; r < Math.min(rows.length, headerIndex + 60); r++) {
    const row = rows[r] ?? [];
    if (row.every(isEmptyCell)) continue;
    data++;
    const a = row[i];
    const b = row[i + 1];
    if (typeof a === 'string' && typeof b === 'string' && /^\p{L}+$/u.test(cellText(b)) && cellText(a)) both++;
  }
  if (data && both * 2 > data) {
    mapping[i] = 'familyName';
    mapping[i + 1] = 'givenName';
  }
}

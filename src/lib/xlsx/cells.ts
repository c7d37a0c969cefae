// Cell values shared by the .xlsx reader and writer, and the A1-reference helpers.
// Pure: works in the browser, a worker and node tests.

/** A date the spreadsheet stored as a number with a date format (1900 system serial). */
export interface SheetDate {
  serial: number;
}

/** What a read cell holds: text, a plain number, or a date-formatted number. Empty is ''. */
export type SheetCell = string | number | SheetDate;

/** What the writer accepts: text (written as inline string), a number, a date serial, or empty. */
export type WriteCell = string | number | SheetDate | null | undefined;

export function isSheetDate(v: unknown): v is SheetDate {
  return typeof v === 'object' && v !== null && typeof (v as SheetDate).serial === 'number';
}

/** "A" → 0, "Z" → 25, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

/** 0 → "A", 26 → "AA". */
export function columnLetters(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * A number as the text a person typed, never in exponent form: 84912345678 stays
 * "84912345678", 1.5 stays "1.5". Card numbers and phones typed as numbers in Excel come
 * through here (their leading zeros are already gone; callers restore what they can).
 */
export function numberToText(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? BigInt(n).toString() : String(n);
  // Floating noise from Excel (0.30000000000000004) is rounded to 15 significant digits.
  const s = Number(n.toPrecision(15)).toString();
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

// Turns one spreadsheet cell into a member field value: text without exponent or lost
// leading zeros where they can be restored, dates from text or Excel serials, and the
// Vietnamese words lists use for gender, position, Party membership, dues and status.
// Pure: runs in the import worker and in tests.
import { excelSerialToIso, parseDateText } from '../../lib/dates';
import { fold } from '../../lib/fold';
import { stripFormulaGuard } from '../../lib/csv';
import { isSheetDate, numberToText, type SheetCell } from '../../lib/xlsx/cells';
import type { MemberFields } from '../../protocol/member';
import vi from '../../i18n/vi/import.json';

/** A cell as text: NFC, trimmed, non-breaking spaces made plain, our formula guard removed. */
export function cellText(c: SheetCell): string {
  if (typeof c === 'number') return numberToText(c);
  if (isSheetDate(c)) {
    const iso = excelSerialToIso(c.serial);
    return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : numberToText(c.serial);
  }
  let s = c.indexOf('\u00a0') >= 0 ? c.replace(/\u00a0/g, ' ').trim() : c.trim();
  // Text typed on macOS or with old VNI tools can be decomposed (NFD): store it composed.
  if (COMBINING.test(s)) s = s.normalize('NFC');
  return s.charCodeAt(0) === 39 ? stripFormulaGuard(s) : s;
}

const COMBINING = /[\u0300-\u036f]/;

export function isEmptyCell(c: SheetCell | undefined): boolean {
  return c === undefined || (typeof c === 'string' && c.trim() === '');
}

export type DateResult = { iso: string } | { bad: string } | null;

/**
 * A date cell: dd/mm/yyyy, d/m/yy, yyyy-mm-dd (an optional time is dropped), or an Excel
 * serial (date-formatted or plain number). A bare year (1998) is not a date.
 */
export function dateValue(c: SheetCell): DateResult {
  if (isSheetDate(c)) return serialDate(c.serial, numberToText(c.serial));
  if (typeof c === 'number') return serialDate(c, numberToText(c));
  const s = cellText(c);
  if (!s) return null;
  const datePart = s.replace(/[ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?( ?[AP]M)?Z?$/i, '');
  const iso = parseDateText(datePart);
  if (iso) return { iso };
  if (/^\d{5}(\.\d+)?$/.test(s)) return serialDate(Number(s), s);
  return { bad: s };
}

function serialDate(n: number, shown: string): DateResult {
  // Below 10000 is a year or a count, never a member's date (serial 10000 = 1927).
  const iso = n >= 10000 ? excelSerialToIso(Math.floor(n)) : null;
  return iso ? { iso } : { bad: shown };
}

/**
 * Phone as typed; a number that lost its leading 0 in Excel (912345678, 2838123456) gets it
 * back: Vietnamese mobiles are 0 + 9 digits starting 3/5/7/8/9, landlines 0 + 2 + 9 digits.
 */
export function phoneValue(c: SheetCell): string {
  const s = cellText(c);
  const digits = s.replace(/[ .-]/g, '');
  if (/^[35789]\d{8}$/.test(digits) || /^2\d{9}$/.test(digits)) return `0${s}`;
  return s;
}

/** CCCD has 12 digits and CMND 9, both may start with 0: restore zeros a number cell lost. */
export function citizenIdValue(c: SheetCell): string {
  if (typeof c === 'number') {
    const s = numberToText(c);
    if (s.length === 11) return `0${s}`;
    if (s.length === 8) return `0${s}`;
    return s;
  }
  return cellText(c).replace(/[ .]/g, '');
}

/**
 * "Trình độ học vấn" 12/12 typed in Excel often becomes a date (12 December): give the
 * day/month back as the grade.
 */
export function educationValue(c: SheetCell): string {
  if (isSheetDate(c)) {
    const iso = excelSerialToIso(c.serial);
    if (iso) return `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}`;
  }
  return cellText(c);
}

const key = (s: string) => fold(s).replace(/[^a-z0-9/✓✔]+/g, ' ').trim();
const label = (k: string) => key((vi as Record<string, string>)[k] ?? '');

function table<T extends string>(entries: [T, string[]][]): Map<string, T> {
  const m = new Map<string, T>();
  for (const [value, words] of entries) for (const w of words) if (w) m.set(key(w), value);
  return m;
}

const GENDER = table<NonNullable<MemberFields['gender']>>([
  ['male', [label('val_male'), 'nam', 'm', 'male', 'trai']],
  ['female', [label('val_female'), 'nu', 'f', 'female', 'gai']],
  ['other', [label('val_other'), 'khac', 'other']],
]);

/** undefined for empty, null when the word is not a gender. */
export function genderValue(c: SheetCell): MemberFields['gender'] | null {
  const text = cellText(c);
  if (!text) return undefined;
  return GENDER.get(key(text)) ?? null;
}

const MARKS = new Set(['x', '✓', '✔', 'v', '1', 'co', 'yes', 'true']);

/**
 * A cell of a "Nữ" (mark = 'female') or "Nam" column: x, ✓, 1 → that gender; a gender word
 * ("Nữ", "Nam") means itself; anything else is null. Empty cells mean the other gender
 * (convert.ts decides that, since empty cells never reach here).
 */
export function markerGender(c: SheetCell, mark: 'male' | 'female'): MemberFields['gender'] | null {
  const word = genderValue(c);
  if (word) return word;
  return MARKS.has(key(cellText(c))) ? mark : null;
}

const POSITION = table<MemberFields['position']>([
  ['secretary', [label('val_secretary'), 'bi thu', 'bt', 'bi thu chi doan', 'secretary']],
  ['deputySecretary', [label('val_deputySecretary'), 'pho bi thu', 'pbt', 'pho bi thu chi doan', 'deputy secretary']],
  ['committeeMember', [label('val_committeeMember'), 'uy vien bch', 'uy vien ban chap hanh', 'uv bch', 'uvbch', 'uy vien', 'bch']],
]);

/** Bí thư / Phó Bí thư / Ủy viên BCH; anything else is an ordinary member. */
export function positionValue(c: SheetCell): MemberFields['position'] {
  const k = key(cellText(c));
  const exact = POSITION.get(k);
  if (exact) return exact;
  if (k.startsWith('pho bi thu')) return 'deputySecretary';
  if (k.startsWith('bi thu')) return 'secretary';
  if (k.startsWith('uy vien')) return 'committeeMember';
  return 'member';
}

const PARTY = table<MemberFields['partyStatus']>([
  ['full', [label('val_party_full'), 'x', 'co', '✓', '✔', 'v', 'yes', 'true', '1', 'dang vien', 'chinh thuc', 'dang vien chinh thuc', 'dv']],
  ['probationary', [label('val_party_probationary'), 'du bi', 'dang vien du bi']],
  ['candidate', [label('val_party_candidate'), 'doi tuong', 'doi tuong dang', 'doi tuong ket nap dang', 'cam tinh dang']],
]);

/** x / có / ✓ → a full Party member; "dự bị" → probationary; anything else → none. */
export function partyValue(c: SheetCell): MemberFields['partyStatus'] {
  return PARTY.get(key(cellText(c))) ?? 'none';
}

// Also the words of the member form ("Chưa có lương"), what lists write for pupils and
// students, who pay the unsalaried rate, and for staff and workers, who pay the salaried one
// (found in use: a company's list wrote "CB-CNV" in its dues column).
const DUES = table<MemberFields['duesCategory']>([
  ['salaried', [label('val_salaried'), 'co luong', 'huong luong', 'salaried', 'cb cnv', 'cbcnv', 'cb cnv vc', 'cbcnvc', 'cb cc', 'cbcc', 'can bo', 'cong nhan', 'cong nhan vien', 'can bo cong nhan vien', 'nhan vien', 'cong chuc', 'vien chuc', 'giao vien']],
  ['unsalaried', [label('val_unsalaried'), 'khong luong', 'khong huong luong', 'chua co luong', 'khong co luong', 'hoc sinh', 'sinh vien', 'hoc sinh sinh vien', 'hs/sv', 'hs', 'sv', 'unsalaried']],
]);

export function duesValue(c: SheetCell): MemberFields['duesCategory'] | undefined {
  return DUES.get(key(cellText(c)));
}

const STATUS = table<MemberFields['status']>([
  ['active', [label('val_active'), 'sinh hoat', 'dang sinh hoat', 'active']],
  ['temporary', [label('val_temporary'), 'tam thoi', 'sinh hoat tam thoi', 'temporary']],
  ['transferred_out', [label('val_transferred_out'), 'chuyen di', 'da chuyen', 'chuyen sinh hoat']],
  ['graduated', [label('val_graduated'), 'truong thanh', 'da truong thanh']],
  ['struck_off', [label('val_struck_off'), 'xoa ten', 'bi xoa ten']],
  ['expelled', [label('val_expelled'), 'khai tru', 'da khai tru']],
]);

export function statusValue(c: SheetCell): MemberFields['status'] | undefined {
  return STATUS.get(key(cellText(c)));
}

// Which member field each column of an Excel/CSV list holds, guessed from its heading.
// Headings are matched on folded text (case, diacritics and đ ignored) against the
// headings Vietnamese branch lists commonly use, plus the app's own export headings (so an
// exported register always imports back). Pure: runs in the import worker and in tests.
import { fold } from '../../lib/fold';
import type { SheetCell } from '../../lib/xlsx/cells';
import vi from '../../i18n/vi/import.json';
import { cellText } from './values';

export const IMPORT_FIELDS = [
  'fullName',
  'familyName',
  'givenName',
  'dateOfBirth',
  'dateOfBirthMale',
  'dateOfBirthFemale',
  'gender',
  'ethnicity',
  'religion',
  'hometown',
  'currentAddress',
  'phone',
  'email',
  'citizenId',
  'occupation',
  'educationLevel',
  'professionalQualification',
  'politicalTheoryLevel',
  'admissionDate',
  'admissionPlace',
  'cardNumber',
  'position',
  'duesCategory',
  'partyStatus',
  'partyAdmissionDate',
  'partyOfficialDate',
  'status',
  'subGroup',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** What a source column is imported as; 'ignore' leaves it out ("Bỏ qua"). */
export type ColumnTarget = ImportField | 'ignore';
/** One target per source column, by column index. */
export type ColumnMapping = ColumnTarget[];

export const DATE_FIELDS = new Set<ImportField>(['dateOfBirth', 'dateOfBirthMale', 'dateOfBirthFemale', 'admissionDate', 'partyAdmissionDate', 'partyOfficialDate']);

// Folded headings seen in real lists. The export headings (vi/import.json col_*) are added below.
const SYNONYMS: Record<ImportField, string[]> = {
  fullName: ['ho va ten', 'ho ten', 'ho va ten doan vien', 'ten doan vien', 'ho ten doan vien', 'full name', 'name'],
  familyName: ['ho', 'ho dem', 'ho va dem', 'ho lot', 'ho va ten dem', 'ho va chu lot'],
  givenName: ['ten'],
  dateOfBirth: ['ngay sinh', 'ns', 'ngay thang nam sinh', 'sinh ngay', 'nam sinh', 'ngay/thang/nam sinh', 'date of birth', 'dob', 'birthday'],
  // Forms write the birth date under "Nam" or "Nữ" (two columns below a merged "Ngày sinh"):
  // found from the heading's last word (genderOfHeading), never from a synonym.
  dateOfBirthMale: [],
  dateOfBirthFemale: [],
  // A lone "Nữ" (or "Nam") column holds a mark (x) per row: see markerGender in values.ts.
  gender: ['nu', 'nam', 'gioi tinh', 'nam/nu', 'nu/nam', 'gioi', 'phai', 'gender', 'sex'],
  ethnicity: ['dan toc', 'ethnicity'],
  religion: ['ton giao', 'religion'],
  hometown: ['que quan', 'nguyen quan', 'hometown'],
  currentAddress: ['noi o hien nay', 'dia chi', 'cho o', 'cho o hien nay', 'noi o', 'noi cu tru', 'dia chi thuong tru', 'thuong tru', 'dia chi lien he', 'address'],
  phone: ['so dien thoai', 'sdt', 'dien thoai', 'so dt', 'dien thoai lien he', 'phone'],
  email: ['email', 'e mail', 'thu dien tu'],
  citizenId: ['cccd', 'so cccd', 'cmnd', 'so cmnd', 'cccd/cmnd', 'so cccd/cmnd', 'so dinh danh', 'so dinh danh ca nhan', 'can cuoc cong dan', 'so can cuoc'],
  occupation: ['nghe nghiep', 'cong viec', 'nghe nghiep hien nay', 'occupation'],
  educationLevel: ['trinh do hoc van', 'hoc van', 'van hoa', 'trinh do van hoa', 'tdvh', 'trinh do giao duc pho thong', 'giao duc pho thong'],
  professionalQualification: ['chuyen mon', 'trinh do chuyen mon', 'tdcm', 'chuyen mon nghiep vu', 'trinh do chuyen mon nghiep vu'],
  politicalTheoryLevel: ['ly luan chinh tri', 'trinh do ly luan chinh tri', 'llct', 'trinh do llct'],
  admissionDate: ['ngay vao doan', 'ngay ket nap', 'ngay ket nap doan', 'ngay thang nam vao doan', 'ngay vao doan tncs', 'nam vao doan', 'nam ket nap'],
  admissionPlace: ['noi ket nap', 'noi vao doan', 'noi ket nap doan'],
  cardNumber: ['so the doan', 'so the', 'so the doan vien', 'the doan', 'ma doan vien', 'ma so doan vien'],
  position: ['chuc vu', 'chuc vu doan', 'chuc danh', 'chuc vu trong doan'],
  duesCategory: ['loai doan phi', 'doi tuong dong doan phi'],
  partyStatus: ['dang vien', 'la dang vien'],
  partyAdmissionDate: ['ngay vao dang', 'ngay ket nap dang'],
  partyOfficialDate: ['ngay chinh thuc', 'ngay dang vien chinh thuc', 'ngay chuyen chinh thuc'],
  status: ['tinh trang', 'trang thai', 'tinh trang sinh hoat'],
  subGroup: ['chi doan', 'to', 'lop', 'to doan', 'chi doan truc thuoc', 'bo phan', 'phan doan'],
  notes: ['ghi chu', 'note', 'notes'],
};
const IGNORED = new Set(['stt', 'tt', 'so tt', 'so thu tu']);

/** Folded heading: diacritics, case, parenthesised hints and punctuation removed. */
export function normalizeHeading(h: string): string {
  return fold(h)
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9/]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .trim();
}

const EXACT = new Map<string, ImportField>();
const PREFIXES: [string, ImportField][] = [];
for (const field of IMPORT_FIELDS) {
  // The two birth-date-by-gender targets share "Ngày sinh": guessTarget tells them apart.
  const label = SYNONYMS[field].length ? (vi as Record<string, string>)[`col_${field}`] : undefined;
  for (const s of [...(label ? [normalizeHeading(label)] : []), ...SYNONYMS[field]]) {
    if (!EXACT.has(s)) EXACT.set(s, field);
    if (s.length >= 4) PREFIXES.push([s, field]);
  }
}
// Longest first, so "ngay ket nap dang…" wins over "ngay ket nap…".
PREFIXES.sort((a, b) => b[0].length - a[0].length);

/**
 * The field a heading names, 'ignore' for STT, undefined when unknown. Exact match first,
 * then a known heading followed by more words ("Họ và tên đoàn viên", "Số CCCD/CMND").
 */
export function guessTarget(heading: string): ColumnTarget | undefined {
  const h = normalizeHeading(heading);
  if (!h) return undefined;
  if (IGNORED.has(h)) return 'ignore';
  // "Năm" (year) folds to "nam" too: only the word without the breve is "Nam" (male).
  if (h === 'nam' && /ă/i.test(heading)) return undefined;
  let field = EXACT.get(h);
  if (!field) for (const [s, f] of PREFIXES) if (h.startsWith(s) && /[ /]/.test(h[s.length] ?? '')) { field = f; break; }
  if (field === 'dateOfBirth') {
    const g = genderOfHeading(heading);
    if (g) return g === 'female' ? 'dateOfBirthFemale' : 'dateOfBirthMale';
  }
  return field;
}

/**
 * The gender a heading ends with: "Nữ", "Ngày sinh (Nữ)" → female; "Nam", "Ngày sinh Nam" →
 * male; anything else (including "Năm", "Nam/Nữ", "Giới tính") → undefined.
 */
export function genderOfHeading(heading: string): 'male' | 'female' | undefined {
  const h = heading.normalize('NFC').toLowerCase();
  // "Nữ (đánh x)": the words outside the brackets first; "Ngày sinh (Nữ)": then inside them.
  return lastWordGender(h.replace(/\([^)]*\)/g, ' ')) ?? lastWordGender(h.replace(/[()[\]]/g, ' '));
}

function lastWordGender(h: string): 'male' | 'female' | undefined {
  const last = h.replace(/[:.*]/g, ' ').trim().split(/\s+/).pop();
  return last === 'nữ' || last === 'nu' ? 'female' : last === 'nam' ? 'male' : undefined;
}

/** Auto mapping: each heading's guess; a field claimed twice keeps its first column. */
export function autoMap(headers: string[]): ColumnMapping {
  const used = new Set<ColumnTarget>();
  return headers.map((h) => {
    const g = guessTarget(h);
    if (!g || g === 'ignore' || used.has(g)) return 'ignore';
    used.add(g);
    return g;
  });
}

export function hasNameColumn(mapping: ColumnMapping): boolean {
  return mapping.includes('fullName') || mapping.includes('givenName');
}

/**
 * The header row: the first of the top rows whose cells name at least two known fields,
 * one of them the name. Title rows ("DANH SÁCH ĐOÀN VIÊN…") and blank rows above it are skipped.
 */
export function findHeaderRow(rows: SheetCell[][], scan = 50): number {
  for (let r = 0; r < Math.min(rows.length, scan); r++) {
    const row = rows[r];
    if (!row || row.length < 2) continue;
    const fields = new Set<ColumnTarget>();
    for (const c of row) {
      const g = typeof c === 'string' ? guessTarget(c) : undefined;
      if (g && g !== 'ignore') fields.add(g);
    }
    if (fields.size >= 2 && (fields.has('fullName') || fields.has('givenName'))) return r;
  }
  return -1;
}

/** The header cells as text, one per column up to the widest of header and data. */
export function headerTexts(rows: SheetCell[][], headerIndex: number): string[] {
  let width = 0;
  for (let r = headerIndex; r < rows.length; r++) width = Math.max(width, rows[r]?.length ?? 0);
  const header = rows[headerIndex] ?? [];
  return Array.from({ length: width }, (_, i) => cellText(header[i] ?? '').replace(/\s+/g, ' '));
}

export type MappingIssue =
  | { kind: 'needsName' }
  | { kind: 'duplicate'; field: ImportField; first: number; second: number };

/** What stops the secretary from going on: no name column, or one field chosen for two columns. */
export function checkMapping(mapping: ColumnMapping): MappingIssue | null {
  const seen = new Map<ImportField, number>();
  for (let i = 0; i < mapping.length; i++) {
    const t = mapping[i];
    if (t === 'ignore') continue;
    const first = seen.get(t);
    if (first !== undefined) return { kind: 'duplicate', field: t, first, second: i };
    seen.set(t, i);
  }
  return hasNameColumn(mapping) ? null : { kind: 'needsName' };
}

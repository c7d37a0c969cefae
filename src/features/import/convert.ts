// Turns each data row into a member candidate and finds what is wrong with it that the
// schema cannot know: missing name, impossible dates, unknown gender, duplicate card
// numbers and same name + birth date (within the file and against the register).
// No zod here: this runs in the import worker, which stays small (the schema check runs
// on the page, validate.ts). One pass with hash lookups: O(n).
import { admissionAgeOutside, isActiveOver30, todayIso } from '../../lib/dates';
import { fold } from '../../lib/fold';
import type { SheetCell } from '../../lib/xlsx/cells';
import { DATE_FIELDS, genderOfHeading, type ColumnMapping, type ImportField } from './columns';
import {
  cellText,
  citizenIdValue,
  dateValue,
  duesValue,
  educationValue,
  genderValue,
  isEmptyCell,
  markerGender,
  partyValue,
  phoneValue,
  positionValue,
  statusValue,
} from './values';

export type ProblemCode =
  | 'missingName'
  | 'badDate'
  | 'birthInFuture'
  | 'badGender'
  | 'dupCardFile'
  | 'dupCardRegister'
  | 'dupPersonFile'
  | 'dupPersonRegister'
  | 'admissionAge'
  | 'over30'
  | 'yearOnly'
  | 'badDues'
  | 'field';

export interface Problem {
  code: ProblemCode;
  /** the source column's heading */
  column?: string;
  value?: string;
  /** the other line of a duplicate */
  line?: number;
  /** for 'field': the schema's i18n key (err.phone, err.email, …) */
  message?: string;
}

/** A row before the schema check: the converted field values and the problems found so far. */
export interface ConvertedRow {
  /** 1-based line in the sheet, as the secretary sees it in Excel */
  line: number;
  name: string;
  input: Record<string, unknown>;
  problems: Problem[];
}

/** The rows of a file, converted, and where its signature footer starts (if any). */
export interface Converted {
  rows: ConvertedRow[];
  footer?: { line: number; text: string };
}

/** What the register already holds, as comparison keys (see cardKey, personKey). */
export interface ExistingKeys {
  cardNumbers: string[];
  people: string[];
}

export function cardKey(cardNumber: string): string {
  return cardNumber.replace(/[\s.-]+/g, '').toUpperCase();
}

/**
 * Same person = same name (case and spacing ignored, diacritics NOT: "Lan" and "Lân" are
 * different names) and same birth date.
 */
export function personKey(fullName: string, dateOfBirth: string): string {
  return `${fullName.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim()}|${dateOfBirth}`;
}

/** Source heading of each mapped field (first column wins), for messages. */
export function columnNames(headers: string[], mapping: ColumnMapping): Map<ImportField, string> {
  const out = new Map<ImportField, string>();
  mapping.forEach((t, i) => t !== 'ignore' && !out.has(t) && out.set(t, headers[i] || `#${i + 1}`));
  return out;
}

/** How gender is read when no column says it in words, for the preview to state in words. */
export type GenderRule =
  | { kind: 'mark'; column: string; gender: 'male' | 'female' }
  | { kind: 'birthColumns'; male: string; female: string };

export function genderRules(headers: string[], mapping: ColumnMapping): GenderRule[] {
  const columns = columnNames(headers, mapping);
  const rules: GenderRule[] = [];
  const male = columns.get('dateOfBirthMale');
  const female = columns.get('dateOfBirthFemale');
  if (male || female) rules.push({ kind: 'birthColumns', male: male ?? '', female: female ?? '' });
  const g = columns.get('gender');
  const mark = g && genderOfHeading(g);
  if (g && mark) rules.push({ kind: 'mark', column: g, gender: mark });
  return rules;
}

export function convertRows(
  sheet: SheetCell[][],
  headerIndex: number,
  headers: string[],
  mapping: ColumnMapping,
  existing: ExistingKeys,
  today = todayIso(),
): Converted {
  const registerCards = new Set(existing.cardNumbers);
  const registerPeople = new Set(existing.people);
  const fileCards = new Map<string, number>();
  const filePeople = new Map<string, number>();
  const cardColumn = columnNames(headers, mapping).get('cardNumber');
  const rows: ConvertedRow[] = [];
  const end = footerStart(sheet, headerIndex);
  for (let r = headerIndex + 1; r < end; r++) {
    const cells = sheet[r] ?? [];
    if (cells.every(isEmptyCell)) continue;
    if (r === headerIndex + 1 && isColumnNumberRow(cells)) continue;
    const row = convertRow(cells, r + 1, mapping, headers, today);
    const card = row.input.cardNumber as string | undefined;
    if (card) {
      const k = cardKey(card);
      const first = fileCards.get(k);
      if (registerCards.has(k)) row.problems.push({ code: 'dupCardRegister', column: cardColumn, value: card });
      else if (first !== undefined) row.problems.push({ code: 'dupCardFile', value: card, line: first });
      else fileCards.set(k, row.line);
    }
    const dob = row.input.dateOfBirth as string | undefined;
    if (row.name && dob) {
      const k = personKey(row.name, dob);
      const first = filePeople.get(k);
      if (registerPeople.has(k)) row.problems.push({ code: 'dupPersonRegister' });
      else if (first !== undefined) row.problems.push({ code: 'dupPersonFile', line: first });
      else filePeople.set(k, row.line);
    }
    rows.push(row);
  }
  if (end >= sheet.length) return { rows };
  const text = (sheet[end] ?? []).map(cellText).filter(Boolean).join(' ');
  return { rows, footer: { line: end + 1, text } };
}

// Lists end with a signature block: "Người lập biểu", "TM. BAN CHẤP HÀNH", "BÍ THƯ",
// "Phường 7, ngày 20 tháng 3 năm 2025", "Tổng cộng: 42", then the signer's name. None of
// it is a member: reading stops at the first such line (a row with at most two cells).
// Folded, at the start of a row of one or two cells (a bracket before it too): "(Ký và ghi rõ
// họ tên)", "Bí thư chi đoàn", "Danh sách gồm 40 đoàn viên" were read as members (found in use).
// "Bí thư" alone or with a unit's word only: "Bì Thu Hà" is a name.
const FOOTER = /^\(?\s*(nguoi lap|xac nhan|t\/?m\b|thay mat|tong cong|tong so|ky ten|ky,? (va )?ghi ro|(pho )?bi thu( (chi doan|doan|chi bo)\b.*)?$|danh sach (nay )?(co|gom)\b|.*\bngay\b.*\bthang\b.*\bnam\b)/;

/** Index of the first footer row below the data, or sheet.length when there is none. */
export function footerStart(sheet: SheetCell[][], headerIndex: number): number {
  for (let r = headerIndex + 1; r < sheet.length; r++) {
    const filled = (sheet[r] ?? []).filter((c) => !isEmptyCell(c));
    if (!filled.length) continue;
    // before any data too: a list whose header is followed by "Người lập biểu" has no member
    if (filled.length <= 2 && filled.some((c) => typeof c === 'string' && FOOTER.test(foldText(c)))) return r;
  }
  return sheet.length;
}

function foldText(s: string): string {
  return fold(s).replace(/[.:]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Official forms put a "(1) (2) (3)…" column-number row under the header. */
function isColumnNumberRow(cells: SheetCell[]): boolean {
  const filled = cells.filter((c) => !isEmptyCell(c));
  return filled.length >= 3 && filled.every((c) => /^\(?\d{1,2}\)?$/.test(cellText(c)));
}

function convertRow(cells: SheetCell[], line: number, mapping: ColumnMapping, headers: string[], today: string): ConvertedRow {
  const problems: Problem[] = [];
  const input: Record<string, unknown> = {};
  const seen = new Set<ImportField>();
  let familyName = '';
  let givenName = '';
  const yearNotes: string[] = [];
  for (let i = 0; i < mapping.length; i++) {
    const target = mapping[i];
    const c = cells[i];
    if (target === 'ignore' || c === undefined || isEmptyCell(c) || seen.has(target)) continue;
    seen.add(target);
    const column = headers[i] || `#${i + 1}`;
    if (DATE_FIELDS.has(target)) {
      const byGender = BIRTH_BY_GENDER[target];
      if (byGender) {
        // The first filled of the two columns gives both the date and the gender.
        if (seen.has('dateOfBirth')) continue;
        seen.add('dateOfBirth');
        input.gender ??= byGender;
      }
      const field = byGender ? 'dateOfBirth' : target;
      // Many lists give only the year ("Năm sinh", "Năm vào Đoàn"): not a date, but not to be
      // lost or to refuse the row over (found in use): kept in the notes, said on the row.
      const year = bareYear(c, today);
      if (year) {
        yearNotes.push(`${column}: ${year}`);
        problems.push({ code: 'yearOnly', column, value: year });
        continue;
      }
      const d = dateValue(c);
      if (d && 'bad' in d) problems.push({ code: 'badDate', column, value: d.bad });
      else if (d && field === 'dateOfBirth' && d.iso > today) problems.push({ code: 'birthInFuture', column, value: cellText(c) });
      else if (d) input[field] = d.iso;
      continue;
    }
    switch (target) {
      case 'familyName':
        familyName = oneLine(cellText(c));
        break;
      case 'givenName':
        givenName = oneLine(cellText(c));
        break;
      case 'gender': {
        const mark = genderOfHeading(column);
        const g = mark ? markerGender(c, mark) : genderValue(c);
        if (g === null) problems.push({ code: 'badGender', column, value: cellText(c) });
        else input.gender = g;
        break;
      }
      case 'position':
        input.position = positionValue(c);
        break;
      case 'partyStatus':
        input.partyStatus = partyValue(c);
        break;
      case 'duesCategory': {
        // A word the list uses that we cannot read is said on the row; the row then takes the
        // category the secretary chooses for the list (PreviewStep), never one silently.
        const d = duesValue(c);
        if (d) input.duesCategory = d;
        else problems.push({ code: 'badDues', column, value: cellText(c) });
        break;
      }
      case 'status':
        input.status = statusValue(c);
        break;
      case 'phone':
        input.phone = phoneValue(c);
        break;
      case 'citizenId':
        input.citizenId = citizenIdValue(c);
        break;
      case 'educationLevel':
        input.educationLevel = educationValue(c);
        break;
      case 'notes':
        input.notes = cellText(c);
        break;
      default:
        input[target] = oneLine(cellText(c));
    }
  }
  // An empty cell of a "Nữ" column means Nam (and the converse).
  const markColumn = mapping.indexOf('gender');
  const mark = markColumn >= 0 && !seen.has('gender') ? genderOfHeading(headers[markColumn] ?? '') : undefined;
  if (mark && !input.gender) input.gender = mark === 'female' ? 'male' : 'female';
  if (!input.fullName && (familyName || givenName)) input.fullName = [familyName, givenName].filter(Boolean).join(' ');
  if (yearNotes.length) input.notes = [input.notes, ...yearNotes].filter(Boolean).join('; ');
  for (const k in input) if (input[k] === undefined || input[k] === '') delete input[k];
  const name = (input.fullName as string | undefined) ?? '';
  if (!name) problems.push({ code: 'missingName' });
  // History as the old register kept it: imported as it is, with a note (age rules in lib/dates).
  const dob = input.dateOfBirth as string | undefined;
  const age = admissionAgeOutside(dob, input.admissionDate as string | undefined);
  if (age !== undefined) problems.push({ code: 'admissionAge', value: String(age) });
  if (isActiveOver30({ status: (input.status as string | undefined) ?? 'active', dateOfBirth: dob }, today)) problems.push({ code: 'over30' });
  return { line, name, input, problems };
}

const BIRTH_BY_GENDER: Partial<Record<ImportField, 'male' | 'female'>> = { dateOfBirthMale: 'male', dateOfBirthFemale: 'female' };

/** A cell holding a year alone (1999, "1999"), from 1900 to this year: its text, else undefined. */
function bareYear(c: SheetCell, today: string): string | undefined {
  const s = typeof c === 'number' ? String(c) : typeof c === 'string' ? c.trim() : '';
  return /^(19|20)\d\d$/.test(s) && s <= today.slice(0, 4) ? s : undefined;
}

function oneLine(s: string): string {
  return /\s\s|[\t\r\n]/.test(s) ? s.replace(/\s+/g, ' ') : s;
}

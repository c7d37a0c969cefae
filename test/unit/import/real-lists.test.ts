// Lists shaped like the ones secretaries really have (issue 8): title rows above the header,
// a header on two rows with merged cells ("Ngày sinh" over "Nam" | "Nữ"), split name
// columns, Excel serial dates, a "Nữ" column of x marks, Windows-1258 CSV with ";",
// someone admitted at 15, someone still active past 30. Each test imports the file for
// real and checks what is STORED, not just the preview.
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { importMembers, loadExistingKeys } from '../../../src/features/import/import-repo';
import { parseImportFile, summarize } from '../../../src/features/import/pipeline';
import { previewImport, type ImportPreview } from '../../../src/features/import/validate';
import type { ColumnMapping } from '../../../src/features/import/columns';
import { writeXlsx } from '../../../src/lib/xlsx/write';
import type { WriteCell } from '../../../src/lib/xlsx/cells';

beforeEach(async () => {
  await freshUnit();
});

/** Reads, previews and imports a file; returns the preview and the stored members in file order. */
async function importFile(name: string, bytes: Uint8Array, remap?: (m: ColumnMapping) => ColumnMapping) {
  const parsed = parseImportFile(name, bytes);
  const mapping = remap ? remap(parsed.mapping) : parsed.mapping;
  const preview = previewImport(parsed, mapping, await loadExistingKeys());
  const record = await importMembers(name, preview.okMembers);
  const db = await activeDb();
  const stored = (await db.members.bulkGet(record.memberIds)).map((m) => ({
    fullName: m!.fullName,
    gender: m!.gender,
    dateOfBirth: m!.dateOfBirth,
    admissionDate: m!.admissionDate,
    status: m!.status,
  }));
  return { parsed, preview, stored };
}

/** An .xlsx as Excel saves it, with merged ranges added to the sheet. */
function xlsxWithMerges(rows: WriteCell[][], merges: string[]): Uint8Array {
  const files = unzipSync(writeXlsx({ name: 'DS', rows }));
  const path = Object.keys(files).find((f) => /worksheets\/sheet1\.xml$/.test(f))!;
  const xml = strFromU8(files[path]).replace('</sheetData>', `</sheetData><mergeCells count="${merges.length}">${merges.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>`);
  files[path] = strToU8(xml);
  return zipSync(files);
}

/** Excel serial (1900 system) of a date. */
const serial = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 + 25_569;

/** Text as Windows-1258: base letters in the code page, tone marks as combining bytes. */
function cp1258(text: string): Uint8Array {
  const decoder = new TextDecoder('windows-1258');
  const byChar = new Map<string, number>();
  for (let b = 0; b < 256; b++) byChar.set(decoder.decode(new Uint8Array([b])), b);
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const nfd = ch.normalize('NFD');
    const tone = [...nfd].find((c) => '\u0300\u0301\u0303\u0309\u0323'.includes(c)) ?? '';
    const base = tone ? nfd.replace(tone, '').normalize('NFC') : ch;
    if (!byChar.has(base) || (tone && !byChar.has(tone))) throw new Error(`not in cp1258: ${ch}`);
    out.push(byChar.get(base)!);
    if (tone) out.push(byChar.get(tone)!);
  }
  return new Uint8Array(out);
}

describe('an .xlsx with title rows and a header on two rows (merged cells)', () => {
  // A1:G1 title, A2:G2 sub-title, row 3 blank, rows 4–5 the header:
  //   STT | Họ và tên (B4:C4) | Ngày sinh (D4:E4) | Ngày vào Đoàn (F4:F5) | Tình trạng (G4:G5)
  //       | Họ và tên đệm | Tên | Nam | Nữ |
  const rows: WriteCell[][] = [
    ['DANH SÁCH ĐOÀN VIÊN CHI ĐOÀN CÔNG TY MAY 30/4', null, null, null, null, null, null],
    ['Năm 2025', null, null, null, null, null, null],
    [],
    ['STT', 'Họ và tên', null, 'Ngày sinh', null, 'Ngày vào Đoàn', 'Tình trạng'],
    [null, 'Họ và tên đệm', 'Tên', 'Nam', 'Nữ', null, null],
    [1, 'Nguyễn Văn', 'An', { serial: serial('2000-04-21') }, null, { serial: serial('2017-03-26') }, 'Đang sinh hoạt'],
    [2, 'Trần Thị', 'Bình', null, { serial: serial('2003-09-06') }, { serial: serial('2020-03-26') }, ''],
    // admitted at 15: imported as recorded, with a note
    [3, 'Lê Thị Mai', 'Hương', null, serial('2005-03-10'), serial('2020-03-26'), 'Đang sinh hoạt'],
    // past 30 and still active: imported, with a note
    [4, 'Phạm Quốc', 'Bảo', { serial: serial('1985-01-15') }, null, { serial: serial('2001-03-26') }, 'Đang sinh hoạt'],
  ];
  const bytes = xlsxWithMerges(rows, ['A1:G1', 'A2:G2', 'B4:C4', 'D4:E4', 'A4:A5', 'F4:F5', 'G4:G5']);

  it('reads both header rows into one heading per column and maps them', () => {
    const parsed = parseImportFile('ds.xlsx', bytes);
    expect(summarize(parsed).headerLine).toBe(5);
    expect(parsed.headers).toEqual(['STT', 'Họ và tên đệm', 'Tên', 'Ngày sinh (Nam)', 'Ngày sinh (Nữ)', 'Ngày vào Đoàn', 'Tình trạng']);
    expect(parsed.mapping).toEqual(['ignore', 'familyName', 'givenName', 'dateOfBirthMale', 'dateOfBirthFemale', 'admissionDate', 'status']);
  });

  it('stores names, serial dates and the gender given by the birth-date column', async () => {
    const { preview, stored } = await importFile('ds.xlsx', bytes);
    expect(preview.counts).toMatchObject({ total: 4, ok: 4, error: 0, noted: 2 });
    expect(preview.genderRules).toEqual([{ kind: 'birthColumns', male: 'Ngày sinh (Nam)', female: 'Ngày sinh (Nữ)' }]);
    expect(stored).toEqual([
      { fullName: 'Nguyễn Văn An', gender: 'male', dateOfBirth: '2000-04-21', admissionDate: '2017-03-26', status: 'active' },
      { fullName: 'Trần Thị Bình', gender: 'female', dateOfBirth: '2003-09-06', admissionDate: '2020-03-26', status: 'active' },
      { fullName: 'Lê Thị Mai Hương', gender: 'female', dateOfBirth: '2005-03-10', admissionDate: '2020-03-26', status: 'active' },
      { fullName: 'Phạm Quốc Bảo', gender: 'male', dateOfBirth: '1985-01-15', admissionDate: '2001-03-26', status: 'active' },
    ]);
    expect(notes(preview)).toEqual([
      [8, ['admissionAge:15']],
      [9, ['over30:']],
    ]);
  });
});

const notes = (p: ImportPreview) => p.noteRows.map((r) => [r.line, r.problems.map((x) => `${x.code}:${x.value ?? ''}`)]);

describe('an .xlsx with "Họ và tên" merged over two columns and a "Nữ" column of marks', () => {
  const rows: WriteCell[][] = [
    ['ĐOÀN TNCS HỒ CHÍ MINH', null, null, null, null],
    ['DANH SÁCH ĐOÀN VIÊN CHI ĐOÀN KHU PHỐ 3', null, null, null, null],
    [],
    ['STT', 'Họ và tên', null, 'Ngày sinh', 'Nữ'],
    [1, 'Đặng Diệu', 'Châu', serial('2000-04-21'), 'x'],
    [2, 'Hồ Văn', 'Minh', serial('2001-11-19'), null],
    [3, 'Nguyễn Bảo', 'Yến', '06/09/2003', 'X'],
    [4, 'Đinh Thu', 'Hạnh', '13/09/2004', '✓'],
    [5, 'Vũ Phương', 'Lan', '25/03/2007', 1],
    [6, 'Lý Thu', 'Dung', '08/10/2004', 'nữ'],
    [7, 'Tạ Đức', 'Khang', '06/09/2002', ''],
  ];
  const bytes = xlsxWithMerges(rows, ['A1:E1', 'A2:E2', 'B4:C4']);

  it('joins the two name columns and reads gender from the marks, saying so', async () => {
    const { parsed, preview, stored } = await importFile('kp3.xlsx', bytes);
    expect(parsed.mapping).toEqual(['ignore', 'familyName', 'givenName', 'dateOfBirth', 'gender']);
    expect(preview.genderRules).toEqual([{ kind: 'mark', column: 'Nữ', gender: 'female' }]);
    expect(preview.counts).toMatchObject({ total: 7, ok: 7, error: 0 });
    expect(stored.map((m) => [m.fullName, m.gender, m.dateOfBirth])).toEqual([
      ['Đặng Diệu Châu', 'female', '2000-04-21'],
      ['Hồ Văn Minh', 'male', '2001-11-19'],
      ['Nguyễn Bảo Yến', 'female', '2003-09-06'],
      ['Đinh Thu Hạnh', 'female', '2004-09-13'],
      ['Vũ Phương Lan', 'female', '2007-03-25'],
      ['Lý Thu Dung', 'female', '2004-10-08'],
      ['Tạ Đức Khang', 'male', '2002-09-06'],
    ]);
  });
});

describe('a Windows-1258 CSV with ";" as Excel on a Vietnamese Windows saves it', () => {
  const text = [
    'DANH SÁCH ĐOÀN VIÊN CHI ĐOÀN CÔNG TY MAY 30/4;;;;;',
    ';;;;;',
    'STT;Họ và tên đệm;Tên;Ngày sinh;Nam;Ngày vào Đoàn',
    '1;Nguyễn Thị Ánh;Tuyết;21/04/2001;;02/10/2017',
    '2;Hồ Văn;Minh;19/11/2000;x;25/10/2017',
    '3;Đặng Phương;Nhi;23/04/2007;;04/09/2022',
    '4;Trương Quốc;Việt;01/03/1990;x;16/12/2008',
    '',
  ].join('\r\n');
  const bytes = cp1258(text);

  it('is really the legacy code page with combining tone marks', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    expect(new TextDecoder('windows-1258').decode(bytes)).not.toBe(new TextDecoder('windows-1258').decode(bytes).normalize('NFC'));
  });

  it('stores composed (NFC) names, the gender from the "Nam" column, dates and status', async () => {
    const { parsed, preview, stored } = await importFile('cong-ty.csv', bytes);
    expect(parsed.headers).toEqual(['STT', 'Họ và tên đệm', 'Tên', 'Ngày sinh', 'Nam', 'Ngày vào Đoàn']);
    expect(preview.genderRules).toEqual([{ kind: 'mark', column: 'Nam', gender: 'male' }]);
    expect(stored).toEqual([
      { fullName: 'Nguyễn Thị Ánh Tuyết', gender: 'female', dateOfBirth: '2001-04-21', admissionDate: '2017-10-02', status: 'active' },
      { fullName: 'Hồ Văn Minh', gender: 'male', dateOfBirth: '2000-11-19', admissionDate: '2017-10-25', status: 'active' },
      { fullName: 'Đặng Phương Nhi', gender: 'female', dateOfBirth: '2007-04-23', admissionDate: '2022-09-04', status: 'active' },
      { fullName: 'Trương Quốc Việt', gender: 'male', dateOfBirth: '1990-03-01', admissionDate: '2008-12-16', status: 'active' },
    ]);
    for (const m of stored) expect(m.fullName).toBe(m.fullName.normalize('NFC'));
    // admitted at 15, and active past 30: imported, with notes
    expect(notes(preview)).toEqual([
      [6, ['admissionAge:15']],
      [7, ['over30:']],
    ]);
  });
});

describe('a "Nữ" column mapped by hand as "Giới tính"', () => {
  it('reads x as Nữ and empty as Nam instead of refusing every woman', async () => {
    const csv = 'Họ và tên,Ngày sinh,Phái nữ (đánh x)\r\nTrần Thị Bình,06/09/2003,x\r\nLê Văn Cường,01/02/2001,\r\n';
    const { preview, stored } = await importFile('tay.csv', new TextEncoder().encode(csv), (m) => [m[0], m[1], 'gender']);
    expect(preview.counts.error).toBe(0);
    expect(stored.map((m) => [m.fullName, m.gender])).toEqual([
      ['Trần Thị Bình', 'female'],
      ['Lê Văn Cường', 'male'],
    ]);
  });
});

describe('a group row right under the header', () => {
  it('is not taken for a second header row', () => {
    const csv = 'STT,Họ và tên,Ngày sinh\r\nI. Tổ 1,,\r\n1,Nguyễn Văn An,01/02/2001\r\n';
    const parsed = parseImportFile('to.csv', new TextEncoder().encode(csv));
    expect(parsed.headers).toEqual(['STT', 'Họ và tên', 'Ngày sinh']);
    expect(summarize(parsed).headerLine).toBe(1);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { buildRegisterFile, registerRows, REGISTER_COLUMNS } from '../../../src/features/members/export';
import { parseImportFile } from '../../../src/features/import/pipeline';
import { previewImport } from '../../../src/features/import/validate';
import { readXlsx } from '../../../src/lib/xlsx/read';
import { parseCsv } from '../../../src/lib/csv';
import { isSheetDate } from '../../../src/lib/xlsx/cells';
import { excelSerialToIso } from '../../../src/lib/dates';
import { MEMBER_DEFAULTS, type MemberFields } from '../../../src/protocol/member';

const NONE = { cardNumbers: [], people: [] };
const importBytes = (name: string, bytes: Uint8Array) => {
  const p = parseImportFile(name, bytes);
  return previewImport(p, p.mapping, NONE);
};

const full: MemberFields = {
  ...MEMBER_DEFAULTS,
  fullName: 'Nguyễn Bảo Yến',
  gender: 'female',
  dateOfBirth: '2003-09-06',
  ethnicity: 'Hoa',
  religion: 'Không',
  hometown: 'Quận 5, TP. Hồ Chí Minh',
  currentAddress: '134 Bà Huyện Thanh Quan, Phường 7, Quận 3, TP. Hồ Chí Minh',
  phone: '0708758510',
  email: 'yen@example.com',
  citizenId: '079303004567',
  occupation: 'Công nhân may',
  educationLevel: '12/12',
  professionalQualification: 'Trung cấp',
  politicalTheoryLevel: 'Sơ cấp',
  admissionDate: '2023-10-06',
  admissionPlace: 'Đoàn trường THPT Lê Quý Đôn',
  cardNumber: '042461005',
  position: 'committeeMember',
  duesCategory: 'salaried',
  partyStatus: 'probationary',
  partyAdmissionDate: '2024-05-19',
  partyOfficialDate: '',
  status: 'active',
  subGroup: 'Tổ 1',
  notes: 'Dòng 1\nDòng 2, có "ngoặc"',
};
const members: MemberFields[] = [
  full,
  { ...MEMBER_DEFAULTS, fullName: 'Hồ Văn Minh', gender: 'male', position: 'secretary', partyStatus: 'full', status: 'temporary' },
  { ...MEMBER_DEFAULTS, fullName: 'Lê Thị Xóa', deleted: true } as MemberFields,
  { ...MEMBER_DEFAULTS, fullName: '=cmd|\' /C calc\'!A0', notes: '@SUM(1+1)*cmd', phone: '+84912345678' },
];

describe('registerRows', () => {
  it('has a Vietnamese header, STT, dd/mm/yyyy dates, Vietnamese words, and skips tombstones', () => {
    const rows = registerRows(members);
    expect(rows[0].slice(0, 5)).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Dân tộc']);
    expect(rows).toHaveLength(4);
    const col = (name: string) => rows[0].indexOf(name);
    expect(rows[1][col('Ngày sinh')]).toBe('06/09/2003');
    expect(rows[1][col('Giới tính')]).toBe('Nữ');
    expect(rows[1][col('Chức vụ')]).toBe('Ủy viên BCH');
    expect(rows[1][col('Số thẻ đoàn')]).toBe('042461005');
    expect(rows[2][col('Chức vụ')]).toBe('Bí thư');
    expect(rows[2][col('Đảng viên')]).toBe('x');
    expect(rows.map((r) => r[0])).toEqual(['STT', '1', '2', '3']);
  });

  it('neutralises formula-like cells', () => {
    const rows = registerRows(members);
    const hostile = rows[3];
    expect(hostile[rows[0].indexOf('Họ và tên')]).toBe("'=cmd|' /C calc'!A0");
    expect(hostile[rows[0].indexOf('Ghi chú')]).toBe("'@SUM(1+1)*cmd");
    expect(hostile[rows[0].indexOf('Số điện thoại')]).toBe("'+84912345678");
    for (const row of rows.slice(1)) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});

describe('CSV export', () => {
  it('is UTF-8 with BOM, comma separated, CRLF', async () => {
    const file = await buildRegisterFile(members, 'csv', new Date(2025, 2, 26));
    expect(file.fileName).toBe('danh-sach-doan-vien-26-03-2025.csv');
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(file.bytes.slice(3));
    expect(text.startsWith('STT,Họ và tên,Ngày sinh,')).toBe(true);
    expect(text.split('\r\n')[0].split(',')).toHaveLength(REGISTER_COLUMNS.length + 1);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text)[3][1]).toBe("'=cmd|' /C calc'!A0");
  });

  it('round-trips through the importer', async () => {
    const file = await buildRegisterFile(members, 'csv');
    const pv = importBytes(file.fileName, file.bytes);
    expect(pv.counts).toEqual({ total: 3, ok: 3, noted: 0, warning: 0, error: 0 });
    expect(pv.okMembers[0]).toEqual(withoutEmpty(full));
    expect(pv.okMembers[1]).toMatchObject({ fullName: 'Hồ Văn Minh', position: 'secretary', partyStatus: 'full', status: 'temporary' });
    expect(pv.okMembers[2]).toMatchObject({ fullName: "=cmd|' /C calc'!A0", notes: '@SUM(1+1)*cmd', phone: '+84912345678' });
  });
});

describe('xlsx export', () => {
  it('is a valid workbook with a Vietnamese header row and text cells', async () => {
    const file = await buildRegisterFile(members, 'xlsx', new Date(2025, 2, 26));
    expect(file.fileName).toBe('danh-sach-doan-vien-26-03-2025.xlsx');
    expect(file.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const parts = unzipSync(file.bytes);
    expect(Object.keys(parts).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml'].sort(),
    );
    expect(strFromU8(parts['xl/workbook.xml'])).toContain('name="Đoàn viên"');
    const rows = readXlsx(file.bytes);
    expect(rows[0][1]).toBe('Họ và tên');
    expect(rows[1][0]).toBe(1);
    // a real date cell, shown dd/mm/yyyy (Excel sorts and filters by it)
    const born = rows[1][rows[0].indexOf('Ngày sinh')];
    expect(isSheetDate(born) && excelSerialToIso(born.serial)).toBe('2003-09-06');
    expect(strFromU8(parts['xl/styles.xml'])).toContain('formatCode="dd/mm/yyyy"');
    expect(rows[1][rows[0].indexOf('Ngày chính thức')] ?? '').toBe('');
    expect(rows[1][rows[0].indexOf('Số thẻ đoàn')]).toBe('042461005');
    expect(rows[3][1]).toBe("'=cmd|' /C calc'!A0");
  });

  it('round-trips through the importer', async () => {
    const file = await buildRegisterFile(members, 'xlsx');
    const pv = importBytes(file.fileName, file.bytes);
    expect(pv.counts.ok).toBe(3);
    expect(pv.okMembers[0]).toEqual(withoutEmpty(full));
    expect(pv.okMembers[2].fullName).toBe("=cmd|' /C calc'!A0");
  });

  it('round-trips the real fixture: import → export → import gives the same members', async () => {
    const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, '../../fixtures/chi-doan-cong-ty-30-4.csv')));
    const first = importBytes('f.csv', bytes).okMembers;
    for (const format of ['xlsx', 'csv'] as const) {
      const file = await buildRegisterFile(first, format);
      expect(importBytes(file.fileName, file.bytes).okMembers).toEqual(first);
    }
  });
});

describe('a hostile CSV', () => {
  it('is imported as text and exported neutralised', async () => {
    const csv = 'Họ và tên,Ghi chú,Nơi ở hiện nay\r\n"=cmd|\' /C calc\'!A0",+SUM(A1),"-2+3, @x"\r\n';
    const pv = importBytes('hostile.csv', new TextEncoder().encode(csv));
    expect(pv.counts.ok).toBe(1);
    const m = pv.okMembers[0];
    expect(m).toMatchObject({ fullName: "=cmd|' /C calc'!A0", notes: '+SUM(A1)', currentAddress: '-2+3, @x' });
    const out = await buildRegisterFile([m], 'csv');
    const row = parseCsv(new TextDecoder().decode(out.bytes))[1];
    expect(row[1]).toBe("'=cmd|' /C calc'!A0");
    expect(row.every((c) => !/^[=+\-@\t\r]/.test(c))).toBe(true);
    const xlsxRows = readXlsx((await buildRegisterFile([m], 'xlsx')).bytes);
    expect(xlsxRows[1].every((c) => typeof c !== 'string' || !/^[=+\-@\t\r]/.test(c))).toBe(true);
  });
});

function withoutEmpty(m: MemberFields): MemberFields {
  return Object.fromEntries(Object.entries(m).filter(([, v]) => v !== '' && v !== undefined)) as MemberFields;
}

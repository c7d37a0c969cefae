import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { autoMap, checkMapping, findHeaderRow, guessTarget } from '../../../src/features/import/columns';
import { parseImportFile, summarize } from '../../../src/features/import/pipeline';

const fixture = () => new Uint8Array(readFileSync(path.resolve(__dirname, '../../fixtures/chi-doan-cong-ty-30-4.csv')));

describe('guessTarget', () => {
  it('does not read "Năm" (year) as "Nam" (male)', () => {
    expect(guessTarget('Năm')).toBeUndefined();
  });

  it.each([
    ['Họ và tên', 'fullName'],
    ['HỌ TÊN', 'fullName'],
    ['Ho ten', 'fullName'],
    ['Họ và tên đoàn viên', 'fullName'],
    ['Ngày sinh', 'dateOfBirth'],
    ['NS', 'dateOfBirth'],
    ['Ngày sinh (dd/mm/yyyy)', 'dateOfBirth'],
    ['Giới tính', 'gender'],
    ['Nam/Nữ', 'gender'],
    ['Nữ', 'gender'],
    ['NAM', 'gender'],
    ['Nữ (đánh x)', 'gender'],
    ['Ngày sinh (Nữ)', 'dateOfBirthFemale'],
    ['Ngày sinh Nam', 'dateOfBirthMale'],
    ['Dân tộc', 'ethnicity'],
    ['Tôn giáo', 'religion'],
    ['Quê quán', 'hometown'],
    ['Nơi ở hiện nay', 'currentAddress'],
    ['Địa chỉ', 'currentAddress'],
    ['Chỗ ở', 'currentAddress'],
    ['Số điện thoại', 'phone'],
    ['SĐT', 'phone'],
    ['Điện thoại', 'phone'],
    ['E-mail', 'email'],
    ['CCCD', 'citizenId'],
    ['Số CCCD/CMND', 'citizenId'],
    ['CMND', 'citizenId'],
    ['Nghề nghiệp', 'occupation'],
    ['Trình độ học vấn', 'educationLevel'],
    ['Văn hóa', 'educationLevel'],
    ['Chuyên môn', 'professionalQualification'],
    ['Lý luận chính trị', 'politicalTheoryLevel'],
    ['Ngày vào Đoàn', 'admissionDate'],
    ['Ngày kết nạp', 'admissionDate'],
    ['Ngày kết nạp Đảng', 'partyAdmissionDate'],
    ['Nơi kết nạp', 'admissionPlace'],
    ['Số thẻ đoàn', 'cardNumber'],
    ['Số thẻ', 'cardNumber'],
    ['Chức vụ', 'position'],
    ['Đảng viên', 'partyStatus'],
    ['Chi đoàn', 'subGroup'],
    ['Tổ', 'subGroup'],
    ['Lớp', 'subGroup'],
    ['Ghi chú', 'notes'],
    ['STT', 'ignore'],
    ['Họ và tên đệm', 'familyName'],
    ['Tên', 'givenName'],
  ])('%s → %s', (heading, target) => {
    expect(guessTarget(heading)).toBe(target);
  });

  it('leaves unknown headings unmapped', () => {
    expect(guessTarget('Sở thích')).toBeUndefined();
    expect(guessTarget('')).toBeUndefined();
  });
});

describe('findHeaderRow', () => {
  it('finds the header below title and blank rows', () => {
    const rows = [
      ['ĐOÀN TNCS HỒ CHÍ MINH'],
      ['DANH SÁCH ĐOÀN VIÊN CHI ĐOÀN CÔNG TY 30/4'],
      [],
      ['', ''],
      ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đoàn'],
      ['1', 'An', '01/01/2000', '1'],
    ];
    expect(findHeaderRow(rows)).toBe(4);
  });

  it('needs a name column and a second known heading', () => {
    expect(findHeaderRow([['Ngày sinh', 'Số thẻ đoàn'], ['x', 'y']])).toBe(-1);
    expect(findHeaderRow([['Họ và tên', 'Sở thích'], ['x', 'y']])).toBe(-1);
    expect(findHeaderRow([['Họ', 'Tên', 'Ngày sinh']])).toBe(0);
  });
});

describe('autoMap and checkMapping', () => {
  it('keeps the first column for a field claimed twice', () => {
    expect(autoMap(['Họ và tên', 'Địa chỉ', 'Nơi ở hiện nay', 'STT', 'Sở thích'])).toEqual([
      'fullName',
      'currentAddress',
      'ignore',
      'ignore',
      'ignore',
    ]);
  });

  it('reports a missing name and a field chosen twice', () => {
    expect(checkMapping(['ignore', 'dateOfBirth'])).toEqual({ kind: 'needsName' });
    expect(checkMapping(['fullName', 'phone', 'phone'])).toEqual({ kind: 'duplicate', field: 'phone', first: 1, second: 2 });
    expect(checkMapping(['familyName', 'givenName'])).toBeNull();
  });
});

describe('the real fixture (chi-doan-cong-ty-30-4.csv)', () => {
  it('maps every column automatically', () => {
    const parsed = parseImportFile('chi-doan-cong-ty-30-4.csv', fixture());
    expect(parsed.headerIndex).toBe(0);
    expect(parsed.headers[0]).toBe('STT');
    expect(parsed.mapping).toEqual([
      'ignore',
      'fullName',
      'dateOfBirth',
      'gender',
      'ethnicity',
      'religion',
      'cardNumber',
      'admissionDate',
      'admissionPlace',
      'position',
      'phone',
      'currentAddress',
      'educationLevel',
      'partyStatus',
    ]);
    const s = summarize(parsed);
    expect(s.dataRowCount).toBe(42);
    expect(s.samples[1]).toBe('Đặng Diệu Châu');
    expect(s.headerLine).toBe(1);
  });
});

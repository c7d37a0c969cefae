import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportFile, type ParsedFile } from '../../../src/features/import/pipeline';
import { duesUnsetCount, membersToImport, previewImport } from '../../../src/features/import/validate';
import { cardKey, checkRowsInSlices, personKey, previewRows, type ExistingKeys } from '../../../src/features/import/validate';
import { convertRows } from '../../../src/features/import/convert';
import { dateValue, duesValue, partyValue, phoneValue, positionValue, citizenIdValue, genderValue } from '../../../src/features/import/values';
import { autoMap } from '../../../src/features/import/columns';
import { writeXlsx } from '../../../src/lib/xlsx/write';

const NONE: ExistingKeys = { cardNumbers: [], people: [] };
const csv = (text: string, name = 'ds.csv') => parseImportFile(name, new TextEncoder().encode(text));
const preview = (p: ParsedFile, existing = NONE) => previewImport(p, p.mapping, existing);

describe('cell values', () => {
  it('reads dates as text and as Excel serials; a bare year is not a date', () => {
    expect(dateValue('06/09/2003')).toEqual({ iso: '2003-09-06' });
    expect(dateValue('6/9/03')).toEqual({ iso: '2003-09-06' });
    expect(dateValue('2003-09-06')).toEqual({ iso: '2003-09-06' });
    expect(dateValue('06/09/2003 00:00:00')).toEqual({ iso: '2003-09-06' });
    expect(dateValue(37870)).toEqual({ iso: '2003-09-06' });
    expect(dateValue({ serial: 37870 })).toEqual({ iso: '2003-09-06' });
    expect(dateValue('31/02/2001')).toEqual({ bad: '31/02/2001' });
    expect(dateValue(1998)).toEqual({ bad: '1998' });
    expect(dateValue('')).toBeNull();
  });

  it('restores leading zeros of phones and citizen ids typed as numbers', () => {
    expect(phoneValue(912345678)).toBe('0912345678');
    expect(phoneValue('0912345678')).toBe('0912345678');
    expect(phoneValue(2838123456)).toBe('02838123456');
    expect(citizenIdValue(79203004567)).toBe('079203004567');
    expect(citizenIdValue('079 203 004 567')).toBe('079203004567');
  });

  it('maps the words of lists', () => {
    expect(genderValue('Nữ')).toBe('female');
    expect(genderValue('NAM')).toBe('male');
    expect(genderValue('?')).toBeNull();
    expect(positionValue('Bí thư')).toBe('secretary');
    expect(positionValue('Phó Bí thư chi đoàn')).toBe('deputySecretary');
    expect(positionValue('Ủy viên BCH')).toBe('committeeMember');
    expect(positionValue('Uỷ viên Ban Chấp hành')).toBe('committeeMember');
    expect(positionValue('Đoàn viên')).toBe('member');
    expect(partyValue('x')).toBe('full');
    expect(partyValue('Có')).toBe('full');
    expect(partyValue('✓')).toBe('full');
    expect(partyValue('Dự bị')).toBe('probationary');
    expect(partyValue('')).toBe('none');
    expect(partyValue('không')).toBe('none');
  });
});

describe('the real fixture', () => {
  it('imports all 42 members with their fields converted', () => {
    const p = parseImportFile('f.csv', new Uint8Array(readFileSync(path.resolve(__dirname, '../../fixtures/chi-doan-cong-ty-30-4.csv'))));
    const pv = preview(p);
    // (how many carry a note — admitted under 16, active past 30 — depends on today)
    expect(pv.counts).toMatchObject({ total: 42, ok: 42, warning: 0, error: 0 });
    const [first, second, third] = pv.okMembers;
    expect(first).toMatchObject({
      fullName: 'Đặng Diệu Châu',
      dateOfBirth: '1998-04-21',
      gender: 'female',
      ethnicity: 'Kinh',
      cardNumber: '985533992',
      admissionDate: '2017-10-02',
      position: 'secretary',
      phone: '0762170830',
      currentAddress: '272 Trương Định, Phường 7, Quận 3, TP. Hồ Chí Minh',
      educationLevel: '11/12',
      partyStatus: 'none',
      status: 'active',
      duesCategory: 'unsalaried',
    });
    expect(second.position).toBe('deputySecretary');
    expect(third.position).toBe('committeeMember');
    expect(pv.okMembers[5]).toMatchObject({ fullName: 'Đinh Thu Hạnh', partyStatus: 'full' });
    expect(pv.okMembers[32].cardNumber).toBe('042461005');
  });
});

describe('per-row problems', () => {
  const file = [
    'DANH SÁCH ĐOÀN VIÊN',
    '',
    'STT;Họ và tên;Ngày sinh;Ngày vào Đoàn;Số thẻ đoàn;Số điện thoại;Email;Giới tính',
    '1;Nguyễn Văn An;01/01/2000;01/01/2016;A1;0912345678;an@example.com;Nam',
    '2;;02/02/2000;;A2;;;Nữ',
    '3;Trần Thị Bình;31/02/2001;;A3;;;Nữ',
    '4;Lê Văn Cường;03/03/2000;32/13/2016;A4;;;Nam',
    '5;Phạm Văn Dũng;04/04/2000;;A1;;;Nam',
    '6;Nguyễn Văn An;01/01/2000;;A6;;;Nam',
    '7;Hoàng Thị E;05/05/2000;;A7;12ab;;Nữ',
    '8;Võ Thị G;06/06/2000;;A8;;not-an-email;Nữ',
    '9;Đỗ Văn H;07/07/2000;;R1;;;Nam',
    '10;Bùi Thị K;08/08/1999;;A10;;;Nữ',
    ';;;;;;;',
    '11;Mai L;01/01/2100;;A11;;;X',
  ].join('\n');

  it('explains each rejected row and keeps the good ones', () => {
    const existing: ExistingKeys = { cardNumbers: [cardKey('r1')], people: [personKey('BÙI THỊ K', '1999-08-08')] };
    const pv = preview(csv(file), existing);
    const byLine = new Map([...pv.errorRows, ...pv.warningRows, ...pv.okSample].map((r) => [r.line, r]));
    const codes = (line: number) => byLine.get(line)!.problems.map((p) => p.code);

    expect(byLine.get(4)!.severity).toBe('ok');
    expect(codes(5)).toEqual(['missingName']);
    expect(byLine.get(6)!.problems).toEqual([{ code: 'badDate', column: 'Ngày sinh', value: '31/02/2001' }]);
    expect(byLine.get(7)!.problems).toEqual([{ code: 'badDate', column: 'Ngày vào Đoàn', value: '32/13/2016' }]);
    expect(byLine.get(8)!.problems).toEqual([{ code: 'dupCardFile', value: 'A1', line: 4 }]);
    expect(byLine.get(9)!.problems).toEqual([{ code: 'dupPersonFile', line: 4 }]);
    expect(byLine.get(9)!.severity).toBe('warning');
    expect(byLine.get(9)!.fields?.fullName).toBe('Nguyễn Văn An');
    expect(byLine.get(10)!.problems).toEqual([{ code: 'field', column: 'Số điện thoại', value: '12ab', message: 'err.phone' }]);
    expect(byLine.get(11)!.problems).toEqual([{ code: 'field', column: 'Email', value: 'not-an-email', message: 'err.email' }]);
    expect(codes(12)).toEqual(['dupCardRegister']);
    expect(codes(13)).toEqual(['dupPersonRegister']);
    expect(codes(15)).toEqual(['birthInFuture', 'badGender']);

    expect(pv.counts).toEqual({ total: 11, ok: 1, noted: 0, warning: 2, error: 8 });
    expect(pv.okMembers.map((m) => m.fullName)).toEqual(['Nguyễn Văn An']);
    expect(pv.errorRows.every((r) => r.fields === undefined)).toBe(true);
  });

  it('joins separate family and given name columns and skips a (1)(2)(3) row', () => {
    const p = csv('Họ và tên đệm,Tên,Ngày sinh\n(1),(2),(3)\nNguyễn Văn,An,01/01/2000\n');
    const pv = preview(p);
    expect(pv.counts.total).toBe(1);
    expect(pv.okMembers[0].fullName).toBe('Nguyễn Văn An');
  });

  it('honours a changed mapping (a column set to Bỏ qua is not imported)', () => {
    const p = csv('Họ và tên,Số điện thoại\nAn Bình,12ab\n');
    expect(previewImport(p, p.mapping, NONE).counts.error).toBe(1);
    const pv = previewImport(p, ['fullName', 'ignore'], NONE);
    expect(pv.counts.ok).toBe(1);
    expect(pv.okMembers[0].phone).toBeUndefined();
  });
});

describe('a list that gives only years', () => {
  it('imports the row, keeps each year in the notes and says so on the row', () => {
    const pv = preview(csv(['STT,Họ và tên,Năm sinh,Năm vào Đoàn,Ghi chú', '1,Phùng Thị Lệ,1999,2015,Tổ 2', '2,Hồ Văn Minh,01/02/2000,,'].join('\n')));
    expect(pv.okMembers.map((m) => [m.fullName, m.dateOfBirth, m.admissionDate, m.notes])).toEqual([
      ['Phùng Thị Lệ', undefined, undefined, 'Tổ 2; Năm sinh: 1999; Năm vào Đoàn: 2015'],
      ['Hồ Văn Minh', '2000-02-01', undefined, undefined],
    ]);
    expect(pv.counts.total).toBe(2);
  });
});

describe('signature footer', () => {
  it('stops at the signature block and never imports the signer as a member', () => {
    const p = csv(
      [
        'STT,Họ và tên,Ngày sinh',
        '1,Đặng Diệu Châu,21/04/1998',
        '2,Công Phượng,01/01/2000',
        ',,',
        ',"Phường 7, ngày 20 tháng 3 năm 2025",',
        ',TM. BAN CHẤP HÀNH,',
        ',BÍ THƯ,',
        ',Đặng Diệu Châu,',
      ].join('\n'),
    );
    const pv = preview(p);
    expect(pv.okMembers.map((m) => m.fullName)).toEqual(['Đặng Diệu Châu', 'Công Phượng']);
    expect(pv.counts.total).toBe(2);
    expect(pv.footer).toEqual({ line: 5, text: 'Phường 7, ngày 20 tháng 3 năm 2025' });
  });

  it('stops at a signature block without a date line, and at one right below the header', () => {
    const pv = preview(
      csv(['Họ và tên,Giới tính', 'Phùng Thị Lệ,Nữ', 'Bì Thu Hà,Nữ', 'Danh sách gồm 2 đoàn viên,', 'Bí thư chi đoàn,', '(Ký và ghi rõ họ tên),', 'Phùng Thị Lệ,'].join('\n')),
    );
    expect(pv.okMembers.map((m) => m.fullName)).toEqual(['Phùng Thị Lệ', 'Bì Thu Hà']);
    expect(pv.footer).toEqual({ line: 4, text: 'Danh sách gồm 2 đoàn viên' });
    const none = preview(csv('Họ và tên,Ngày sinh\nNgười lập biểu,\n'));
    expect(none.okMembers).toEqual([]);
    expect(none.counts.total).toBe(0);
    for (const line of ['Bí thư chi đoàn', '(Ký và ghi rõ họ tên)', 'Phó Bí thư']) expect(preview(csv(`Họ và tên,Ngày sinh\nAn Bình,01/01/2000\n"${line}",\n`)).okMembers.map((m) => m.fullName), line).toEqual(['An Bình']);
  });

  it('keeps a one-cell row that is a real name', () => {
    const pv = preview(csv('Họ và tên,Ngày sinh\nAn Bình,01/01/2000\nCông Lý,\n'));
    expect(pv.okMembers.map((m) => m.fullName)).toEqual(['An Bình', 'Công Lý']);
    expect(pv.footer).toBeUndefined();
  });
});

describe('xlsx with numeric cells', () => {
  it('reads Excel serial dates (date-styled and plain numbers) and numeric card numbers without exponent', () => {
    const bytes = writeXlsx({
      name: 'DS',
      rows: [
        ['DANH SÁCH ĐOÀN VIÊN'],
        [],
        ['STT', 'Họ và tên', 'Ngày sinh', 'Ngày vào Đoàn', 'Số thẻ đoàn', 'SĐT', 'Trình độ học vấn'],
        [1, 'Đặng Diệu Châu', { serial: 35906 }, 43010, 123456789012, 762170830, { serial: 45638 }],
      ],
    });
    const p = parseImportFile('ds.xlsx', bytes);
    expect(p.headerIndex).toBe(2);
    const pv = preview(p);
    expect(pv.counts.ok).toBe(1);
    expect(pv.okMembers[0]).toMatchObject({
      dateOfBirth: '1998-04-21',
      admissionDate: '2017-10-02',
      cardNumber: '123456789012',
      phone: '0762170830',
      educationLevel: '12/12',
    });
  });
});

describe('file-level errors', () => {
  const code = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return (e as { code?: string }).code;
    }
    return 'no error';
  };

  it('names what is wrong with the file', () => {
    expect(code(() => parseImportFile('a.csv', new Uint8Array()))).toBe('empty');
    expect(code(() => csv('\n\n;;\n'))).toBe('empty');
    expect(code(() => csv('a,b\n1,2\n'))).toBe('noHeader');
    expect(code(() => parseImportFile('a.xlsx', new TextEncoder().encode('hello')))).toBe('notXlsx');
    expect(code(() => parseImportFile('a.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2])))).toBe('oldXls');
    expect(code(() => parseImportFile('a.pdf', new TextEncoder().encode('%PDF')))).toBe('unsupported');
    expect(code(() => parseImportFile('a.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])))).toBe('notXlsx');
  });
});

describe('the dues category of a list (no silent default)', () => {
  it('reads the words lists and the member form use, and pupils and students as unsalaried', () => {
    expect(duesValue('Có lương')).toBe('salaried');
    expect(duesValue('Hưởng lương')).toBe('salaried');
    expect(duesValue('Chưa có lương')).toBe('unsalaried');
    expect(duesValue('Sinh viên')).toBe('unsalaried');
    expect(duesValue('HS/SV')).toBe('unsalaried');
    // staff and workers pay the salaried rate (found in use: a company's list wrote "CB-CNV")
    for (const word of ['CB-CNV', 'CBCNV', 'CB, CNV', 'Công nhân', 'Giáo viên', 'Cán bộ công nhân viên', 'Viên chức']) expect(duesValue(word), word).toBe('salaried');
    expect(duesValue('Khác')).toBeUndefined();
  });

  it('a list without a dues column cannot be turned into members until a category is chosen', () => {
    const pv = preview(csv('Họ và tên;Ngày sinh\nNguyễn Văn An;01/01/2000\nTrần Thị Bình;02/02/2001\nNguyễn Văn An;01/01/2000\n'));
    expect(pv.duesColumn).toBeUndefined();
    expect(duesUnsetCount(pv, new Set())).toBe(2);
    expect(duesUnsetCount(pv, new Set([4]))).toBe(3); // the possible duplicate, included
    expect(() => membersToImport(pv, new Set(), undefined)).toThrow();
    const members = membersToImport(pv, new Set([4]), 'salaried');
    expect(members.map((m) => [m.fullName, m.duesCategory])).toEqual([
      ['Nguyễn Văn An', 'salaried'],
      ['Trần Thị Bình', 'salaried'],
      ['Nguyễn Văn An', 'salaried'],
    ]);
    expect(membersToImport(pv, new Set(), 'unsalaried').map((m) => m.duesCategory)).toEqual(['unsalaried', 'unsalaried']);
  });

  it('with a dues column, the empty and unreadable cells take the chosen category, the others keep theirs', () => {
    const pv = preview(csv('Họ và tên;Loại đoàn phí\nNguyễn Văn An;Có lương\nTrần Thị Bình;\nLê Văn Cường;Sinh viên\nPhạm Thị Dung;Hợp đồng\n'));
    expect(pv.duesColumn).toBe('Loại đoàn phí');
    expect(pv.counts).toMatchObject({ total: 4, ok: 4, noted: 1, error: 0 });
    expect(pv.noteRows[0].problems).toEqual([{ code: 'badDues', column: 'Loại đoàn phí', value: 'Hợp đồng' }]);
    expect(duesUnsetCount(pv, new Set())).toBe(2);
    expect(() => membersToImport(pv, new Set(), undefined)).toThrow();
    expect(membersToImport(pv, new Set(), 'salaried').map((m) => `${m.fullName}: ${m.duesCategory}`)).toEqual([
      'Nguyễn Văn An: salaried',
      'Trần Thị Bình: salaried',
      'Lê Văn Cường: unsalaried',
      'Phạm Thị Dung: salaried',
    ]);
  });

  it('asks nothing when every row says its category', () => {
    const pv = preview(csv('Họ và tên;Loại đoàn phí\nNguyễn Văn An;Có lương\nTrần Thị Bình;Sinh viên\n'));
    expect(duesUnsetCount(pv, new Set())).toBe(0);
    expect(membersToImport(pv, new Set(), undefined).map((m) => m.duesCategory)).toEqual(['salaried', 'unsalaried']);
  });
});

describe('big files', () => {
  const bigCsv = () => {
    const lines = ['Họ và tên,Ngày sinh,Số thẻ đoàn,Số điện thoại'];
    for (let i = 0; i < 50_000; i++) lines.push(`Đoàn Viên ${i},01/01/2000,${100000 + i},09${String(i).padStart(8, '0')}`);
    lines.push('Đoàn Viên 7,01/01/2000,100007,0900000007');
    return csv(lines.join('\n'));
  };

  it('checks 50,000 rows in linear time', () => {
    const t0 = performance.now();
    const p = bigCsv();
    const { counts, okMembers, errorRows } = previewRows(p.rows, p.headerIndex, p.headers, autoMap(p.headers), NONE);
    expect(counts).toEqual({ total: 50_001, ok: 50_000, noted: 0, warning: 0, error: 1 });
    expect(okMembers).toHaveLength(50_000);
    expect(errorRows[0].problems.map((x) => x.code)).toEqual(['dupCardFile', 'dupPersonFile']);
    expect(performance.now() - t0).toBeLessThan(15_000);
  });

  it('checks in slices that yield to the page, with the same result', async () => {
    const p = bigCsv();
    const mapping = autoMap(p.headers);
    const converted = convertRows(p.rows, p.headerIndex, p.headers, mapping, NONE);
    let yields = 0;
    const pv = await checkRowsInSlices(converted, p.headers, mapping, async () => void yields++, 1000);
    expect(pv.footer).toBeUndefined();
    expect(yields).toBe(50);
    expect(pv.counts).toEqual({ total: 50_001, ok: 50_000, noted: 0, warning: 0, error: 1 });
    expect(pv.okSample).toHaveLength(100);
  });
});

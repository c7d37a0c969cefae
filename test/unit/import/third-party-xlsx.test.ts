// A workbook written by another tool (openpyxl 3.0, as in fixtures/openpyxl-list.xlsx):
// numeric character references, a help sheet before the list, title rows and a merged
// title above the header, real date cells, phones and CCCD typed as numbers, a footer.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImportFile, summarize } from '../../../src/features/import/pipeline';
import { previewImport } from '../../../src/features/import/validate';

const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, 'fixtures/openpyxl-list.xlsx')));

describe('an xlsx written by openpyxl', () => {
  it('skips the help sheet and finds the header below the title rows', () => {
    const parsed = parseImportFile('openpyxl-list.xlsx', bytes);
    const s = summarize(parsed);
    expect(s.headerLine).toBe(4);
    expect(s.headers).toEqual(['STT', 'Họ và tên', 'Ngày sinh', 'Nam/Nữ', 'SĐT', 'Số CCCD', 'Ngày vào Đoàn', 'Chức vụ', 'Đảng viên']);
    expect(parsed.mapping).toEqual(['ignore', 'fullName', 'dateOfBirth', 'gender', 'phone', 'citizenId', 'admissionDate', 'position', 'partyStatus']);
  });

  it('reads dates, restores leading zeros and reports the bad rows', () => {
    const parsed = parseImportFile('openpyxl-list.xlsx', bytes);
    const pv = previewImport(parsed, parsed.mapping, { cardNumbers: [], people: [] });
    expect(pv.okMembers).toEqual([
      expect.objectContaining({
        fullName: 'Đặng Diệu Châu',
        dateOfBirth: '1998-04-21',
        gender: 'female',
        phone: '0762170830',
        citizenId: '079198004567',
        admissionDate: '2017-10-02',
        position: 'secretary',
        partyStatus: 'none',
      }),
      expect.objectContaining({ fullName: 'Hồ Văn Minh', admissionDate: '2014-10-25', citizenId: '079095001234', position: 'deputySecretary', partyStatus: 'full' }),
    ]);
    expect(pv.errorRows.map((r) => [r.line, r.problems.map((p) => p.code)])).toEqual([[7, ['badDate']]]);
    // "Người lập biểu" starts the signature block: not a member, and said so.
    expect(pv.footer).toEqual({ line: 9, text: 'Người lập biểu' });
    expect(pv.counts.total).toBe(3);
  });
});

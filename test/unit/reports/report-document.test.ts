// The report as a document: the usual layout from a sent version (frozen, never recomputed)
// or from the working copy with live figures (a draft).
import { describe, expect, it } from 'vitest';
import { buildReportDoc, draftDocInput, localDay, parentLine, recipientLines, reportFileName, reportPlainText, unitLine, versionDocInput } from '../../../src/features/reports/report-document';
import { figureGroups, figureText, targetRows } from '../../../src/features/reports/report-figures-rows';
import { setLanguage } from '../../../src/i18n';
import { sampleFigures } from './figures-fixture';
import { sampleReport, sampleVersion, UNIT } from './report-doc-fixture';

const lines = (text: string) => text.split('\n');

describe('the report document', () => {
  it('prints a sent version in the usual layout: header, number, place and date, title, parts, signature', () => {
    const doc = buildReportDoc(versionDocInput(sampleVersion(), 'branch'));
    expect(doc.issuer).toEqual({ parent: 'ĐOÀN PHƯỜNG 7', unit: 'BCH CHI ĐOÀN CÔNG TY MAY 30/4', number: 'Số: 05-BC/CĐ' });
    expect(doc.organisation).toBe('ĐOÀN TNCS HỒ CHÍ MINH');
    expect(doc.placeDate).toBe(`Phường 7, ngày ${localDay('2026-04-05T03:00:00.000Z').slice(8, 10)} tháng 4 năm 2026`);
    expect(doc.isDraft).toBe(false);
    expect(doc.title).toBe('BÁO CÁO');
    expect(doc.subtitle).toBe('Kết quả công tác Đoàn và phong trào thanh niên quý I năm 2026');
    const text = lines(reportPlainText(doc));
    expect(text).toEqual(
      expect.arrayContaining([
        'PHẦN I. KẾT QUẢ CÔNG TÁC ĐOÀN VÀ PHONG TRÀO THANH NIÊN QUÝ I NĂM 2026',
        'I. TÌNH HÌNH CHUNG',
        'II. KẾT QUẢ THỰC HIỆN',
        '1. Công tác giáo dục chính trị, tư tưởng',
        '3. Công tác xây dựng tổ chức Đoàn',
        'Trong quý, chi đoàn tổ chức 3 buổi sinh hoạt định kỳ, tỷ lệ tham dự bình quân 86 %.',
        'Kết nạp 3 đoàn viên mới.',
        'III. ĐÁNH GIÁ CHUNG',
        'PHẦN II. KHÓ KHĂN, ĐỀ XUẤT VÀ PHƯƠNG HƯỚNG NHIỆM VỤ QUÝ II NĂM 2026',
        'I. KHÓ KHĂN, VƯỚNG MẮC, ĐỀ XUẤT, KIẾN NGHỊ',
        'II. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2026',
        '- Đoàn phường 7 (để báo cáo);',
        '- Lưu VP.',
        'TM. BAN CHẤP HÀNH',
        'BÍ THƯ',
        'Đặng Diệu Châu',
      ]),
    );
    // the opening comes first, before part one
    expect(doc.body[0]).toEqual({ kind: 'para', text: expect.stringContaining('báo cáo như sau') });
    expect(text).not.toContain('BẢN NHÁP');
  });

  it('leaves empty sections out and numbers what is left', () => {
    const doc = buildReportDoc(versionDocInput(sampleVersion(), 'branch'));
    const text = lines(reportPlainText(doc));
    // weaknesses is empty and causes only spaces: the assessment holds strengths alone
    expect(text).toContain('1. Ưu điểm');
    expect(text).not.toContain('2. Hạn chế');
    expect(text.some((l) => l.includes('Nguyên nhân'))).toBe(false);

    const bare = sampleVersion({ sections: { situation: '', difficulties: 'Thiếu kinh phí.' } });
    const d2 = lines(reportPlainText(buildReportDoc(versionDocInput(bare))));
    expect(d2.some((l) => l.startsWith('PHẦN I.'))).toBe(false);
    expect(d2).toContain('I. KHÓ KHĂN, VƯỚNG MẮC, ĐỀ XUẤT, KIẾN NGHỊ');
    expect(d2.some((l) => l.startsWith('II. PHƯƠNG HƯỚNG'))).toBe(false);
  });

  it('prints a sent version from what it froze: later records and today change nothing', () => {
    const v = sampleVersion();
    const before = reportPlainText(buildReportDoc(versionDocInput(v)));
    const beforeFigures = JSON.stringify(buildReportDoc(versionDocInput(v)).appendix);
    // the unit renamed, new members since: the version's own names and figures still print
    const draft = buildReportDoc(draftDocInput(sampleReport(), { ...UNIT, name: 'Chi đoàn Mới' }, sampleFigures({ membership: { ...sampleFigures().membership, end: 99 } }), '2026-06-01'));
    expect(reportPlainText(draft)).toContain('BCH CHI ĐOÀN MỚI');
    expect(reportPlainText(buildReportDoc(versionDocInput(v)))).toBe(before);
    expect(JSON.stringify(buildReportDoc(versionDocInput(v)).appendix)).toBe(beforeFigures);
    expect(buildReportDoc(versionDocInput(v)).appendix.groups[0].rows[1]).toEqual({ label: 'Đoàn viên cuối kỳ', value: 42, unit: 'count', sub: false });
    expect(draft.appendix.groups[0].rows[1].value).toBe(99);
  });

  it('marks the working copy a draft, dated today, signed by the secretary unless a deputy signs', () => {
    const draft = buildReportDoc(draftDocInput(sampleReport(), UNIT, sampleFigures(), '2026-04-03'));
    expect(draft.isDraft).toBe(true);
    expect(reportPlainText(draft)).toContain('BẢN NHÁP');
    expect(draft.placeDate).toBe('Phường 7, ngày 03 tháng 4 năm 2026');
    expect(draft.signature).toEqual({ role: ['TM. BAN CHẤP HÀNH', 'BÍ THƯ'], name: 'Đặng Diệu Châu' });
    const deputy = buildReportDoc(draftDocInput(sampleReport({ signerTitle: 'deputy', signerName: 'Hồ Văn Minh' }), UNIT, sampleFigures(), '2026-04-03'));
    expect(deputy.signature).toEqual({ role: ['TM. BAN CHẤP HÀNH', 'PHÓ BÍ THƯ'], name: 'Hồ Văn Minh' });
    // a deputy with no name typed: the secretary's name is not put under "PHÓ BÍ THƯ"
    const unnamed = buildReportDoc(draftDocInput(sampleReport({ signerTitle: 'deputy' }), UNIT, sampleFigures(), '2026-04-03'));
    expect(unnamed.signature.name).toBe('');
    const v2 = buildReportDoc(versionDocInput(sampleVersion({ signerTitle: 'deputy', signerName: 'Hồ Văn Minh' })));
    expect(v2.signature.role[1]).toBe('PHÓ BÍ THƯ');
  });

  it('fills what is missing with room to write, and the default recipients', () => {
    const doc = buildReportDoc(draftDocInput(sampleReport({ docNumber: undefined, place: undefined, recipients: undefined }), UNIT, sampleFigures(), '2026-04-03'));
    expect(doc.issuer.number).toBe('Số: ……-BC/ĐTN');
    expect(doc.placeDate).toBe('……, ngày 03 tháng 4 năm 2026');
    expect(doc.recipients).toEqual(['Đoàn phường 7 (để báo cáo);', 'Lưu VP.']);
    expect(recipientLines('• Ban Thường vụ Đoàn phường\n\n+ Lưu', '')).toEqual(['Ban Thường vụ Đoàn phường', 'Lưu']);
    expect(buildReportDoc(draftDocInput(sampleReport({ docNumber: 'Số: 07-BC/CĐ' }), UNIT, sampleFigures(), '2026-04-03')).issuer.number).toBe('Số: 07-BC/CĐ');
  });

  it("a working copy with no place typed is dated under the unit's locality; a typed place wins; a sent version keeps its own", () => {
    const untyped = sampleReport({ place: undefined });
    expect(buildReportDoc(draftDocInput(untyped, { ...UNIT, locality: 'Quận 8' }, sampleFigures(), '2026-04-03')).placeDate).toBe('Quận 8, ngày 03 tháng 4 năm 2026');
    expect(buildReportDoc(draftDocInput(sampleReport({ place: 'Phường 7' }), { ...UNIT, locality: 'Quận 8' }, sampleFigures(), '2026-04-03')).placeDate).toBe('Phường 7, ngày 03 tháng 4 năm 2026');
    expect(buildReportDoc(draftDocInput(untyped, { ...UNIT, locality: '' }, sampleFigures(), '2026-04-03')).placeDate).toBe('……, ngày 03 tháng 4 năm 2026');
    // a version sent before the locality was set prints what it froze: dots
    expect(buildReportDoc(versionDocInput(sampleVersion({ place: '' }))).placeDate).toMatch(/^……, ngày /);
  });

  it('names the levels in the header', () => {
    expect(parentLine('Đoàn phường 7')).toBe('ĐOÀN PHƯỜNG 7');
    expect(parentLine('BCH Đoàn trường THPT Lê Lợi')).toBe('BCH ĐOÀN TRƯỜNG THPT LÊ LỢI');
    expect(unitLine({ name: 'Lớp 12A1', kind: 'branch', parentUnit: '' })).toBe('BCH CHI ĐOÀN LỚP 12A1');
    expect(unitLine({ name: 'Công ty X', kind: 'baseUnion', parentUnit: '' })).toBe('BCH ĐOÀN CÔNG TY X');
  });

  it('stays Vietnamese when the app is in English', async () => {
    await setLanguage('en');
    try {
      const doc = buildReportDoc(versionDocInput(sampleVersion({ kind: 'year', index: 1, from: '2026-01-01', to: '2026-12-31' })));
      expect(doc.subtitle).toBe('Tổng kết công tác Đoàn và phong trào thanh niên năm 2026 và phương hướng nhiệm vụ năm 2027');
      expect(reportPlainText(doc)).toContain('II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027');
    } finally {
      await setLanguage('vi');
    }
  });

  it('names its files after the report and version', () => {
    expect(reportFileName('report:2026:q1', 2, 'docx')).toBe('bao-cao-2026-q1-v2.docx');
    expect(reportFileName('report:2025:y', undefined, 'xlsx')).toBe('bao-cao-2025-y-nhap.xlsx');
  });
});

describe("the figures' appendix", () => {
  it('lists membership, meetings, activities, projects, training, dues and recognition; ratings only when given', () => {
    const groups = figureGroups(sampleFigures());
    expect(groups.map((g) => g.title)).toEqual([
      'Đoàn viên',
      'Sinh hoạt chi đoàn',
      'Hoạt động, phong trào',
      'Công trình, phần việc thanh niên',
      'Chương trình rèn luyện đoàn viên năm 2026',
      'Đoàn phí',
      'Khen thưởng, giới thiệu đoàn viên ưu tú cho Đảng',
    ]);
    const rows = Object.fromEntries(groups.flatMap((g) => g.rows).map((r) => [r.label, figureText(r)]));
    expect(rows['Đoàn viên đầu kỳ']).toBe('40');
    expect(rows['Tổ May 1 (đầu kỳ → cuối kỳ)']).toBe('22 → 23');
    expect(rows['Sinh hoạt chủ điểm: tỷ lệ tham dự']).toBe('90,5%');
    expect(rows['Tỷ lệ tham dự bình quân']).toBe('87,1%');
    expect(rows['Tháng không sinh hoạt định kỳ']).toBe('Không có');
    expect(rows['Chủ nhật xanh: lượt tham gia']).toBe('35');
    expect(rows['Sửa sân chơi cho con công nhân']).toBe('Đang thực hiện');
    expect(rows['Tỷ lệ hoàn thành']).toBe('—');
    expect(rows['Đã thu trong kỳ']).toMatch(/^1\.260\.000 đồng$/);
    expect(rows['Đoàn viên ưu tú được giới thiệu cho Đảng']).toBe('1');

    const year = figureGroups(
      sampleFigures({
        projects: { v: 1, items: [] },
        meetings: { ...sampleFigures().meetings, monthsWithoutRegular: ['2026-02'] },
        ratings: { v: 1, eligible: 40, excellent: 5, good: 25, completed: 8, notCompleted: 1, undecided: 1, goodOrBetterPct: 75, unitLevel: 'good' },
      }),
    );
    expect(year.map((g) => g.title)).toContain('Đánh giá, xếp loại đoàn viên');
    expect(year.map((g) => g.title)).not.toContain('Công trình, phần việc thanh niên');
    const yr = Object.fromEntries(year.flatMap((g) => g.rows).map((r) => [r.label, figureText(r)]));
    expect(yr['Chi đoàn tự đánh giá']).toBe('Hoàn thành tốt nhiệm vụ');
    expect(yr['Tháng không sinh hoạt định kỳ']).toBe('02/2026');
  });

  it('gives each target its value, goal, % and standing, and none when the year has no targets', () => {
    expect(targetRows(sampleFigures())).toEqual([
      expect.objectContaining({ no: '1', value: '—', goal: 'Hoàn thành tốt nhiệm vụ', status: 'Chưa đo được' }),
      expect.objectContaining({ no: '2', value: '95,2%', goal: '100%', pct: 95.2, status: 'Chậm tiến độ' }),
    ]);
    expect(targetRows(sampleFigures({ targets: undefined }))).toEqual([]);
    const doc = buildReportDoc(versionDocInput(sampleVersion({ figures: sampleFigures({ targets: undefined }) })));
    expect(doc.appendix.targetsTitle).toBeUndefined();
    expect(doc.appendix.subtitle).toBe('(Kèm theo báo cáo quý I năm 2026; số liệu tính đến ngày 31/03/2026)');
  });
});

// The year's plan as a document (issue 9 item 7): the administrative layout, each target's
// goal in words, how it is counted, and the .docx package holding a bordered table of them.
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { buildPlanDoc, goalText, issuerUnitLine, planFileName, type PlanDocInput } from '../../../src/features/targets/plan-document';
import { planDocx } from '../../../src/features/targets/plan-docx';

const INPUT: PlanDocInput = {
  unit: { name: 'Chi đoàn Công ty May 30/4', kind: 'branch', parentUnit: 'Đoàn phường 7', secretaryName: 'Đặng Diệu Châu' },
  year: 2026,
  yearKind: 'calendar',
  consolidation: true,
  targets: [
    { title: 'Chi đoàn được xếp loại Hoàn thành xuất sắc nhiệm vụ', measure: 'level', goal: 4, source: 'computed', rule: 'unitRatingLevel' },
    { title: 'Đoàn viên xếp loại tốt trở lên', measure: 'percent', goal: 80, source: 'computed', rule: 'goodOrBetterPct' },
    { title: 'Đăng ký rèn luyện', measure: 'percent', goal: 100, source: 'computed', rule: 'trainingRegisteredPct' },
    { title: '2 hoạt động Chủ nhật xanh', measure: 'count', goal: 2, source: 'computed', rule: 'activitiesOfKind', ruleParam: 'green_sunday' },
    { title: 'Xây dựng tủ sách', measure: 'yesNo', goal: 1, source: 'entered' },
  ],
  today: '2026-02-03',
};

describe('the plan document', () => {
  it('carries the header, the title of the year and one row per target in order', () => {
    const doc = buildPlanDoc(INPUT);
    expect(doc.issuer).toEqual({ parent: 'ĐOÀN PHƯỜNG 7', unit: 'BCH CHI ĐOÀN CÔNG TY MAY 30/4', number: 'Số: ……-CTr/ĐTN' });
    expect(doc.placeDate).toBe('……, ngày 03 tháng 02 năm 2026');
    expect(doc.subtitle).toBe('Công tác Đoàn và phong trào thanh niên năm 2026');
    expect(doc.intro).toContain('kế hoạch củng cố cơ sở Đoàn khó khăn');
    expect(doc.rows.map((r) => [r.no, r.goal])).toEqual([
      ['1', 'Hoàn thành xuất sắc nhiệm vụ'],
      ['2', 'Từ 80% trở lên'],
      ['3', '100%'],
      ['4', '2'],
      ['5', 'Đạt'],
    ]);
    expect(doc.rows[3].how).toBe('Số hoạt động Chủ nhật xanh được tổ chức');
    expect(doc.rows[4].how).toMatch(/tự theo dõi/);
    expect(doc.signature).toEqual({ role: ['TM. BAN CHẤP HÀNH', 'BÍ THƯ'], name: 'Đặng Diệu Châu' });
  });

  it("dates it under the unit's locality, or leaves dots for the pen", () => {
    expect(buildPlanDoc({ ...INPUT, unit: { ...INPUT.unit!, locality: 'Bình Chánh' } }).placeDate).toBe('Bình Chánh, ngày 03 tháng 02 năm 2026');
    expect(buildPlanDoc({ ...INPUT, unit: { ...INPUT.unit!, locality: '' } }).placeDate).toBe('……, ngày 03 tháng 02 năm 2026');
    expect(buildPlanDoc({ ...INPUT, unit: undefined }).placeDate).toBe('……, ngày 03 tháng 02 năm 2026');
  });

  it('names a school year as the school year', () => {
    const doc = buildPlanDoc({ ...INPUT, year: 2025, yearKind: 'school', consolidation: false });
    expect(doc.subtitle).toBe('Công tác Đoàn và phong trào thanh niên năm học 2025–2026');
    expect(doc.intro).not.toContain('củng cố');
    expect(planFileName(2025, 'school')).toBe('chuong-trinh-cong-tac-2025-2026.docx');
  });

  it('words goals and issuer lines as documents do', () => {
    expect(goalText('level', 3)).toBe('Hoàn thành tốt nhiệm vụ');
    expect(goalText('percent', 90)).toBe('Từ 90% trở lên');
    expect(issuerUnitLine({ name: 'Đoàn phường 7', kind: 'baseUnion', parentUnit: 'Tỉnh Đoàn' })).toBe('BCH ĐOÀN PHƯỜNG 7');
    expect(issuerUnitLine({ name: 'Lớp 12A1', kind: 'branch', parentUnit: 'Đoàn trường' })).toBe('BCH CHI ĐOÀN LỚP 12A1');
    expect(issuerUnitLine(undefined)).toMatch(/^BCH CHI ĐOÀN/);
  });

  it('makes a .docx whose table has borders, a repeated header row and every target', () => {
    const files = unzipSync(planDocx(buildPlanDoc(INPUT)));
    const xml = strFromU8(files['word/document.xml']);
    expect(xml).toContain('CHƯƠNG TRÌNH');
    expect(xml).toContain('Mức phấn đấu');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:top w:val="single"/);
    for (const t of INPUT.targets) expect(xml).toContain(t.title);
    expect(xml).toContain('Nơi nhận:');
    expect(xml).toContain('Đặng Diệu Châu');
  });
});

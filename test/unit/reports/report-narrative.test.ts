// The generated sentences of a report, from hand-written figures: what each section starts
// with, in Vietnamese whatever the UI language, numbers written the Vietnamese way.
import { afterEach, describe, expect, it } from 'vitest';
import { insertLines, missingLines, narrativeLines, narrativeText } from '../../../src/features/reports/report-narrative';
import { reportPeriod } from '../../../src/protocol/report-period';
import { setLanguage } from '../../../src/i18n';
import { sampleFigures } from './figures-fixture';

const UNIT = { name: 'Chi đoàn Công ty May 30/4', parentUnit: 'Đoàn phường 7', kind: 'branch' as const };
const Q1 = reportPeriod('quarter', 2026, 1);
const NB = '\u00a0';

afterEach(() => setLanguage('vi'));

describe('report narrative', () => {
  it('opens with the programme it carries out and the report’s subject', () => {
    expect(narrativeLines(sampleFigures(), Q1, UNIT).opening).toEqual([
      'Thực hiện Chương trình công tác Đoàn và phong trào thanh niên năm 2026 của Đoàn phường 7, Ban Chấp hành Chi đoàn Công ty May 30/4 báo cáo kết quả công tác Đoàn và phong trào thanh niên quý I năm 2026 như sau:',
    ]);
    const s1 = reportPeriod('half_year', 2025, 1, 'school');
    expect(narrativeLines(sampleFigures(), s1, UNIT).opening[0]).toBe(
      'Thực hiện Chương trình công tác Đoàn và phong trào thanh niên năm học 2025–2026 của Đoàn phường 7, Ban Chấp hành Chi đoàn Công ty May 30/4 báo cáo sơ kết công tác Đoàn và phong trào thanh niên học kỳ I năm học 2025–2026, phương hướng nhiệm vụ học kỳ II như sau:',
    );
  });

  it('writes the quarter’s members, meetings, activities, dues and recognition in their sections', () => {
    const n = narrativeLines(sampleFigures(), Q1, UNIT);
    expect(n.situation).toEqual([
      'Đầu quý, chi đoàn có 40 đoàn viên; cuối quý có 42 đoàn viên (tăng 2).',
      'Cuối quý, Tổ May 1 có 23 đoàn viên; Tổ May 2 có 19 đoàn viên.',
      'Có 1 đoàn viên đã đủ 30 tuổi, cần làm thủ tục trưởng thành Đoàn.',
    ]);
    expect(n.politicalEducation).toEqual([`Trong quý, chi đoàn tổ chức 1 buổi sinh hoạt chủ điểm (tỷ lệ tham dự 90,5${NB}%).`]);
    expect(n.movements).toEqual([
      'Trong quý, chi đoàn tổ chức 3 hoạt động phong trào với 75 lượt đoàn viên, thanh niên tham gia: 2 ngày Chủ nhật xanh (35 lượt), 1 hoạt động Tháng Thanh niên (40 lượt).',
      'Công trình, phần việc thanh niên: “Sửa sân chơi cho con công nhân” (đang thực hiện).',
    ]);
    // no roll taken at the activities: nothing said of participants, rather than "0 lượt"
    const noRoll = sampleFigures({ activities: { v: 1, byKind: [{ kind: 'green_sunday', count: 1, participants: 0 }], total: 1, participants: 0 } });
    expect(narrativeLines(noRoll, Q1, UNIT).movements[0]).toBe('Trong quý, chi đoàn tổ chức 1 hoạt động phong trào: 1 ngày Chủ nhật xanh.');
    expect(n.buildingUnion).toEqual([
      `Trong quý, chi đoàn tổ chức 3 buổi sinh hoạt định kỳ, tỷ lệ tham dự bình quân 86${NB}%.`,
      `Tỷ lệ đoàn viên tham dự bình quân các buổi sinh hoạt: 87,1${NB}%.`,
      'Trong quý, kết nạp 3 đoàn viên mới, tiếp nhận 1 đoàn viên chuyển đến, 1 đoàn viên chuyển sinh hoạt đi, 1 đoàn viên trưởng thành Đoàn, trao 2 thẻ đoàn viên.',
      `Chương trình rèn luyện đoàn viên: 40/42 đoàn viên đăng ký (95,2${NB}%).`,
      `Đoàn phí: thu 1.260.000${NB}đồng; đã trích nộp cấp trên 420.000${NB}đồng; cuối quý còn 4 đoàn viên nợ 9 tháng đoàn phí (90.000${NB}đồng).`.replaceAll(`${NB}đồng`, ' đồng'),
      'Trong quý, 2 đoàn viên được khen thưởng, giới thiệu 1 đoàn viên ưu tú cho Đảng xem xét kết nạp.',
    ]);
    expect(n.weaknesses).toEqual([`Chỉ tiêu “100 % đoàn viên đăng ký học tập” chậm tiến độ: hiện đạt 95,2${NB}% (chỉ tiêu 100${NB}%).`]);
    expect(n.strengths).toEqual([]);
    expect([n.causes, n.difficulties, n.direction]).toEqual([[], [], []]);
  });

  it('says what is missing: no regular meeting, months without one, nothing moved, money not fully remitted', () => {
    const base = sampleFigures();
    const f = sampleFigures({
      membership: { ...base.membership, start: 42, end: 42, admitted: 0, transferredIn: 0, transferredOut: 0, graduated: 0, cardsIssued: 0, turned30: 0, groups: [] },
      meetings: { v: 1, byKind: [], attendancePct: undefined, regularHeld: 0, monthsWithoutRegular: ['2026-01', '2026-02', '2026-03'] },
      activities: { v: 1, byKind: [], total: 0, participants: 0 },
      projects: { v: 1, items: [] },
      dues: { ...base.dues, remitted: 0, owedMembers: 0 },
      recognition: { v: 1, commended: 0, disciplined: 0, introducedToParty: 0, admittedToParty: 0 },
      targets: undefined,
    });
    const n = narrativeLines(f, Q1, UNIT);
    expect(n.situation).toEqual(['Đầu quý, chi đoàn có 42 đoàn viên; cuối quý có 42 đoàn viên.']);
    const empty = narrativeLines(sampleFigures({ membership: { ...f.membership, groups: [{ name: 'Tổ 1', start: 0, end: 0 }, { name: 'Tổ 2', start: 0, end: 1 }] } }), Q1, UNIT);
    expect(empty.situation).toEqual(['Đầu quý, chi đoàn có 42 đoàn viên; cuối quý có 42 đoàn viên.', 'Cuối quý, Tổ 2 có 1 đoàn viên.']);
    expect(n.politicalEducation).toEqual([]);
    expect(n.movements).toEqual([]);
    expect(n.buildingUnion).toEqual([
      'Trong quý, chi đoàn chưa tổ chức buổi sinh hoạt định kỳ nào.',
      'Trong quý, số lượng đoàn viên không có biến động.',
      `Chương trình rèn luyện đoàn viên: 40/42 đoàn viên đăng ký (95,2${NB}%).`,
      'Đoàn phí: thu 1.260.000 đồng; đã trích nộp cấp trên 0 đồng (phải nộp 420.000 đồng).',
    ]);
    expect(n.weaknesses).toEqual(['Các tháng 01/2026, 02/2026, 03/2026 chi đoàn chưa tổ chức sinh hoạt định kỳ.']);
  });

  it('a year report gives the ratings and the unit’s own level; met targets are strengths', () => {
    const base = sampleFigures();
    const f = sampleFigures({
      ratings: { v: 1, eligible: 40, excellent: 5, good: 30, completed: 4, notCompleted: 1, undecided: 0, goodOrBetterPct: 87.5, unitLevel: 'good' },
      targets: { ...base.targets!, items: [{ ...base.targets!.items[1], value: 100, pct: 100, status: 'met' }, { ...base.targets!.items[0], value: 3, status: 'met' }] },
    });
    const n = narrativeLines(f, reportPeriod('year', 2026, 1), UNIT);
    expect(n.buildingUnion).toContain(
      `Đánh giá, xếp loại 40 đoàn viên: 5 đoàn viên hoàn thành xuất sắc nhiệm vụ, 30 hoàn thành tốt nhiệm vụ, 4 hoàn thành nhiệm vụ, 1 không hoàn thành nhiệm vụ (tỷ lệ hoàn thành tốt nhiệm vụ trở lên 87,5${NB}%).`,
    );
    expect(n.buildingUnion).toContain('Chi đoàn tự đánh giá xếp loại: Hoàn thành tốt nhiệm vụ.');
    expect(n.strengths).toEqual([`Đã đạt 2 chỉ tiêu: “100 % đoàn viên đăng ký học tập” (đạt 100${NB}%); “Chi đoàn đạt Hoàn thành tốt nhiệm vụ” (đạt Hoàn thành tốt nhiệm vụ).`]);
    expect(n.situation[0]).toMatch(/^Đầu năm, chi đoàn có 40 đoàn viên; cuối năm/);
  });

  it('a Đoàn cơ sở is “đơn vị”, big numbers are grouped with dots', () => {
    const base = sampleFigures();
    const n = narrativeLines(sampleFigures({ membership: { ...base.membership, start: 4980, end: 5012 } }), reportPeriod('half_year', 2026, 1), { ...UNIT, kind: 'baseUnion' });
    expect(n.situation[0]).toBe('Đầu kỳ, đơn vị có 4.980 đoàn viên; cuối kỳ có 5.012 đoàn viên (tăng 32).');
  });

  it('stays Vietnamese when the screen is in English', async () => {
    await setLanguage('en');
    expect(narrativeText(sampleFigures(), Q1, UNIT).situation.split('\n')[0]).toBe('Đầu quý, chi đoàn có 40 đoàn viên; cuối quý có 42 đoàn viên (tăng 2).');
  });

  it('tells which of today’s sentences a text lacks, and puts them first, replacing the sent version’s', () => {
    const lines = ['Câu A có 3 buổi.', 'Câu B có 5 lượt.'];
    expect(missingLines('Câu A có 3 buổi.\nCâu B  có 5   lượt. Thêm lời của tôi.', lines)).toEqual([]);
    expect(missingLines('Câu A có 3 buổi.', lines)).toEqual(['Câu B có 5 lượt.']);
    expect(missingLines(undefined, lines)).toEqual(lines);
    // The sent version said 2 buổi; today says 3: the old line goes, her own words stay.
    const text = 'Câu A có 2 buổi.\nCâu B có 5 lượt.\nĐoàn viên tích cực tham gia.';
    expect(insertLines(text, lines, ['Câu A có 2 buổi.', 'Câu B có 5 lượt.'])).toBe('Câu A có 3 buổi.\nCâu B có 5 lượt.\nĐoàn viên tích cực tham gia.');
    expect(insertLines('', lines)).toBe('Câu A có 3 buổi.\nCâu B có 5 lượt.');
    // A draft started mid-quarter: the same sentence over older numbers is updated where it stands.
    expect(insertLines('Mở đầu của tôi.\nCâu A có 1 buổi.\nCâu B có 5 lượt.', lines)).toBe('Mở đầu của tôi.\nCâu A có 3 buổi.\nCâu B có 5 lượt.');
    expect(insertLines('Câu A có 1 buổi tại hội trường.', lines)).toBe('Câu A có 3 buổi.\nCâu B có 5 lượt.\nCâu A có 1 buổi tại hội trường.');
  });
});

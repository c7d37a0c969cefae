// The consolidation plan's targets for a weak unit's year (DOMAIN.md "The seed plan's targets"),
// as rows to start a year from. Pure, no zod. Titles are the plan's own words, stored in the
// rows (data, not screen text): every phone writes the same title under the same id
// (templateTargetId), so two phones starting the year make one plan.
//   3 is two targets (registered 100 %, completing ≥ 90 %); 6 is three (the committee complete
//   and meeting as often as the unit's rule asks; the regular meetings held; the reports to cấp
//   trên sent on time — issue 10).
import type { TargetMeasure, TargetRule } from './target-enums';
import type { MeetingFrequency } from './meeting-enums';
import { templateTargetId } from './target-enums';

export interface TemplateTarget {
  id: string;
  planNo: number;
  title: string;
  measure: TargetMeasure;
  goal: number;
  rule: TargetRule;
  sortOrder: number;
}

/** The plan's targets of `year`; the regular meetings' goal follows the unit's frequency. */
export function templateTargets(year: number, frequency: MeetingFrequency = 'monthly'): TemplateTarget[] {
  const rows: Omit<TemplateTarget, 'id' | 'sortOrder'>[] = [
    { planNo: 1, title: 'Chi đoàn được xếp loại "Hoàn thành xuất sắc nhiệm vụ"', measure: 'level', goal: 4, rule: 'unitRatingLevel' },
    { planNo: 2, title: 'Từ 80% đoàn viên trở lên xếp loại "Hoàn thành tốt nhiệm vụ" trở lên', measure: 'percent', goal: 80, rule: 'goodOrBetterPct' },
    { planNo: 3, title: '100% đoàn viên đăng ký chương trình rèn luyện đoàn viên', measure: 'percent', goal: 100, rule: 'trainingRegisteredPct' },
    { planNo: 3, title: 'Từ 90% đoàn viên trở lên hoàn thành chương trình rèn luyện', measure: 'percent', goal: 90, rule: 'trainingCompletingPct' },
    { planNo: 4, title: 'Từ 80% chỉ tiêu của chi đoàn trở lên đạt', measure: 'percent', goal: 80, rule: 'otherTargetsMetPct' },
    { planNo: 5, title: 'Một công trình thanh niên được thực hiện và nghiệm thu', measure: 'count', goal: 1, rule: 'projectsAccepted' },
    { planNo: 6, title: 'Ban Chấp hành kiện toàn, họp định kỳ', measure: 'yesNo', goal: 1, rule: 'committeeComplete' },
    {
      planNo: 6,
      title: frequency === 'quarterly' ? 'Sinh hoạt chi đoàn định kỳ hằng quý' : 'Sinh hoạt chi đoàn định kỳ hằng tháng',
      measure: 'count',
      goal: frequency === 'quarterly' ? 4 : 12,
      rule: 'regularMeetingsHeld',
    },
    { planNo: 6, title: 'Báo cáo quý, 6 tháng, năm gửi cấp trên đúng hạn', measure: 'percent', goal: 100, rule: 'reportsOnTime' },
  ];
  let part = 0;
  return rows.map((r, i) => {
    part = i > 0 && rows[i - 1].planNo === r.planNo ? part + 1 : 0;
    return { ...r, id: templateTargetId(year, r.planNo, part), sortOrder: i * 10 };
  });
}

/**
 * The id of a target copied into `year`: a template target stays the template target of the
 * new year, any other keeps its origin — so two phones copying the same year make one plan,
 * and ids do not grow from year to year.
 */
export function copiedTargetId(year: number, sourceId: string): string {
  const m = /^target:\d{4}:(.+)$/.exec(sourceId);
  return m ? `target:${year}:${m[1]}` : `target:${year}:c:${sourceId}`;
}

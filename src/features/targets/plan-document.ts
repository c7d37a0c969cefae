// The year's plan (chương trình công tác năm) as a document, so the unit can register its
// targets with cấp trên (issue 9 item 7): the usual administrative layout (DOMAIN.md "A report
// to cấp trên — the usual layout": issuer and number left, the organisation and place/date
// right, title, a short opening, the targets as a table, "Nơi nhận", "TM. BAN CHẤP HÀNH /
// BÍ THƯ"). Built once, rendered as HTML (print view) and as WordprocessingML (.docx).
// The words are Vietnamese whatever the UI language: it is an official document. Pure.
import type { TargetMeasure, TargetRule, TargetSource } from '../../protocol/target-enums';
import type { RatingLevel } from '../../protocol/rating-enums';
import type { UnitKind } from '../../protocol/unit';
import { yearLabel, type YearKind } from '../../protocol/year';
import { placeDateLine } from '../../lib/place-date';

export interface PlanDocInput {
  unit: { name: string; kind: UnitKind; parentUnit: string; secretaryName?: string; locality?: string } | undefined;
  year: number;
  yearKind: YearKind;
  consolidation?: boolean;
  targets: readonly { title: string; measure: TargetMeasure; goal: number; source: TargetSource; rule?: TargetRule; ruleParam?: string }[];
  /** the day the document is dated, yyyy-mm-dd */
  today: string;
}

export interface PlanRow {
  no: string;
  title: string;
  goal: string;
  how: string;
}

export interface PlanDoc {
  issuer: { parent: string; unit: string; number: string };
  organisation: string;
  placeDate: string;
  title: string;
  subtitle: string;
  intro: string;
  rows: PlanRow[];
  closing: string;
  recipients: string[];
  signature: { role: string[]; name: string };
}

export const ORGANISATION = 'ĐOÀN TNCS HỒ CHÍ MINH';

/** Rating levels in documents (DOMAIN.md glossary). */
export const LEVEL_TEXT: Record<RatingLevel, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
};
/** A level target's goal is a rank (target-rules.ts): 4 = excellent … 1 = not completed. */
const LEVEL_BY_RANK: Record<number, RatingLevel> = { 4: 'excellent', 3: 'good', 2: 'completed', 1: 'not_completed' };

/** How each computed target is counted, in the words of the plan. */
const RULE_TEXT: Record<TargetRule, string> = {
  unitRatingLevel: 'Kết quả xếp loại chi đoàn cuối năm',
  goodOrBetterPct: 'Tỷ lệ đoàn viên được xếp loại "Hoàn thành tốt nhiệm vụ" trở lên trên số đoàn viên được đánh giá',
  trainingRegisteredPct: 'Tỷ lệ đoàn viên đăng ký Chương trình rèn luyện đoàn viên',
  trainingCompletingPct: 'Tỷ lệ đoàn viên hoàn thành Chương trình rèn luyện đoàn viên',
  otherTargetsMetPct: 'Tỷ lệ các chỉ tiêu khác của chi đoàn đạt được',
  projectsAccepted: 'Số công trình, phần việc thanh niên được cấp trên nghiệm thu',
  committeeComplete: 'Ban Chấp hành đủ số lượng theo Đại hội, họp định kỳ theo quy định',
  regularMeetingsHeld: 'Số kỳ sinh hoạt chi đoàn định kỳ được tổ chức',
  activitiesOfKind: 'Số hoạt động phong trào được tổ chức',
  membersAdmitted: 'Số thanh niên được kết nạp vào Đoàn',
  partyIntroductions: 'Số đoàn viên ưu tú được giới thiệu cho Đảng xem xét kết nạp',
  duesRemittedMonths: 'Số tháng trích nộp đoàn phí cho cấp trên',
  reportsOnTime: 'Số báo cáo gửi cấp trên đúng hạn',
};

const ACTIVITY_KIND_TEXT: Record<string, string> = {
  green_sunday: 'Chủ nhật xanh',
  volunteer_saturday: 'Thứ bảy tình nguyện',
  youth_month: 'Tháng Thanh niên',
  volunteering: 'tình nguyện',
  sport_culture: 'văn hóa, thể thao',
  other: 'khác',
};

const upper = (s: string) => s.trim().toLocaleUpperCase('vi');

/** "Chi đoàn Công ty May 30/4" → "BCH CHI ĐOÀN CÔNG TY MAY 30/4". */
export function issuerUnitLine(unit: PlanDocInput['unit']): string {
  if (!unit) return 'BCH CHI ĐOÀN ……………';
  const name = upper(unit.name);
  const named = /^(CHI ĐOÀN|ĐOÀN)\b/.test(name) ? name : `${unit.kind === 'baseUnion' ? 'ĐOÀN' : 'CHI ĐOÀN'} ${name}`;
  return /^BCH\b/.test(name) ? name : `BCH ${named}`;
}

export function goalText(measure: TargetMeasure, goal: number): string {
  switch (measure) {
    case 'percent':
      return goal >= 100 ? '100%' : `Từ ${goal}% trở lên`;
    case 'count':
      return String(goal);
    case 'yesNo':
      return 'Đạt';
    case 'level':
      return LEVEL_TEXT[LEVEL_BY_RANK[goal] ?? 'excellent'];
  }
}

export function howText(t: PlanDocInput['targets'][number]): string {
  if (t.source === 'entered' || !t.rule) return 'Chi đoàn tự theo dõi, báo cáo kèm minh chứng';
  if (t.rule === 'activitiesOfKind' && t.ruleParam && ACTIVITY_KIND_TEXT[t.ruleParam]) return `Số hoạt động ${ACTIVITY_KIND_TEXT[t.ruleParam]} được tổ chức`;
  return RULE_TEXT[t.rule];
}

export function buildPlanDoc(input: PlanDocInput): PlanDoc {
  const y = yearLabel(input.year, input.yearKind);
  const period = input.yearKind === 'school' ? `NĂM HỌC ${y}` : `NĂM ${y}`;
  const unitName = input.unit?.name.trim() || 'chi đoàn';
  const d = input.today;
  return {
    issuer: { parent: upper(input.unit?.parentUnit ?? '') || '……………', unit: issuerUnitLine(input.unit), number: 'Số: ……-CTr/ĐTN' },
    organisation: ORGANISATION,
    placeDate: placeDateLine(input.unit?.locality, d),
    title: 'CHƯƠNG TRÌNH',
    subtitle: `Công tác Đoàn và phong trào thanh niên ${period.toLocaleLowerCase('vi')}`,
    intro:
      `Căn cứ chương trình công tác của ${input.unit?.parentUnit.trim() || 'cấp trên'}` +
      (input.consolidation ? ' và kế hoạch củng cố cơ sở Đoàn khó khăn' : '') +
      `, Ban Chấp hành ${unitName} xây dựng chương trình công tác ${period.toLocaleLowerCase('vi')} với các chỉ tiêu sau:`,
    rows: input.targets.map((t, i) => ({ no: String(i + 1), title: t.title, goal: goalText(t.measure, t.goal), how: howText(t) })),
    closing: `Trên đây là chương trình công tác ${period.toLocaleLowerCase('vi')} của ${unitName}. Ban Chấp hành chi đoàn phân công đồng chí Ủy viên Ban Chấp hành theo dõi từng chỉ tiêu, báo cáo kết quả định kỳ hàng quý, 6 tháng và năm về ${input.unit?.parentUnit.trim() || 'cấp trên'}.`,
    recipients: [input.unit?.parentUnit.trim() ? `${input.unit.parentUnit.trim()} (để báo cáo);` : 'Cấp trên (để báo cáo);', 'Đoàn viên chi đoàn (để thực hiện);', 'Lưu VP.'],
    signature: { role: ['TM. BAN CHẤP HÀNH', 'BÍ THƯ'], name: input.unit?.secretaryName?.trim() ?? '' },
  };
}

/** "chuong-trinh-cong-tac-2026.docx" / "…-2025-2026.docx" */
export function planFileName(year: number, kind: YearKind): string {
  return `chuong-trinh-cong-tac-${yearLabel(year, kind).replace('–', '-')}.docx`;
}

// A report's figures (ReportFigures) as the rows of its appendix, "Phụ lục số liệu": the same
// rows in the A4 page, the .docx and the .xlsx, so the three never disagree. Labels are
// Vietnamese whatever the UI language (an official document); values stay numbers until a
// renderer formats them (the .xlsx keeps them as numbers so they can be summed). Pure.
import type { ReportFigures } from '../../protocol/report-figures-schema';
import type { MeetingKind, ActivityKind } from '../../protocol/meeting-enums';
import type { YouthProjectStage } from '../../protocol/youth-project-enums';
import type { RatingLevel } from '../../protocol/rating-enums';
import type { TargetMeasure } from '../../protocol/target-enums';
import type { TargetStatus } from '../../protocol/target-pace';
import { formatAmount } from '../../lib/money';
import { monthLabel } from '../../lib/dates';

/** How a value reads: a count, a percentage (0–100), whole đồng, or words. */
export type FigureUnit = 'count' | 'pct' | 'money' | 'text';

export interface FigureRow {
  label: string;
  /** undefined: nothing could be measured (no meeting took a roll) */
  value: number | string | undefined;
  unit: FigureUnit;
  /** a detail of the row above it (a meeting kind, a sub-group), indented */
  sub?: boolean;
}

export interface FigureGroup {
  title: string;
  rows: FigureRow[];
}

export interface TargetRow {
  no: string;
  title: string;
  /** as printed: "95,2%", "3", "Đạt", a rating level */
  value: string;
  goal: string;
  pct?: number;
  status: string;
  /** for the spreadsheet */
  raw: { value?: number; goal: number; measure: TargetMeasure };
}

export const MEETING_KIND_TEXT: Record<MeetingKind, string> = {
  regular: 'Sinh hoạt định kỳ',
  thematic: 'Sinh hoạt chủ điểm',
  topic: 'Sinh hoạt chuyên đề',
  extraordinary: 'Sinh hoạt bất thường',
  political: 'Sinh hoạt chính trị',
  committee: 'Họp Ban Chấp hành',
  congress: 'Đại hội',
  ceremony: 'Lễ kết nạp, trưởng thành Đoàn',
};

export const ACTIVITY_KIND_TEXT: Record<ActivityKind, string> = {
  green_sunday: 'Chủ nhật xanh',
  volunteer_saturday: 'Thứ bảy tình nguyện',
  youth_month: 'Tháng Thanh niên',
  volunteering: 'Hoạt động tình nguyện',
  sport_culture: 'Văn hóa – văn nghệ – thể thao',
  other: 'Hoạt động khác',
};

const STAGE_TEXT: Record<YouthProjectStage, string> = {
  registered: 'Đã đăng ký',
  planApproved: 'Đã duyệt kế hoạch',
  inProgress: 'Đang thực hiện',
  completed: 'Đã hoàn thành',
  accepted: 'Đã nghiệm thu',
  dropped: 'Đã dừng',
};

export const LEVEL_TEXT: Record<RatingLevel, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
};
/** A level target's value and goal are ranks (target-rules.ts): 4 = excellent … 1. */
const LEVEL_BY_RANK: Record<number, RatingLevel> = { 4: 'excellent', 3: 'good', 2: 'completed', 1: 'not_completed' };

const STATUS_TEXT: Record<TargetStatus, string> = {
  met: 'Đạt',
  onTrack: 'Đúng tiến độ',
  behind: 'Chậm tiến độ',
  unreachable: 'Không thể đạt',
  notMeasurable: 'Chưa đo được',
};

/** 87.1 → "87,1" (Vietnamese decimal comma), at most one decimal. */
export function decimalText(n: number): string {
  return String(Math.round(n * 10) / 10).replace('.', ',');
}

/** A row's value as printed: "42", "87,1%", "1.260.000 đồng", or "—" when not measured. */
export function figureText(row: Pick<FigureRow, 'value' | 'unit'>): string {
  const v = row.value;
  if (v === undefined || v === '') return '—';
  if (typeof v === 'string') return v;
  if (row.unit === 'pct') return `${decimalText(v)}%`;
  if (row.unit === 'money') return `${formatAmount(v)} đồng`;
  return decimalText(v);
}

const count = (label: string, value: number, sub = false): FigureRow => ({ label, value, unit: 'count', sub });
const pct = (label: string, value: number | undefined, sub = false): FigureRow => ({ label, value, unit: 'pct', sub });
const money = (label: string, value: number): FigureRow => ({ label, value, unit: 'money' });
const words = (label: string, value: string, sub = false): FigureRow => ({ label, value, unit: 'text', sub });

/** The appendix's groups, in the order of the usual layout; a group with nothing to say is left out. */
export function figureGroups(f: ReportFigures): FigureGroup[] {
  const m = f.membership;
  const groups: FigureGroup[] = [
    {
      title: 'Đoàn viên',
      rows: [
        count('Đoàn viên đầu kỳ', m.start),
        count('Đoàn viên cuối kỳ', m.end),
        count('Kết nạp mới', m.admitted),
        count('Chuyển sinh hoạt đến', m.transferredIn),
        count('Chuyển sinh hoạt đi', m.transferredOut),
        count('Trưởng thành Đoàn', m.graduated),
        count('Xóa tên', m.struckOff),
        count('Bị kỷ luật', m.disciplined),
        count('Được cấp thẻ đoàn viên', m.cardsIssued),
        count('Tròn 30 tuổi trong kỳ, còn sinh hoạt', m.turned30),
        ...m.groups.map((g) => words(`${g.name} (đầu kỳ → cuối kỳ)`, `${g.start} → ${g.end}`, true)),
      ],
    },
  ];

  const mt = f.meetings;
  groups.push({
    title: 'Sinh hoạt chi đoàn',
    rows: [
      count('Số buổi sinh hoạt, hội họp đã tổ chức', mt.byKind.reduce((a, k) => a + k.held, 0)),
      ...mt.byKind.flatMap((k) => [
        count(`${MEETING_KIND_TEXT[k.kind]}: số buổi`, k.held, true),
        pct(`${MEETING_KIND_TEXT[k.kind]}: tỷ lệ tham dự`, k.attendancePct, true),
      ]),
      pct('Tỷ lệ tham dự bình quân', mt.attendancePct),
      words('Tháng không sinh hoạt định kỳ', mt.monthsWithoutRegular.length ? mt.monthsWithoutRegular.map(monthLabel).join(', ') : 'Không có'),
    ],
  });

  const a = f.activities;
  groups.push({
    title: 'Hoạt động, phong trào',
    rows: [
      count('Số hoạt động đã tổ chức', a.total),
      count('Lượt đoàn viên tham gia', a.participants),
      ...a.byKind.flatMap((k) => [
        count(`${ACTIVITY_KIND_TEXT[k.kind]}: số hoạt động`, k.count, true),
        count(`${ACTIVITY_KIND_TEXT[k.kind]}: lượt tham gia`, k.participants, true),
      ]),
    ],
  });

  if (f.projects.items.length) {
    groups.push({
      title: 'Công trình, phần việc thanh niên',
      rows: f.projects.items.map((p) => words(p.title, STAGE_TEXT[p.stage] + (p.acceptedInPeriod ? ' (nghiệm thu trong kỳ)' : ''))),
    });
  }

  const t = f.training;
  groups.push({
    title: `Chương trình rèn luyện đoàn viên năm ${t.year}`,
    rows: [
      count('Đoàn viên thuộc diện', t.roster),
      count('Đã đăng ký', t.registered),
      pct('Tỷ lệ đăng ký', t.registeredPct),
      count('Đã được đánh giá', t.assessed),
      count('Hoàn thành chương trình', t.completing),
      pct('Tỷ lệ hoàn thành', t.completingPct),
    ],
  });

  const r = f.ratings;
  if (r) {
    groups.push({
      title: 'Đánh giá, xếp loại đoàn viên',
      rows: [
        count('Đoàn viên được đánh giá', r.eligible),
        count(LEVEL_TEXT.excellent, r.excellent, true),
        count(LEVEL_TEXT.good, r.good, true),
        count(LEVEL_TEXT.completed, r.completed, true),
        count(LEVEL_TEXT.not_completed, r.notCompleted, true),
        count('Chưa xếp loại', r.undecided, true),
        pct('Tỷ lệ hoàn thành tốt nhiệm vụ trở lên', r.goodOrBetterPct),
        words('Chi đoàn tự đánh giá', r.unitLevel ? LEVEL_TEXT[r.unitLevel] : 'Chưa đánh giá'),
      ],
    });
  }

  const d = f.dues;
  groups.push({
    title: 'Đoàn phí',
    rows: [
      money('Đã thu trong kỳ', d.collected),
      money('Phải nộp cấp trên (1/3 số thu)', d.toRemit),
      money('Đã nộp cấp trên', d.remitted),
      count('Đoàn viên còn nợ cuối kỳ', d.owedMembers),
      count('Số tháng còn nợ', d.owedMonths),
      money('Số tiền còn nợ', d.owedAmount),
    ],
  });

  const rc = f.recognition;
  groups.push({
    title: 'Khen thưởng, giới thiệu đoàn viên ưu tú cho Đảng',
    rows: [
      count('Đoàn viên được khen thưởng', rc.commended),
      count('Đoàn viên ưu tú được giới thiệu cho Đảng', rc.introducedToParty),
      count('Đoàn viên được kết nạp Đảng', rc.admittedToParty),
    ],
  });
  return groups;
}

function measureText(measure: TargetMeasure, v: number | undefined): string {
  if (v === undefined) return '—';
  switch (measure) {
    case 'percent':
      return `${decimalText(v)}%`;
    case 'count':
      return decimalText(v);
    case 'yesNo':
      return v >= 1 ? 'Đạt' : 'Chưa đạt';
    case 'level':
      return LEVEL_BY_RANK[Math.round(v)] ? LEVEL_TEXT[LEVEL_BY_RANK[Math.round(v)]] : '—';
  }
}

/** The year's targets: value / goal / % and where each stands; empty when the year has none. */
export function targetRows(f: ReportFigures): TargetRow[] {
  return (f.targets?.items ?? []).map((t, i) => ({
    no: String(i + 1),
    title: t.title,
    value: measureText(t.measure, t.value),
    goal: measureText(t.measure, t.goal),
    pct: t.pct,
    status: STATUS_TEXT[t.status],
    raw: { value: t.value, goal: t.goal, measure: t.measure },
  }));
}

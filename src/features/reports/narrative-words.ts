// The Vietnamese words of a report's generated sentences (report-narrative.ts): numbers,
// percents, money, months, the period's noun and the names of kinds and stages inside a
// sentence. Vietnamese whatever the UI language: the report goes to cấp trên as an official
// document, like the minutes (protocol/minutes-text.ts). Pure.
import type { ActivityKind, MeetingKind } from '../../protocol/meeting-enums';
import type { YouthProjectStage } from '../../protocol/youth-project-enums';
import type { RatingLevel } from '../../protocol/rating-enums';
import type { ReportPeriod } from '../../protocol/report-period';
import { yearLabel } from '../../protocol/year';
import { formatAmount } from '../../lib/money';
import periodWords from '../../i18n/vi/report-period.json';

// Made on first use (a page's first Intl object costs time on a slow phone).
let decimal: Intl.NumberFormat | undefined;

/** 5000 → "5.000"; 90.5 → "90,5" (one decimal at most) */
export const num = (n: number): string => (decimal ??= new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 })).format(n);
/** 86 → "86 %" (a no-break space, so the sign never starts a line) */
export const pct = (n: number): string => `${num(n)}\u00a0%`;
/** 1260000 → "1.260.000 đồng", as documents write it */
export const money = (n: number): string => `${formatAmount(n)} đồng`;
/** '2026-02' → '02/2026' */
export const month = (m: string): string => `${m.slice(5, 7)}/${m.slice(0, 4)}`;
/** "Sửa sân chơi" → "“Sửa sân chơi”" */
export const quoted = (s: string): string => `“${s}”`;
/** "a, b và c" */
export function listJoin(parts: string[]): string {
  if (parts.length < 2) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}`;
}
export const capitalize = (s: string): string => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

type PeriodRef = Pick<ReportPeriod, 'kind' | 'year' | 'index' | 'yearKind'>;
const school = (p: PeriodRef) => p.kind !== 'quarter' && p.yearKind === 'school';

/** "quý", "kỳ" (a calendar half-year), "học kỳ", "năm", "năm học": "Trong quý", "cuối học kỳ" */
export function periodNoun(p: PeriodRef): string {
  if (p.kind === 'quarter') return 'quý';
  if (p.kind === 'half_year') return school(p) ? 'học kỳ' : 'kỳ';
  return school(p) ? 'năm học' : 'năm';
}

/** "năm 2026", "năm học 2025–2026": the year whose programme the report carries out */
export function programmeYear(p: PeriodRef): string {
  const s = school(p);
  return `${s ? 'năm học' : 'năm'} ${yearLabel(p.year, s ? 'school' : 'calendar')}`;
}

const fill = (s: string, params: Record<string, string>) => s.replace(/\{(\w+)\}/g, (_, k) => params[k] ?? '');
const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** The title's subject in Vietnamese, first letter lower case ("kết quả công tác Đoàn … quý I năm 2026"). */
export function subjectVi(p: PeriodRef): string {
  const kindYear = p.kind === 'quarter' ? 'calendar' : p.yearKind;
  const year = yearLabel(p.year, kindYear);
  const next = yearLabel(p.year + 1, kindYear);
  const w = periodWords as Record<string, string>;
  const code = p.kind === 'quarter' ? `q${p.index}` : p.kind === 'half_year' ? `${school(p) ? 's' : 'h'}${p.index}` : school(p) ? 'sy' : 'y';
  if (p.kind === 'quarter') return lowerFirst(fill(w.subject_quarter, { period: lowerFirst(fill(w[code], { year })) }));
  return lowerFirst(fill(w[`subject_${code}`], { year, next }));
}

/** A meeting kind with its counting word: "3 buổi sinh hoạt định kỳ", "1 cuộc họp Ban Chấp hành" */
export const MEETING_WORDS: Record<MeetingKind, string> = {
  regular: 'buổi sinh hoạt định kỳ',
  thematic: 'buổi sinh hoạt chủ điểm',
  topic: 'buổi sinh hoạt chuyên đề',
  extraordinary: 'buổi sinh hoạt bất thường',
  political: 'buổi sinh hoạt chính trị',
  committee: 'cuộc họp Ban Chấp hành',
  congress: 'kỳ đại hội',
  ceremony: 'buổi lễ (kết nạp, trưởng thành…)',
};

/** An activity kind with its counting word: "2 ngày Chủ nhật xanh" */
export const ACTIVITY_WORDS: Record<ActivityKind, string> = {
  green_sunday: 'ngày Chủ nhật xanh',
  volunteer_saturday: 'ngày Thứ bảy tình nguyện',
  youth_month: 'hoạt động Tháng Thanh niên',
  volunteering: 'hoạt động tình nguyện',
  sport_culture: 'hoạt động văn hóa, văn nghệ, thể thao',
  other: 'hoạt động khác',
};

/** Where a youth project stands, after its name */
export const STAGE_WORDS: Record<YouthProjectStage, string> = {
  registered: 'đã đăng ký',
  planApproved: 'đã được duyệt kế hoạch',
  inProgress: 'đang thực hiện',
  completed: 'đã hoàn thành, chờ nghiệm thu',
  accepted: 'đã được nghiệm thu',
  dropped: 'đã dừng',
};

export const LEVEL_WORDS: Record<RatingLevel, string> = {
  excellent: 'Hoàn thành xuất sắc nhiệm vụ',
  good: 'Hoàn thành tốt nhiệm vụ',
  completed: 'Hoàn thành nhiệm vụ',
  not_completed: 'Không hoàn thành nhiệm vụ',
};

/** A target level's rank (4 = excellent … 1 = not completed: protocol/target-rules.ts) */
export const RANK_WORDS: Record<number, string> = { 4: LEVEL_WORDS.excellent, 3: LEVEL_WORDS.good, 2: LEVEL_WORDS.completed, 1: LEVEL_WORDS.not_completed };

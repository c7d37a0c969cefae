// The factual sentences each section of a report starts with, generated from its figures
// (issue 10: "Trong quý, chi đoàn tổ chức 3 buổi sinh hoạt định kỳ, tỷ lệ tham dự bình quân
// 86 %"), one sentence a line, so the editor can tell which of today's sentences the text
// lacks. Where they go follows the usual layout (DOMAIN.md "A report to cấp trên"): members in
// the situation; themed and political meetings in political education; activities and youth
// projects in the movements; meetings, members' changes, training, ratings, dues, commendation
// and Party introductions in building the Union; targets met in strengths, targets behind and
// months without a regular meeting in weaknesses. Causes, difficulties and the direction are
// hers to write. Vietnamese whatever the UI language (narrative-words.ts). Pure.
import type { ReportFigures } from '../../protocol/report-figures-schema';
import type { ReportPeriod } from '../../protocol/report-period';
import { REPORT_SECTIONS, type ReportSection } from '../../protocol/report-enums';
import type { UnitKind } from '../../protocol/unit';
import type { TargetMeasure } from '../../protocol/target-enums';
import { ACTIVITY_WORDS, LEVEL_WORDS, MEETING_WORDS, RANK_WORDS, STAGE_WORDS, capitalize, listJoin, month, money, num, pct, periodNoun, programmeYear, quoted, subjectVi } from './narrative-words';

export interface NarrativeUnit {
  name: string;
  parentUnit: string;
  kind?: UnitKind;
}
type PeriodRef = Pick<ReportPeriod, 'kind' | 'year' | 'index' | 'yearKind'>;
export type NarrativeLines = Record<ReportSection, string[]>;

const EDUCATION_KINDS = new Set(['thematic', 'topic', 'political']);

interface Words {
  /** "quý", "học kỳ" … */
  p: string;
  /** "chi đoàn" (a Đoàn cơ sở says "đơn vị") */
  unit: string;
}

function opening(period: PeriodRef, u: NarrativeUnit): string[] {
  return [`Thực hiện Chương trình công tác Đoàn và phong trào thanh niên ${programmeYear(period)} của ${u.parentUnit}, Ban Chấp hành ${u.name} báo cáo ${subjectVi(period)} như sau:`];
}

function situation(f: ReportFigures, w: Words): string[] {
  const m = f.membership;
  const delta = m.end - m.start;
  const change = delta > 0 ? ` (tăng ${num(delta)})` : delta < 0 ? ` (giảm ${num(-delta)})` : '';
  const out = [`Đầu ${w.p}, ${w.unit} có ${num(m.start)} đoàn viên; cuối ${w.p} có ${num(m.end)} đoàn viên${change}.`];
  // a sub-group nobody was in (members not placed in one) says nothing
  const groups = m.groups.filter((g) => g.start || g.end);
  if (groups.length) out.push(`Cuối ${w.p}, ${groups.map((g) => `${g.name} có ${num(g.end)} đoàn viên`).join('; ')}.`);
  if (m.turned30) out.push(`Có ${num(m.turned30)} đoàn viên đã đủ 30 tuổi, cần làm thủ tục trưởng thành Đoàn.`);
  return out;
}

const meetingPart = (k: ReportFigures['meetings']['byKind'][number]) => `${num(k.held)} ${MEETING_WORDS[k.kind]}${k.attendancePct !== undefined ? ` (tỷ lệ tham dự ${pct(k.attendancePct)})` : ''}`;

function politicalEducation(f: ReportFigures, w: Words): string[] {
  const held = f.meetings.byKind.filter((k) => EDUCATION_KINDS.has(k.kind) && k.held > 0);
  return held.length ? [`Trong ${w.p}, ${w.unit} tổ chức ${listJoin(held.map(meetingPart))}.`] : [];
}

function movements(f: ReportFigures, w: Words): string[] {
  const out: string[] = [];
  const a = f.activities;
  if (a.total > 0) {
    // participants come from the roll: an activity whose roll was not taken says nothing of them, not "0 lượt"
    const kinds = a.byKind.filter((k) => k.count > 0).map((k) => `${num(k.count)} ${ACTIVITY_WORDS[k.kind]}${k.participants ? ` (${num(k.participants)} lượt)` : ''}`);
    const who = a.participants ? ` với ${num(a.participants)} lượt đoàn viên, thanh niên tham gia` : '';
    out.push(`Trong ${w.p}, ${w.unit} tổ chức ${num(a.total)} hoạt động phong trào${who}${kinds.length ? `: ${kinds.join(', ')}` : ''}.`);
  }
  const projects = f.projects.items.filter((p) => p.stage !== 'dropped' || p.acceptedInPeriod);
  if (projects.length) {
    const parts = projects.map((p) => `${quoted(p.title)} (${p.acceptedInPeriod ? `đã được nghiệm thu trong ${w.p}` : STAGE_WORDS[p.stage]})`);
    out.push(`Công trình, phần việc thanh niên: ${parts.join('; ')}.`);
  }
  return out;
}

function meetingLines(f: ReportFigures, w: Words): string[] {
  const g = f.meetings;
  const regular = g.byKind.find((k) => k.kind === 'regular');
  const out: string[] = [];
  if (g.regularHeld > 0) {
    const rate = regular?.attendancePct !== undefined ? `, tỷ lệ tham dự bình quân ${pct(regular.attendancePct)}` : '';
    out.push(`Trong ${w.p}, ${w.unit} tổ chức ${num(g.regularHeld)} buổi sinh hoạt định kỳ${rate}.`);
  } else out.push(`Trong ${w.p}, ${w.unit} chưa tổ chức buổi sinh hoạt định kỳ nào.`);
  const others = g.byKind.filter((k) => k.kind !== 'regular' && !EDUCATION_KINDS.has(k.kind) && k.held > 0);
  if (others.length) out.push(`Ngoài ra, tổ chức ${listJoin(others.map(meetingPart))}.`);
  const rated = g.byKind.filter((k) => k.held > 0 && k.attendancePct !== undefined);
  if (g.attendancePct !== undefined && rated.length > 1) out.push(`Tỷ lệ đoàn viên tham dự bình quân các buổi sinh hoạt: ${pct(g.attendancePct)}.`);
  return out;
}

function memberLines(f: ReportFigures, w: Words): string[] {
  const m = f.membership;
  const parts = [
    m.admitted && `kết nạp ${num(m.admitted)} đoàn viên mới`,
    m.transferredIn && `tiếp nhận ${num(m.transferredIn)} đoàn viên chuyển đến`,
    m.transferredOut && `${num(m.transferredOut)} đoàn viên chuyển sinh hoạt đi`,
    m.graduated && `${num(m.graduated)} đoàn viên trưởng thành Đoàn`,
    m.struckOff && `xóa tên ${num(m.struckOff)} đoàn viên`,
    m.cardsIssued && `trao ${num(m.cardsIssued)} thẻ đoàn viên`,
  ].filter((s): s is string => !!s);
  return [parts.length ? `Trong ${w.p}, ${parts.join(', ')}.` : `Trong ${w.p}, số lượng đoàn viên không có biến động.`];
}

function trainingLines(f: ReportFigures): string[] {
  const t = f.training;
  if (!t.roster) return [];
  let s = `Chương trình rèn luyện đoàn viên: ${num(t.registered)}/${num(t.roster)} đoàn viên đăng ký${t.registeredPct !== undefined ? ` (${pct(t.registeredPct)})` : ''}`;
  if (t.assessed > 0) s += `; đã đánh giá ${num(t.assessed)} đoàn viên, ${num(t.completing)} đoàn viên hoàn thành${t.completingPct !== undefined ? ` (${pct(t.completingPct)})` : ''}`;
  return [`${s}.`];
}

function ratingLines(f: ReportFigures, w: Words): string[] {
  const r = f.ratings;
  if (!r || !r.eligible) return [];
  const levels = [`${num(r.excellent)} đoàn viên ${LEVEL_WORDS.excellent.toLocaleLowerCase('vi')}`, `${num(r.good)} ${LEVEL_WORDS.good.toLocaleLowerCase('vi')}`, `${num(r.completed)} ${LEVEL_WORDS.completed.toLocaleLowerCase('vi')}`, `${num(r.notCompleted)} ${LEVEL_WORDS.not_completed.toLocaleLowerCase('vi')}`];
  let s = `Đánh giá, xếp loại ${num(r.eligible)} đoàn viên: ${levels.join(', ')}`;
  if (r.undecided) s += `; ${num(r.undecided)} đoàn viên chưa xếp loại`;
  if (r.goodOrBetterPct !== undefined) s += ` (tỷ lệ hoàn thành tốt nhiệm vụ trở lên ${pct(r.goodOrBetterPct)})`;
  const out = [`${s}.`];
  if (r.unitLevel) out.push(`${capitalize(w.unit)} tự đánh giá xếp loại: ${LEVEL_WORDS[r.unitLevel]}.`);
  return out;
}

function duesLines(f: ReportFigures, w: Words): string[] {
  const d = f.dues;
  if (!d.collected && !d.remitted && !d.owedMembers) return [];
  let s = `Đoàn phí: thu ${money(d.collected)}; đã trích nộp cấp trên ${money(d.remitted)}`;
  if (d.toRemit !== d.remitted) s += ` (phải nộp ${money(d.toRemit)})`;
  if (d.owedMembers) s += `; cuối ${w.p} còn ${num(d.owedMembers)} đoàn viên nợ ${num(d.owedMonths)} tháng đoàn phí (${money(d.owedAmount)})`;
  return [`${s}.`];
}

function recognitionLines(f: ReportFigures, w: Words): string[] {
  const r = f.recognition;
  const parts = [
    r.commended && `${num(r.commended)} đoàn viên được khen thưởng`,
    r.disciplined && `${num(r.disciplined)} đoàn viên bị kỷ luật`,
    r.introducedToParty && `giới thiệu ${num(r.introducedToParty)} đoàn viên ưu tú cho Đảng xem xét kết nạp`,
    r.admittedToParty && `${num(r.admittedToParty)} đoàn viên được kết nạp vào Đảng`,
  ].filter((s): s is string => !!s);
  return parts.length ? [`Trong ${w.p}, ${parts.join(', ')}.`] : [];
}

function valueText(measure: TargetMeasure, v: number | undefined): string {
  if (v === undefined) return 'chưa đo được';
  if (measure === 'percent') return pct(v);
  if (measure === 'yesNo') return v >= 1 ? 'đạt' : 'chưa đạt';
  if (measure === 'level') return RANK_WORDS[Math.round(v)] ?? num(v);
  return num(v);
}

type TargetItem = NonNullable<ReportFigures['targets']>['items'][number];

/** ": hiện đạt 95,2 % (chỉ tiêu 100 %)"; a yes/no target says nothing more than its status */
function standing(t: TargetItem): string {
  if (t.measure === 'yesNo') return '';
  if (t.value === undefined) return ': chưa đo được';
  return `: hiện đạt ${valueText(t.measure, t.value)} (chỉ tiêu ${valueText(t.measure, t.goal)})`;
}

function strengths(f: ReportFigures): string[] {
  const met = (f.targets?.items ?? []).filter((t) => t.status === 'met');
  const item = (t: TargetItem) => (t.measure === 'yesNo' || t.value === undefined ? quoted(t.title) : `${quoted(t.title)} (đạt ${valueText(t.measure, t.value)})`);
  return met.length ? [`Đã đạt ${met.length === 1 ? 'chỉ tiêu' : `${num(met.length)} chỉ tiêu`}: ${met.map(item).join('; ')}.`] : [];
}

function weaknesses(f: ReportFigures, w: Words): string[] {
  const out: string[] = [];
  for (const t of f.targets?.items ?? []) {
    if (t.status === 'behind') out.push(`Chỉ tiêu ${quoted(t.title)} chậm tiến độ${standing(t)}.`);
    if (t.status === 'unreachable') out.push(`Chỉ tiêu ${quoted(t.title)} không còn khả năng đạt trong năm${standing(t)}.`);
  }
  const missed = f.meetings.monthsWithoutRegular;
  if (missed.length) out.push(`${missed.length === 1 ? 'Tháng' : 'Các tháng'} ${missed.map(month).join(', ')} ${w.unit} chưa tổ chức sinh hoạt định kỳ.`);
  return out;
}

/** Today's sentences of every section (empty where the figures say nothing). */
export function narrativeLines(f: ReportFigures, period: PeriodRef, unit: NarrativeUnit): NarrativeLines {
  const w: Words = { p: periodNoun(period), unit: unit.kind === 'baseUnion' ? 'đơn vị' : 'chi đoàn' };
  const lines: NarrativeLines = Object.fromEntries(REPORT_SECTIONS.map((s) => [s, [] as string[]])) as NarrativeLines;
  lines.opening = opening(period, unit);
  lines.situation = situation(f, w);
  lines.politicalEducation = politicalEducation(f, w);
  lines.movements = movements(f, w);
  lines.buildingUnion = [...meetingLines(f, w), ...memberLines(f, w), ...trainingLines(f), ...ratingLines(f, w), ...duesLines(f, w), ...recognitionLines(f, w)];
  lines.strengths = strengths(f);
  lines.weaknesses = weaknesses(f, w);
  return lines;
}

/** The sections' starting text: their sentences, one a line. */
export function narrativeText(f: ReportFigures, period: PeriodRef, unit: NarrativeUnit): Record<ReportSection, string> {
  const lines = narrativeLines(f, period, unit);
  return Object.fromEntries(REPORT_SECTIONS.map((s) => [s, lines[s].join('\n')])) as Record<ReportSection, string>;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Today's sentences a section's text does not hold (whitespace aside). */
export function missingLines(text: string | undefined, lines: readonly string[]): string[] {
  const have = norm(text ?? '');
  return lines.filter((l) => !have.includes(norm(l)));
}

/** A sentence with its numbers taken out: the same sentence over other figures has the same shape. */
const shape = (s: string) => norm(s).replace(/\d[\d.,]*/g, '#');

/**
 * The text with today's missing sentences in: one that is the same sentence over older figures
 * (same words, other numbers) is replaced where it stands; a new one goes first (figures open a
 * section). Lines that are exactly a sentence of `stale` (the sent version's figures) and not
 * one of today's are taken out, since today's replace them. Her own lines stay as they are.
 */
export function insertLines(text: string | undefined, lines: readonly string[], stale: readonly string[] = []): string {
  const add = missingLines(text, lines);
  const today = new Set(lines.map(norm));
  const old = new Set(stale.map(norm).filter((l) => !today.has(l)));
  const kept = (text ?? '').split('\n');
  const first: string[] = [];
  for (const line of add) {
    const at = kept.findIndex((k) => !today.has(norm(k)) && shape(k) === shape(line));
    if (at >= 0) kept[at] = line;
    else first.push(line);
  }
  const rest = kept.filter((l) => !old.has(norm(l)));
  while (rest.length && !rest[0].trim()) rest.shift();
  return [...first, ...rest].join('\n').trimEnd();
}

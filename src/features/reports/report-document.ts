// A report to cấp trên as a document (DOMAIN.md "A report to cấp trên — the usual layout"):
// cấp trên and the unit, "Số: …-BC/…" left; "ĐOÀN TNCS HỒ CHÍ MINH" and place/date right (as
// the minutes and the year's plan print it); "BÁO CÁO" and its subject; the narrative in its
// parts (results, overall assessment; difficulties and proposals, direction), sections left
// empty left out; "Nơi nhận" and "TM. BAN CHẤP HÀNH / BÍ THƯ"; then the figures' appendix.
// Built once, rendered as HTML (the A4 page) and as WordprocessingML (.docx).
// A sent version is printed from what it froze — its figures, text, names and date — and
// never recomputed; only the working copy reads live figures. Vietnamese whatever the UI
// language: it is an official document. Pure.
import type { Report, ReportSectionsText, ReportVersion } from '../../protocol/report';
import type { ReportSection, SignerTitle } from '../../protocol/report-enums';
import type { ReportFigures } from '../../protocol/report-figures-schema';
import { nextPeriod, reportPeriod, type ReportPeriod } from '../../protocol/report-period';
import type { UnitKind } from '../../protocol/unit';
import { placeDateLine, typedOrLocality } from '../../lib/place-date';
import { inVietnamese, periodLabel, reportSubject } from './period-label';
import { figureGroups, targetRows, type FigureGroup, type TargetRow } from './report-figures-rows';

export interface ReportDocInput {
  period: ReportPeriod;
  unit: { name: string; kind?: UnitKind; parentUnit: string };
  sections: Partial<ReportSectionsText>;
  header: { docNumber?: string; place?: string; recipients?: string; signerTitle?: SignerTitle; signerName?: string };
  figures: ReportFigures;
  /** the day it is dated, yyyy-mm-dd: the day it was sent, or today for a draft */
  date: string;
  /** the version as sent; absent: the working copy, a draft */
  sent?: { version: number };
}

export type ReportBlock =
  /** "PHẦN I. …", centred */
  | { kind: 'part'; text: string }
  /** "I. TÌNH HÌNH CHUNG" */
  | { kind: 'heading'; text: string }
  /** "1. Ưu điểm" */
  | { kind: 'subheading'; text: string }
  | { kind: 'para'; text: string };

export interface ReportDoc {
  issuer: { parent: string; unit: string; number: string };
  organisation: string;
  placeDate: string;
  isDraft: boolean;
  title: string;
  subtitle: string;
  body: ReportBlock[];
  closing: string;
  recipients: string[];
  signature: { role: string[]; name: string };
  appendix: { title: string; subtitle: string; groups: FigureGroup[]; targetsTitle?: string; targets: TargetRow[] };
}

export const ORGANISATION = 'ĐOÀN TNCS HỒ CHÍ MINH';
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const upper = (s: string) => s.trim().toLocaleUpperCase('vi');
const lower = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/** "Đoàn phường 7" → "ĐOÀN PHƯỜNG 7": cấp trên by its name, as the minutes and the year's plan print it (the unit's committee, below it, issues the report). */
export function parentLine(parentUnit: string): string {
  return upper(parentUnit) || '……………';
}

/** "Chi đoàn Công ty May 30/4" → "BCH CHI ĐOÀN CÔNG TY MAY 30/4"; a bare name gets its level. */
export function unitLine(unit: ReportDocInput['unit']): string {
  const name = upper(unit.name);
  if (!name) return 'BCH CHI ĐOÀN ……………';
  if (/^BCH\b/.test(name)) return name;
  return `BCH ${/^(CHI ĐOÀN|ĐOÀN)\b/.test(name) ? name : `${unit.kind === 'baseUnion' ? 'ĐOÀN' : 'CHI ĐOÀN'} ${name}`}`;
}

/** Text typed in a box, one paragraph per non-empty line. */
export function paragraphs(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** "Nơi nhận", one a line; a typed "- " is the printed dash, not part of the name. */
export function recipientLines(text: string | undefined, parentUnit: string): string[] {
  const typed = paragraphs(text).map((l) => l.replace(/^[-–•+*]\s*/, ''));
  if (typed.length) return typed;
  return [parentUnit.trim() ? `${parentUnit.trim()} (để báo cáo);` : 'Cấp trên (để báo cáo);', 'Lưu VP.'];
}

/** An ISO instant → the phone's day, yyyy-mm-dd (a version is dated the day it was sent there). */
export function localDay(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso.slice(0, 10);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** The headings of the narrative, by section, in REPORT_SECTIONS order within each part. */
const RESULTS: readonly [ReportSection, string][] = [
  ['politicalEducation', 'Công tác giáo dục chính trị, tư tưởng'],
  ['movements', 'Các phong trào, hoạt động'],
  ['buildingUnion', 'Công tác xây dựng tổ chức Đoàn'],
];
const ASSESSMENT: readonly [ReportSection, string][] = [
  ['strengths', 'Ưu điểm'],
  ['weaknesses', 'Hạn chế'],
  ['causes', 'Nguyên nhân'],
];

function narrative(input: ReportDocInput): ReportBlock[] {
  const s = input.sections;
  const lines = (k: ReportSection) => paragraphs(s[k]);
  const body: ReportBlock[] = lines('opening').map((text) => ({ kind: 'para', text }));
  const period = lower(periodLabel(input.period, inVietnamese));
  const next = lower(periodLabel(nextPeriod(input.period), inVietnamese));

  // A part's headings are numbered over the sections that are there.
  const part = (title: string, headings: { title: string; subs?: readonly [ReportSection, string][]; section?: ReportSection }[]) => {
    const blocks: ReportBlock[] = [];
    let n = 0;
    for (const h of headings) {
      const own = h.section ? lines(h.section) : [];
      const subs = (h.subs ?? []).filter(([k]) => lines(k).length);
      if (!own.length && !subs.length) continue;
      blocks.push({ kind: 'heading', text: `${ROMAN[n++]}. ${upper(h.title)}` });
      own.forEach((text) => blocks.push({ kind: 'para', text }));
      subs.forEach(([k, title], i) => {
        blocks.push({ kind: 'subheading', text: `${i + 1}. ${title}` });
        lines(k).forEach((text) => blocks.push({ kind: 'para', text }));
      });
    }
    if (blocks.length) body.push({ kind: 'part', text: title }, ...blocks);
  };
  part(`PHẦN I. KẾT QUẢ CÔNG TÁC ĐOÀN VÀ PHONG TRÀO THANH NIÊN ${upper(period)}`, [
    { title: 'Tình hình chung', section: 'situation' },
    { title: 'Kết quả thực hiện', subs: RESULTS },
    { title: 'Đánh giá chung', subs: ASSESSMENT },
  ]);
  part(`PHẦN II. KHÓ KHĂN, ĐỀ XUẤT VÀ PHƯƠNG HƯỚNG NHIỆM VỤ ${upper(next)}`, [
    { title: 'Khó khăn, vướng mắc, đề xuất, kiến nghị', section: 'difficulties' },
    { title: `Phương hướng, nhiệm vụ ${next}`, section: 'direction' },
  ]);
  return body;
}

export function buildReportDoc(input: ReportDocInput): ReportDoc {
  const { header, period, unit } = input;
  const d = input.date;
  const number = header.docNumber?.trim().replace(/^Số:\s*/i, '');
  const subtitle = reportSubject(period, inVietnamese);
  const targets = targetRows(input.figures);
  const unitName = unit.name.trim() || 'chi đoàn';
  return {
    issuer: { parent: parentLine(unit.parentUnit), unit: unitLine(unit), number: `Số: ${number || '……-BC/ĐTN'}` },
    organisation: ORGANISATION,
    placeDate: placeDateLine(header.place, d),
    isDraft: !input.sent,
    title: 'BÁO CÁO',
    subtitle,
    body: narrative(input),
    closing: `Trên đây là báo cáo ${lower(subtitle)} của ${unitName}.`,
    recipients: recipientLines(header.recipients, unit.parentUnit),
    signature: {
      role: ['TM. BAN CHẤP HÀNH', header.signerTitle === 'deputy' ? 'PHÓ BÍ THƯ' : 'BÍ THƯ'],
      name: header.signerName?.trim() ?? '',
    },
    appendix: {
      title: 'PHỤ LỤC SỐ LIỆU',
      subtitle: `(Kèm theo báo cáo ${lower(periodLabel(period, inVietnamese))}; số liệu tính đến ngày ${input.figures.asOf.split('-').reverse().join('/')})`,
      groups: figureGroups(input.figures),
      targetsTitle: targets.length && input.figures.targets ? `Chỉ tiêu năm ${input.figures.targets.year}` : undefined,
      targets,
    },
  };
}

/** A sent version, as it was sent: nothing in it is read from today's records. */
export function versionDocInput(v: ReportVersion, unitKind?: UnitKind): ReportDocInput {
  return {
    period: { kind: v.kind, year: v.year, index: v.index, yearKind: v.yearKind, from: v.from, to: v.to },
    unit: { name: v.unitName, kind: unitKind, parentUnit: v.parentUnit },
    sections: v.sections,
    header: { docNumber: v.docNumber, place: v.place, recipients: v.recipients, signerTitle: v.signerTitle, signerName: v.signerName },
    figures: v.figures,
    date: localDay(v.submittedAt),
    sent: { version: v.version },
  };
}

/** The working copy with today's figures, dated today and marked a draft; the place typed in it, else the unit's locality. */
export function draftDocInput(
  report: Report,
  unit: { name: string; kind: UnitKind; parentUnit: string; secretaryName?: string; locality?: string } | undefined,
  figures: ReportFigures,
  today: string,
): ReportDocInput {
  const signerName = report.signerName?.trim() || (report.signerTitle !== 'deputy' ? unit?.secretaryName : undefined);
  return {
    period: reportPeriod(report.kind, report.year, report.index, report.yearKind),
    unit: { name: unit?.name ?? '', kind: unit?.kind, parentUnit: unit?.parentUnit ?? '' },
    sections: report,
    header: { docNumber: report.docNumber, place: typedOrLocality(report.place, unit?.locality), recipients: report.recipients, signerTitle: report.signerTitle, signerName },
    figures,
    date: today,
  };
}

/** "bao-cao-2026-q1-v1.docx", "bao-cao-2025-y-nhap.xlsx" */
export function reportFileName(reportId: string, version: number | undefined, ext: 'docx' | 'xlsx'): string {
  const stem = reportId.replace(/^report:/, 'bao-cao-').replace(/:/g, '-');
  return `${stem}-${version ? `v${version}` : 'nhap'}.${ext}`;
}

/** Every line of the document as plain text, in reading order (tests). */
export function reportPlainText(doc: ReportDoc): string {
  return [
    doc.issuer.parent,
    doc.issuer.unit,
    doc.issuer.number,
    doc.organisation,
    doc.placeDate,
    doc.isDraft ? 'BẢN NHÁP' : '',
    doc.title,
    doc.subtitle,
    ...doc.body.map((b) => b.text),
    doc.closing,
    'Nơi nhận:',
    ...doc.recipients.map((r) => `- ${r}`),
    ...doc.signature.role,
    doc.signature.name,
  ]
    .filter(Boolean)
    .join('\n');
}

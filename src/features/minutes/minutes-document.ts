// The minutes (biên bản) as a document: the usual administrative layout of DOMAIN.md
// ("Minutes of a meeting — the usual layout", items 1–9), built once from the records and
// rendered twice — as HTML for the A4 print view and as WordprocessingML for the .docx.
// The words are Vietnamese whatever the UI language: it is an official document. Pure.
import type { MeetingKind } from '../../protocol/meeting-enums';
import type { AttendanceSnapshot, MinutesFields } from '../../protocol/minutes';
import { attendanceLines, minutesSubtitle, timeLine, voteLine } from '../../protocol/minutes-text';
import type { UnitKind } from '../../protocol/unit';
import { formatDate, isValidIsoDate } from '../../lib/dates';
import { placeDateLine } from '../../lib/place-date';

export interface MinutesDocInput {
  unit: { name: string; kind: UnitKind; parentUnit: string; locality?: string } | undefined;
  meeting: { kind: MeetingKind; title: string; startsAt: string; place?: string; agenda?: string };
  minutes: Partial<MinutesFields> | undefined;
  attendance: AttendanceSnapshot;
  chairName?: string;
  minuteTakerName?: string;
  addenda?: readonly { text: string; writtenAt: string }[];
}

/** One line of body text; `label` is printed bold before it ("Địa điểm: …"). */
export type DocBlock =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'para'; text: string; label?: string }
  | { kind: 'item'; text: string; label?: string };

export interface MinutesDoc {
  /** cấp trên, then the unit ("CHI ĐOÀN …"), top left */
  issuer: { parent: string; unit: string };
  /** top right */
  organisation: string;
  placeDate: string;
  title: string;
  subtitle: string;
  theme?: string;
  isDraft: boolean;
  body: DocBlock[];
  closing: string;
  /** left then right: the chair, who carries the authority, signs on the right */
  signatures: [{ role: string; name: string }, { role: string; name: string }];
  addenda: { heading: string; paragraphs: string[] }[];
}

export const ORGANISATION = 'ĐOÀN TNCS HỒ CHÍ MINH';
/** What an empty part of a draft prints as: room to write by hand. */
export const BLANK = '…………………………………………………………';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/** What the gathering is called in running text. */
const GATHERING: Record<MeetingKind, string> = {
  regular: 'Buổi sinh hoạt',
  thematic: 'Buổi sinh hoạt',
  topic: 'Buổi sinh hoạt',
  extraordinary: 'Buổi sinh hoạt',
  political: 'Buổi sinh hoạt',
  committee: 'Cuộc họp',
  congress: 'Đại hội',
  ceremony: 'Buổi lễ',
};

const upper = (s: string) => s.trim().toLocaleUpperCase('vi');

/** "Chi đoàn Công ty May 30/4" → "CHI ĐOÀN CÔNG TY MAY 30/4"; a bare name gets its level. */
export function issuerUnitLine(unit: MinutesDocInput['unit']): string {
  if (!unit) return 'CHI ĐOÀN ……………';
  const name = upper(unit.name);
  if (/^(CHI ĐOÀN|ĐOÀN|BCH)\b/.test(name)) return name;
  return `${unit.kind === 'baseUnion' ? 'ĐOÀN' : 'CHI ĐOÀN'} ${name}`;
}

/** Text typed in a box, one paragraph per non-empty line. */
export function paragraphs(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A task's deadline: stored ISO when it was a real date, otherwise as typed. */
export function dueText(due: string | undefined): string {
  if (!due) return '';
  return isValidIsoDate(due) ? formatDate(due) : due;
}

/** "21:05" → "21 giờ 05 phút" */
export function clockText(hhmm: string | undefined): string | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm ?? '');
  return m ? `${m[1].padStart(2, '0')} giờ ${m[2]} phút` : undefined;
}

/** "dd/mm/yyyy hh:mm" in the device's time zone (addenda are stamped with an ISO instant). */
export function stampText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function buildMinutesDoc(input: MinutesDocInput): MinutesDoc {
  const { meeting, attendance } = input;
  const m = input.minutes ?? {};
  const isDraft = m.status !== 'finalized';
  const blank = (lines: string[]) => (lines.length ? lines : [BLANK]);
  const body: DocBlock[] = [];
  let n = 0;
  const section = (title: string) => body.push({ kind: 'heading', text: `${ROMAN[n++]}. ${title}` });
  const paras = (lines: string[]) => lines.forEach((text) => body.push({ kind: 'para', text }));

  // 3. Time started, place.
  section('THỜI GIAN, ĐỊA ĐIỂM');
  body.push({ kind: 'para', label: 'Thời gian bắt đầu:', text: `${timeLine(meeting.startsAt)}.` });
  body.push({ kind: 'para', label: 'Địa điểm:', text: meeting.place ? `${meeting.place}.` : BLANK });

  // 4. Attendance, from the roll.
  section('THÀNH PHẦN THAM DỰ');
  attendanceLines(attendance).forEach((text) => body.push({ kind: 'item', text: `- ${text}` }));

  // 5. Chair and minute-taker.
  section('CHỦ TRÌ, THƯ KÝ');
  body.push({ kind: 'para', label: 'Chủ trì:', text: input.chairName ? `đồng chí ${input.chairName}.` : BLANK });
  body.push({ kind: 'para', label: 'Thư ký:', text: input.minuteTakerName ? `đồng chí ${input.minuteTakerName}.` : BLANK });

  // 6. Agenda.
  section('CHƯƠNG TRÌNH');
  paras(blank(paragraphs(meeting.agenda)));

  // 7. Content.
  section('NỘI DUNG');
  let k = 0;
  const part = (title: string) => body.push({ kind: 'subheading', text: `${++k}. ${title}` });
  part('Đánh giá kết quả thực hiện nhiệm vụ kỳ trước');
  paras(blank(paragraphs(m.reviewOfLastPeriod)));
  part('Các vấn đề thảo luận');
  paras(blank(paragraphs(m.discussion)));
  const speakers = paragraphs(m.speakers);
  if (speakers.length) {
    body.push({ kind: 'para', label: 'Ý kiến phát biểu:', text: '' });
    speakers.forEach((text) => body.push({ kind: 'item', text: `- ${text}` }));
  }
  const themed = paragraphs(m.themedPart);
  if (themed.length) {
    part('Sinh hoạt chủ điểm, chuyên đề');
    paras(themed);
  }
  if (m.duesCollected?.trim()) {
    part('Thu đoàn phí');
    paras(paragraphs(m.duesCollected));
  }
  if (m.votes?.length) {
    part('Biểu quyết');
    m.votes.forEach((v, i) => {
      body.push({ kind: 'item', label: `${String.fromCharCode(97 + (i % 26))}) ${v.matter}:`, text: voteLine(v) });
    });
  }

  // 8. Conclusions, resolutions, tasks.
  section('KẾT LUẬN, NGHỊ QUYẾT VÀ PHÂN CÔNG NHIỆM VỤ');
  paras(blank(paragraphs(m.conclusions)));
  if (m.tasks?.length) {
    body.push({ kind: 'para', label: 'Phân công nhiệm vụ:', text: '' });
    for (const task of m.tasks) {
      const who = task.who?.trim() ? `; người thực hiện: ${task.who.trim()}` : '';
      const due = task.due ? `; thời hạn: ${dueText(task.due)}` : '';
      body.push({ kind: 'item', text: `- ${task.what}${who}${due}.` });
    }
  }

  // 9. Time ended; signatures.
  const ended = clockText(m.endedAt) ?? '…… giờ …… phút';
  const theme = meeting.kind === 'regular' || meeting.kind === 'committee' ? undefined : meeting.title;
  return {
    issuer: { parent: upper(input.unit?.parentUnit ?? ''), unit: issuerUnitLine(input.unit) },
    organisation: ORGANISATION,
    // the unit's locality, not the meeting's room: that is the body's "Địa điểm"
    placeDate: m.placeAndDate?.trim() || placeDateLine(input.unit?.locality, meeting.startsAt),
    title: 'BIÊN BẢN',
    subtitle: minutesSubtitle(meeting.kind, meeting.startsAt),
    theme: theme ? `Chủ đề: ${theme}` : undefined,
    isDraft,
    body,
    closing: `${GATHERING[meeting.kind]} kết thúc vào lúc ${ended} cùng ngày.`,
    signatures: [
      { role: 'THƯ KÝ', name: input.minuteTakerName ?? '' },
      { role: 'CHỦ TRÌ', name: input.chairName ?? '' },
    ],
    addenda: (input.addenda ?? []).map((a, i) => ({
      heading: `PHỤ LỤC ${i + 1} (bổ sung ngày ${stampText(a.writtenAt)})`,
      paragraphs: paragraphs(a.text),
    })),
  };
}

/** Every line of the document as plain text, in reading order (tests, sharing). */
export function minutesPlainText(doc: MinutesDoc): string {
  const lines = [
    doc.issuer.parent,
    doc.issuer.unit,
    doc.organisation,
    doc.placeDate,
    doc.isDraft ? 'BẢN NHÁP' : '',
    doc.title,
    doc.subtitle,
    doc.theme ?? '',
    ...doc.body.map((b) => ('label' in b && b.label ? `${b.label} ${b.text}`.trim() : b.text)),
    doc.closing,
    ...doc.signatures.flatMap((s) => [s.role, s.name]),
    ...doc.addenda.flatMap((a) => [a.heading, ...a.paragraphs]),
  ];
  return lines.filter(Boolean).join('\n');
}

// A check-in as a formal record, "Biên bản giao ban": the unit's document head (cấp trên, the
// committee, Số; the organisation, place and date), the title, when, where, who attended, the
// findings, the actions agreed as a table (what, who, by when, how it stands), and the two
// signatures — the level above's cadre and the unit's secretary. Built once, rendered as HTML
// (the print view) and as WordprocessingML (.docx). Vietnamese whatever the UI language: it is
// an official document. Pure.
import type { CheckIn, CheckInAction } from '../../protocol/oversight';
import { quarterOf } from '../../protocol/checkin-rules';
import { placeDateLine } from '../../lib/place-date';
import { ORGANISATION_NAME, issuerLine } from './doc-words';

export interface CheckinDocInput {
  unit: { name: string; kind: 'branch' | 'baseUnion'; parentUnit: string; secretaryName?: string; locality?: string } | undefined;
  checkIn: Pick<CheckIn, 'date' | 'place' | 'attendees' | 'findings' | 'byName'>;
  actions: readonly Pick<CheckInAction, 'what' | 'who' | 'dueOn' | 'status' | 'followUp'>[];
}

export interface CheckinDocRow {
  no: string;
  what: string;
  who: string;
  due: string;
  result: string;
}

export interface CheckinDoc {
  issuer: { parent: string; unit: string; number: string };
  organisation: string;
  placeDate: string;
  title: string;
  subtitle: string;
  /** "Thời gian: …", "Địa điểm: …" */
  facts: { label: string; text: string }[];
  attendees: string[];
  findings: string[];
  rows: CheckinDocRow[];
  closing: string;
  signs: { role: string[]; name: string }[];
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const STATUS_TEXT: Record<string, string> = { open: 'Đang thực hiện', done: 'Đã hoàn thành', dropped: 'Không thực hiện' };
const dmy = (iso?: string) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
const lines = (s?: string) => (s ?? '').split(/\r?\n/).map((l) => l.trim()).filter(Boolean);

export function buildCheckinDoc(input: CheckinDocInput): CheckinDoc {
  const c = input.checkIn;
  const d = c.date;
  const unitName = input.unit?.name.trim() || 'chi đoàn';
  const above = input.unit?.parentUnit.trim() || 'cấp trên';
  const place = c.place?.trim();
  return {
    issuer: { parent: (input.unit?.parentUnit.trim() ?? '').toLocaleUpperCase('vi') || '……………', unit: issuerLine(input.unit), number: 'Số: ……-BB/ĐTN' },
    organisation: ORGANISATION_NAME,
    placeDate: placeDateLine(input.unit?.locality, d),
    title: 'BIÊN BẢN',
    subtitle: `Giao ban quý ${ROMAN[quarterOf(d) - 1]} năm ${d.slice(0, 4)} giữa ${above} và ${unitName}`,
    facts: [
      { label: 'Thời gian', text: `ngày ${dmy(d)}.` },
      { label: 'Địa điểm', text: place ? `${place}.` : '……………………………' },
    ],
    attendees: lines(c.attendees),
    findings: lines(c.findings),
    rows: input.actions.map((a, i) => ({
      no: String(i + 1),
      what: a.what,
      who: a.who?.trim() ?? '',
      due: dmy(a.dueOn),
      result: [STATUS_TEXT[a.status] ?? a.status, a.followUp?.trim()].filter(Boolean).join(': '),
    })),
    closing: 'Biên bản đã được đọc lại cho các thành phần tham dự cùng nghe và thống nhất thông qua.',
    signs: [
      { role: [`ĐẠI DIỆN ${above.toLocaleUpperCase('vi')}`], name: c.byName?.trim() ?? '' },
      { role: ['TM. BAN CHẤP HÀNH', 'BÍ THƯ'], name: input.unit?.secretaryName?.trim() ?? '' },
    ],
  };
}

/** "bien-ban-giao-ban-2026-04-15.docx" */
export function checkinFileName(date: string): string {
  return `bien-ban-giao-ban-${date}.docx`;
}

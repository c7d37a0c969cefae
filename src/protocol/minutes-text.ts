// The words of the minutes (biên bản) in the usual administrative layout of DOMAIN.md.
// Minutes are an official Vietnamese document, so this text is Vietnamese whatever the
// UI language. Pure: the print view, the .docx export and the tests all use it.
import type { MeetingKind } from './meeting-enums';
import type { AttendanceSnapshot } from './minutes';
import type { RollRow } from './attendance-rules';
import { nameTags, taggedName, type Taggable } from '../lib/names';

const KIND_TITLE: Record<MeetingKind, string> = {
  regular: 'SINH HOẠT CHI ĐOÀN',
  thematic: 'SINH HOẠT CHỦ ĐIỂM',
  topic: 'SINH HOẠT CHUYÊN ĐỀ',
  extraordinary: 'SINH HOẠT BẤT THƯỜNG',
  political: 'SINH HOẠT CHÍNH TRỊ',
  committee: 'HỌP BAN CHẤP HÀNH',
  congress: 'ĐẠI HỘI',
  ceremony: 'BUỔI LỄ',
};

/** "SINH HOẠT CHI ĐOÀN THÁNG 03/2023", "HỌP BAN CHẤP HÀNH" … (the line under BIÊN BẢN). */
export function minutesSubtitle(kind: MeetingKind, startsAt: string): string {
  const base = KIND_TITLE[kind];
  return kind === 'regular' ? `${base} THÁNG ${startsAt.slice(5, 7)}/${startsAt.slice(0, 4)}` : base;
}

/** "19 giờ 30 phút, ngày 15/03/2023" */
export function timeLine(at: string): string {
  const [date, time = ''] = at.split('T');
  const [h, min] = time.split(':');
  const [y, m, d] = date.split('-');
  return time ? `${h} giờ ${min} phút, ngày ${d}/${m}/${y}` : `ngày ${d}/${m}/${y}`;
}

/** The attendance block, computed from the roll (never typed). */
export function buildAttendanceSnapshot(
  roster: readonly Taggable[],
  rows: readonly RollRow[],
  guests: readonly { name: string; role?: string }[],
): AttendanceSnapshot {
  const byMember = new Map(rows.map((r) => [r.memberId, r]));
  // namesakes as the roll shows them, "Tạ Đức Khang (1994)": the locked minutes and their print
  // must say which one was absent (found in use)
  const tags = nameTags(roster);
  const snap: AttendanceSnapshot = { total: roster.length, present: 0, late: 0, absentExcused: [], absentUnexcused: [], guests: [...guests] };
  for (const m of roster) {
    const r = byMember.get(m.id);
    if (!r) continue;
    if (r.status === 'present') snap.present++;
    else if (r.status === 'late') {
      snap.present++;
      snap.late++;
    } else if (r.status === 'absent_excused') snap.absentExcused.push({ name: taggedName(m, tags), reason: r.reason ?? '' });
    else snap.absentUnexcused.push(taggedName(m, tags));
  }
  return snap;
}

/** The attendance paragraph as printed. */
export function attendanceLines(a: AttendanceSnapshot): string[] {
  const lines = [`Tổng số đoàn viên: ${a.total} đồng chí.`, `Có mặt: ${a.present} đồng chí${a.late ? ` (trong đó đến muộn: ${a.late})` : ''}.`];
  const excused = a.absentExcused.map((x) => (x.reason ? `${x.name} (${x.reason})` : x.name));
  lines.push(`Vắng có lý do: ${a.absentExcused.length} đồng chí${excused.length ? `: ${excused.join('; ')}` : ''}.`);
  lines.push(`Vắng không lý do: ${a.absentUnexcused.length} đồng chí${a.absentUnexcused.length ? `: ${a.absentUnexcused.join('; ')}` : ''}.`);
  const unmarked = a.total - a.present - a.absentExcused.length - a.absentUnexcused.length;
  if (unmarked > 0) lines.push(`Chưa điểm danh: ${unmarked} đồng chí.`);
  if (a.guests.length) lines.push(`Khách mời: ${a.guests.map((g) => (g.role ? `${g.name} – ${g.role}` : g.name)).join('; ')}.`);
  return lines;
}

/** "Tán thành: 30/32 (93,8 %); không tán thành: 2/32" */
export function voteLine(v: { votesFor: number; votesAgainst: number; present: number }): string {
  const pct = (n: number) => (v.present ? ` (${((n / v.present) * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })}\u00a0%)` : '');
  return `Có mặt: ${v.present}; tán thành: ${v.votesFor}${pct(v.votesFor)}; không tán thành: ${v.votesAgainst}${pct(v.votesAgainst)}.`;
}

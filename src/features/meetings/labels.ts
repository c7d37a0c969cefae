// Display labels shared by the meeting, activity, home and attendance screens.
import { t, type MessageKey } from '../../i18n';
import { formatDate, weekdayOf } from '../../lib/dates';
import type { AttendanceStatus, MeetingStatus } from '../../protocol/meeting-enums';

export const meetingKindLabel = (kind: string) => t(`meetings.kind_${kind}` as MessageKey);
export const activityKindLabel = (kind: string) => t(`activities.kind_${kind}` as MessageKey);
export const statusLabel = (status: MeetingStatus) => t(`meetings.status_${status}` as MessageKey);
export const attendanceLabel = (status: AttendanceStatus | undefined) => t(`meetings.att_${status ?? 'unmarked'}` as MessageKey);

/** "Chủ nhật, 15/03/2026" */
export function dayLabel(date: string): string {
  return `${t(`meetings.wd${weekdayOf(date)}` as MessageKey)}, ${formatDate(date)}`;
}

/** "19:30 – 21:00" or "19:30" */
export function timeRange(start?: string, end?: string): string {
  if (!start) return '';
  return end ? `${start} – ${end}` : start;
}

/** "19:30, Chủ nhật 15/03/2026" from a local "yyyy-mm-ddThh:mm". */
export function whenLabel(startsAt: string, endsAt?: string): string {
  return `${timeRange(startsAt.slice(11, 16), endsAt?.slice(11, 16))} · ${dayLabel(startsAt.slice(0, 10))}`;
}

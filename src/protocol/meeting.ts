// Meetings (buổi sinh hoạt), attendance, activities — DOMAIN.md "What is recorded".
// Times are local "yyyy-mm-ddThh:mm" strings: a meeting happens at a wall-clock time in one place.
import * as z from 'zod/mini';
import { id, isoDate, optionalText, syncMeta, text } from './common';
import { photoList } from './file-ref';
import { ACTIVITY_KINDS, ATTENDANCE_STATUSES, MEETING_KINDS, MEETING_STATUSES } from './meeting-enums';
export * from './meeting-enums';

const localDateTime = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: 'err.dateTime' }));
const optionalLocalDateTime = z.optional(z.union([z.literal(''), localDateTime]));

export const guest = z.object({ name: text(100).check(z.minLength(1, { message: 'err.required' })), role: optionalText(150) });
export type Guest = z.infer<typeof guest>;

export const meetingFields = z.object({
  kind: z.enum(MEETING_KINDS),
  title: text(200).check(z.minLength(2, { message: 'err.required' })),
  startsAt: localDateTime,
  endsAt: optionalLocalDateTime,
  place: optionalText(200),
  chairId: optionalText(64),
  minuteTakerId: optionalText(64),
  guests: z.array(guest).check(z.maxLength(50)),
  agenda: optionalText(4000),
  status: z.enum(MEETING_STATUSES),
  /** limit the roll to one sub-group (optional) */
  subGroup: optionalText(80),
});
export type MeetingFields = z.infer<typeof meetingFields>;
export const meetingRecord = z.extend(meetingFields, syncMeta);
export type Meeting = z.infer<typeof meetingRecord>;

export const activityFields = z.object({
  kind: z.enum(ACTIVITY_KINDS),
  title: text(200).check(z.minLength(2, { message: 'err.required' })),
  date: isoDate,
  place: optionalText(200),
  results: optionalText(4000),
  status: z.enum(MEETING_STATUSES),
  /** evidence photos (sha256 of fileRefs) */
  photos: z.optional(photoList),
});
export type ActivityFields = z.infer<typeof activityFields>;
export const activityRecord = z.extend(activityFields, syncMeta);
export type Activity = z.infer<typeof activityRecord>;

/**
 * One row per member per meeting or activity: id = `${eventId}:${memberId}`, so two phones
 * ticking the same person make one row (DESIGN.md "Shapes that avoid conflicts").
 */
export const attendanceFields = z.object({
  /** the meeting's or the activity's id */
  eventId: id,
  memberId: id,
  status: z.enum(ATTENDANCE_STATUSES),
  reason: optionalText(200),
  checkedAt: z.string().check(z.maxLength(40)),
});
export type AttendanceFields = z.infer<typeof attendanceFields>;
export const attendanceRecord = z.extend(attendanceFields, syncMeta);
export type Attendance = z.infer<typeof attendanceRecord>;

export function attendanceId(eventId: string, memberId: string): string {
  return `${eventId}:${memberId}`;
}

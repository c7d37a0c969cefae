// Minutes (biên bản) in the usual layout of DOMAIN.md. One per meeting (id = meetingId).
// Draft → finalized: a finalized record is never edited again (the server refuses it too);
// corrections are addenda, each its own append-only row so two phones never conflict.
import * as z from 'zod';
import { id, optionalText, syncMeta, text } from './common';

export const MINUTES_STATUSES = ['draft', 'finalized'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

const count = z.number().int().min(0).max(100000);

/** A member matter voted on (kết nạp, xét kỷ luật…): tán thành / không tán thành / có mặt. */
export const vote = z.object({
  matter: text(300).min(1, { message: 'err.required' }),
  votesFor: count,
  votesAgainst: count,
  present: count,
});
export type Vote = z.infer<typeof vote>;

export const task = z.object({
  what: text(500).min(1, { message: 'err.required' }),
  who: optionalText(150),
  due: optionalText(10),
});
export type Task = z.infer<typeof task>;

/** The attendance block as printed, frozen into the record when the minutes are finalized. */
export const attendanceSnapshot = z.object({
  total: count,
  present: count,
  late: count,
  absentExcused: z.array(z.object({ name: z.string(), reason: z.string() })),
  absentUnexcused: z.array(z.string()),
  guests: z.array(z.object({ name: z.string(), role: z.string().optional() })),
});
export type AttendanceSnapshot = z.infer<typeof attendanceSnapshot>;

export const minutesFields = z.object({
  meetingId: id,
  status: z.enum(MINUTES_STATUSES),
  /** "Nơi, ngày …" line of the header */
  placeAndDate: optionalText(200),
  reviewOfLastPeriod: optionalText(8000),
  discussion: optionalText(16000),
  speakers: optionalText(4000),
  themedPart: optionalText(8000),
  duesCollected: optionalText(500),
  votes: z.array(vote).max(50),
  conclusions: optionalText(8000),
  tasks: z.array(task).max(100),
  endedAt: optionalText(5),
  finalizedAt: optionalText(40),
  attendance: attendanceSnapshot.optional(),
});
export type MinutesFields = z.infer<typeof minutesFields>;
export const minutesRecord = minutesFields.extend(syncMeta);
export type Minutes = z.infer<typeof minutesRecord>;

export const addendumFields = z.object({
  meetingId: id,
  text: text(8000).min(1, { message: 'err.required' }),
  writtenAt: z.string().max(40),
});
export type AddendumFields = z.infer<typeof addendumFields>;
export const addendumRecord = addendumFields.extend(syncMeta);
export type Addendum = z.infer<typeof addendumRecord>;

// Minutes (biên bản) in the usual layout of DOMAIN.md. One per meeting (id = meetingId).
// Draft → finalized: a finalized record is never edited again (the server refuses it too);
// corrections are addenda, each its own append-only row so two phones never conflict.
import * as z from 'zod/mini';
import { id, optionalText, syncMeta, text } from './common';

export const MINUTES_STATUSES = ['draft', 'finalized'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

const count = z.number().check(z.int(), z.gte(0), z.lte(100000));

/** A member matter voted on (kết nạp, xét kỷ luật…): tán thành / không tán thành / có mặt. */
export const vote = z.object({
  matter: text(300).check(z.minLength(1, { message: 'err.required' })),
  votesFor: count,
  votesAgainst: count,
  present: count,
});
export type Vote = z.infer<typeof vote>;

export const task = z.object({
  what: text(500).check(z.minLength(1, { message: 'err.required' })),
  who: optionalText(150),
  due: optionalText(10),
});
export type Task = z.infer<typeof task>;

/**
 * The attendance block as printed, frozen into the record when the minutes are finalized,
 * with who was on the roll then (`rosterIds`, absent from minutes finalized before it was
 * kept): a member added later never joins a locked roll (docs/decisions.md).
 */
export const attendanceSnapshot = z.object({
  total: count,
  rosterIds: z.optional(z.array(id).check(z.maxLength(100000))),
  present: count,
  late: count,
  absentExcused: z.array(z.object({ name: z.string(), reason: z.string() })),
  absentUnexcused: z.array(z.string()),
  guests: z.array(z.object({ name: z.string(), role: z.optional(z.string()) })),
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
  votes: z.array(vote).check(z.maxLength(50)),
  conclusions: optionalText(8000),
  tasks: z.array(task).check(z.maxLength(100)),
  endedAt: optionalText(5),
  finalizedAt: optionalText(40),
  attendance: z.optional(attendanceSnapshot),
});
export type MinutesFields = z.infer<typeof minutesFields>;
export const minutesRecord = z.extend(minutesFields, syncMeta);
export type Minutes = z.infer<typeof minutesRecord>;

export const addendumFields = z.object({
  meetingId: id,
  text: text(8000).check(z.minLength(1, { message: 'err.required' })),
  writtenAt: z.string().check(z.maxLength(40)),
});
export type AddendumFields = z.infer<typeof addendumFields>;
export const addendumRecord = z.extend(addendumFields, syncMeta);
export type Addendum = z.infer<typeof addendumRecord>;

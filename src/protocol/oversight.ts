// The level above's records of a unit (issue 11, DOMAIN.md "the level above"). They live in
// the unit's own database and sync like every other table, so the unit's phones pull what cấp
// trên wrote and answer it; who writes which is in permissions.ts.
//   checkIns          a quarterly check-in (giao ban): when, where, who attended, findings
//   checkInActions    an action agreed at a check-in: what, who, by when, and its follow-up
//                     (either side updates it)
//   unitNotes         guidance from above or a question from the unit, and the replies in the
//                     same thread (threadId = the first note's id); readAt: the other side read it
//   unitRecognitions  id recognitionId(year): the level the level above recognises for the unit
//   consolidations    id consolidationId(year): the unit is in the year's consolidation plan
//                     ("cơ sở Đoàn khó khăn"); its year's plan gets the six-target template
import * as z from 'zod/mini';
import { id, isoDate, optionalIsoDate, optionalText, syncMeta, text } from './common';
import { RATING_LEVELS } from './rating-enums';
import { ACTION_STATUSES, NOTE_KINDS, NOTE_SIDES } from './oversight-enums';
export * from './oversight-enums';

const year = z.int().check(z.gte(2000, 'err.year'), z.lte(2100, 'err.year'));
const stamp = z.string().check(z.maxLength(40));

export const checkInFields = z.object({
  date: isoDate,
  place: optionalText(200),
  /** who attended, as written (both sides) */
  attendees: optionalText(2000),
  findings: optionalText(8000),
  /** the cadre who recorded it */
  byName: optionalText(100),
});
export type CheckInFields = z.infer<typeof checkInFields>;
export const checkInRecord = z.extend(checkInFields, syncMeta);
export type CheckIn = z.infer<typeof checkInRecord>;

export const checkInActionFields = z.object({
  checkInId: id,
  what: text(1000).check(z.minLength(1, 'err.required')),
  who: optionalText(200),
  dueOn: optionalIsoDate,
  status: z.enum(ACTION_STATUSES),
  followUp: optionalText(4000),
  /** when the follow-up or status last changed, and by which side */
  followedAt: z.optional(stamp),
  followedBy: z.optional(z.enum(NOTE_SIDES)),
});
export type CheckInActionFields = z.infer<typeof checkInActionFields>;
export const checkInActionRecord = z.extend(checkInActionFields, syncMeta);
export type CheckInAction = z.infer<typeof checkInActionRecord>;

export const unitNoteFields = z.object({
  threadId: id,
  kind: z.enum(NOTE_KINDS),
  from: z.enum(NOTE_SIDES),
  body: text(4000).check(z.minLength(1, 'err.required')),
  authorName: optionalText(100),
  at: stamp,
  /** the other side opened it */
  readAt: z.optional(stamp),
});
export type UnitNoteFields = z.infer<typeof unitNoteFields>;
export const unitNoteRecord = z.extend(unitNoteFields, syncMeta);
export type UnitNote = z.infer<typeof unitNoteRecord>;

export const unitRecognitionFields = z.object({
  year,
  level: z.enum(RATING_LEVELS),
  recognisedOn: isoDate,
  note: optionalText(2000),
  byName: optionalText(100),
});
export type UnitRecognitionFields = z.infer<typeof unitRecognitionFields>;
export const unitRecognitionRecord = z.extend(unitRecognitionFields, syncMeta);
export type UnitRecognition = z.infer<typeof unitRecognitionRecord>;

export const consolidationFields = z.object({
  year,
  weak: z.boolean(),
  note: optionalText(1000),
  markedOn: isoDate,
});
export type ConsolidationFields = z.infer<typeof consolidationFields>;
export const consolidationRecord = z.extend(consolidationFields, syncMeta);
export type Consolidation = z.infer<typeof consolidationRecord>;

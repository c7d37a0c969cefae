// Training programme (chương trình rèn luyện đoàn viên) — DOMAIN.md "What is recorded".
// Three synced tables, shaped so two phones rarely touch the same row:
//   trainingItems          one row per item of the unit's programme for a year (areas are
//                          the items' `area` text; renaming an area renames its items)
//   trainingRegistrations  id = `${year}:${memberId}`: a member's registration, chosen items
//                          and year-end outcome (one row per member per year, like attendance)
//   trainingProgress       id = `${year}:${memberId}:${itemId}`: one item done or not, with date
//                          and evidence
import * as z from 'zod/mini';
import { id, isoDate, optionalIsoDate, optionalText, syncMeta, text } from './common';
import { TRAINING_OUTCOMES } from './training-enums';
export * from './training-enums';

export const year = z.int().check(z.gte(2000, 'err.year'), z.lte(2100, 'err.year'));

export const trainingItemFields = z.object({
  year,
  /** the content area this item belongs to (its title) */
  area: text(150).check(z.minLength(1, 'err.required')),
  title: text(300).check(z.minLength(2, 'err.required')),
  sortOrder: z.int().check(z.gte(0), z.lte(100000)),
  /** meetings or activities whose attendance credits this item (present or late) */
  eventIds: z.array(id).check(z.maxLength(50)),
});
export type TrainingItemFields = z.infer<typeof trainingItemFields>;
export const trainingItemRecord = z.extend(trainingItemFields, syncMeta);
export type TrainingItem = z.infer<typeof trainingItemRecord>;

export const trainingRegistrationFields = z.object({
  year,
  memberId: id,
  registeredAt: isoDate,
  /** the items the member commits to (ids of trainingItems) */
  itemIds: z.array(id).check(z.maxLength(200)),
  /** year-end assessment; absent or '' = not assessed yet */
  outcome: z.optional(z.union([z.literal(''), z.enum(TRAINING_OUTCOMES)])),
  assessedAt: optionalIsoDate,
  note: optionalText(1000),
});
export type TrainingRegistrationFields = z.infer<typeof trainingRegistrationFields>;
export const trainingRegistrationRecord = z.extend(trainingRegistrationFields, syncMeta);
export type TrainingRegistration = z.infer<typeof trainingRegistrationRecord>;

export const trainingProgressFields = z.object({
  year,
  memberId: id,
  itemId: id,
  done: z.boolean(),
  doneAt: optionalIsoDate,
  /** what shows it was done: a certificate, an activity, a note */
  evidence: optionalText(500),
});
export type TrainingProgressFields = z.infer<typeof trainingProgressFields>;
export const trainingProgressRecord = z.extend(trainingProgressFields, syncMeta);
export type TrainingProgress = z.infer<typeof trainingProgressRecord>;

export function trainingRegistrationId(year: number, memberId: string): string {
  return `${year}:${memberId}`;
}

export function trainingProgressId(year: number, memberId: string, itemId: string): string {
  return `${year}:${memberId}:${itemId}`;
}

// Youth projects (công trình / phần việc thanh niên) — DOMAIN.md "What is recorded", issue 9.
//   youthProjects     one row per project: what, where, when, budget, expected volunteer-days
//                     and beneficiaries, its stage with the dates of each step, the acceptance
//                     by cấp trên (nghiệm thu), or the reason it was dropped. Who took part is
//                     the roll: attendance rows with eventId = the project's id, as for an activity.
//   youthProjectLogs  the progress log: date, note, photos (sha256 of fileRefs)
import * as z from 'zod/mini';
import { id, isoDate, optionalIsoDate, optionalText, syncMeta, text } from './common';
import { year } from './training';
import { photoList } from './file-ref';
import { YOUTH_PROJECT_KINDS, YOUTH_PROJECT_STAGES } from './youth-project-enums';
export * from './youth-project-enums';

const vnd = z.optional(z.int().check(z.gte(0, 'err.amount'), z.lte(100_000_000_000, 'err.amount')));
const count = z.optional(z.int().check(z.gte(0, 'err.count'), z.lte(10_000_000, 'err.count')));

export const budgetSource = z.object({
  /** e.g. "Đoàn phường", "doanh nghiệp tài trợ", "đoàn viên đóng góp" */
  source: text(150).check(z.minLength(1, 'err.required')),
  amount: z.int().check(z.gte(0, 'err.amount'), z.lte(100_000_000_000, 'err.amount')),
});
export type BudgetSource = z.infer<typeof budgetSource>;

export const youthProjectFields = z.object({
  /** the unit's year it counts toward */
  year,
  title: text(300).check(z.minLength(2, 'err.required')),
  kind: z.enum(YOUTH_PROJECT_KINDS),
  place: optionalText(200),
  description: optionalText(4000),
  startsOn: optionalIsoDate,
  endsOn: optionalIsoDate,
  /** total budget in VND, and where it comes from */
  budget: vnd,
  budgetSources: z.optional(z.array(budgetSource).check(z.maxLength(20))),
  volunteerDays: count,
  beneficiaries: count,
  stage: z.enum(YOUTH_PROJECT_STAGES),
  registeredOn: isoDate,
  planApprovedOn: optionalIsoDate,
  startedOn: optionalIsoDate,
  completedOn: optionalIsoDate,
  /** nghiệm thu: decision number, date, who accepted */
  acceptedOn: optionalIsoDate,
  acceptanceDecision: optionalText(60),
  acceptedBy: optionalText(200),
  droppedOn: optionalIsoDate,
  dropReason: optionalText(1000),
  /** the member in charge */
  leaderId: z.optional(z.union([z.literal(''), id])),
});
export type YouthProjectFields = z.infer<typeof youthProjectFields>;
export const youthProjectRecord = z.extend(youthProjectFields, syncMeta);
export type YouthProject = z.infer<typeof youthProjectRecord>;

export const youthProjectLogFields = z.object({
  projectId: id,
  date: isoDate,
  note: optionalText(4000),
  photos: photoList,
});
export type YouthProjectLogFields = z.infer<typeof youthProjectLogFields>;
export const youthProjectLogRecord = z.extend(youthProjectLogFields, syncMeta);
export type YouthProjectLog = z.infer<typeof youthProjectLogRecord>;

// The unit's year (chương trình công tác năm) and its targets (chỉ tiêu) — DOMAIN.md
// "The seed plan's targets", issue 9.
//   yearPlans  id = `year:${year}`: one per unit and year — whose year it is (pinned, so a
//              year already recorded keeps its meaning when the unit setting changes), whether
//              the unit is in the consolidation plan that year, and where the plan started from
//   targets    one row per target of a year: title, measure, goal, source (a named computed
//              rule, or a value entered by hand with its date and evidence note)
import * as z from 'zod/mini';
import { optionalIsoDate, optionalText, syncMeta, text } from './common';
import { year } from './training';
import { YEAR_KINDS } from './year';
import { TARGET_MEASURES, TARGET_RULES, TARGET_SOURCES } from './target-enums';
export * from './target-enums';

export const yearPlanFields = z.object({
  year,
  yearKind: z.enum(YEAR_KINDS),
  /** the unit is one of cấp trên's weak units this year (cơ sở Đoàn khó khăn) */
  consolidation: z.optional(z.boolean()),
  /** how the year's targets were started: the plan's template, a copy of a year, or empty */
  startedFrom: z.optional(z.union([z.literal('template'), z.literal('empty'), z.string().check(z.regex(/^copy:\d{4}$/))])),
  note: optionalText(2000),
});
export type YearPlanFields = z.infer<typeof yearPlanFields>;
export const yearPlanRecord = z.extend(yearPlanFields, syncMeta);
export type YearPlan = z.infer<typeof yearPlanRecord>;

export const targetFields = z.object({
  year,
  title: text(300).check(z.minLength(2, 'err.required')),
  measure: z.enum(TARGET_MEASURES),
  /** percent 0–100, a count, 1 for yes/no, a level's rank (target-rules.ts LEVEL_RANK) */
  goal: z.number().check(z.gte(0, 'err.goal'), z.lte(1_000_000, 'err.goal')),
  source: z.enum(TARGET_SOURCES),
  rule: z.optional(z.enum(TARGET_RULES)),
  /** narrows the rule, e.g. the activity kind counted */
  ruleParam: optionalText(60),
  /** which of the consolidation plan's six targets this is (1–6), when started from the template */
  planNo: z.optional(z.int().check(z.gte(1), z.lte(6))),
  sortOrder: z.int().check(z.gte(0), z.lte(100000)),
  /** entered targets: the value reached, when, and the evidence */
  enteredValue: z.optional(z.number().check(z.gte(0, 'err.goal'), z.lte(1_000_000, 'err.goal'))),
  enteredAt: optionalIsoDate,
  evidenceNote: optionalText(2000),
});
export type TargetFields = z.infer<typeof targetFields>;
export const targetRecord = z.extend(targetFields, syncMeta);
export type Target = z.infer<typeof targetRecord>;

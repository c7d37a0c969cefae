// Year-end rating (đánh giá, xếp loại) — DOMAIN.md "What is recorded".
//   ratings      id = `${year}:${memberId}`: the app's suggestion with the evidence it used
//                (frozen when the level is decided), the level people decided, the reason
//                when it differs from the suggestion, and the strengths/weaknesses note
//   unitRatings  id = `unit:${year}`: the unit's own rating for the year
import * as z from 'zod/mini';
import { id, isoDate, optionalIsoDate, optionalText, syncMeta } from './common';
import { RATING_LEVELS } from './rating-enums';
import { year } from './training';
export * from './rating-enums';

const level = z.enum(RATING_LEVELS);
const optionalLevel = z.optional(z.union([z.literal(''), level]));

/** What the suggestion was made from, kept with the decision so it can be explained later. */
export const ratingEvidence = z.object({
  participationPct: z.optional(z.number().check(z.gte(0), z.lte(100))),
  meetingsHeld: z.optional(z.int().check(z.gte(0))),
  unexcusedMonths: z.optional(z.int().check(z.gte(0), z.lte(12))),
  duesMonthsPaid: z.optional(z.int().check(z.gte(0), z.lte(12))),
  duesMonthsOwed: z.optional(z.int().check(z.gte(0), z.lte(12))),
  trainingOutcome: z.optional(z.string().check(z.maxLength(20))),
  /** the rule that produced the suggestion, as a message key */
  rule: z.optional(z.string().check(z.maxLength(80))),
  /** the numbers the rule quoted (percent, months, the thresholds in force), so the frozen
   *  explanation reads the same after the unit changes its thresholds */
  ruleParams: z.optional(z.record(z.string().check(z.maxLength(20)), z.number())),
});
export type RatingEvidence = z.infer<typeof ratingEvidence>;

export const ratingFields = z.object({
  year,
  memberId: id,
  suggestedLevel: optionalLevel,
  evidence: z.optional(ratingEvidence),
  /** the level decided by the unit's meeting; '' = not decided yet */
  level: optionalLevel,
  /** required when level differs from suggestedLevel */
  overrideReason: optionalText(500),
  /** ưu điểm, khuyết điểm */
  note: optionalText(2000),
  /** proposed as outstanding member (đoàn viên ưu tú) / for Party introduction */
  outstanding: z.optional(z.boolean()),
  decidedAt: optionalIsoDate,
});
export type RatingFields = z.infer<typeof ratingFields>;
export const ratingRecord = z.extend(ratingFields, syncMeta);
export type Rating = z.infer<typeof ratingRecord>;

export const unitRatingFields = z.object({
  year,
  level,
  decidedAt: isoDate,
  note: optionalText(2000),
});
export type UnitRatingFields = z.infer<typeof unitRatingFields>;
export const unitRatingRecord = z.extend(unitRatingFields, syncMeta);
export type UnitRating = z.infer<typeof unitRatingRecord>;

export { ratingId, unitRatingId } from './record-ids';

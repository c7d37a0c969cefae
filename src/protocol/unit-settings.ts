// Unit settings that belong to one feature each, in one synced row (id = 'settings:unit'),
// merged field by field like any row. Every field is optional: absent = the default.
//   - the unit's bank account, for the VietQR transfer code on the dues screen
//   - the thresholds of the rating suggestion (DOMAIN.md "Rating": configurable)
//   - whose year, the committee's term length and meeting frequency (issue 9)
//   - when reports are due (issue 10)
import * as z from 'zod/mini';
import { optionalText, syncMeta } from './common';
import { YEAR_KINDS } from './year';
import { MEETING_FREQUENCIES } from './meeting-enums';

const pct = z.optional(z.int().check(z.gte(0, 'err.percent'), z.lte(100, 'err.percent')));
const months = z.optional(z.int().check(z.gte(0, 'err.months'), z.lte(12, 'err.months')));

export const unitSettingsFields = z.object({
  /** VietQR / NAPAS bank BIN (6 digits) */
  bankBin: z.optional(z.union([z.literal(''), z.string().check(z.regex(/^\d{6}$/, 'err.bankBin'))])),
  bankAccount: z.optional(z.union([z.literal(''), z.string().check(z.regex(/^[0-9A-Za-z]{4,19}$/, 'err.bankAccount'))])),
  bankAccountName: optionalText(60),
  ratingExcellentMinParticipation: pct,
  ratingGoodMinParticipation: pct,
  ratingCompletedMinParticipation: pct,
  /** months absent without reason that rule out "good" and above */
  ratingMaxUnexcusedMonthsForGood: months,
  /** months of dues owed that rule out "good" and above */
  ratingMaxOwedMonthsForGood: months,
  /** warn when more than this share of the rated are "excellent"; absent/0 = no warning */
  ratingExcellentCapPct: pct,
  /** whose year (DOMAIN.md): absent = calendar; a school's unit keeps the school year.
   *  Years already recorded keep theirs (yearPlans pins each year's kind). */
  yearKind: z.optional(z.enum(YEAR_KINDS)),
  /** committee term length in months (decided at the congress); absent = 30 (2,5 năm) */
  termMonths: z.optional(z.int().check(z.gte(6, 'err.months'), z.lte(120, 'err.months'))),
  /** how often the committee (BCH) must meet; absent = monthly */
  committeeMeetingFrequency: z.optional(z.enum(MEETING_FREQUENCIES)),
  /** days after a period ends that its report is due (issue 10); absent = 10 */
  reportDueDays: z.optional(z.int().check(z.gte(0, 'err.days'), z.lte(90, 'err.days'))),
});
export type UnitSettingsFields = z.infer<typeof unitSettingsFields>;
export const unitSettingsRecord = z.extend(unitSettingsFields, syncMeta);
export type UnitSettings = z.infer<typeof unitSettingsRecord>;

export { UNIT_SETTINGS_ID } from './record-ids';

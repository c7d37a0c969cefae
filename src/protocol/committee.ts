// The committee (Ban Chấp hành, BCH) — issue 9 item 6.
//   committeeTerms    one row per term (nhiệm kỳ): label, start and planned end, the committee
//                     size decided at the congress (and the standing committee's, for a Đoàn
//                     cơ sở), the number of deputies
//   committeeSeats    who holds which position in a term, linked to a member, from/to dates
//                     (a seat left before the term ends has `to`); `standing` = Ban Thường vụ
import * as z from 'zod/mini';
import { id, isoDate, optionalIsoDate, optionalText, syncMeta, text } from './common';
import { COMMITTEE_POSITIONS } from './committee-enums';
export * from './committee-enums';

const size = z.int().check(z.gte(1, 'err.size'), z.lte(99, 'err.size'));

export const committeeTermFields = z.object({
  /** "2024–2027" */
  label: text(40).check(z.minLength(2, 'err.required')),
  startsOn: isoDate,
  /** planned end of the term; the next congress is due by then */
  endsOn: optionalIsoDate,
  /** committee size decided at the congress */
  size,
  /** Ban Thường vụ size (Đoàn cơ sở); absent = none */
  standingSize: z.optional(z.int().check(z.gte(0, 'err.size'), z.lte(99, 'err.size'))),
  /** how many deputy secretaries the congress decided; absent = 1 */
  deputies: z.optional(z.int().check(z.gte(0, 'err.size'), z.lte(9, 'err.size'))),
  note: optionalText(2000),
});
export type CommitteeTermFields = z.infer<typeof committeeTermFields>;
export const committeeTermRecord = z.extend(committeeTermFields, syncMeta);
export type CommitteeTerm = z.infer<typeof committeeTermRecord>;

export const committeeSeatFields = z.object({
  termId: id,
  memberId: id,
  position: z.enum(COMMITTEE_POSITIONS),
  standing: z.optional(z.boolean()),
  from: isoDate,
  to: optionalIsoDate,
  /** why the seat ended (moved away, resigned, dismissed…) */
  endReason: optionalText(300),
});
export type CommitteeSeatFields = z.infer<typeof committeeSeatFields>;
export const committeeSeatRecord = z.extend(committeeSeatFields, syncMeta);
export type CommitteeSeat = z.infer<typeof committeeSeatRecord>;

// Dues (đoàn phí) — DOMAIN.md "What is recorded", DESIGN.md "Shapes that avoid conflicts".
//   dues            the ledger: one append-only entry per member per month paid. A mistake is
//                   corrected by a reversal entry (negative amount, reversesId), never an edit
//                   or a delete, so two phones collecting at once never conflict (the server
//                   refuses edits and deletes: err.appendOnly).
//                   An opening balance (kind 'opening', amount 0, receiptNo 'opening') says the
//                   member had paid every month up to `period` before the book was kept in the
//                   app (dues-rules R7); it is reversed like any entry, and is no money.
//   duesExemptions  a member exempt for up to six months, with the reason
//   duesRates       monthly rate per category from a month on (configurable; defaults 2,000 /
//                   5,000 đ — dues-enums.ts)
//   remittances     id = `remit:${period}`: the month's 1/3 paid to cấp trên, once per month
// Money is integer đồng. A period is a month, "YYYY-MM".
import * as z from 'zod/mini';
import { id, isoDate, optionalText, syncMeta, text } from './common';
import { DUES_CATEGORIES } from './member-enums';
import { DUES_METHODS } from './dues-enums';
export * from './dues-enums';

export const period = z.string().check(z.regex(/^(19|20|21)\d{2}-(0[1-9]|1[0-2])$/, 'err.period'));
const money = z.int().check(z.gte(-100_000_000, 'err.amount'), z.lte(100_000_000, 'err.amount'));
const positiveMoney = z.int().check(z.gte(0, 'err.amount'), z.lte(100_000_000, 'err.amount'));

export const duesEntryFields = z.object({
  memberId: id,
  period,
  /** đồng; negative only on a reversal */
  amount: money,
  paidAt: isoDate,
  method: z.enum(DUES_METHODS),
  /** who collected it (a name as typed or the member who holds the book) */
  collectedBy: optionalText(100),
  /** the receipt this entry is printed on; entries paid together share it */
  receiptNo: text(40).check(z.minLength(1, 'err.required')),
  /** set on a reversal: the entry it cancels */
  reversesId: z.optional(id),
  /** 'opening': an opening balance, "paid up to `period`" (amount 0); absent on money entries */
  kind: z.optional(z.enum(['opening'])),
  note: optionalText(300),
});
export type DuesEntryFields = z.infer<typeof duesEntryFields>;
export const duesEntryRecord = z.extend(duesEntryFields, syncMeta);
export type DuesEntry = z.infer<typeof duesEntryRecord>;

export const duesExemptionFields = z.object({
  memberId: id,
  fromPeriod: period,
  toPeriod: period,
  reason: text(300).check(z.minLength(2, 'err.required')),
  decidedAt: isoDate,
});
export type DuesExemptionFields = z.infer<typeof duesExemptionFields>;
export const duesExemptionRecord = z.extend(duesExemptionFields, syncMeta);
export type DuesExemption = z.infer<typeof duesExemptionRecord>;

export const duesRateFields = z.object({
  category: z.enum(DUES_CATEGORIES),
  amount: positiveMoney,
  /** the first month this rate applies */
  fromPeriod: period,
});
export type DuesRateFields = z.infer<typeof duesRateFields>;
export const duesRateRecord = z.extend(duesRateFields, syncMeta);
export type DuesRate = z.infer<typeof duesRateRecord>;

export const remittanceFields = z.object({
  period,
  /** what the unit collected for the month, as computed when the slip was made */
  collected: positiveMoney,
  /** what is paid upward: 1/3 of collected */
  amount: positiveMoney,
  paidAt: isoDate,
  method: z.enum(DUES_METHODS),
  note: optionalText(300),
});
export type RemittanceFields = z.infer<typeof remittanceFields>;
export const remittanceRecord = z.extend(remittanceFields, syncMeta);
export type Remittance = z.infer<typeof remittanceRecord>;

export { remittanceId } from './record-ids';

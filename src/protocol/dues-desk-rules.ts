// Dues rules of the desk screens (exemptions, rates), apart from dues-rules.ts so the field
// screens' chunk does not carry them (PERFORMANCE.md B1). Pure; sources as in dues-rules.ts.
import { MAX_EXEMPTION_MONTHS } from './dues-enums';
import type { DuesCategory } from './member-enums';

/** Months from a to b, both counted ("2025-11".."2026-02" → 4); 0 when b is before a. */
export function monthsBetween(a: string, b: string): number {
  const idx = (p: string) => Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7));
  return Math.max(0, idx(b) - idx(a) + 1);
}

/** One row per category and effective month, so two phones setting the same rate make one row. */
export function rateId(category: DuesCategory, fromPeriod: string): string {
  return `rate:${category}:${fromPeriod}`;
}

// R4: an exemption covers at most six months, with a reason (DOMAIN.md "Dues").
/** Why an exemption cannot be saved, as a message key of the dues namespace; undefined = fine. */
export function exemptionProblem(x: { fromPeriod: string; toPeriod: string; reason: string }): string | undefined {
  if (!/^\d{4}-\d{2}$/.test(x.fromPeriod) || !/^\d{4}-\d{2}$/.test(x.toPeriod)) return 'err_period';
  if (x.toPeriod < x.fromPeriod) return 'err_exemptOrder';
  if (monthsBetween(x.fromPeriod, x.toPeriod) > MAX_EXEMPTION_MONTHS) return 'err_exemptTooLong';
  if (x.reason.trim().length < 2) return 'err_reason';
  return undefined;
}

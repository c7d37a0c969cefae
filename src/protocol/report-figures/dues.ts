// dues-v1 (issue 10, DOMAIN.md "Dues"): the money of the period, as the dues screens count it.
//   - collected: each month's cash as its remittance slip counts it (dues-rules collectedIn: by
//     the day received, reversals in the month they are recorded), summed over the period's
//     months up to the day computed;
//   - toRemit: the 1/3 due upward of each month's collection (dues-rules remittanceSplit, rounded
//     per month as each slip is), summed;
//   - remitted: the remittances recorded for the period's months (each month's slip is often
//     paid early the next month, before the report is due);
//   - owed: months and đồng owed at the day computed over the unit's year so far (dues-rules
//     memberYear, the grid's and warnings' count; partial months count as owed), and who owes.
import type { DuesFigure } from '../report-figures-schema';
import type { ReportPeriod } from '../report-period';
import { collectedIn, remittanceSplit, type EntryLike } from '../dues-rules';
import { live, monthsFromTo, type ReportInputs } from './inputs';
import { allFacts, ledgerUpTo, type MemberFacts } from './member-facts';

export const DUES_V = 1;

export function duesFigure(inputs: ReportInputs, period: ReportPeriod, asOf: string, facts?: readonly MemberFacts[], ledgerAsOf?: readonly EntryLike[]): DuesFigure {
  const all = facts ?? allFacts(inputs, period, asOf, false);
  const months = monthsFromTo(period.from, asOf);
  const ledger = ledgerAsOf ?? ledgerUpTo(inputs.dues, asOf);
  // the period's entries by the month they were received, then each month as its slip counts it
  const received = new Map<string, EntryLike[]>(months.map((m) => [m, []]));
  for (const e of ledger) received.get(e.paidAt.slice(0, 7))?.push(e);
  let collected = 0;
  let toRemit = 0;
  for (const month of months) {
    const c = collectedIn(received.get(month)!, month);
    collected += c;
    toRemit += remittanceSplit(c).remit;
  }
  const inPeriod = new Set(months);
  const remittedMonths = new Map<string, number>();
  for (const r of live(inputs.remittances)) if (inPeriod.has(r.period)) remittedMonths.set(r.period, r.amount);
  let owedMonths = 0;
  let owedMembers = 0;
  let owedAmount = 0;
  for (const f of all) {
    owedMonths += f.owedMonths;
    owedAmount += f.owedAmount;
    if (f.owedAmount > 0) owedMembers++;
  }
  const remitted = [...remittedMonths.values()].reduce((s, x) => s + x, 0);
  return { v: DUES_V, collected, owedMonths, owedMembers, owedAmount, remitted, toRemit };
}

// dues-v1 by hand (issue 10: "a reversal of dues"; collected, owed, remitted, the 1/3 upward).
import { describe, expect, it } from 'vitest';
import { duesFigure } from '../../../src/protocol/report-figures/dues';
import { reportPeriod } from '../../../src/protocol/report-period';
import { emptyInputs, event, member, pay } from './figures-inputs';

const q1 = reportPeriod('quarter', 2026, 1);

// Rates: the defaults, 2,000 đ unsalaried, 5,000 đ salaried. The book starts 05/01/2026.
//   m01 pays Jan, Feb, Mar on 05/01                     6,000 in January, owes nothing
//   m02 pays Jan on 05/01, Feb on 10/02; the February entry is reversed on 03/03 (−2,000)
//                                                       owes Feb and Mar: 2 months, 4,000
//   m03 (salaried) pays Jan on 20/01 (5,000), 3,000 of Feb on 10/02; March paid on 02/04 (after
//       the quarter: not counted)                        owes the rest of Feb (2,000, partial)
//                                                       and Mar (5,000): 2 months, 7,000
//   m04 pays Mar and Apr ahead on 15/03 (4,000)          owes Jan and Feb: 2 months, 4,000
//   m05 exempt January–June                              owes nothing
//   m06 transferred in 15/02: owes from March (the old unit collected February)
//                                                       owes Mar: 1 month, 2,000
// Collected by the day received:
//   January  6,000 + 2,000 + 5,000 = 13,000 → 1/3 = 4,333.33 → 4,333
//   February 2,000 + 3,000         =  5,000 → 1/3 = 1,666.67 → 1,667
//   March    4,000 − 2,000 (reversal) = 2,000 → 1/3 = 666.67 → 667
//   total 20,000; to remit 4,333 + 1,667 + 667 = 6,667
// Remitted: the slips of January (4,333), February (1,667) and March (667, paid 05/04 — the
// quarter's own month); December 2025's slip is not the quarter's. 4,333 + 1,667 + 667 = 6,667.
// Owed: 4,000 + 7,000 + 4,000 + 2,000 = 17,000 over 2 + 2 + 2 + 1 = 7 months and 4 members.
function inputs() {
  return emptyInputs(2026, 'calendar', {
    members: [
      member('m01'), member('m02'), member('m03', { duesCategory: 'salaried' }), member('m04'), member('m05'),
      member('m06', { admissionDate: '2018-03-26' }),
    ],
    memberEvents: [event('e1', 'm06', 'transfer_in', '2026-02-15')],
    dues: [
      pay('d1', 'm01', '2026-01', 2000, '2026-01-05'), pay('d2', 'm01', '2026-02', 2000, '2026-01-05'), pay('d3', 'm01', '2026-03', 2000, '2026-01-05'),
      pay('d4', 'm02', '2026-01', 2000, '2026-01-05'), pay('d5', 'm02', '2026-02', 2000, '2026-02-10'),
      pay('d6', 'm02', '2026-02', -2000, '2026-03-03', 'd5'),
      pay('d7', 'm03', '2026-01', 5000, '2026-01-20'), pay('d8', 'm03', '2026-02', 3000, '2026-02-10'), pay('d9', 'm03', '2026-03', 5000, '2026-04-02'),
      pay('d10', 'm04', '2026-03', 2000, '2026-03-15'), pay('d11', 'm04', '2026-04', 2000, '2026-03-15'),
    ],
    duesExemptions: [{ memberId: 'm05', fromPeriod: '2026-01', toPeriod: '2026-06' }],
    firstPaidAt: '2026-01-05',
    remittances: [
      { period: '2025-12', amount: 5000 },
      { period: '2026-01', amount: 4333 },
      { period: '2026-02', amount: 1667 },
      { period: '2026-03', amount: 667 },
    ],
  });
}

describe('dues of a quarter', () => {
  it('counts a reversal in the month it was recorded, the 1/3 of each month, what was remitted and what is owed', () => {
    expect(duesFigure(inputs(), q1, '2026-03-31')).toEqual({ v: 1, collected: 20_000, toRemit: 6_667, remitted: 6_667, owedMonths: 7, owedMembers: 4, owedAmount: 17_000 });
  });

  it('counts up to the day computed while the quarter runs', () => {
    // as of 28/02: January 13,000 and February 5,000 = 18,000; 4,333 + 1,667 = 6,000 to remit;
    // remitted: the slips of January and February (March's month has not come).
    // Owed up to February: m02 nothing (its February entry stands until 03/03), m03 the rest of
    // February (2,000), m04 January and February (4,000); m06 owes from March → 3 months, 6,000.
    expect(duesFigure(inputs(), q1, '2026-02-28')).toEqual({ v: 1, collected: 18_000, toRemit: 6_000, remitted: 6_000, owedMonths: 3, owedMembers: 2, owedAmount: 6_000 });
  });

  it('never owes months before the book started (dues-rules R7)', () => {
    // The book starts in March: a January or February with nothing paid is unknown, not owed;
    // a month with money in it is known (m03's partial February).
    const f = duesFigure({ ...inputs(), firstPaidAt: '2026-03-03' }, q1, '2026-03-31');
    // m02: Mar 2,000 (its February, net 0 after the reversal, is unknown); m03: rest of Feb
    // 2,000 + Mar 5,000; m04: nothing (Jan, Feb unknown); m06: Mar 2,000
    // → 1 + 2 + 1 = 4 months, 3 members, 2,000 + 7,000 + 2,000 = 11,000
    expect(f).toMatchObject({ owedMonths: 4, owedMembers: 3, owedAmount: 11_000 });
  });

  it('owes nothing where the unit keeps no dues book in the app, or for months before its book began', () => {
    // found in use: with no ledger at all, every member owed the month computed
    const none = { ...inputs(), dues: [], remittances: [], firstPaidAt: undefined };
    expect(duesFigure(none, q1, '2026-03-31')).toMatchObject({ collected: 0, owedMonths: 0, owedMembers: 0, owedAmount: 0 });
    // the book began in June: Q1 was before it
    expect(duesFigure({ ...none, firstPaidAt: '2026-06-02' }, q1, '2026-03-31')).toMatchObject({ owedMonths: 0, owedMembers: 0 });
  });
});

// The dues rules (src/protocol/dues-rules.ts), each test naming the rule it checks:
// R1 rates 2,000 / 5,000 đ since 2011, effective-from (QĐ 289-QĐ/TWĐTN; DOMAIN.md "Dues");
// R2 1/3 remitted monthly, the unit keeps 2/3; R3 dues up to the transfer date; R4 exemption
// ≤ 6 months with a reason; R5 unpaid 3 months in a year → strike-off warning (DOMAIN.md "Member").
import { describe, expect, it } from 'vitest';
import {
  addPeriods,
  cellState,
  collectedIn,
  deviceCode,
  isUnpaidWarning,
  memberStays,
  memberYear,
  nextReceiptNo,
  payableMonths,
  rateFor,
  receiptPrefix,
  remittanceSplit,
  bookStartOf,
  openingsOf,
  type EntryLike,
  type MemberLike,
  type RateLike,
} from '../../../src/protocol/dues-rules';
import { exemptionProblem, monthsBetween, rateId } from '../../../src/protocol/dues-desk-rules';
import { formatMoney, moneyInWords, parseMoney } from '../../../src/lib/money';

const member = (over: Partial<MemberLike> = {}): MemberLike => ({ id: 'm1', status: 'active', duesCategory: 'unsalaried', ...over });
let n = 0;
const entry = (period: string, amount: number, paidAt = `${period}-10`, over: Partial<EntryLike> = {}): EntryLike => ({ id: `e${++n}`, memberId: 'm1', period, amount, paidAt, ...over });
const ctx = (current = '2026-12', rates: RateLike[] = []) => ({ year: 2026, current, rates });

describe('months', () => {
  it('adds across years and counts both ends', () => {
    expect(addPeriods('2025-12', 1)).toBe('2026-01');
    expect(addPeriods('2026-01', -1)).toBe('2025-12');
    expect(addPeriods('2026-03', 14)).toBe('2027-05');
    expect(monthsBetween('2025-11', '2026-02')).toBe(4);
    expect(monthsBetween('2026-02', '2026-01')).toBe(0);
  });
});

describe('R1 rates', () => {
  it('defaults to 2,000 đ unsalaried and 5,000 đ salaried (QĐ 289, since 2011)', () => {
    expect(rateFor([], 'unsalaried', '2026-03')).toBe(2000);
    expect(rateFor([], 'salaried', '2026-03')).toBe(5000);
  });
  it('a recorded rate applies from its month on; the latest effective one wins; other categories and deleted rows are ignored', () => {
    const rates: RateLike[] = [
      { category: 'salaried', amount: 10000, fromPeriod: '2026-07' },
      { category: 'salaried', amount: 8000, fromPeriod: '2026-04' },
      { category: 'unsalaried', amount: 3000, fromPeriod: '2026-01', deleted: true },
    ];
    expect(rateFor(rates, 'salaried', '2026-03')).toBe(5000);
    expect(rateFor(rates, 'salaried', '2026-04')).toBe(8000);
    expect(rateFor(rates, 'salaried', '2026-06')).toBe(8000);
    expect(rateFor(rates, 'salaried', '2027-01')).toBe(10000);
    expect(rateFor(rates, 'unsalaried', '2026-05')).toBe(2000);
  });
  it('one id per category and month, so two phones setting the same rate make one row', () => {
    expect(rateId('salaried', '2026-04')).toBe('rate:salaried:2026-04');
  });
});

describe('R3 months in the unit', () => {
  it('from the admission month; with no admission date, from before any year shown', () => {
    expect(memberStays(member({ admissionDate: '2026-03-26' }), [])).toEqual([{ from: '2026-03' }]);
    expect(memberStays(member(), [])).toEqual([{ from: '0000-01' }]);
  });
  it('a transfer out ends the stay with its own month (collected up to the transfer date)', () => {
    expect(memberStays(member({ admissionDate: '2020-01-01', status: 'transferred_out' }), [{ kind: 'transfer_out', date: '2026-05-20' }])).toEqual([{ from: '2020-01', to: '2026-05' }]);
  });
  it('a transfer in starts the month after (the old unit collected that month)', () => {
    expect(memberStays(member({ admissionDate: '2019-05-01' }), [{ kind: 'transfer_in', date: '2026-02-14' }])).toEqual([{ from: '2026-03' }]);
  });
  it('out and back in again: two stays', () => {
    const stays = memberStays(member({ admissionDate: '2018-01-01' }), [
      { kind: 'transfer_in', date: '2026-09-03' },
      { kind: 'transfer_out', date: '2026-02-10' },
    ]);
    expect(stays).toEqual([{ from: '2018-01', to: '2026-02' }, { from: '2026-10' }]);
  });
  it('left without a dated event: no month is owed (no invented debt)', () => {
    expect(memberStays(member({ status: 'graduated', admissionDate: '2015-01-01' }), [])).toEqual([]);
  });
});

describe('a member’s year', () => {
  it('paid, partial, owed, upcoming, exempt and before joining, with totals up to this month', () => {
    const m = member({ admissionDate: '2026-02-15' });
    const entries = [entry('2026-02', 2000), entry('2026-03', 1000), entry('2026-08', 2000)];
    const y = memberYear(m, entries, [{ fromPeriod: '2026-05', toPeriod: '2026-06' }], [], ctx('2026-07'));
    expect(y.months.map((x) => x.state)).toEqual(['none', 'paid', 'partial', 'owed', 'exempt', 'exempt', 'owed', 'paid', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(y.months[4].due).toBe(0);
    expect(y).toMatchObject({ owedMonths: 2, partialMonths: 1, paidMonths: 2, owedAmount: 1000 + 2000 + 2000, paidAmount: 5000 });
    expect(payableMonths(y).map((p) => [p.period, p.amount])).toEqual([
      ['2026-03', 1000], ['2026-04', 2000], ['2026-07', 2000], ['2026-09', 2000], ['2026-10', 2000], ['2026-11', 2000], ['2026-12', 2000],
    ]);
  });
  it('R6: a reversal cancels its entry; the month is owed again', () => {
    const paid = entry('2026-01', 2000);
    const y = memberYear(member(), [paid, entry('2026-01', -2000, '2026-01-12', { reversesId: paid.id })], [], [], ctx('2026-01'));
    expect(y.months[0]).toMatchObject({ paid: 0, state: 'owed' });
  });
  it('the salaried rate and a rate change inside the year', () => {
    const y = memberYear(member({ duesCategory: 'salaried' }), [], [], [], ctx('2026-12', [{ category: 'salaried', amount: 6000, fromPeriod: '2026-07' }]));
    expect(y.months.map((x) => x.due)).toEqual([5000, 5000, 5000, 5000, 5000, 5000, 6000, 6000, 6000, 6000, 6000, 6000]);
    expect(y.owedAmount).toBe(6 * 5000 + 6 * 6000);
  });
  it('paid twice for a month (two phones offline) still shows paid, with the surplus visible', () => {
    const y = memberYear(member(), [entry('2026-01', 2000), entry('2026-01', 2000)], [], [], ctx('2026-01'));
    expect(y.months[0]).toMatchObject({ state: 'paid', paid: 4000, due: 2000 });
  });
  it('a payment for a month outside the stay is shown as paid, not lost', () => {
    expect(cellState(0, 2000, false, false, false)).toBe('paid');
  });
});

describe('R4 exemptions', () => {
  it('at most six months, from ≤ to, a reason', () => {
    expect(exemptionProblem({ fromPeriod: '2026-01', toPeriod: '2026-06', reason: 'Ốm dài ngày' })).toBeUndefined();
    expect(exemptionProblem({ fromPeriod: '2026-01', toPeriod: '2026-07', reason: 'Ốm dài ngày' })).toBe('err_exemptTooLong');
    expect(exemptionProblem({ fromPeriod: '2025-10', toPeriod: '2026-03', reason: 'Đi nghĩa vụ' })).toBeUndefined();
    expect(exemptionProblem({ fromPeriod: '2026-03', toPeriod: '2026-02', reason: 'x y' })).toBe('err_exemptOrder');
    expect(exemptionProblem({ fromPeriod: '2026-03', toPeriod: '2026-03', reason: ' ' })).toBe('err_reason');
  });
});

describe('R5 unpaid warning', () => {
  it('three months owed with nothing paid in the year warn; partial months and months not yet come do not count', () => {
    const m = member();
    const two = memberYear(m, [entry('2026-01', 2000), entry('2026-02', 500)], [], [], ctx('2026-04'));
    expect(two.owedMonths).toBe(2);
    expect(isUnpaidWarning(two)).toBe(false);
    const three = memberYear(m, [entry('2026-01', 2000)], [], [], ctx('2026-04'));
    expect(three.owedMonths).toBe(3);
    expect(isUnpaidWarning(three)).toBe(true);
  });
  it('exempt months are not unpaid', () => {
    const y = memberYear(member(), [], [{ fromPeriod: '2026-01', toPeriod: '2026-06' }], [], ctx('2026-06'));
    expect(y.owedMonths).toBe(0);
  });
});

describe('R2 remittance', () => {
  it('1/3 up, rounded to the nearest đồng; the unit keeps the rest, so the parts add up', () => {
    expect(remittanceSplit(2000)).toEqual({ remit: 667, keep: 1333 });
    expect(remittanceSplit(1000)).toEqual({ remit: 333, keep: 667 });
    expect(remittanceSplit(6000)).toEqual({ remit: 2000, keep: 4000 });
    expect(remittanceSplit(0)).toEqual({ remit: 0, keep: 0 });
    for (const c of [1, 2, 5000, 7000, 123457]) {
      const { remit, keep } = remittanceSplit(c);
      expect(remit + keep).toBe(c);
      expect(Math.abs(remit - c / 3)).toBeLessThanOrEqual(0.5);
    }
  });
  it('collected in a month = entries received that month, whatever months they pay; reversals count when recorded', () => {
    const a = entry('2026-03', 2000, '2026-03-05');
    const entries = [a, entry('2026-01', 2000, '2026-03-06'), entry('2026-04', 2000, '2026-03-07'), entry('2026-03', -2000, '2026-04-02', { reversesId: a.id }), entry('2026-02', 5000, '2026-02-28')];
    expect(collectedIn(entries, '2026-03')).toBe(6000);
    expect(collectedIn(entries, '2026-04')).toBe(0);
    expect(collectedIn(entries, '2026-02')).toBe(5000);
  });
});

describe('receipt numbers', () => {
  it('the device code comes from the random tail of the id, not the timestamp head', () => {
    const a = deviceCode('019a1b2c-3d4e-7f00-8abc-0000000f00aa');
    const b = deviceCode('019a1b2c-3d4e-7f00-8abc-0000000f00ab');
    expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(a).not.toBe(b);
    expect(deviceCode('019a1b2c-3d4e-7f00-8abc-0000000fffff')).toBe('ZZZZ');
    expect(deviceCode('019a1b2c-3d4e-7f00-8abc-000000000000')).toBe('0000');
  });
  it('two devices never share a prefix-number; each counts on from its own highest', () => {
    const p1 = receiptPrefix(2026, '019a1b2c-3d4e-7f00-8abc-000000000001');
    const p2 = receiptPrefix(2026, '019a1b2c-3d4e-7f00-8abc-000000000002');
    expect(p1).not.toBe(p2);
    const ledger = [`${p1}1`, `${p1}2`, `${p1}10`, `${p2}40`, 'không-số'];
    expect(nextReceiptNo(p1, ledger)).toBe(`${p1}11`);
    expect(nextReceiptNo(p2, ledger)).toBe(`${p2}41`);
    expect(nextReceiptNo(receiptPrefix(2027, '019a1b2c-3d4e-7f00-8abc-000000000001'), ledger)).toMatch(/^2027-.{4}-1$/);
  });
});

describe('money', () => {
  it('shows integer đồng as "5.000 ₫"', () => {
    expect(formatMoney(5000)).toBe('5.000\u00a0₫');
    expect(formatMoney(1234567)).toBe('1.234.567\u00a0₫');
    expect(formatMoney(-2000)).toBe('−2.000\u00a0₫');
    expect(parseMoney('5.000')).toBe(5000);
    expect(parseMoney('5,000 đ')).toBe(5000);
    expect(parseMoney('abc')).toBeNull();
  });
  it('reads whole đồng as typed in Vietnam, and refuses a decimal instead of guessing', () => {
    const cases: [string, number | null][] = [
      ['5000', 5000], ['5.000', 5000], ['1.200.000', 1_200_000], ['5 000', 5000], ['5,000', 5000], ['5.000 ₫', 5000], ['5.000đ', 5000],
      ['5000.00', 5000], ['5.000,00', 5000], ['1,200.0', 1200],
      // found in use: "5.000,5" was saved as 50.005
      ['5.000,5', null], ['5000.5', null], ['1.2', null], ['5.00.0', null], ['5.000.00', null], ['1.000,000', null], ['', null], ['-5000', null], ['1.0000', null],
    ];
    for (const [typed, want] of cases) expect(parseMoney(typed), typed).toBe(want);
  });
  it('reads amounts in Vietnamese words for receipts', () => {
    expect(moneyInWords(5000)).toBe('Năm nghìn đồng');
    expect(moneyInWords(2000)).toBe('Hai nghìn đồng');
    expect(moneyInWords(24000)).toBe('Hai mươi bốn nghìn đồng');
    expect(moneyInWords(15000)).toBe('Mười lăm nghìn đồng');
    expect(moneyInWords(21000)).toBe('Hai mươi mốt nghìn đồng');
    expect(moneyInWords(105000)).toBe('Một trăm linh năm nghìn đồng');
    expect(moneyInWords(2015000)).toBe('Hai triệu không trăm mười lăm nghìn đồng');
    expect(moneyInWords(1000667)).toBe('Một triệu sáu trăm sáu mươi bảy đồng');
    expect(moneyInWords(1005000)).toBe('Một triệu không trăm linh năm nghìn đồng');
    expect(moneyInWords(0)).toBe('Không đồng');
  });
});

describe('R7 dues before the app', () => {
  it('the book starts the month of the first day anything was recorded, never after this month', () => {
    expect(bookStartOf('2026-09-14', '2026-11')).toBe('2026-09');
    expect(bookStartOf(undefined, '2026-11')).toBe('2026-11');
    expect(bookStartOf('2027-01-02', '2026-11')).toBe('2026-11');
  });
  it('months before the book are unknown: never owed, never a warning, still payable if someone brings them', () => {
    const y = memberYear(member(), [], [], [], { ...ctx('2026-11'), bookStart: '2026-10' });
    expect(y.months.slice(0, 11).map((x) => x.state)).toEqual([...Array(9).fill('unknown'), 'owed', 'owed']);
    expect(y).toMatchObject({ owedMonths: 2, owedAmount: 4000 });
    expect(isUnpaidWarning(y)).toBe(false);
    expect(payableMonths(y)[0]).toEqual({ period: '2026-01', amount: 2000 });
    // Money for a month before the book still shows as paid.
    expect(memberYear(member(), [entry('2026-03', 2000)], [], [], { ...ctx('2026-11'), bookStart: '2026-10' }).months[2].state).toBe('paid');
  });
  it('an opening balance settles every month up to it (counted paid, no money) and makes the months after it known', () => {
    const y = memberYear(member(), [], [], [], { ...ctx('2026-11'), bookStart: '2026-11' }, '2026-06');
    expect(y.months.map((x) => x.state)).toEqual([...Array(6).fill('settled'), 'owed', 'owed', 'owed', 'owed', 'owed', 'upcoming']);
    expect(y).toMatchObject({ owedMonths: 5, paidMonths: 6, paidAmount: 0 });
    expect(isUnpaidWarning(y)).toBe(true);
    const upToNow = memberYear(member(), [], [], [], { ...ctx('2026-11'), bookStart: '2026-11' }, '2026-11');
    expect(upToNow).toMatchObject({ owedMonths: 0, owedAmount: 0, paidMonths: 11 });
    expect(payableMonths(upToNow).map((p) => p.period)).toEqual(['2026-12']);
  });
  it('the balance in force is the last recorded one not reversed; an opening balance is no money', () => {
    const first = entry('2026-06', 0, '2026-11-02', { kind: 'opening' });
    const second = entry('2026-09', 0, '2026-11-05', { kind: 'opening' });
    const other = entry('2026-03', 0, '2026-11-02', { kind: 'opening', memberId: 'm2' });
    expect(openingsOf([first, second, other])).toEqual(new Map([['m1', '2026-09'], ['m2', '2026-03']]));
    const undo = entry('2026-09', 0, '2026-11-06', { kind: 'opening', reversesId: second.id });
    expect(openingsOf([first, second, undo, other]).get('m1')).toBe('2026-06');
    expect(collectedIn([first, second, undo, other], '2026-11')).toBe(0);
  });
  it('an archived record owes nothing', () => {
    const y = memberYear(member({ archivedAt: '2026-05-01T00:00:00Z' }), [], [], [], ctx('2026-11'));
    expect(y.owedMonths).toBe(0);
    expect(y.months.every((x) => x.state === 'none')).toBe(true);
  });
});


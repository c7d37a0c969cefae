// Dues writes over fake-indexeddb: each one is the rows and their outbox entries in one
// transaction; a refusal writes nothing; the ledger is only ever appended to.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit, refusal } from '../helpers';
import { createMember } from '../../../src/features/members/members-repo';
import { activeDb } from '../../../src/data/session';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';
import { collectForMany, collectForMember, reverseEntry, reversalId } from '../../../src/features/dues/dues-repo';
import { deleteExemption, recordRemittance, saveExemption, setRate } from '../../../src/features/dues/desk-repo';
import { collectCandidates, getReceipt, memberDues, monthView, yearView } from '../../../src/features/dues/dues-queries';
import { remittanceView, unpaidWarnings } from '../../../src/features/dues/desk-reads';
import { remittanceId } from '../../../src/protocol/dues';

beforeEach(() => freshUnit());

const pay = { paidAt: '2026-03-12', method: 'cash' as const, collectedBy: 'Đặng Diệu Châu' };

async function members() {
  const a = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Đặng Diệu Châu', admissionDate: '2017-10-02' });
  const b = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Hồ Văn Minh', duesCategory: 'salaried', admissionDate: '2014-10-25' });
  const c = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Bảo Yến', admissionDate: '2023-10-06' });
  return [a, b, c];
}

async function counts() {
  const db = await activeDb();
  return { dues: await db.dues.count(), outbox: await db.outbox.where('table').equals('dues').count() };
}

describe('collecting', () => {
  it('one member, three months: three entries on one receipt number, each with its outbox entry', async () => {
    const [a] = await members();
    const { receiptNo, entries } = await collectForMember({ ...pay, memberId: a.id, months: ['2026-01', '2026-02', '2026-03'].map((period) => ({ period, amount: 2000 })) });
    expect(entries).toHaveLength(3);
    expect(new Set(entries.map((e) => e.receiptNo))).toEqual(new Set([receiptNo]));
    expect(receiptNo).toMatch(/^2026-[0-9A-Z]{4}-1$/);
    expect(await counts()).toEqual({ dues: 3, outbox: 3 });
    const receipt = await getReceipt(receiptNo);
    expect(receipt?.total).toBe(6000);
    expect(receipt?.member?.fullName).toBe('Đặng Diệu Châu');
    // The next receipt of this phone counts on.
    const next = await collectForMember({ ...pay, memberId: a.id, months: [{ period: '2026-04', amount: 2000 }] });
    expect(next.receiptNo).toBe(receiptNo.replace(/1$/, '2'));
  });

  it('refuses a month already paid, a month twice, a bad amount — and writes nothing', async () => {
    const [a] = await members();
    await collectForMember({ ...pay, memberId: a.id, months: [{ period: '2026-01', amount: 2000 }] });
    const before = await counts();
    expect(await refusal(collectForMember({ ...pay, memberId: a.id, months: [{ period: '2026-02', amount: 2000 }, { period: '2026-01', amount: 2000 }] }))).toBe('dues.err_alreadyPaid');
    expect(await refusal(collectForMember({ ...pay, memberId: a.id, months: [{ period: '2026-02', amount: 2000 }, { period: '2026-02', amount: 2000 }] }))).toBe('dues.err_sameMonthTwice');
    expect(await refusal(collectForMember({ ...pay, memberId: a.id, months: [{ period: '2026-02', amount: 1.5 }] }))).toBe('dues.err_amount');
    expect(await refusal(collectForMember({ ...pay, memberId: a.id, months: [{ period: '2026-13', amount: 2000 }] }))).toBe('err.period');
    expect(await refusal(collectForMember({ ...pay, memberId: a.id, months: [] }))).toBe('dues.err_noMonths');
    expect(await counts()).toEqual(before);
  });

  it('many members in one pass: one transaction, a receipt each, those already paid skipped', async () => {
    const [a, b, c] = await members();
    await collectForMember({ ...pay, memberId: c.id, months: [{ period: '2026-03', amount: 2000 }] });
    const db = await activeDb();
    const seqBefore = (await db.syncState.get('device'))!.nextSeq;
    const { entries, skipped } = await collectForMany({ ...pay, period: '2026-03', items: [{ memberId: a.id, amount: 2000 }, { memberId: b.id, amount: 5000 }, { memberId: c.id, amount: 2000 }] });
    expect(skipped).toEqual([c.id]);
    expect(entries.map((e) => [e.memberId, e.amount])).toEqual([[a.id, 2000], [b.id, 5000]]);
    expect(new Set(entries.map((e) => e.receiptNo)).size).toBe(2);
    // Outbox seqs consecutive, appended together.
    const seqs = (await db.outbox.where('table').equals('dues').toArray()).map((m) => m.seq).sort((x, y) => x - y).slice(-2);
    expect(seqs).toEqual([seqBefore, seqBefore + 1]);
    expect(await collectCandidates('2026-03', '2026-03')).toEqual([]);
  });

  it('a member who does not exist: nothing written', async () => {
    const [a] = await members();
    const before = await counts();
    expect(await refusal(collectForMany({ ...pay, period: '2026-03', items: [{ memberId: a.id, amount: 2000 }, { memberId: 'member-missing-0001', amount: 2000 }] }))).toBe('dues.err_noMember');
    expect(await counts()).toEqual(before);
  });
});

describe('reversal', () => {
  it('a new entry with the opposite amount and reversesId; the month is owed again; refuses twice and reversing a reversal', async () => {
    const [a] = await members();
    const { entries, receiptNo } = await collectForMember({ ...pay, memberId: a.id, months: [{ period: '2026-03', amount: 2000 }] });
    const rev = await reverseEntry(entries[0].id, 'Thu nhầm người');
    expect(rev).toMatchObject({ id: reversalId(entries[0].id), amount: -2000, reversesId: entries[0].id, receiptNo, note: 'Thu nhầm người', period: '2026-03' });
    const db = await activeDb();
    expect((await db.dues.get(entries[0].id))?.amount).toBe(2000); // never edited
    const before = await counts();
    expect(await refusal(reverseEntry(entries[0].id, 'lần nữa'))).toBe('dues.err_alreadyReversed');
    expect(await refusal(reverseEntry(rev.id, 'hủy hủy'))).toBe('dues.err_reverseReversal');
    expect(await refusal(reverseEntry(entries[0].id, ''))).toBe('dues.err_reason');
    expect(await counts()).toEqual(before);
    const md = await memberDues(a.id, 2026, '2026-03');
    expect(md?.year.months[2].state).toBe('owed');
    expect(md?.entries.find((e) => e.id === entries[0].id)?.reversed).toBe(true);
    expect((await getReceipt(receiptNo))?.total).toBe(0);
  });
});

describe('exemptions and rates', () => {
  it('an exemption of ≤ 6 months with a reason; the months owe nothing; refusals write nothing', async () => {
    const [a, b] = await members();
    // The book is kept in the app from January (a payment recorded then): months owe from there.
    await collectForMember({ ...pay, paidAt: '2026-01-02', memberId: b.id, months: [{ period: '2026-01', amount: 5000 }] });
    const ex = await saveExemption({ memberId: a.id, fromPeriod: '2026-01', toPeriod: '2026-03', reason: 'Ốm dài ngày', decidedAt: '2026-01-05' });
    expect((await memberDues(a.id, 2026, '2026-04'))?.year.months.slice(0, 4).map((m) => m.state)).toEqual(['exempt', 'exempt', 'exempt', 'owed']);
    const db = await activeDb();
    const n = await db.outbox.count();
    expect(await refusal(saveExemption({ memberId: a.id, fromPeriod: '2026-01', toPeriod: '2026-08', reason: 'Ốm', decidedAt: '2026-01-05' }))).toBe('dues.err_exemptTooLong');
    expect(await refusal(saveExemption({ memberId: a.id, fromPeriod: '2026-03', toPeriod: '2026-06', reason: 'Ốm tiếp', decidedAt: '2026-03-05' }))).toBe('dues.err_exemptOverlap');
    expect(await refusal(saveExemption({ memberId: a.id, fromPeriod: '2026-05', toPeriod: '2026-04', reason: 'Ốm', decidedAt: '2026-01-05' }))).toBe('dues.err_exemptOrder');
    expect(await refusal(saveExemption({ memberId: a.id, fromPeriod: '2026-05', toPeriod: '2026-05', reason: '', decidedAt: '2026-01-05' }))).toBe('dues.err_reason');
    expect(await db.outbox.count()).toBe(n);
    await deleteExemption(ex.id);
    expect((await memberDues(a.id, 2026, '2026-04'))?.year.owedMonths).toBe(4);
  });

  it('months already exempted are refused (found in use: two exemptions side by side made nine months)', async () => {
    const [a] = await members();
    const ex = await saveExemption({ memberId: a.id, fromPeriod: '2026-01', toPeriod: '2026-03', reason: 'Ốm dài ngày', decidedAt: '2026-01-05' });
    expect(await refusal(saveExemption({ memberId: a.id, fromPeriod: '2026-03', toPeriod: '2026-06', reason: 'Ốm tiếp', decidedAt: '2026-03-05' }))).toBe('dues.err_exemptOverlap');
    // the same exemption edited over its own months, and the months right after it, are fine
    await saveExemption({ memberId: a.id, fromPeriod: '2026-01', toPeriod: '2026-04', reason: 'Ốm dài ngày', decidedAt: '2026-01-05' }, ex.id);
    await saveExemption({ memberId: a.id, fromPeriod: '2026-05', toPeriod: '2026-06', reason: 'Ốm tiếp', decidedAt: '2026-05-05' });
    const db = await activeDb();
    expect((await db.duesExemptions.toArray()).map((x) => [x.fromPeriod, x.toPeriod]).sort()).toEqual([['2026-01', '2026-04'], ['2026-05', '2026-06']]);
  });

  it('a rate from a month on changes what is owed from then; one row per category and month', async () => {
    const [, b] = await members();
    await setRate('salaried', '2026-07', 6000);
    await setRate('salaried', '2026-07', 7000);
    const db = await activeDb();
    expect(await db.duesRates.count()).toBe(1);
    const md = await memberDues(b.id, 2026, '2026-12');
    expect(md?.year.months.map((m) => m.due)).toEqual([5000, 5000, 5000, 5000, 5000, 5000, 7000, 7000, 7000, 7000, 7000, 7000]);
    expect(await refusal(setRate('salaried', '2026-08', 0))).toBe('dues.err_amount');
  });
});

describe('month, remittance and warnings', () => {
  it('the month’s figures, the slip (1/3 up, 2/3 kept) and its record', async () => {
    const [a, b, c] = await members();
    const { entries } = await collectForMany({ ...pay, period: '2026-03', items: [{ memberId: a.id, amount: 2000 }, { memberId: b.id, amount: 5000 }, { memberId: c.id, amount: 2000 }] });
    await reverseEntry(entries[2].id, 'Thu nhầm tháng');
    const rv = await remittanceView('2026-03');
    // The reversal is dated today; in this test "today" is not March 2026 unless it is.
    const reversedInMarch = new Date().toISOString().startsWith('2026-03');
    expect(rv.collected).toBe(reversedInMarch ? 7000 : 9000);
    expect(rv.remit + rv.keep).toBe(rv.collected);
    const mv = await monthView('2026-03', '2026-03');
    expect(mv).toMatchObject({ dueCount: 3, paidCount: 2, owedAmount: 2000 });
    await recordRemittance({ period: '2026-03', collected: rv.collected, amount: rv.remit, paidAt: '2026-03-31', method: 'transfer' });
    const db = await activeDb();
    expect((await db.remittances.get(remittanceId('2026-03')))?.amount).toBe(rv.remit);
    expect((await remittanceView('2026-03')).remittance?.paidAt).toBe('2026-03-31');
    expect(await refusal(recordRemittance({ period: '2026-03', collected: 1000, amount: 2000, paidAt: '2026-03-31', method: 'cash' }))).toBe('dues.err_remitTooMuch');
  });

  it('warns on members with 3+ months unpaid in the year', async () => {
    const [a, b] = await members();
    await collectForMember({ ...pay, paidAt: '2026-01-12', memberId: a.id, months: ['2026-01', '2026-02'].map((period) => ({ period, amount: 2000 })) });
    const w = await unpaidWarnings(2026, '2026-04');
    expect(w.map((r) => r.member.id)).toEqual(expect.arrayContaining([b.id]));
    expect(w.find((r) => r.member.id === a.id)).toBeUndefined();
    expect(w.find((r) => r.member.id === b.id)?.owedMonths).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    const yv = await yearView(2026, '2026-04');
    expect(yv.rows.map((r) => r.member.fullName)).toEqual(['Đặng Diệu Châu', 'Hồ Văn Minh', 'Nguyễn Bảo Yến']);
  });
});

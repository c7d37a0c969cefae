// Dues writes. Each is one Dexie transaction: the rows and their outbox entries (commit()).
// The ledger is append-only (DESIGN.md): a payment is new entries, a correction is a reversal
// entry; nothing here edits or deletes a ledger row. Input is checked before anything is
// written: a refusal (UserError with a dues.* key) leaves the database untouched.
import { uuidv7 } from '../../lib/ids';
import { todayIso } from '../../lib/dates';
import { commit } from '../../data/commit';
import { UserError } from '../../lib/user-error';
import { deviceState, upsertRow, upsertRows } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import type { UnitDb } from '../../data/db';
import { duesEntryFields, type DuesEntry, type DuesEntryFields, type DuesMethod } from '../../protocol/dues';
import type { DuesCategory } from '../../protocol/member-enums';
import { nextReceiptNo, paidByPeriod, rateFor, receiptPrefix } from '../../protocol/dues-rules';

export interface Payment {
  paidAt: string;
  method: DuesMethod;
  collectedBy?: string;
  note?: string;
}

/** The next receipt number of this device (read inside the caller's transaction). */
async function nextReceipt(db: UnitDb, paidAt: string, offset = 0): Promise<string[]> {
  const dev = await deviceState(db);
  const prefix = receiptPrefix(Number(paidAt.slice(0, 4)), dev.deviceId);
  const taken = (await db.dues.where('receiptNo').startsWith(prefix).uniqueKeys()) as string[];
  const first = Number(nextReceiptNo(prefix, taken).slice(prefix.length));
  return Array.from({ length: offset + 1 }, (_, i) => `${prefix}${first + i}`);
}

export function checkEntry(fields: DuesEntryFields): DuesEntryFields {
  const r = duesEntryFields.safeParse(fields);
  if (!r.success) throw new UserError(r.error.issues[0]?.message?.startsWith('err.') ? r.error.issues[0].message : 'err.invalid');
  return r.data;
}

export async function memberOrThrow(db: UnitDb, memberId: string) {
  const m = await db.members.get(memberId);
  if (!m || m.deleted) throw new UserError('dues.err_noMember');
  return m;
}

/** Net paid and rate of one member for the given months, from the ledger as it is now. */
async function monthsAlreadyPaid(db: UnitDb, memberId: string, category: DuesCategory, periods: string[]): Promise<string[]> {
  const [entries, rates] = await Promise.all([db.dues.where('memberId').equals(memberId).toArray(), db.duesRates.toArray()]);
  const paid = paidByPeriod(entries);
  return periods.filter((p) => {
    const due = rateFor(rates, category, p);
    return due > 0 && (paid.get(p) ?? 0) >= due;
  });
}

export interface CollectOne extends Payment {
  memberId: string;
  /** one entry per month, all on one receipt */
  months: { period: string; amount: number }[];
}

/** One member pays for one or several months: one entry per month, one shared receipt number. */
export async function collectForMember(input: CollectOne): Promise<{ receiptNo: string; entries: DuesEntry[] }> {
  if (!input.months.length) throw new UserError('dues.err_noMonths');
  const periods = input.months.map((m) => m.period);
  if (new Set(periods).size !== periods.length) throw new UserError('dues.err_sameMonthTwice');
  if (input.months.some((m) => !Number.isInteger(m.amount) || m.amount <= 0)) throw new UserError('dues.err_amount');
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.dues, db.duesRates, db.members], async () => {
    const member = await memberOrThrow(db, input.memberId);
    if ((await monthsAlreadyPaid(db, member.id, member.duesCategory, periods)).length) throw new UserError('dues.err_alreadyPaid');
    const [receiptNo] = await nextReceipt(db, input.paidAt);
    const items = input.months.map((m) => ({
      id: uuidv7(),
      patch: checkEntry({ memberId: member.id, period: m.period, amount: m.amount, paidAt: input.paidAt, method: input.method, collectedBy: input.collectedBy, receiptNo, note: input.note }),
    }));
    const entries = await upsertRows<DuesEntry>(db, 'dues', unitId, items);
    return { receiptNo, entries };
  });
}

export interface CollectMany extends Payment {
  period: string;
  items: { memberId: string; amount: number }[];
}

/**
 * Many members pay for one month (after a meeting): each gets an entry and a receipt number of
 * their own, numbered in the order given; all in ONE transaction (one bulk write). Members who
 * have already paid the month in full are skipped and returned, so a second tap or a second
 * phone's earlier collection never charges anyone twice.
 */
export async function collectForMany(input: CollectMany): Promise<{ entries: DuesEntry[]; skipped: string[] }> {
  if (!input.items.length) throw new UserError('dues.err_noMembers');
  if (new Set(input.items.map((i) => i.memberId)).size !== input.items.length) throw new UserError('dues.err_sameMemberTwice');
  if (input.items.some((i) => !Number.isInteger(i.amount) || i.amount <= 0)) throw new UserError('dues.err_amount');
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.dues, db.duesRates, db.members], async () => {
    const [members, rates, monthEntries] = await Promise.all([
      db.members.bulkGet(input.items.map((i) => i.memberId)),
      db.duesRates.toArray(),
      db.dues.where('period').equals(input.period).toArray(),
    ]);
    if (members.some((m) => !m || m.deleted)) throw new UserError('dues.err_noMember');
    const paid = new Map<string, number>();
    for (const e of monthEntries) if (!e.deleted) paid.set(e.memberId, (paid.get(e.memberId) ?? 0) + e.amount);
    const skipped: string[] = [];
    const todo = input.items.filter((item, i) => {
      const due = rateFor(rates, members[i]!.duesCategory, input.period);
      const done = due > 0 && (paid.get(item.memberId) ?? 0) >= due;
      if (done) skipped.push(item.memberId);
      return !done;
    });
    if (!todo.length) return { entries: [], skipped };
    const numbers = await nextReceipt(db, input.paidAt, todo.length - 1);
    const items = todo.map((item, i) => ({
      id: uuidv7(),
      patch: checkEntry({ memberId: item.memberId, period: input.period, amount: item.amount, paidAt: input.paidAt, method: input.method, collectedBy: input.collectedBy, receiptNo: numbers[i], note: input.note }),
    }));
    const entries = await upsertRows<DuesEntry>(db, 'dues', unitId, items);
    return { entries, skipped };
  });
}

/** The id of the one reversal an entry can have: two phones reversing it offline make one row. */
export function reversalId(entryId: string): string {
  return `rev:${entryId}`;
}

/**
 * Cancels an entry by a new entry of the opposite amount (never an edit), on the same receipt
 * number, dated today, with the reason as its note. Refuses a reversal of a reversal and a
 * second reversal of the same entry.
 */
export async function reverseEntry(entryId: string, reason: string, collectedBy?: string): Promise<DuesEntry> {
  if (reason.trim().length < 2) throw new UserError('dues.err_reason');
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.dues], async () => {
    const orig = await db.dues.get(entryId);
    if (!orig || orig.deleted) throw new UserError('dues.err_noEntry');
    if (orig.reversesId || orig.amount < 0) throw new UserError('dues.err_reverseReversal');
    const id = reversalId(orig.id);
    if ((await db.dues.get(id)) || (await db.dues.where('memberId').equals(orig.memberId).filter((e) => e.reversesId === orig.id).count()))
      throw new UserError('dues.err_alreadyReversed');
    const fields = checkEntry({
      memberId: orig.memberId,
      period: orig.period,
      amount: -orig.amount,
      paidAt: todayIso(),
      method: orig.method,
      collectedBy,
      receiptNo: orig.receiptNo,
      reversesId: orig.id,
      kind: orig.kind,
      note: reason.trim(),
    });
    return upsertRow<DuesEntry>(db, 'dues', id, unitId, fields);
  });
}

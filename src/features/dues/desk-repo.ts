// Dues writes of the desk screens (exemptions, rates, the remittance slip, opening balances):
// kept out of the precache with those screens (vite.config.ts). Each is one Dexie transaction:
// the rows and their outbox entries (commit()); input is checked before anything is written.
import { uuidv7 } from '../../lib/ids';
import { commit } from '../../data/commit';
import { UserError } from '../../lib/user-error';
import { deleteRow, upsertRow, upsertRows } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import {
  duesExemptionFields,
  duesRateFields,
  remittanceFields,
  remittanceId,
  type DuesEntry,
  type DuesExemption,
  type DuesRate,
  type Remittance,
  type RemittanceFields,
} from '../../protocol/dues';
import type { DuesCategory } from '../../protocol/member-enums';
import type { Member } from '../../protocol/member';
import { membersOn, movesByMember } from '../../protocol/headcount';
import { OPENING_RECEIPT, openingsOf } from '../../protocol/dues-rules';
import { exemptionProblem, rateId } from '../../protocol/dues-desk-rules';
import { checkEntry, memberOrThrow } from './dues-repo';

export interface ExemptionInput {
  memberId: string;
  fromPeriod: string;
  toPeriod: string;
  reason: string;
  decidedAt: string;
}

export async function saveExemption(input: ExemptionInput, id?: string): Promise<DuesExemption> {
  const problem = exemptionProblem(input);
  if (problem) throw new UserError(`dues.${problem}`);
  const r = duesExemptionFields.safeParse(input);
  if (!r.success) throw new UserError(r.error.issues[0]?.message ?? 'err.invalid');
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.duesExemptions, db.members], async () => {
    await memberOrThrow(db, input.memberId);
    // Months exempted twice (found in use: 12/2026–05/2027 and then 03/2027–08/2027 saved
    // side by side, nine months in a row past the six-month rule without a word)
    const others = await db.duesExemptions.where('memberId').equals(input.memberId).toArray();
    if (others.some((x) => !x.deleted && x.id !== id && x.fromPeriod <= input.toPeriod && input.fromPeriod <= x.toPeriod)) throw new UserError('dues.err_exemptOverlap');
    return upsertRow<DuesExemption>(db, 'duesExemptions', id ?? uuidv7(), unitId, r.data);
  });
}

export async function deleteExemption(id: string): Promise<void> {
  const db = await activeDb();
  await commit(db, [db.duesExemptions], () => deleteRow(db, 'duesExemptions', id));
}

/** Sets a category's monthly rate from a month on (one row per category and month). */
export async function setRate(category: DuesCategory, fromPeriod: string, amount: number): Promise<DuesRate> {
  const r = duesRateFields.safeParse({ category, fromPeriod, amount });
  if (!r.success || amount <= 0) throw new UserError('dues.err_amount');
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.duesRates], () => upsertRow<DuesRate>(db, 'duesRates', rateId(category, fromPeriod), unitId, r.data));
}

export async function deleteRate(id: string): Promise<void> {
  const db = await activeDb();
  await commit(db, [db.duesRates], () => deleteRow(db, 'duesRates', id));
}

/**
 * Gives every member in the unit today the same dues category (found in use: lists imported
 * before the import asked had every member "Chưa có lương", and a company's branch had to edit
 * each one). Members who have it already are not written. Returns how many changed.
 */
export async function setAllDuesCategories(category: DuesCategory, today: string): Promise<number> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.members, db.memberEvents], async () => {
    const [members, events] = await Promise.all([db.members.toArray(), db.memberEvents.toArray()]);
    const changing = membersOn(members, movesByMember(events), today).filter((m) => m.duesCategory !== category);
    await upsertRows<Member>(db, 'members', unitId, changing.map((m) => ({ id: m.id, patch: { duesCategory: category } })));
    return changing.length;
  });
}

/** Records the month's 1/3 as paid upward (id remit:YYYY-MM: one per month; saving again corrects it). */
export async function recordRemittance(input: RemittanceFields): Promise<Remittance> {
  const r = remittanceFields.safeParse(input);
  if (!r.success) throw new UserError(r.error.issues[0]?.message ?? 'err.invalid');
  if (r.data.amount > r.data.collected) throw new UserError('dues.err_remitTooMuch');
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.remittances], () => upsertRow<Remittance>(db, 'remittances', remittanceId(r.data.period), unitId, r.data));
}

// ---------------------------------------------------------------------------------------
// Opening balances (dues-rules R7)

export interface OpeningInput {
  /** the members it is recorded for; undefined = everyone in the unit on `today` (the one head count) */
  memberIds?: string[];
  /** paid up to this month, "YYYY-MM" */
  upTo: string;
  /** the day it is recorded (yyyy-mm-dd) */
  today: string;
  note?: string;
}

/**
 * "Paid up to month M" before the app kept the book: one ledger entry per member (kind
 * 'opening', amount 0, no receipt), all in ONE transaction. It is no money: nothing is added
 * to the month's collection or the remittance slip. Members whose balance in force is already
 * M are skipped (a second tap, or a second phone, changes nothing). Returns how many were recorded.
 */
export async function recordOpening(input: OpeningInput): Promise<{ recorded: number; skipped: number }> {
  if (!/^\d{4}-\d{2}$/.test(input.upTo) || input.upTo > input.today.slice(0, 7)) throw new UserError('dues.err_openingMonth');
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.dues, db.members, db.memberEvents], async () => {
    let ids = input.memberIds;
    if (!ids) {
      const [members, events] = await Promise.all([db.members.toArray(), db.memberEvents.toArray()]);
      ids = membersOn(members, movesByMember(events), input.today).map((m) => m.id);
    } else for (const id of ids) await memberOrThrow(db, id);
    if (!ids.length) throw new UserError('dues.err_noMembers');
    const inForce = openingsOf(await db.dues.where('receiptNo').equals(OPENING_RECEIPT).toArray());
    const todo = ids.filter((id) => inForce.get(id) !== input.upTo);
    const items = todo.map((memberId) => ({
      id: uuidv7(),
      patch: checkEntry({ memberId, period: input.upTo, amount: 0, paidAt: input.today, method: 'cash', receiptNo: OPENING_RECEIPT, kind: 'opening', note: input.note }),
    }));
    if (items.length) await upsertRows<DuesEntry>(db, 'dues', unitId, items);
    return { recorded: items.length, skipped: ids.length - items.length };
  });
}

// Dues reads for the screens (through useLive). No zod: the rules are plain functions.
// A year of 5,000 members is computed in one pass over rows read with one bulk read per table
// (members, the year's ledger by its period index, exemptions, events, rates).
import { activeDb } from '../../data/session';
import type { DuesEntry, DuesExemption, DuesRate, Remittance } from '../../protocol/dues';
import { remittanceId } from '../../protocol/record-ids';
import type { Member } from '../../protocol/member';
import type { MemberEvent } from '../../protocol/member-event';
import type { UnitDb } from '../../data/db';
import { countsDuring, movesByMember } from '../../protocol/headcount';
import {
  bookStartOf,
  collectedIn,
  openingsOf,
  OPENING_RECEIPT,
  isUnpaidWarning,
  memberYear,
  payableMonths,
  rateFor,
  remittanceSplit,
  type MemberYear,
} from '../../protocol/dues-rules';
import { sortByName } from '../../lib/names';

/**
 * The tables a year of dues is computed from. Screens over the whole unit (grid, month,
 * warnings) read them with useBulkLive: inside a liveQuery Dexie would record the key of each of
 * the ~30,000 rows read, which costs seconds on a slow phone (src/data/live-bulk.ts).
 */
export const YEAR_TABLES = ['members', 'dues', 'duesExemptions', 'memberEvents', 'duesRates'] as const;

function groupBy<T extends { memberId: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.memberId);
    if (list) list.push(r);
    else out.set(r.memberId, [r]);
  }
  return out;
}

const live = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted);

export interface DuesRow {
  member: Member;
  year: MemberYear;
}

export interface YearView {
  year: number;
  current: string;
  rows: DuesRow[];
}

/** Where the unit's book starts and each member's opening balance (dues-rules R7). */
export interface BookStart {
  bookStart: string;
  /** memberId → paid up to this month before the app */
  openings: Map<string, string>;
}

/** Read with two indexed reads: the ledger's earliest day, and the opening balances (their receipt number). */
export async function readBookStart(db: UnitDb, current: string): Promise<BookStart> {
  const [first, opening] = await Promise.all([db.dues.orderBy('paidAt').first(), db.dues.where('receiptNo').equals(OPENING_RECEIPT).toArray()]);
  return { bookStart: bookStartOf(first?.paidAt, current), openings: openingsOf(opening) };
}

/** The year's ledger, exemptions, stays and rates, grouped by member (one pass each), and where the book starts. */
export interface YearBook extends BookStart {
  entries: Map<string, DuesEntry[]>;
  exemptions: Map<string, DuesExemption[]>;
  events: Map<string, MemberEvent[]>;
  rates: DuesRate[];
}

export function yearBook(entries: DuesEntry[], exemptions: DuesExemption[], events: MemberEvent[], rates: DuesRate[], start: BookStart): YearBook {
  return { ...start, entries: groupBy(live(entries)), exemptions: groupBy(live(exemptions)), events: movesByMember(events), rates: live(rates) };
}

/** A member's row of the year, when they are in the unit during it (protocol/headcount countsDuring). */
export function yearRow(m: Member, book: YearBook, year: number, current: string): DuesRow | undefined {
  const ev = book.events.get(m.id) ?? [];
  if (!countsDuring(m, ev, `${year}-01-01`, `${year}-12-31`)) return undefined;
  return { member: m, year: memberYear(m, book.entries.get(m.id) ?? [], book.exemptions.get(m.id) ?? [], ev, { year, current, rates: book.rates, bookStart: book.bookStart }, book.openings.get(m.id)) };
}

/**
 * Every member in the unit during the year (yearRow), name order. `current`: months after it are
 * not yet owed; `thisMonth` (the real one) caps where the book starts (readBookStart).
 */
export async function yearView(year: number, current: string, thisMonth = current): Promise<YearView> {
  const db = await activeDb();
  const [members, entries, exemptions, events, rates, start] = await Promise.all([
    db.members.toArray(),
    db.dues.where('period').between(`${year}-01`, `${year}-12`, true, true).toArray(),
    db.duesExemptions.toArray(),
    db.memberEvents.toArray(),
    db.duesRates.toArray(),
    readBookStart(db, thisMonth),
  ]);
  const book = yearBook(entries, exemptions, events, rates, start);
  const rows: DuesRow[] = [];
  for (const m of members) {
    const row = m.deleted ? undefined : yearRow(m, book, year, current);
    if (row) rows.push(row);
  }
  return { year, current, rows: sortByName(rows, (r) => r.member.fullName) };
}

export interface MonthView {
  period: string;
  /** money received in the month (by day paid), reversals included */
  collected: number;
  remit: number;
  keep: number;
  remittance?: Remittance;
  /** members who owe this month: paid in full / not yet */
  paidCount: number;
  dueCount: number;
  /** đồng still owed for this month by members who have not paid it in full */
  owedAmount: number;
  /** members with 3+ months unpaid this year (up to this month) */
  warnings: number;
}

export async function monthView(period: string, current: string): Promise<MonthView> {
  const db = await activeDb();
  const year = Number(period.slice(0, 4));
  const [yv, received, remittance] = await Promise.all([
    yearView(year, current < period ? current : period, current),
    db.dues.where('paidAt').between(`${period}-01`, `${period}-31`, true, true).toArray(),
    db.remittances.get(remittanceId(period)),
  ]);
  const collected = collectedIn(received, period);
  const { remit, keep } = remittanceSplit(collected);
  const i = Number(period.slice(5, 7)) - 1;
  let paidCount = 0;
  let dueCount = 0;
  let owedAmount = 0;
  let warnings = 0;
  for (const r of yv.rows) {
    const m = r.year.months[i];
    // Unknown months (before the book, R7) are asked of nobody; settled ones count as paid.
    if (m.due > 0 && m.state !== 'unknown') {
      dueCount++;
      if (m.state === 'paid' || m.state === 'settled') paidCount++;
      else owedAmount += m.due - Math.max(0, m.paid);
    }
    if (isUnpaidWarning(r.year)) warnings++;
  }
  return { period, collected, remit, keep, remittance: remittance && !remittance.deleted ? remittance : undefined, paidCount, dueCount, owedAmount, warnings };
}

export interface CollectCandidate {
  member: Member;
  /** what the month asks of this member (rate, or the rest of a partial payment) */
  amount: number;
  partial: boolean;
}

/** Members who owe the month and have not paid it in full, for the many-members collection. */
export async function collectCandidates(period: string, current: string): Promise<CollectCandidate[]> {
  const yv = await yearView(Number(period.slice(0, 4)), current);
  const i = Number(period.slice(5, 7)) - 1;
  const out: CollectCandidate[] = [];
  for (const r of yv.rows) {
    const m = r.year.months[i];
    if (m.state === 'owed' || m.state === 'upcoming' || m.state === 'partial') out.push({ member: r.member, amount: m.due - m.paid, partial: m.state === 'partial' });
  }
  return out;
}

export interface MemberDues {
  member: Member;
  year: MemberYear;
  payable: { period: string; amount: number }[];
  /** this member's ledger, newest first, with which entries are reversed */
  entries: (DuesEntry & { reversed: boolean })[];
  exemptions: DuesExemption[];
  /** the member's monthly rate this month */
  rateNow: number;
}

export async function memberDues(memberId: string, year: number, current: string): Promise<MemberDues | undefined> {
  const db = await activeDb();
  const [member, entries, exemptions, events, rates, first] = await Promise.all([
    db.members.get(memberId),
    db.dues.where('memberId').equals(memberId).toArray(),
    db.duesExemptions.where('memberId').equals(memberId).toArray(),
    db.memberEvents.where('memberId').equals(memberId).toArray(),
    db.duesRates.toArray(),
    db.dues.orderBy('paidAt').first(),
  ]);
  if (!member || member.deleted) return undefined;
  const all = live(entries);
  // Opening balances are no money: they shape the months, and are listed on their own screen.
  const ledger = all.filter((e) => e.kind !== 'opening');
  const ex = live(exemptions);
  const ctx = { year, current, rates: live(rates), bookStart: bookStartOf(first?.paidAt, current) };
  const y = memberYear(member, ledger.filter((e) => e.period.startsWith(`${year}-`)), ex, live(events), ctx, openingsOf(all).get(memberId));
  const reversed = new Set(ledger.map((e) => e.reversesId).filter(Boolean));
  const sorted = ledger
    .map((e) => ({ ...e, reversed: reversed.has(e.id) }))
    .sort((a, b) => b.paidAt.localeCompare(a.paidAt) || b.createdAt.localeCompare(a.createdAt) || b.period.localeCompare(a.period));
  const rateNow = rateFor(live(rates), member.duesCategory, current);
  return { member, year: y, payable: payableMonths(y), entries: sorted, exemptions: ex.sort((a, b) => b.fromPeriod.localeCompare(a.fromPeriod)), rateNow };
}

export interface Receipt {
  receiptNo: string;
  member?: Member;
  entries: (DuesEntry & { reversed: boolean })[];
  /** net of the receipt (reversals subtracted) */
  total: number;
  paidAt: string;
}

export async function getReceipt(receiptNo: string): Promise<Receipt | undefined> {
  const db = await activeDb();
  const entries = live(await db.dues.where('receiptNo').equals(receiptNo).toArray());
  if (!entries.length) return undefined;
  const member = await db.members.get(entries[0].memberId);
  const reversed = new Set(entries.map((e) => e.reversesId).filter(Boolean));
  const originals = entries.filter((e) => !e.reversesId).sort((a, b) => a.period.localeCompare(b.period));
  return {
    receiptNo,
    member: member && !member.deleted ? member : undefined,
    entries: [...originals, ...entries.filter((e) => e.reversesId)].map((e) => ({ ...e, reversed: reversed.has(e.id) })),
    total: entries.reduce((s, e) => s + e.amount, 0),
    paidAt: originals[0]?.paidAt ?? entries[0].paidAt,
  };
}

export interface BankDetails {
  bin: string;
  account: string;
  name: string;
}

/** The unit's account for transfers, when both the bank BIN and the account number are set. */
export async function bankDetails(): Promise<BankDetails | undefined> {
  const db = await activeDb();
  // 'settings:unit' = UNIT_SETTINGS_ID, written out: importing it would bring the settings schema (zod).
  const s = await db.unitSettings.get('settings:unit');
  if (!s || s.deleted || !s.bankBin || !s.bankAccount) return undefined;
  return { bin: s.bankBin, account: s.bankAccount, name: s.bankAccountName ?? '' };
}

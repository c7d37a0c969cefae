// Dues (đoàn phí) rules as pure functions over plain rows: no zod, no Dexie. What a member owes
// each month, what was paid, the state of each grid cell, the monthly remittance, the unpaid
// warning and receipt numbers.
//
// Sources (DOMAIN.md "Dues" and "Member", and the texts it cites):
//   R1 Rates: 2,000 đ/month unsalaried, 5,000 đ/month salaried since January 2011 (Quyết định
//      289-QĐ/TWĐTN, https://fst.hcmuaf.edu.vn/fst-10705-1/vn/tu-nam-2011-ap-dung-muc-dong-doan-phi-moi.html);
//      configurable with an effective month: the rate in force is the latest one whose
//      fromPeriod ≤ the month; before any recorded rate, the defaults (dues-enums.ts).
//   R2 The unit keeps 2/3 and remits 1/3 to cấp trên every month (Hướng dẫn thực hiện Điều lệ
//      Đoàn, nguyên tắc thu nộp đoàn phí, http://tinhdoanbinhthuan.vn/…/huong-dan-thuc-hien-dieu-le-doan-p11-…).
//   R3 Dues are collected up to the transfer date: the leaving unit collects the month of the
//      transfer, so the receiving unit starts with the month after (same guidance).
//   R4 An exemption covers at most six months, with a reason (DOMAIN.md "Dues").
//   R5 A member unpaid for 3 months within a year without reason may be struck off: warn the
//      secretary (DOMAIN.md "Member"; https://hoatieu.vn/phap-luat/doan-vien-bi-xoa-ten-khi-nao-205135).
//   (R4's check and the rate ids, used by the desk screens only, are in dues-desk-rules.ts.)
//   R6 Money is integer đồng; corrections are reversal entries, never edits (DESIGN.md).
//   R7 Dues before the app (issue 8; no text settles it, docs/decisions.md "Dues before the app"):
//      months before the unit's first use of the dues book are unknown, never owed; a member's
//      opening balance ("paid up to month M", an entry of kind 'opening', no money) settles
//      every month up to M and makes the months after it known.
import { DEFAULT_DUES_RATES } from './dues-enums';
import type { DuesCategory } from './member-enums';
import { staysOf, type MoveLike, type PersonLike } from './headcount';

// ---------------------------------------------------------------------------------------
// Months ("YYYY-MM"; string order is time order)

const pad = (n: number) => String(n).padStart(2, '0');

export function periodOf(isoDate: string): string {
  return isoDate.slice(0, 7);
}

export function addPeriods(p: string, n: number): string {
  const total = Number(p.slice(0, 4)) * 12 + Number(p.slice(5, 7)) - 1 + n;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

export function periodsOfYear(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => `${year}-${pad(i + 1)}`);
}

// ---------------------------------------------------------------------------------------
// R1: rates

export interface RateLike {
  category: DuesCategory;
  amount: number;
  fromPeriod: string;
  deleted?: boolean;
}

/** The monthly rate for a category in a month: the latest recorded rate from that month or before, else the default. */
export function rateFor(rates: readonly RateLike[], category: DuesCategory, p: string): number {
  let best: RateLike | undefined;
  for (const r of rates) {
    if (r.deleted || r.category !== category || r.fromPeriod > p) continue;
    if (!best || r.fromPeriod > best.fromPeriod) best = r;
  }
  return best ? best.amount : DEFAULT_DUES_RATES[category];
}

// ---------------------------------------------------------------------------------------
// R3: months in the unit

export interface MemberLike extends PersonLike {
  id: string;
  duesCategory: DuesCategory;
}

export type EventLike = MoveLike;

export interface Stay {
  /** first month owed */
  from: string;
  /** last month owed; undefined = still in the unit */
  to?: string;
}

/**
 * The months a member owes dues to this unit: their stays (protocol/headcount.ts, the one
 * definition of who is in the unit) in months. A stay started by a transfer in starts the
 * month after (R3: the old unit collected the transfer month); a stay ends with the month of
 * its leaving event (R3: collected up to the transfer date). An archived record and a member
 * who left without a dated event owe nothing (the grid never invents debts).
 */
export function memberStays(member: MemberLike, events: readonly EventLike[]): Stay[] {
  if (member.deleted || member.archivedAt) return [];
  const out: Stay[] = [];
  for (const s of staysOf(member, events).stays) {
    const from = s.startKind === 'transfer_in' ? addPeriods(periodOf(s.from), 1) : periodOf(s.from);
    const to = s.to && periodOf(s.to);
    if (to === undefined || to >= from) out.push({ from, to });
  }
  return out;
}

export function inStays(stays: readonly Stay[], p: string): boolean {
  return stays.some((s) => s.from <= p && (s.to === undefined || p <= s.to));
}

// ---------------------------------------------------------------------------------------
// R4: exemptions

export interface ExemptionLike {
  fromPeriod: string;
  toPeriod: string;
  deleted?: boolean;
}

export function isExempt(exemptions: readonly ExemptionLike[], p: string): boolean {
  return exemptions.some((x) => !x.deleted && x.fromPeriod <= p && p <= x.toPeriod);
}

// ---------------------------------------------------------------------------------------
// Paid per month, cell states, a member's year

export interface EntryLike {
  id: string;
  memberId: string;
  period: string;
  amount: number;
  paidAt: string;
  reversesId?: string;
  /** 'opening': an opening balance (R7), no money */
  kind?: string;
  deleted?: boolean;
}

/** Net paid per month (entries and their reversals summed), for one member's entries. */
/** What the months paid are counted from: a money entry's month and amount. */
export type PaidLike = Pick<EntryLike, 'period' | 'amount' | 'deleted'>;

export function paidByPeriod(entries: readonly PaidLike[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of entries) if (!e.deleted) out.set(e.period, (out.get(e.period) ?? 0) + e.amount);
  return out;
}

/**
 * paid      paid in full (or more: two phones collected the same month — `over` on the month)
 * partial   something paid, less than the rate
 * owed      due and nothing paid, month already begun
 * upcoming  due and nothing paid, month still ahead
 * exempt    exempt (R4), nothing paid
 * none      not in the unit that month (before joining, after leaving), nothing paid
 * settled   paid before the app kept the book: the member's opening balance covers it (R7)
 * unknown   before the unit's dues book in the app (R7), nothing recorded: never a debt
 */
export type CellState = 'paid' | 'partial' | 'owed' | 'upcoming' | 'exempt' | 'none' | 'settled' | 'unknown';

export interface MonthDues {
  period: string;
  /** what the month asks for: the rate, 0 when exempt or not in the unit */
  due: number;
  paid: number;
  state: CellState;
}

export function cellState(due: number, paid: number, exempt: boolean, member: boolean, isFuture: boolean): CellState {
  if (paid > 0 && paid >= due) return 'paid';
  if (paid > 0) return 'partial';
  if (!member) return 'none';
  if (exempt) return 'exempt';
  if (due <= 0) return 'paid';
  return isFuture ? 'upcoming' : 'owed';
}

export interface MemberYear {
  months: MonthDues[];
  /** months owed in full (nothing paid), up to the current month: R5 counts these (never unknown ones) */
  owedMonths: number;
  partialMonths: number;
  paidMonths: number;
  /** đồng still owed up to the current month (owed and the rest of partial months) */
  owedAmount: number;
  paidAmount: number;
}

export interface YearContext {
  year: number;
  /** the year's twelve months when they are not January–December: a school unit's year
   *  (protocol/year.ts yearMonths) read by the rating; the dues ledger itself is by calendar year */
  months?: readonly string[];
  /** this month: later months are not yet owed */
  current: string;
  rates: readonly RateLike[];
  /** the unit's first month of the book in the app (bookStart): earlier months are unknown; undefined = all months known */
  bookStart?: string;
}

/**
 * A member's twelve months of a year. `entries`, `exemptions`, `events` are this member's;
 * `paidUpTo` is their opening balance (openingsOf), which also says from when they are known.
 */
export function memberYear(member: MemberLike, entries: readonly PaidLike[], exemptions: readonly ExemptionLike[], events: readonly EventLike[], ctx: YearContext, paidUpTo?: string): MemberYear {
  const stays = memberStays(member, events);
  const paid = paidByPeriod(entries);
  const knownFrom = paidUpTo ? addPeriods(paidUpTo, 1) : ctx.bookStart;
  const out: MemberYear = { months: [], owedMonths: 0, partialMonths: 0, paidMonths: 0, owedAmount: 0, paidAmount: 0 };
  for (const p of ctx.months ?? periodsOfYear(ctx.year)) {
    const isMember = inStays(stays, p);
    const exempt = isMember && isExempt(exemptions, p);
    const due = isMember && !exempt ? rateFor(ctx.rates, member.duesCategory, p) : 0;
    const got = paid.get(p) ?? 0;
    let state = cellState(due, got, exempt, isMember, p > ctx.current);
    if (due > 0 && got <= 0 && knownFrom && p < knownFrom) state = paidUpTo ? 'settled' : 'unknown';
    out.months.push({ period: p, due, paid: got, state });
    out.paidAmount += got;
    if ((state === 'paid' && got > 0) || state === 'settled') out.paidMonths++;
    if (p <= ctx.current) {
      if (state === 'owed') out.owedMonths++;
      if (state === 'partial') out.partialMonths++;
      if (state === 'owed' || state === 'partial') out.owedAmount += due - got;
    }
  }
  return out;
}

/** Months a member can still pay for this year (owed, partial, upcoming, or unknown: an old month brought in late), with what each asks. */
export function payableMonths(y: MemberYear): { period: string; amount: number }[] {
  return y.months.filter((m) => m.state === 'owed' || m.state === 'partial' || m.state === 'upcoming' || m.state === 'unknown').map((m) => ({ period: m.period, amount: m.due - m.paid }));
}

// ---------------------------------------------------------------------------------------
// R7: dues before the app (docs/decisions.md "Dues before the app")

/** The receipt number of opening balances (and their reversals): no money, no receipt. */
export const OPENING_RECEIPT = 'opening';

/**
 * The first month of the unit's dues book in the app: the month of the earliest day anything
 * was recorded in the ledger (`paidAt` of a payment or an opening balance), never later than
 * this month. Months before it are unknown, not owed: the app did not keep the book then.
 */
export function bookStartOf(firstPaidAt: string | undefined, thisMonth: string): string {
  const first = firstPaidAt && periodOf(firstPaidAt);
  return first && first < thisMonth ? first : thisMonth;
}

/**
 * Each member's opening balance ("paid up to month M"): the last one recorded (by day, then
 * id: ids are time-ordered) that is not reversed. `entries`: opening entries and their reversals.
 */
export function openingsOf(entries: readonly EntryLike[]): Map<string, string> {
  const reversed = new Set<string>();
  for (const e of entries) if (e.reversesId && !e.deleted) reversed.add(e.reversesId);
  const best = new Map<string, EntryLike>();
  for (const e of entries) {
    if (e.deleted || e.reversesId || e.kind !== 'opening' || reversed.has(e.id)) continue;
    const b = best.get(e.memberId);
    if (!b || e.paidAt > b.paidAt || (e.paidAt === b.paidAt && e.id > b.id)) best.set(e.memberId, e);
  }
  return new Map([...best].map(([id, e]) => [id, e.period]));
}

// ---------------------------------------------------------------------------------------
// R5: the unpaid warning

/** Months owed with nothing paid in the year that make a member a strike-off case (R5). */
export const UNPAID_WARNING_MONTHS = 3;

export function isUnpaidWarning(y: MemberYear): boolean {
  return y.owedMonths >= UNPAID_WARNING_MONTHS;
}

// ---------------------------------------------------------------------------------------
// R2: collected and remitted in a month

/**
 * Cash counted in a month: the entries recorded with a paidAt in that month, whatever months
 * they pay for (dues paid ahead or late are money in hand the month they are received), and
 * reversals in the month they are recorded — a correction after the month's slip was paid
 * lowers the next slip, never a slip already sent.
 */
export function collectedIn(entries: readonly EntryLike[], p: string): number {
  let sum = 0;
  for (const e of entries) if (!e.deleted && periodOf(e.paidAt) === p) sum += e.amount;
  return Math.max(0, sum);
}

/**
 * 1/3 of what was collected goes up (R2), rounded to the nearest đồng (half up), and the unit
 * keeps the rest, so the two parts always add up to the collected sum exactly: 2,000 đ →
 * 667 up, 1,333 kept. Nearest rather than floor: the higher level's share is the closest
 * whole đồng to its third; neither side is favoured by more than half a đồng.
 */
export function remittanceSplit(collected: number): { remit: number; keep: number } {
  const remit = Math.round(Math.max(0, collected) / 3);
  return { remit, keep: Math.max(0, collected) - remit };
}

// ---------------------------------------------------------------------------------------
// Receipt numbers

/** Crockford's base-32 digits: no I, L, O or U, so a code read aloud or copied by hand is not misread. */
const CODE_DIGITS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A short code for this device, from the random tail of its UUIDv7 device id (the head is a
 * timestamp, shared by phones set up the same minute): 20 random bits as 4 base-32 digits.
 * Two phones of a unit get the same code with probability 1 in 1,048,576 per pair.
 */
export function deviceCode(deviceId: string): string {
  let n = parseInt(deviceId.replace(/[^0-9a-f]/gi, '').slice(-5) || '0', 16);
  let out = '';
  for (let i = 0; i < 4; i++) {
    out = CODE_DIGITS[n % 32] + out;
    n = Math.floor(n / 32);
  }
  return out;
}

/**
 * Receipt numbers "2026-K7QZ-12": the year it was written, the device's code, and that
 * device's count for the year. Each phone numbers only its own receipts, counting on from
 * the highest number it finds in the ledger with its prefix, so two phones collecting
 * offline never hand out the same number, and a number is never reused after a reload or a
 * restore (the ledger carries it).
 */
export function receiptPrefix(year: number, deviceId: string): string {
  return `${year}-${deviceCode(deviceId)}-`;
}

export function nextReceiptNo(prefix: string, existing: readonly string[]): string {
  let max = 0;
  for (const r of existing) {
    if (!r.startsWith(prefix)) continue;
    const n = Number(r.slice(prefix.length));
    if (Number.isInteger(n) && n > max) max = n;
  }
  return `${prefix}${max + 1}`;
}

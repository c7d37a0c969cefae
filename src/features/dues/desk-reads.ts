// Reads of the dues desk screens (remittance slip, unpaid list, exemptions, rates, opening
// balances): kept out of the precache with those screens (vite.config.ts), so the field
// screens' chunk stays small (PERFORMANCE.md B1). No zod.
import { activeDb } from '../../data/session';
import type { DuesEntry, DuesExemption, DuesRate, Remittance } from '../../protocol/dues';
import { remittanceId } from '../../protocol/record-ids';
import type { Member } from '../../protocol/member';
import { membersOn, movesByMember } from '../../protocol/headcount';
import { collectedIn, isUnpaidWarning, OPENING_RECEIPT, openingsOf, rateFor, remittanceSplit } from '../../protocol/dues-rules';
import { sortByName } from '../../lib/names';
import { yearView } from './dues-queries';

const live = <T extends { deleted: boolean }>(rows: T[]) => rows.filter((r) => !r.deleted);

export interface RemittanceView {
  period: string;
  collected: number;
  remit: number;
  keep: number;
  /** entries received in the month, and how many were reversals */
  count: number;
  reversals: number;
  remittance?: Remittance;
}

export async function remittanceView(period: string): Promise<RemittanceView> {
  const db = await activeDb();
  const [received, remittance] = await Promise.all([
    db.dues.where('paidAt').between(`${period}-01`, `${period}-31`, true, true).toArray(),
    db.remittances.get(remittanceId(period)),
  ]);
  const rows = live(received);
  const collected = collectedIn(rows, period);
  return {
    period,
    collected,
    ...remittanceSplit(collected),
    count: rows.filter((e) => !e.reversesId && e.kind !== 'opening').length,
    reversals: rows.filter((e) => e.reversesId && e.kind !== 'opening').length,
    remittance: remittance && !remittance.deleted ? remittance : undefined,
  };
}

export interface WarningRow {
  member: Member;
  owedMonths: string[];
  owedAmount: number;
}

/** Members unpaid 3+ months of the year up to `current` (R5), most months first. `thisMonth`: as in yearView. */
export async function unpaidWarnings(year: number, current: string, thisMonth = current): Promise<WarningRow[]> {
  const yv = await yearView(year, current, thisMonth);
  const rows = yv.rows
    .filter((r) => isUnpaidWarning(r.year))
    .map((r) => ({ member: r.member, owedMonths: r.year.months.filter((m) => m.state === 'owed' && m.period <= current).map((m) => m.period), owedAmount: r.year.owedAmount }));
  // By name, then (a stable sort) most months first: a unit's whole roster can be here.
  return sortByName(rows, (r) => r.member.fullName).sort((a, b) => b.owedMonths.length - a.owedMonths.length);
}

export interface ExemptionRow extends DuesExemption {
  memberName: string;
}

export async function listExemptions(): Promise<ExemptionRow[]> {
  const db = await activeDb();
  const rows = live(await db.duesExemptions.toArray());
  const members = await db.members.bulkGet([...new Set(rows.map((r) => r.memberId))]);
  const names = new Map(members.filter((m): m is Member => !!m).map((m) => [m.id, m.fullName]));
  return rows.map((r) => ({ ...r, memberName: names.get(r.memberId) ?? '' })).sort((a, b) => b.fromPeriod.localeCompare(a.fromPeriod));
}

export interface RatesView {
  rates: DuesRate[];
  /** the rate in force this month per category */
  now: { unsalaried: number; salaried: number };
  /** members in the unit today by dues category */
  members: { unsalaried: number; salaried: number };
}

export async function ratesView(current: string, today: string): Promise<RatesView> {
  const db = await activeDb();
  const rates = live(await db.duesRates.toArray()).sort((a, b) => b.fromPeriod.localeCompare(a.fromPeriod) || a.category.localeCompare(b.category));
  const members = { unsalaried: 0, salaried: 0 };
  for (const m of await membersToday(today)) members[m.duesCategory]++;
  return { rates, now: { unsalaried: rateFor(rates, 'unsalaried', current), salaried: rateFor(rates, 'salaried', current) }, members };
}

/** Members in the unit today (protocol/headcount, the one head count), name order: the exemptions form, the opening balance. */
export async function membersToday(today: string): Promise<Member[]> {
  const db = await activeDb();
  const [members, events] = await Promise.all([db.members.toArray(), db.memberEvents.toArray()]);
  return sortByName(membersOn(members, movesByMember(events), today), (m) => m.fullName);
}

export interface OpeningRow extends DuesEntry {
  reversed: boolean;
  memberName: string;
}

export interface OpeningView {
  /** memberId → paid up to (the balance in force) */
  openings: Map<string, string>;
  /** opening balances recorded (one member's, or everyone's), newest first, without reversals */
  entries: OpeningRow[];
}

/** The opening balances (dues-rules R7): in force per member, and as recorded. */
export async function openingView(memberId?: string): Promise<OpeningView> {
  const db = await activeDb();
  const rows = live(await db.dues.where('receiptNo').equals(OPENING_RECEIPT).toArray()).filter((e) => !memberId || e.memberId === memberId);
  const reversed = new Set(rows.map((e) => e.reversesId));
  const originals = rows.filter((e) => !e.reversesId);
  const members = await db.members.bulkGet([...new Set(originals.map((e) => e.memberId))]);
  const names = new Map(members.filter((m): m is Member => !!m).map((m) => [m.id, m.fullName]));
  return {
    openings: openingsOf(rows),
    entries: originals
      .map((e) => ({ ...e, reversed: reversed.has(e.id), memberName: names.get(e.memberId) ?? '' }))
      .sort((a, b) => b.paidAt.localeCompare(a.paidAt) || b.id.localeCompare(a.id)),
  };
}


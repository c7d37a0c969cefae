// The member digest: one row per member holding, in brief, the member's own rows of the tables
// the year screens count from — the register entry, their events, their roll, their dues,
// their exemptions, their training registrations and progress. A year screen of a 5,000-member unit reads 5,000
// digests instead of ~125,000 rows (PERFORMANCE.md B9; issue 13 item 7): turning rows into
// objects, not computing, was most of its time (test/perf/year-scale.mjs).
// A digest is derived, never synced or backed up: data/digest-middleware.ts keeps it in step
// with every write to a source table in the same transaction, whatever the path (a repo, sync
// applying a page, import, restore), and the schema upgrade that adds it builds it from the
// rows (data/db.ts). It holds live rows only: a row marked deleted leaves its digest.
// Test: test/unit/data/member-digest.test.ts (a digest always equals a rebuild from the rows).
import type { MoveLike } from '../protocol/headcount';
import type { TrainingOutcome } from '../protocol/training-enums';
import type { DuesCategory, MemberStatus } from '../protocol/member-enums';

/** The register entry's fields the year screens use (absent from a digest: no live member row). */
export interface DigestMember {
  id: string;
  fullName: string;
  status: MemberStatus;
  admissionDate?: string;
  archivedAt?: string;
  duesCategory: DuesCategory;
  subGroup?: string;
  /** searched for on the dues grid */
  cardNumber?: string;
}

export interface DigestDues {
  period: string;
  amount: number;
  paidAt: string;
  kind?: string;
}

export interface DigestExemption {
  fromPeriod: string;
  toPeriod: string;
}

export interface DigestRegistration {
  itemIds: string[];
  /** '' not yet assessed */
  outcome: TrainingOutcome | '';
}

export interface DigestProgress {
  year: number;
  itemId: string;
  done: boolean;
}

export interface MemberDigest {
  /** the member's id */
  id: string;
  member?: DigestMember;
  /** memberEvents by row id */
  events: Record<string, MoveLike>;
  /** the roll: event id → status (attendance id = `${eventId}:${memberId}`) */
  roll: Record<string, string>;
  /** dues entries by row id */
  dues: Record<string, DigestDues>;
  /** dues exemptions by row id */
  exemptions: Record<string, DigestExemption>;
  /** training registrations by year (registration id = `${year}:${memberId}`) */
  training: Record<string, DigestRegistration>;
  /** training progress by row id (`${year}:${memberId}:${itemId}`) */
  progress: Record<string, DigestProgress>;
}

type Slot = Exclude<keyof MemberDigest, 'id' | 'member'>;
const SLOTS: readonly Slot[] = ['events', 'roll', 'dues', 'exemptions', 'training', 'progress'];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of several tables, read by field
type Row = Record<string, any>;

interface Source {
  /** the digest slot; undefined: the members table (the digest's `member`) */
  slot?: Slot;
  /** the row's key inside the slot */
  key(row: Row): string;
  brief(row: Row): unknown;
}

const opt = <T extends object>(o: T): T => {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined || o[k] === '') delete o[k];
  return o;
};

/** A register entry's brief in its digest. */
export function memberBrief(m: DigestMember): DigestMember {
  return { ...opt({ admissionDate: m.admissionDate, archivedAt: m.archivedAt, subGroup: m.subGroup, cardNumber: m.cardNumber }), id: m.id, fullName: m.fullName, status: m.status, duesCategory: m.duesCategory };
}

/** The tables a digest is made from, and how a row of each goes into it. */
export const DIGEST_SOURCES: Readonly<Record<string, Source>> = {
  members: { key: (r) => r.id, brief: (r) => memberBrief(r as DigestMember) },
  memberEvents: { slot: 'events', key: (r) => r.id, brief: (r): MoveLike => opt({ kind: r.kind, date: r.date, disciplineLevel: r.disciplineLevel }) },
  attendance: { slot: 'roll', key: (r) => r.eventId, brief: (r) => r.status },
  dues: { slot: 'dues', key: (r) => r.id, brief: (r): DigestDues => opt({ period: r.period, amount: r.amount, paidAt: r.paidAt, kind: r.kind }) },
  duesExemptions: { slot: 'exemptions', key: (r) => r.id, brief: (r): DigestExemption => ({ fromPeriod: r.fromPeriod, toPeriod: r.toPeriod }) },
  trainingRegistrations: { slot: 'training', key: (r) => String(r.year), brief: (r): DigestRegistration => ({ itemIds: [...(r.itemIds ?? [])], outcome: r.outcome ?? '' }) },
  trainingProgress: { slot: 'progress', key: (r) => r.id, brief: (r): DigestProgress => ({ year: r.year, itemId: r.itemId, done: !!r.done }) },
};

export const DIGEST_TABLE = 'memberDigests';
export const DIGEST_SOURCE_TABLES = Object.keys(DIGEST_SOURCES);

export function emptyDigest(id: string): MemberDigest {
  return { id, events: {}, roll: {}, dues: {}, exemptions: {}, training: {}, progress: {} };
}

/** The member a source row belongs to. */
export function digestMemberId(table: string, row: Row): string | undefined {
  const id = table === 'members' ? row.id : row.memberId;
  return typeof id === 'string' ? id : undefined;
}

/** Puts a row of a source table into its member's digest (`deleted`: takes it out). */
export function putInDigest(d: MemberDigest, table: string, row: Row, deleted = !!row.deleted): void {
  const src = DIGEST_SOURCES[table];
  if (!src.slot) {
    if (deleted) delete d.member;
    else d.member = src.brief(row) as DigestMember;
    return;
  }
  const slot = d[src.slot] as Record<string, unknown>;
  if (deleted) delete slot[src.key(row)];
  else slot[src.key(row)] = src.brief(row);
}

/** A digest that holds nothing keeps no row. */
export function isEmptyDigest(d: MemberDigest): boolean {
  if (d.member) return false;
  for (const slot of SLOTS) for (const _ in d[slot]) return false;
  return true;
}

/** Every digest from the source tables' rows (the upgrade that adds them; tests). */
export function buildDigests(rows: Readonly<Record<string, readonly Row[]>>): MemberDigest[] {
  const by = new Map<string, MemberDigest>();
  for (const table of DIGEST_SOURCE_TABLES) {
    for (const row of rows[table] ?? []) {
      if (row.deleted) continue;
      const id = digestMemberId(table, row);
      if (id === undefined) continue;
      let d = by.get(id);
      if (!d) by.set(id, (d = emptyDigest(id)));
      putInDigest(d, table, row, false);
    }
  }
  return [...by.values()];
}

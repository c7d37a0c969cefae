// The member digest: one row per member holding, in brief, the member's own rows of the tables
// the year screens count from — the register entry, their events, their roll, their dues,
// their exemptions, their training registrations and progress. A year screen of a 5,000-member
// unit reads 5,000 digests instead of ~125,000 rows (PERFORMANCE.md B9; issue 13 item 7):
// turning rows into objects, not computing, was most of its time (test/perf/year-scale.mjs).
// Reading costs by the value, so a brief keeps only what the screens count with, in few values:
// a roll status is one letter, a dues entry or an exemption a pair in a sorted list (their row
// ids are not needed), a progress row one flag.
// A digest is derived, never synced or backed up: data/digest-middleware.ts keeps it in step
// with every write to a source table in the same transaction, whatever the path (a repo, sync
// applying a page, import, restore), and the schema upgrade that adds it builds it from the
// rows (data/db.ts). It holds live rows only: a row marked deleted leaves its digest.
// Test: test/unit/data/member-digest.test.ts (a digest always equals a rebuild from the rows).
import type { MoveLike } from '../protocol/headcount';
import type { TrainingOutcome } from '../protocol/training-enums';
import type { DuesCategory, MemberStatus } from '../protocol/member-enums';
import type { AttendanceStatus } from '../protocol/meeting-enums';

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

/** A dues entry: the month paid for, the amount, and 1 for an opening balance (dues-rules R7). */
export type DigestDues = [period: string, amount: number, opening?: 1];

/** A dues exemption: its first and last month. */
export type DigestExemption = [fromPeriod: string, toPeriod: string];

export interface DigestRegistration {
  itemIds: string[];
  /** '' not yet assessed */
  outcome: TrainingOutcome | '';
}

/** A roll status in one letter. */
export type StatusLetter = 'p' | 'l' | 'e' | 'u';
const LETTER: Record<AttendanceStatus, StatusLetter> = { present: 'p', late: 'l', absent_excused: 'e', absent_unexcused: 'u' };
const STATUS: Record<StatusLetter, AttendanceStatus> = { p: 'present', l: 'late', e: 'absent_excused', u: 'absent_unexcused' };

/** The attendance status a roll letter stands for. */
export const statusOf = (letter: StatusLetter): AttendanceStatus => STATUS[letter];

export interface MemberDigest {
  /** the member's id */
  id: string;
  member?: DigestMember;
  /** memberEvents by row id */
  events: Record<string, MoveLike>;
  /** the roll: event id → status letter (attendance id = `${eventId}:${memberId}`) */
  roll: Record<string, StatusLetter>;
  /** dues entries, sorted */
  dues: DigestDues[];
  /** dues exemptions, sorted */
  exemptions: DigestExemption[];
  /** training registrations by year (registration id = `${year}:${memberId}`) */
  training: Record<string, DigestRegistration>;
  /** training progress: `${year}:${itemId}` → 1 done, 0 not (progress id = `${year}:${memberId}:${itemId}`) */
  progress: Record<string, 0 | 1>;
}

type Slot = Exclude<keyof MemberDigest, 'id' | 'member'>;
const SLOTS: readonly Slot[] = ['events', 'roll', 'dues', 'exemptions', 'training', 'progress'];
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of several tables, read by field
type Row = Record<string, any>;

interface Source {
  /** the digest slot; undefined: the members table (the digest's `member`) */
  slot?: Slot;
  /** the row's key inside a keyed slot; undefined: the slot is a sorted list of briefs */
  key?(row: Row): string;
  brief(row: Row): unknown;
  /**
   * The member and the key come from the row's id (a member's own id; attendance id =
   * `${eventId}:${memberId}`, which the server refuses otherwise: server/src/sync/merge.ts), so
   * a write's new brief replaces its old one in place, with no need to read the old row.
   */
  inPlace?: true;
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
  members: { brief: (r) => memberBrief(r as DigestMember), inPlace: true },
  memberEvents: { slot: 'events', key: (r) => r.id, brief: (r): MoveLike => opt({ kind: r.kind, date: r.date, disciplineLevel: r.disciplineLevel }) },
  attendance: { slot: 'roll', key: (r) => r.eventId, brief: (r) => LETTER[r.status as AttendanceStatus], inPlace: true },
  dues: { slot: 'dues', brief: (r): DigestDues => (r.kind === 'opening' ? [r.period, r.amount, 1] : [r.period, r.amount]) },
  duesExemptions: { slot: 'exemptions', brief: (r): DigestExemption => [r.fromPeriod, r.toPeriod] },
  trainingRegistrations: { slot: 'training', key: (r) => String(r.year), brief: (r): DigestRegistration => ({ itemIds: [...(r.itemIds ?? [])], outcome: r.outcome ?? '' }) },
  trainingProgress: { slot: 'progress', key: (r) => `${r.year}:${r.itemId}`, brief: (r) => (r.done ? 1 : 0) },
};

export const DIGEST_TABLE = 'memberDigests';
/**
 * Digests per page read (data/paged.ts readMany): a digest holds a year of briefs, and pages
 * of 1,000 made tasks of 300-400 ms at 4× CPU (test/perf/year-scale.mjs); 250 keep them short.
 */
export const DIGEST_PAGE = 250;
export const DIGEST_SOURCE_TABLES = Object.keys(DIGEST_SOURCES);

export function emptyDigest(id: string): MemberDigest {
  return { id, events: {}, roll: {}, dues: [], exemptions: [], training: {}, progress: {} };
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
  if (src.key) {
    const slot = d[src.slot] as Record<string, unknown>;
    if (deleted) delete slot[src.key(row)];
    else slot[src.key(row)] = src.brief(row);
    return;
  }
  // A list: one brief per row, in the order of their JSON (so a digest never depends on the
  // order of writes); a row taken out takes one brief equal to its own.
  const list = d[src.slot] as unknown[];
  const brief = src.brief(row);
  const json = JSON.stringify(brief);
  let at = 0;
  while (at < list.length && JSON.stringify(list[at]) < json) at++;
  if (!deleted) list.splice(at, 0, brief);
  else if (JSON.stringify(list[at]) === json) list.splice(at, 1);
}

/** A digest's exemptions as dues-rules reads them. */
export const exemptionsOf = (d: MemberDigest) => d.exemptions.map(([fromPeriod, toPeriod]) => ({ fromPeriod, toPeriod }));

/** A digest that holds nothing keeps no row. */
export function isEmptyDigest(d: MemberDigest): boolean {
  if (d.member) return false;
  for (const slot of SLOTS) for (const _ in d[slot]) return false;
  return true;
}

/** Empties one source table's part of a digest (the table was cleared). */
export function clearFromDigest(d: MemberDigest, table: string): void {
  const { slot } = DIGEST_SOURCES[table];
  if (!slot) delete d.member;
  else if (Array.isArray(d[slot])) (d[slot] as unknown[]) = [];
  else (d[slot] as object) = {};
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

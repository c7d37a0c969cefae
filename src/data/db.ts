// The local database: one Dexie database per unit ("scd-<unitId>"), the whole version
// chain in this one file. What lives where:
//   - synced tables (units, members, memberEvents, meetings, activities, attendance, minutes,
//     minutesAddenda, the training programme, the dues ledger and its settings, ratings,
//     unitSettings, the year's plan and targets, youth projects, the committee, fileRefs): rows with `rev` and `deleted` tombstones
//   - outbox: per-field changes waiting to be pushed, appended in the same transaction as the row
//   - conflicts, needsAttention: what sync could not apply silently, kept for the user
//   - syncState: this device's id, next outbox seq, HLC state, pull cursor
//   - imports: each Excel/CSV import, so it can be undone as a whole
//   - fileBlobs, fileUploads: photos kept on this phone and those waiting to upload
// Device preferences that need no transaction (language, current unit) live in idb-keyval
// (src/data/prefs.ts). Schema changes: see the constructor.
import Dexie, { type EntityTable } from 'dexie';
import type { Unit } from '../protocol/unit';
import type { Member } from '../protocol/member';
import type { MemberEvent } from '../protocol/member-event';
import type { Mutation, SyncedTable } from '../protocol/outbox';
import { SYNCED_TABLES } from '../protocol/tables';
import type { Activity, Attendance, Meeting } from '../protocol/meeting';
import type { Addendum, Minutes } from '../protocol/minutes';
import type { TrainingItem, TrainingProgress, TrainingRegistration } from '../protocol/training';
import type { DuesEntry, DuesExemption, DuesRate, Remittance } from '../protocol/dues';
import type { Rating, UnitRating } from '../protocol/rating';
import type { UnitSettings } from '../protocol/unit-settings';
import type { Target, YearPlan } from '../protocol/target';
import type { YouthProject, YouthProjectLog } from '../protocol/youth-project';
import type { CommitteeSeat, CommitteeTerm } from '../protocol/committee';
import type { FileRef } from '../protocol/file-ref';
import type { Report, ReportReview, ReportVersion } from '../protocol/report';
import type { CheckIn, CheckInAction, Consolidation, UnitNote, UnitRecognition } from '../protocol/oversight';
import { buildDigests, DIGEST_SOURCE_TABLES, DIGEST_TABLE, type MemberDigest } from './member-digest';
import { digestMiddleware } from './digest-middleware';
import { VIEW_TABLE, yearViewMiddleware } from './year-view-middleware';
import type { YearViewRow } from './year-views';

export interface DeviceState {
  key: 'device';
  deviceId: string;
  nextSeq: number;
  hlcMs: number;
  hlcCounter: number;
  cursor: number;
  lastAckedSeq: number;
  lastSyncedAt?: string;
  /** set when this device joined a unit on a server (src/sync) */
  server?: ServerLink;
  /** sync stopped until the user acts: the server refused the device token (401) */
  pausedReason?: 'auth';
  /** pull again from here: a pulled row was kept local by the rebase rule (src/sync/apply.ts) */
  repullFrom?: number;
  /** push forms the server last said it reads besides plain mutations (src/protocol/push-columns.ts) */
  pushForms?: string[];
}

/** Where and as whom this device syncs. The local unit id stays; the server's is here. */
export interface ServerLink {
  /** '' = the origin that served the app */
  baseUrl: string;
  unitId: string;
  unitName: string;
  role: string;
  deviceToken: string;
  joinedAt: string;
}

export interface ImportRecord {
  id: string;
  at: string;
  fileName: string;
  memberIds: string[];
  undoneAt?: string;
  /** on undo: how many members were removed, and those kept because the register used them */
  removedCount?: number;
  keptMemberIds?: string[];
  /** the dues category the secretary chose for the members the file gave none (no column, empty cells) */
  duesDefault?: { category: Member['duesCategory']; count: number };
}

export interface ConflictRecord {
  id: string;
  table: SyncedTable;
  rowId: string;
  field: string;
  mine: unknown;
  theirs: unknown;
  at: string;
  resolvedAt?: string;
  /** as the server reported it (src/sync): the value in effect and the one kept aside */
  winnerValue?: unknown;
  loserValue?: unknown;
  winnerDeviceId?: string;
  loserDeviceId?: string;
  /** 'deleteEdit': an edit that met a delete (the tombstone won) */
  kind?: 'field' | 'deleteEdit';
  /** chosen on this device, not yet told to the server */
  resolvePending?: { keep: 'winner' | 'loser' };
}

export interface NeedsAttentionRecord {
  mid: string;
  mutation: Mutation;
  reason: string;
  /** the field at fault, when the server named one */
  field?: string;
  at: string;
}

/** A photo kept on this phone (taken here, or fetched from the server on demand). Not synced: fileRefs is. */
export interface FileBlobRecord {
  sha256: string;
  blob: Blob;
  mime: string;
  bytes: number;
  at: string;
}

/** A file waiting to go to the server, like the outbox but apart from the record sync. */
export interface FileUploadRecord {
  sha256: string;
  queuedAt: string;
  attempts: number;
  lastTriedAt?: string;
  /** the last failure in plain words (quota full, too large, network) */
  lastError?: string;
}

export class UnitDb extends Dexie {
  units!: EntityTable<Unit, 'id'>;
  members!: EntityTable<Member, 'id'>;
  memberEvents!: EntityTable<MemberEvent, 'id'>;
  meetings!: EntityTable<Meeting, 'id'>;
  activities!: EntityTable<Activity, 'id'>;
  attendance!: EntityTable<Attendance, 'id'>;
  minutes!: EntityTable<Minutes, 'id'>;
  minutesAddenda!: EntityTable<Addendum, 'id'>;
  trainingItems!: EntityTable<TrainingItem, 'id'>;
  trainingRegistrations!: EntityTable<TrainingRegistration, 'id'>;
  trainingProgress!: EntityTable<TrainingProgress, 'id'>;
  dues!: EntityTable<DuesEntry, 'id'>;
  duesExemptions!: EntityTable<DuesExemption, 'id'>;
  duesRates!: EntityTable<DuesRate, 'id'>;
  remittances!: EntityTable<Remittance, 'id'>;
  ratings!: EntityTable<Rating, 'id'>;
  unitRatings!: EntityTable<UnitRating, 'id'>;
  unitSettings!: EntityTable<UnitSettings, 'id'>;
  yearPlans!: EntityTable<YearPlan, 'id'>;
  targets!: EntityTable<Target, 'id'>;
  youthProjects!: EntityTable<YouthProject, 'id'>;
  youthProjectLogs!: EntityTable<YouthProjectLog, 'id'>;
  committeeTerms!: EntityTable<CommitteeTerm, 'id'>;
  committeeSeats!: EntityTable<CommitteeSeat, 'id'>;
  fileRefs!: EntityTable<FileRef, 'id'>;
  reports!: EntityTable<Report, 'id'>;
  reportVersions!: EntityTable<ReportVersion, 'id'>;
  reportReviews!: EntityTable<ReportReview, 'id'>;
  checkIns!: EntityTable<CheckIn, 'id'>;
  checkInActions!: EntityTable<CheckInAction, 'id'>;
  unitNotes!: EntityTable<UnitNote, 'id'>;
  unitRecognitions!: EntityTable<UnitRecognition, 'id'>;
  consolidations!: EntityTable<Consolidation, 'id'>;
  fileBlobs!: EntityTable<FileBlobRecord, 'sha256'>;
  fileUploads!: EntityTable<FileUploadRecord, 'sha256'>;
  imports!: EntityTable<ImportRecord, 'id'>;
  outbox!: EntityTable<Mutation, 'seq'>;
  conflicts!: EntityTable<ConflictRecord, 'id'>;
  needsAttention!: EntityTable<NeedsAttentionRecord, 'mid'>;
  syncState!: EntityTable<DeviceState, 'key'>;
  memberDigests!: EntityTable<MemberDigest, 'id'>;
  yearViews!: EntityTable<YearViewRow, 'id'>;

  constructor(name: string) {
    // No live-query cache (Dexie 4's default 'cloned'): it is kept in step only by writes made
    // through Dexie, and the roll's tap is written without it (features/attendance/tap-repo.ts,
    // B4), telling live queries by the documented storagemutated event — a cached query would
    // answer from before the tap. Its gains do not apply here: our writes are explicit
    // transactions (no optimistic updates), the screens share few queries, and 'cloned' deep-
    // clones every cached answer on each read.
    super(name, { cache: 'disabled' });
    // One declaration, the whole schema (issue 13, B2): each version(n) call made Dexie merge,
    // parse and set up every table declared so far again: constructing the database took 67 ms
    // at 4× CPU (median of 8; 18 ms declared once), in a task of its own on every start. Dexie reads the schema a phone has and adds what is missing
    // from it, so a version that only adds tables or indexes needs no step of its own; a
    // version stays a step only while it carries an upgrade function. The history:
    //   v1 the register; v2 meetings, the roll (attendance id = eventId:memberId), minutes and
    //   addenda; v3 training, dues, ratings (rows keyed by year carry it as an index); v4 the
    //   ledger by the day money was received (paidAt); v5 the year's plan, targets, youth
    //   projects, the committee, file references, photo blobs and their upload queue; v6 reports
    //   to cấp trên; v7 the level above's check-ins, notes, recognitions, consolidations;
    //   v8 the member digests (below); v9 builds them again (a restore had broken them); v10
    //   drops the members' unread indexes.
    // A schema change is a new version(n) step with an upgrade test (DESIGN.md,
    // db-upgrade.test.ts); once a step that only adds tables or indexes has shipped, it can fold
    // into this declaration, as v1–v7 did, then v8 and v10 (docs/decisions.md, "The schema
    // declared once"). v9 keeps a step, declared with the whole schema, for its upgrade function.
    this.version(9)
      .stores({
        units: 'id',
        members: 'id, position, cardNumber',
        memberEvents: 'id, memberId',
        imports: 'id, at',
        outbox: 'seq, &mid, [table+rowId]',
        conflicts: 'id, [table+rowId]',
        needsAttention: 'mid',
        syncState: 'key',
        meetings: 'id, startsAt, status',
        activities: 'id, date',
        attendance: 'id, eventId, memberId',
        minutes: 'id',
        minutesAddenda: 'id, meetingId',
        trainingItems: 'id, year',
        trainingRegistrations: 'id, year, memberId',
        trainingProgress: 'id, [year+memberId], itemId',
        dues: 'id, memberId, period, receiptNo, paidAt',
        duesExemptions: 'id, memberId',
        duesRates: 'id',
        remittances: 'id, period',
        ratings: 'id, year, memberId',
        unitRatings: 'id',
        unitSettings: 'id',
        yearPlans: 'id, year',
        targets: 'id, year',
        youthProjects: 'id, year',
        youthProjectLogs: 'id, projectId',
        committeeTerms: 'id, startsOn',
        committeeSeats: 'id, termId, memberId',
        fileRefs: 'id',
        fileBlobs: 'sha256',
        fileUploads: 'sha256, queuedAt',
        reports: 'id, year',
        reportVersions: 'id, reportId',
        reportReviews: 'id, reportId',
        checkIns: 'id, date',
        checkInActions: 'id, checkInId',
        unitNotes: 'id, threadId',
        unitRecognitions: 'id',
        consolidations: 'id',
        // v8 (issue 13, the year at scale): the member digests, one row per member with the
        // briefs of their rows the year screens count from (data/member-digest.ts), built here
        // from the rows and kept in step from then on by data/digest-middleware.ts. Derived:
        // never synced, never in a backup.
        memberDigests: 'id',
      })
      // v9: the member digests built again from the rows. A restore wrote every table side by
      // side in one transaction and the middleware's writes overwrote each other's digests, so
      // a phone restored under v8 kept one table's part of each (its year screens showed no
      // members); the middleware now takes a transaction's writes in turn. A phone coming from
      // v7 or before gets its digests here too (v8 only adds the table).
      .upgrade(async (tx) => {
        const rows = Object.fromEntries(await Promise.all(DIGEST_SOURCE_TABLES.map(async (t) => [t, await tx.table(t).toArray()] as const)));
        await tx.table(DIGEST_TABLE).clear();
        await tx.table(DIGEST_TABLE).bulkPut(buildDigests(rows));
      });
    // v10 (folded above): the members' indexes no query reads (status, subGroup, importId)
    // dropped. Each was kept in step by every member written — a pull of 10,000 members put
    // them ~1.7 s into a bare store with the five indexes, ~1.2 s with the two read (committee
    // holders, a card number taken) — issue 13, B6. The list and the year screens filter in
    // memory. Dexie drops the indexes a phone has and the declaration lacks.
    // v11 (issue 13, B9): the year screens' views (data/year-views.ts), kept while nothing is
    // written and told by a token every write moves (data/year-view-middleware.ts). Derived:
    // never synced, never in a backup.
    this.version(11).stores({ [VIEW_TABLE]: 'id' });
    this.use(digestMiddleware);
    this.use(yearViewMiddleware);
  }
}

/** Every synced table is a row table of this database. */
export const SYNCED_ROW_TABLES = SYNCED_TABLES;

export function unitDbName(unitId: string): string {
  return `scd-${unitId}`;
}

let current: UnitDb | null = null;

/** Opens (or returns) the database of the given unit; closes another unit's if open. */
export function openUnitDb(unitId: string): UnitDb {
  const name = unitDbName(unitId);
  if (current?.name === name) return current;
  current?.close();
  current = new UnitDb(name);
  // Another tab upgrading the schema: close so its upgrade is never blocked, then reload
  // when the user is ready (RELIABILITY.md 18).
  current.on('versionchange', () => {
    current?.close();
    if (typeof window !== 'undefined') window.dispatchEvent(new CustomEvent('scd:db-versionchange'));
    return false;
  });
  return current;
}

/**
 * Another unit's database, opened beside the current one and left alone by openUnitDb (the
 * level above reads and writes the units it supervises without switching to them). The
 * caller closes it when done.
 */
export function openUnitDbApart(unitId: string): UnitDb {
  const db = new UnitDb(unitDbName(unitId));
  db.on('versionchange', () => {
    db.close();
    return false;
  });
  return db;
}

export function currentDb(): UnitDb {
  if (!current) throw new Error('No unit database is open');
  return current;
}

/** Test helper and "switch unit": forget the open database. */
export function closeUnitDb(): void {
  current?.close();
  current = null;
}

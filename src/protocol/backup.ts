// The whole-unit backup file (DESIGN.md "Local data": exported and restored on any device).
// Pure: no DOM, Dexie or Node, so a future server-side import can use it too.
//
// What is in it, and why:
//   - every synced table (units, members, memberEvents, meetings, activities, attendance,
//     minutes, minutesAddenda, training, dues, ratings, unitSettings, the year's plan and
//     targets, youth projects, the committee, file references) with its `rev` and `deleted` meta, so tombstones and "what
//     the server had" survive a restore;
//   - imports, so an Excel import can still be undone after a restore;
//   - the outbox: the changes not yet pushed. Without it a restored device would hold the
//     rows but never send them — "use on this device only" and "join a unit later pushes
//     what was recorded" (DESIGN.md) would silently lose everything done offline;
//   - conflicts and needsAttention: they hold the only copy of a losing or rejected value
//     (RELIABILITY.md: kept, never silently lost);
//   - the upload queue of photos (fileUploads) and, base64 in `photos`, the bytes of every
//     photo still in it: those exist on no server yet, so a restore on a new phone must carry
//     them or they are lost. Photos already uploaded stay out (a file of a year's evidence
//     would reach tens of MB): the restored phone fetches them from the server on demand,
//     like any phone that did not take them;
//   - sync: the pull cursor and clock of the exporting device. Its device id and sequence
//     numbers are NOT reused on restore (see features/backup/backup-repo.ts), and its server
//     link (device token) is never written to the file: a file that leaks must not let
//     anyone sync as that phone. A restored device joins the server again.
//
// A file is refused whole when any part is wrong; nothing is half-restored.
import * as z from 'zod/mini';
import { unitRecord } from './unit';
import { memberRecord } from './member';
import { memberEventRecord } from './member-event';
import { activityRecord, attendanceRecord, meetingRecord } from './meeting';
import { addendumRecord, minutesRecord } from './minutes';
import { mutation, SYNCED_TABLES } from './outbox';
import { trainingItemRecord, trainingProgressRecord, trainingRegistrationRecord } from './training';
import { duesEntryRecord, duesExemptionRecord, duesRateRecord, remittanceRecord } from './dues';
import { ratingRecord, unitRatingRecord } from './rating';
import { unitSettingsRecord } from './unit-settings';
import { targetRecord, yearPlanRecord } from './target';
import { youthProjectLogRecord, youthProjectRecord } from './youth-project';
import { committeeSeatRecord, committeeTermRecord } from './committee';
import { reportRecord, reportReviewRecord, reportVersionRecord } from './report';
import { checkInActionRecord, checkInRecord, consolidationRecord, unitNoteRecord, unitRecognitionRecord } from './oversight';
import { FILE_MIME_TYPES, fileRefRecord, MAX_FILE_BYTES, sha256Hex } from './file-ref';

export const BACKUP_FORMAT = 'so-chi-doan-backup';
export const BACKUP_FORMAT_VERSION = 1;

const isoTimestamp = z.string().check(z.minLength(10), z.maxLength(40));

// Device-side records: their shape belongs to src/data/db.ts and grows with it (sync adds
// fields to conflicts), so the fields the app relies on are checked and the rest is kept.
const importRecord = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  at: isoTimestamp,
  fileName: z.string().check(z.maxLength(300)),
  memberIds: z.array(z.string().check(z.maxLength(64))),
  undoneAt: z.optional(isoTimestamp),
});

const conflictRecord = z.looseObject({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  table: z.enum(SYNCED_TABLES),
  rowId: z.string().check(z.minLength(1), z.maxLength(100)),
  field: z.string().check(z.minLength(1), z.maxLength(100)),
  mine: z.unknown(),
  theirs: z.unknown(),
  at: isoTimestamp,
  resolvedAt: z.optional(isoTimestamp),
});

const needsAttentionRecord = z.looseObject({
  mid: z.string().check(z.minLength(8), z.maxLength(64)),
  mutation,
  reason: z.string().check(z.maxLength(2000)),
  at: isoTimestamp,
});

const fileUploadRecord = z.looseObject({
  sha256: sha256Hex,
  queuedAt: isoTimestamp,
  attempts: z.number().check(z.int(), z.nonnegative()),
  lastTriedAt: z.optional(isoTimestamp),
  lastError: z.optional(z.string().check(z.maxLength(200))),
});

/** A photo's bytes as base64 (only photos waiting to upload; see above). Its hash is checked on restore. */
const backupPhoto = z.object({
  sha256: sha256Hex,
  mime: z.enum(FILE_MIME_TYPES),
  data: z.string().check(z.minLength(4), z.maxLength(Math.ceil(MAX_FILE_BYTES / 3) * 4), z.regex(/^[A-Za-z0-9+/]+={0,2}$/)),
});
export type BackupPhoto = z.infer<typeof backupPhoto>;

export const backupFile = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  exportedAt: isoTimestamp,
  /** the Dexie schema version of the exporting app */
  schemaVersion: z.number().check(z.int(), z.positive()),
  appVersion: z.optional(z.string().check(z.maxLength(40))),
  unit: unitRecord,
  tables: z.object({
    units: z.array(unitRecord),
    members: z.array(memberRecord),
    memberEvents: z.array(memberEventRecord),
    // Added in schema 2: a file from schema 1 has none.
    meetings: z._default(z.array(meetingRecord), []),
    activities: z._default(z.array(activityRecord), []),
    attendance: z._default(z.array(attendanceRecord), []),
    minutes: z._default(z.array(minutesRecord), []),
    minutesAddenda: z._default(z.array(addendumRecord), []),
    // Added in schema 3 (training, dues, rating).
    trainingItems: z._default(z.array(trainingItemRecord), []),
    trainingRegistrations: z._default(z.array(trainingRegistrationRecord), []),
    trainingProgress: z._default(z.array(trainingProgressRecord), []),
    dues: z._default(z.array(duesEntryRecord), []),
    duesExemptions: z._default(z.array(duesExemptionRecord), []),
    duesRates: z._default(z.array(duesRateRecord), []),
    remittances: z._default(z.array(remittanceRecord), []),
    ratings: z._default(z.array(ratingRecord), []),
    unitRatings: z._default(z.array(unitRatingRecord), []),
    unitSettings: z._default(z.array(unitSettingsRecord), []),
    // Added in schema 5 (the unit's year).
    yearPlans: z._default(z.array(yearPlanRecord), []),
    targets: z._default(z.array(targetRecord), []),
    youthProjects: z._default(z.array(youthProjectRecord), []),
    youthProjectLogs: z._default(z.array(youthProjectLogRecord), []),
    committeeTerms: z._default(z.array(committeeTermRecord), []),
    committeeSeats: z._default(z.array(committeeSeatRecord), []),
    fileRefs: z._default(z.array(fileRefRecord), []),
    // Added in schema 6 (reports to cấp trên).
    reports: z._default(z.array(reportRecord), []),
    reportVersions: z._default(z.array(reportVersionRecord), []),
    reportReviews: z._default(z.array(reportReviewRecord), []),
    // Added in schema 7 (the level above).
    checkIns: z._default(z.array(checkInRecord), []),
    checkInActions: z._default(z.array(checkInActionRecord), []),
    unitNotes: z._default(z.array(unitNoteRecord), []),
    unitRecognitions: z._default(z.array(unitRecognitionRecord), []),
    consolidations: z._default(z.array(consolidationRecord), []),
    imports: z.array(importRecord),
    outbox: z.array(mutation),
    conflicts: z.array(conflictRecord),
    needsAttention: z.array(needsAttentionRecord),
    // Added in schema 5: photos waiting to upload.
    fileUploads: z._default(z.array(fileUploadRecord), []),
  }),
  /** the bytes of the photos in tables.fileUploads */
  photos: z._default(z.array(backupPhoto), []),
  sync: z.object({
    /** the exporting device, for the record only; a restore gets its own identity */
    deviceId: z.optional(z.string().check(z.maxLength(64))),
    cursor: z.number().check(z.int(), z.nonnegative()),
    lastSyncedAt: z.optional(z.string().check(z.maxLength(40))),
    hlcMs: z.number().check(z.int(), z.nonnegative()),
    hlcCounter: z.number().check(z.int(), z.nonnegative()),
  }),
});
export type Backup = z.infer<typeof backupFile>;

/** Synced row tables: each row belongs to the backup's unit. */
export const BACKUP_ROW_TABLES = SYNCED_TABLES;
/** Device-side tables that travel with the rows (see above). */
export const BACKUP_LOCAL_TABLES = ['imports', 'outbox', 'conflicts', 'needsAttention', 'fileUploads'] as const;
/** Tables of the unit database a backup file leaves out as tables: the device's identity and
 *  clock (syncState), the photos' bytes (fileBlobs), of which only those waiting to upload
 *  travel, in `photos`, and the member digests, derived from the rows again as they are
 *  restored (data/digest-middleware.ts), and the year screens' views, worked out again when a
 *  screen opens after the restore (data/year-views.ts). */
export const NOT_IN_BACKUP = ['syncState', 'fileBlobs', 'memberDigests', 'yearViews'] as const;
/** Every table a backup holds: the unit database's tables except NOT_IN_BACKUP. */
export const BACKUP_TABLES = [...BACKUP_ROW_TABLES, ...BACKUP_LOCAL_TABLES] as const;
export type BackupTable = (typeof BACKUP_TABLES)[number];

/** Why a file was refused: each code is an i18n key under "backup.". */
export type BackupProblem = 'errNotJson' | 'errNotBackup' | 'errNewerFormat' | 'errInvalid' | 'errInconsistent';

export type ParseResult =
  | { ok: true; backup: Backup }
  | { ok: false; problem: BackupProblem; /** where it went wrong, e.g. "tables.members.12.fullName" */ at?: string; detail?: string };

/**
 * Reads a backup file's text. Checks, in order: it is JSON; it carries our format marker;
 * its format version is not newer than this app knows; every record matches the schemas of
 * src/protocol; and it is one unit's data (every row belongs to `unit`, ids are unique).
 */
export function parseBackup(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'errNotJson' };
  }
  if (!raw || typeof raw !== 'object' || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    return { ok: false, problem: 'errNotBackup' };
  }
  const version = (raw as { formatVersion?: unknown }).formatVersion;
  if (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) {
    return { ok: false, problem: 'errNewerFormat' };
  }
  const parsed = backupFile.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, problem: 'errInvalid', at: issue?.path.join('.'), detail: issue?.message };
  }
  const inconsistency = findInconsistency(parsed.data);
  if (inconsistency) return { ok: false, problem: 'errInconsistent', at: inconsistency };
  return { ok: true, backup: parsed.data };
}

/**
 * A path naming the first row that does not fit, or undefined when the file is one whole unit.
 * The unit's database is named by `unit.unitId`, every row's unitId. It is also the record's
 * id, except on a phone that syncs, whose record has the server's unit id (features/backup).
 */
export function findInconsistency(b: Backup): string | undefined {
  const unitId = b.unit.unitId;
  if (!b.tables.units.some((u) => u.id === b.unit.id)) return 'tables.units';
  for (const name of BACKUP_ROW_TABLES) {
    const seen = new Set<string>();
    const rows: { id: string; unitId: string }[] = b.tables[name];
    for (let i = 0; i < rows.length; i++) {
      if (rows[i].unitId !== unitId) return `tables.${name}.${i}.unitId`;
      if (seen.has(rows[i].id)) return `tables.${name}.${i}.id`;
      seen.add(rows[i].id);
    }
  }
  const photos = new Set<string>();
  for (let i = 0; i < b.photos.length; i++) {
    if (photos.has(b.photos[i].sha256)) return `photos.${i}.sha256`;
    photos.add(b.photos[i].sha256);
  }
  // a queued photo without its bytes could never be sent
  for (let i = 0; i < b.tables.fileUploads.length; i++) {
    if (!photos.has(b.tables.fileUploads[i].sha256)) return `tables.fileUploads.${i}.sha256`;
  }
  const mids = new Set<string>();
  for (let i = 0; i < b.tables.outbox.length; i++) {
    const mid = b.tables.outbox[i].mid;
    if (mids.has(mid)) return `tables.outbox.${i}.mid`;
    mids.add(mid);
  }
  return undefined;
}

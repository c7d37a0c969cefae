// Whole-unit backup: export the active unit's database to one JSON file, and restore such a
// file on any device (file format and what it holds: src/protocol/backup.ts).
//
// Restore rules, and why:
//   - The file is validated completely before anything is written; a refused file changes
//     nothing (not the database, not the current unit).
//   - Everything is written in ONE read-write transaction: the unit's tables are cleared and
//     refilled, so a failure (quota, crash) leaves the previous data as it was.
//   - The restored database gets a NEW device identity (fresh deviceId, seq from 1). The
//     backup's outbox entries are renumbered 1..n under it and keep their `mid` (the
//     idempotent id of each change). Reusing the exporting device's id and seqs could make
//     the server answer "duplicate" for changes it never saw, or wait forever on a gap
//     (DESIGN.md sync: seq counts up per device with no gaps). The pull cursor is kept:
//     the restored rows are exactly what had been pulled up to it.
//   - Photos waiting to upload travel as base64 (src/protocol/backup.ts says why); each is
//     checked against its hash before anything is written, and kept again with its place in
//     the upload queue, so the restored phone sends it once it joins a server.
//   - The current unit switches to the restored one only after the transaction committed.
import Dexie from 'dexie';
import { uuidv7 } from '../../lib/ids';
import { base64ToBytes, bytesToBase64 } from '../../lib/base64';
import { sha256Hex } from '../../lib/sha256';
import { UserError } from '../../lib/user-error';
import { openUnitDb, unitDbName, UnitDb, type DeviceState, type FileBlobRecord } from '../../data/db';
import { activeDb, activeUnitId, switchUnit } from '../../data/session';
import { getCurrentUnitId } from '../../data/prefs';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BACKUP_TABLES,
  parseBackup,
  type Backup,
  type BackupProblem,
  type BackupTable,
} from '../../protocol/backup';

/** The Dexie schema version this app writes (declared versions are known without opening). */
export const SCHEMA_VERSION = new UnitDb('scd-schema-probe').verno;

export interface ExportedBackup {
  fileName: string;
  text: string;
  backup: Backup;
}

/** Reads the whole active unit in one read transaction, so the file is one consistent moment. */
export async function exportBackup(appVersion?: string, now = new Date()): Promise<ExportedBackup> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  let queuedBlobs: (FileBlobRecord | undefined)[] = [];
  const backup = await db.transaction('r', [...BACKUP_TABLES, 'syncState', 'fileBlobs'], async () => {
    const rows = await Promise.all(BACKUP_TABLES.map((name) => (name === 'outbox' ? db.outbox.orderBy('seq').toArray() : db.table(name).toArray())));
    const tables = Object.fromEntries(BACKUP_TABLES.map((name, i) => [name, rows[i]])) as Backup['tables'];
    queuedBlobs = await db.fileBlobs.bulkGet(tables.fileUploads.map((q) => q.sha256));
    // a queued photo whose bytes are gone could never be sent (file-sync.ts drops it too)
    tables.fileUploads = tables.fileUploads.filter((_, i) => queuedBlobs[i]);
    const device = await db.syncState.get('device');
    // The unit's record as unit-queries.ts getUnit picks it: on a phone that syncs, the row
    // with the server's unit id (the file names the local database by the record's unitId).
    const live = tables.units.filter((u) => !u.deleted);
    const unit = [device?.server?.unitId, unitId].map((id) => live.find((u) => u.id === id)).find(Boolean) ?? live[0];
    if (!unit) throw new Error(`unit ${unitId} has no record in its database`);
    const b: Backup = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      exportedAt: now.toISOString(),
      schemaVersion: db.verno,
      appVersion,
      unit,
      tables,
      photos: [],
      sync: {
        deviceId: device?.deviceId,
        cursor: device?.cursor ?? 0,
        lastSyncedAt: device?.lastSyncedAt,
        hlcMs: device?.hlcMs ?? 0,
        hlcCounter: device?.hlcCounter ?? 0,
      },
    };
    return b;
  });
  // Blob bytes are read after the transaction: an await on anything but IndexedDB would end it.
  for (const kept of queuedBlobs) {
    if (kept) backup.photos.push({ sha256: kept.sha256, mime: 'image/jpeg', data: bytesToBase64(new Uint8Array(await kept.blob.arrayBuffer())) });
  }
  return { fileName: backupFileName(backup.unit.name, now), text: JSON.stringify(backup), backup };
}

/** "so-chi-doan-chi-doan-cong-ty-30-4-2025-03-07.json": ASCII only, safe on every phone. */
export function backupFileName(unitName: string, now: Date): string {
  const slug = unitName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return `so-chi-doan-${slug || 'don-vi'}-${day}.json`;
}

export interface RestorePlan {
  backup: Backup;
  unitName: string;
  memberCount: number;
  exportedAt: string;
  /** this device already holds the backup's unit; restoring replaces that data */
  existing?: { memberCount: number; pendingChanges: number };
  /** this device currently works in another unit; it stays on the device but is no longer current */
  otherCurrentUnit?: string;
}

export type ReadResult = { ok: true; plan: RestorePlan } | { ok: false; problem: BackupProblem | 'errNewerSchema'; at?: string; detail?: string };

/** Validates a chosen file and describes what restoring it would do. Writes nothing. */
export async function readBackup(text: string): Promise<ReadResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const backup = parsed.backup;
  const badPhoto = await findBadPhoto(backup);
  if (badPhoto !== undefined) return { ok: false, problem: 'errInconsistent', at: `photos.${badPhoto}` };
  if (backup.schemaVersion > SCHEMA_VERSION) return { ok: false, problem: 'errNewerSchema' };

  const plan: RestorePlan = {
    backup,
    unitName: backup.unit.name,
    memberCount: backup.tables.members.filter((m) => !m.deleted).length,
    exportedAt: backup.exportedAt,
  };
  const name = unitDbName(backup.unit.unitId);
  if (await Dexie.exists(name)) {
    const db = new UnitDb(name);
    try {
      const [memberCount, pendingChanges, unitRows] = await Promise.all([
        db.members.filter((m) => !m.deleted).count(),
        db.outbox.count(),
        db.units.count(),
      ]);
      if (memberCount + pendingChanges + unitRows > 0) plan.existing = { memberCount, pendingChanges };
    } finally {
      db.close();
    }
  }
  const currentId = await getCurrentUnitId();
  if (currentId && currentId !== backup.unit.unitId) plan.otherCurrentUnit = await unitNameOf(currentId);
  return { ok: true, plan };
}

/** The index of the first photo whose bytes do not match its hash, if any. */
async function findBadPhoto(backup: Backup): Promise<number | undefined> {
  for (let i = 0; i < backup.photos.length; i++) {
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = base64ToBytes(backup.photos[i].data);
    } catch {
      return i;
    }
    if ((await sha256Hex(bytes)) !== backup.photos[i].sha256) return i;
  }
  return undefined;
}

async function unitNameOf(unitId: string): Promise<string> {
  const name = unitDbName(unitId);
  if (!(await Dexie.exists(name))) return '';
  const db = new UnitDb(name);
  try {
    return (await db.units.get(unitId))?.name ?? (await db.units.filter((u) => !u.deleted).first())?.name ?? '';
  } finally {
    db.close();
  }
}

/**
 * Replaces the backup unit's local database with the backup, in one transaction, then makes
 * it this device's current unit. On failure nothing changed (and a database that did not
 * exist before is removed again).
 */
export async function restoreBackup(backup: Backup): Promise<void> {
  // the local database's id: the record's own id, or (a phone that syncs) its rows' unitId
  const unitId = backup.unit.unitId;
  const existed = await Dexie.exists(unitDbName(unitId));
  const db = openUnitDb(unitId);
  const { tables, sync } = backup;
  const outbox = [...tables.outbox].sort((a, b) => a.seq - b.seq).map((m, i) => ({ ...m, seq: i + 1 }));
  const device: DeviceState = {
    key: 'device',
    deviceId: uuidv7(),
    nextSeq: outbox.length + 1,
    hlcMs: sync.hlcMs,
    hlcCounter: sync.hlcCounter,
    cursor: sync.cursor,
    lastAckedSeq: 0,
    lastSyncedAt: sync.lastSyncedAt,
  };
  const rowsOf = (name: BackupTable): unknown[] => (name === 'outbox' ? outbox : tables[name]);
  if ((await findBadPhoto(backup)) !== undefined) throw new UserError('backup.errInconsistent');
  const at = new Date().toISOString();
  const blobs: FileBlobRecord[] = backup.photos.map((p) => {
    const bytes = base64ToBytes(p.data);
    return { sha256: p.sha256, blob: new Blob([bytes], { type: p.mime }), mime: p.mime, bytes: bytes.byteLength, at };
  });
  try {
    // Photos already on this phone (fileBlobs) stay: they are the same bytes whatever the unit's data says.
    await db.transaction('rw', [...BACKUP_TABLES, 'syncState', 'fileBlobs'], async () => {
      await Promise.all([...BACKUP_TABLES, 'syncState'].map((name) => db.table(name).clear()));
      await Promise.all(BACKUP_TABLES.map((name) => db.table(name).bulkAdd(rowsOf(name))));
      await db.fileBlobs.bulkPut(blobs);
      await db.syncState.add(device);
    });
  } catch (e) {
    if (!existed) await db.delete().catch(() => undefined);
    if (isQuotaError(e)) throw new UserError('err.quota', e);
    throw e;
  }
  await switchUnit(unitId);
}

function isQuotaError(e: unknown): boolean {
  const err = e as { name?: string; inner?: { name?: string } } | undefined;
  return err?.name === 'QuotaExceededError' || err?.inner?.name === 'QuotaExceededError';
}

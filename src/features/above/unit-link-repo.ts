// One supervised unit's local database and its device (issue 11): the level above keeps each
// unit it supervises in its own database, scd-<server unit id>, with a device of role
// supervisor in syncState — the same shape as a joined phone (src/sync/join-repo.ts), so the
// existing engine pulls and pushes it unchanged. Each unit gets its own device id (the server
// refuses one id in two units); re-enrolling keeps it, so the server keeps the device's place.
import Dexie from 'dexie';
import { openUnitDbApart, type DeviceState, type UnitDb } from '../../data/db';
import { accountApi, apiRequest, type FetchFn } from '../../sync/api';
import { uuidv7 } from '../../lib/ids';

export interface AccountLink {
  /** '' = the server that serves the app */
  baseUrl: string;
  accountToken: string;
  username: string;
  fetch?: FetchFn;
}

export interface EnrollAnswer {
  unitId: string;
  unitName: string;
  role: string;
  deviceToken: string;
}

/** The server's units for this account: its own and their descendants (GET /units). */
export async function listAccountUnits(link: AccountLink): Promise<{ id: string; name: string; parentId?: string; inCharge?: string }[]> {
  return accountApi.listUnits({ baseUrl: link.baseUrl, token: link.accountToken, fetch: link.fetch });
}

/** Runs `fn` on the unit's database opened beside the current one, and closes it. */
export async function withUnitDb<T>(unitId: string, fn: (db: UnitDb) => Promise<T>): Promise<T> {
  const db = openUnitDbApart(unitId);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

/**
 * Is this database the level above's copy (or not there yet)? A phone whose own unit is the
 * server's unit id (a deputy who joined with a code) has the same database name: it keeps its
 * own role and device, and the level above never enrolls over it nor deletes it.
 */
export function isAboveCopy(dev: DeviceState | undefined): boolean {
  return !dev || (!!dev.server && dev.server.role === 'supervisor');
}

/**
 * Enrolls this phone in the unit (a new device id the first time, the same one after) and
 * writes the device row with the link. Returns false when the database is the phone's own unit.
 */
export async function enrollUnit(link: AccountLink, unitId: string): Promise<boolean> {
  return withUnitDb(unitId, async (db) => {
    const prev = await db.syncState.get('device');
    if (!isAboveCopy(prev)) return false;
    const deviceId = prev?.deviceId ?? uuidv7();
    const deviceName = `Cấp trên · ${link.username}`.slice(0, 100);
    const res = await apiRequest<EnrollAnswer>(
      { baseUrl: link.baseUrl, token: link.accountToken, fetch: link.fetch },
      'POST',
      `/units/${encodeURIComponent(unitId)}/enroll`,
      { deviceId, deviceName },
    );
    const server = { baseUrl: link.baseUrl, unitId: res.unitId, unitName: res.unitName, role: res.role, deviceToken: res.deviceToken, joinedAt: new Date().toISOString() };
    await db.transaction('rw', db.syncState, async () => {
      const cur = await db.syncState.get('device');
      const next: DeviceState = cur
        ? { ...cur, server }
        : { key: 'device', deviceId, nextSeq: 1, hlcMs: 0, hlcCounter: 0, cursor: 0, lastAckedSeq: 0, server };
      delete next.pausedReason;
      await db.syncState.put(next);
    });
    return true;
  });
}

/** What the level above must know before dropping or signing out of a unit. */
export async function unitState(unitId: string): Promise<{ isAboveCopy: boolean; pending: number; lastSyncedAt?: string; paused: boolean }> {
  if (!(await hasUnitDb(unitId))) return { isAboveCopy: true, pending: 0, paused: false };
  return withUnitDb(unitId, async (db) => {
    const dev = await db.syncState.get('device');
    return { isAboveCopy: isAboveCopy(dev), pending: await db.outbox.count(), lastSyncedAt: dev?.lastSyncedAt, paused: !!dev?.pausedReason };
  });
}

/** Deletes the level above's copy of a unit (never the phone's own unit's database). */
export async function deleteUnitCopy(unitId: string): Promise<void> {
  const state = await unitState(unitId);
  if (!state.isAboveCopy) return;
  await openUnitDbApart(unitId).delete();
}

/** Is there a database for this unit on the phone (without creating one)? */
export async function hasUnitDb(unitId: string): Promise<boolean> {
  return Dexie.exists(openUnitDbApart(unitId).name);
}

// Joining a unit on the server with an invite code (DESIGN.md: the app works with no server;
// joining later pushes what was recorded).
//   - A phone that already has its unit (a secretary who recorded offline) keeps its local
//     database and its rows' local unit id; the server link (server unit id, role, device
//     token, base URL) goes into syncState and the next cycle pushes the whole outbox.
//     Its unit record (row id = its local id) becomes the unit's record on the server (row id
//     = the server's unit id, which the server seeded when the admin created the unit): the
//     first push sends the phone's details over that placeholder (server/src/sync/
//     unit-record.ts; docs/decisions.md "The unit's record").
//   - A phone with no unit (a deputy) creates the database for the server's unit id and
//     pulls everything, the unit's record included.
import type { DeviceState, ServerLink, UnitDb } from '../data/db';
import { getCurrentUnitId } from '../data/prefs';
import { deviceState, upsertRow } from '../data/outbox';
import { activeDb, activeUnitId, switchUnit } from '../data/session';
import { META_FIELDS } from '../protocol/common';
import type { Unit } from '../protocol/unit';
import { uuidv7 } from '../lib/ids';
import { accountApi, type JoinResponse } from './api';

export interface JoinInput {
  code: string;
  deviceName: string;
  /** '' = the server that serves the app */
  baseUrl: string;
  fetch?: (input: string, init?: RequestInit) => Promise<Response>;
}

export interface JoinResult extends JoinResponse {
  /** true when this phone had no unit and now has the server's */
  isNewUnit: boolean;
}

/** Codes are typed as shown (XXXX-XXXX-XX); case, spaces and dashes do not matter. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]+/g, '');
}

export async function joinUnit(input: JoinInput): Promise<JoinResult> {
  const code = normalizeCode(input.code);
  const deviceName = input.deviceName.trim().slice(0, 100);
  const api = { baseUrl: input.baseUrl, fetch: input.fetch };
  const link = (r: JoinResponse): ServerLink => ({
    baseUrl: input.baseUrl,
    unitId: r.unitId,
    unitName: r.unitName,
    role: r.role,
    deviceToken: r.deviceToken,
    joinedAt: new Date().toISOString(),
  });

  if (await getCurrentUnitId()) {
    const db = await activeDb();
    const localUnitId = await activeUnitId();
    const dev = await db.transaction('rw', db.syncState, () => deviceState(db));
    const res = await accountApi.join(api, code, deviceName, dev.deviceId);
    await db.transaction('rw', [db.syncState, db.units, db.outbox], async () => {
      // Only a phone that never synced: its record has never been on any server.
      const state = await deviceState(db);
      if (!state.server && !state.cursor && !state.lastAckedSeq) await adoptUnitRecord(db, localUnitId, res.unitId);
      await db.syncState.where('key').equals('device').modify((d: DeviceState) => {
        d.server = link(res);
        delete d.pausedReason;
      });
    });
    announce();
    return { ...res, isNewUnit: false };
  }

  const deviceId = uuidv7();
  const res = await accountApi.join(api, code, deviceName, deviceId);
  const db = await switchUnit(res.unitId);
  await db.transaction('rw', db.syncState, async () => {
    const prev = await db.syncState.get('device');
    // A database left from an earlier time on this phone keeps its seq and HLC but takes the
    // id the server now knows (its outbox, if any, was never accepted under that id).
    const fresh: DeviceState = prev
      ? { ...prev, deviceId, server: link(res) }
      : { key: 'device', deviceId, nextSeq: 1, hlcMs: 0, hlcCounter: 0, cursor: 0, lastAckedSeq: 0, server: link(res) };
    delete fresh.pausedReason;
    await db.syncState.put(fresh);
  });
  announce();
  return { ...res, isNewUnit: true };
}

/**
 * Moves a phone's own unit record (never synced: it has not joined before) to the row the
 * whole unit shares, the server's unit id, in the caller's transaction: its waiting outbox
 * entries are re-addressed (seqs unchanged, so nothing is lost or renumbered); when none wait,
 * the whole record is queued as new. The old row goes: no server ever had it, no tombstone needed.
 */
async function adoptUnitRecord(db: UnitDb, localUnitId: string, serverUnitId: string): Promise<void> {
  if (localUnitId === serverUnitId || (await db.units.get(serverUnitId))) return;
  const own = await db.units.get(localUnitId);
  if (!own || own.deleted) return;
  const entries = await db.outbox.where('[table+rowId]').equals(['units', localUnitId]).toArray();
  await db.units.delete(localUnitId);
  if (entries.length) {
    await db.units.put({ ...own, id: serverUnitId, rev: {} });
    await db.outbox.bulkPut(entries.map((e) => ({ ...e, rowId: serverUnitId })));
    return;
  }
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(own)) if (!(META_FIELDS as readonly string[]).includes(k)) fields[k] = v;
  await upsertRow<Unit>(db, 'units', serverUnitId, own.unitId, fields);
}

function announce() {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event('scd:unit-ready'));
}

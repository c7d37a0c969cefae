// Joining a unit on the server with an invite code (DESIGN.md: the app works with no server;
// joining later pushes what was recorded).
//   - A phone that already has its unit (a secretary who recorded offline) keeps its local
//     database and its rows' local unit id; the server link (server unit id, role, device
//     token, base URL) goes into syncState and the next cycle pushes the whole outbox.
//   - A phone with no unit (a deputy) creates the database for the server's unit id and
//     pulls everything.
import type { DeviceState, ServerLink } from '../data/db';
import { getCurrentUnitId } from '../data/prefs';
import { deviceState } from '../data/outbox';
import { activeDb, switchUnit } from '../data/session';
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
    const dev = await db.transaction('rw', db.syncState, () => deviceState(db));
    const res = await accountApi.join(api, code, deviceName, dev.deviceId);
    await db.transaction('rw', db.syncState, async () => {
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

function announce() {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event('scd:unit-ready'));
}

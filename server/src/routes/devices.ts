// A unit's devices: GET /units/:unit/devices and POST /units/:unit/devices/:deviceId/revoke
// (admin or the unit's secretary). A revoked token answers 401 from then on.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { requireUnit } from '../auth/principal';
import { ApiError } from '../http/errors';
import { readJson, parseWith } from '../http/json-body';
import type { DeviceInfo } from '../store/types';
import { iso, type ApiDeps } from './deps';

const deviceView = (d: DeviceInfo) => ({
  deviceId: d.deviceId,
  deviceName: d.deviceName,
  role: d.role,
  createdAt: d.createdAt,
  lastSeenAt: d.lastSeenAt,
  lastSeq: d.lastSeq,
  revokedAt: d.revokedAt,
});

export function deviceRoutes(deps: ApiDeps): Hono {
  const app = new Hono();

  app.get('/units/:unit/devices', async (c) => {
    const unitId = c.req.param('unit');
    await requireUnit(c, deps, unitId, 'manage');
    return c.json((await deps.store.listDevices(unitId)).map(deviceView));
  });

  app.post('/units/:unit/devices/:deviceId/revoke', async (c) => {
    const unitId = c.req.param('unit');
    await requireUnit(c, deps, unitId, 'manage');
    await readOptionalEmpty(c, deps.maxBodyBytes);
    const device = await deps.store.revokeDevice(unitId, c.req.param('deviceId'), iso(deps.now()));
    if (!device) throw new ApiError(404, 'not_found', 'This unit has no such device');
    return c.json({ deviceId: device.deviceId, revokedAt: device.revokedAt });
  });

  return app;
}

/** A body that may be absent or `{}` (and nothing else). */
export async function readOptionalEmpty(c: import('hono').Context, maxBytes: number): Promise<void> {
  if (!hasBody(c)) return;
  parseWith(z.strictObject({}), await readJson(c, maxBytes));
}

export function hasBody(c: import('hono').Context): boolean {
  const length = c.req.header('Content-Length');
  if (c.req.header('Transfer-Encoding')) return true;
  return length !== undefined && length !== '0';
}

// Who is calling, and what they may do with a unit (docs/sync-api.md "Roles").
//   account admin        every unit: read, manage devices, invite; never push/resolve (no outbox)
//   account supervisor   read the units assigned to it
//   device (one unit)    secretary: read, write, manage, invite · deputy: read, write ·
//                        viewer: read · supervisor: read, and write the level above's tables
// A device token for unit A asking about unit B gets 403 whether or not B exists; an admin
// asking about a unit that does not exist gets 404.
import type { Context } from 'hono';
import { ApiError } from '../http/errors';
import type { Account, DeviceInfo, Store } from '../store/types';
import { hashSecret } from './tokens';
import type { DeviceRole } from '../store/types';

export type Principal =
  | { kind: 'account'; account: Account; unitIds: ReadonlySet<string> }
  | { kind: 'device'; device: DeviceInfo };

/** write: change the unit's book (and upload photos, resolve conflicts) · push: send an outbox (each table checked) */
export type UnitNeed = 'read' | 'write' | 'push' | 'manage' | 'invite';

const DEVICE_RIGHTS: Record<DeviceRole, readonly UnitNeed[]> = {
  secretary: ['read', 'write', 'push', 'manage', 'invite'],
  deputy: ['read', 'write', 'push'],
  viewer: ['read'],
  // a supervisor's phone pushes only the level above's tables (the push checks each table)
  supervisor: ['read', 'push'],
};

/** How often a device's lastSeenAt is written (not on every request). */
const TOUCH_EVERY_MS = 60_000;

export interface AuthDeps {
  store: Store;
  now: () => number;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,128})$/;

/** The caller of this request, or 401. Cached on the context. */
export async function authenticate(c: Context, deps: AuthDeps): Promise<Principal> {
  const cached = c.get('principal' as never) as Principal | undefined;
  if (cached) return cached;
  const header = c.req.header('Authorization');
  if (!header) throw new ApiError(401, 'unauthorized', 'Sign in first: this needs an Authorization: Bearer token');
  const match = BEARER.exec(header.trim());
  if (!match) throw new ApiError(401, 'unauthorized', 'The Authorization header must be "Bearer <token>"');
  const owner = await deps.store.findTokenOwner(hashSecret(match[1]));
  if (!owner) throw new ApiError(401, 'unauthorized', 'This token is not known to the server');
  const now = deps.now();
  let principal: Principal;
  if (owner.kind === 'account') {
    if (Date.parse(owner.expiresAt) <= now) throw new ApiError(401, 'token_expired', 'This sign-in has expired; sign in again');
    principal = { kind: 'account', account: owner.account, unitIds: new Set(owner.unitIds) };
  } else {
    const device = owner.device;
    if (device.revokedAt) throw new ApiError(401, 'token_revoked', 'This device was removed from the unit; join again with a new invite code');
    if (!device.lastSeenAt || Date.parse(device.lastSeenAt) < now - TOUCH_EVERY_MS) {
      await deps.store.touchDevice(device.deviceId, new Date(now).toISOString());
    }
    principal = { kind: 'device', device };
  }
  c.set('principal' as never, principal as never);
  return principal;
}

export async function requireAdmin(c: Context, deps: AuthDeps): Promise<Principal & { kind: 'account' }> {
  const p = await authenticate(c, deps);
  if (p.kind !== 'account' || p.account.role !== 'admin') throw forbidden('Only an admin account may do this');
  return p;
}

/** Checks the caller may `need` on `unitId`; answers 404 to an admin for a unit that does not exist. */
export async function requireUnit(c: Context, deps: AuthDeps, unitId: string, need: UnitNeed): Promise<Principal> {
  const p = await authenticate(c, deps);
  if (p.kind === 'device') {
    if (p.device.unitId !== unitId) throw forbidden('This device belongs to another unit');
    if (!DEVICE_RIGHTS[p.device.role].includes(need)) throw forbidden(`A ${p.device.role} device may not ${describe(need)}`);
    return p;
  }
  if (p.account.role === 'supervisor') {
    if (!p.unitIds.has(unitId)) throw forbidden('This account is not assigned to that unit');
    if (need !== 'read') throw forbidden(`A supervisor may not ${describe(need)}`);
    return p;
  }
  if (need === 'write' || need === 'push') throw forbidden('An admin account has no outbox: changes come from a secretary or deputy device');
  if (!(await deps.store.getUnit(unitId))) throw new ApiError(404, 'not_found', 'No such unit');
  return p;
}

/** Who did it, for the record: "account:<id>" or "device:<id>". */
export function actorOf(p: Principal): string {
  return p.kind === 'account' ? `account:${p.account.id}` : `device:${p.device.deviceId}`;
}

function forbidden(message: string): ApiError {
  return new ApiError(403, 'forbidden', message);
}

function describe(need: UnitNeed): string {
  switch (need) {
    case 'read':
      return "read this unit's data";
    case 'write':
      return "change this unit's data";
    case 'push':
      return "send changes to this unit's data";
    case 'manage':
      return "manage this unit's devices";
    case 'invite':
      return 'invite people to this unit';
  }
}

// Invite codes: POST /units/:unit/invites (admin; the unit's secretary for secretary, deputy
// and viewer) and POST /join (no auth, rate-limited per IP), which consumes the code and
// registers the device in one transaction.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { clientIp } from '../auth/client-ip';
import { requireUnit } from '../auth/principal';
import { actorOf } from '../auth/principal';
import { hashSecret, newInviteCode, newToken, normalizeInviteCode } from '../auth/tokens';
import { ApiError } from '../http/errors';
import { ENROLL_BODY_BYTES, INVITE_BODY_BYTES, JOIN_BODY_BYTES } from '../http/body-limits';
import { readBody } from '../http/json-body';
import type { DeviceRole } from '../store/types';
import { rateLimited } from './auth';
import { iso, type ApiDeps } from './deps';

export const INVITE_DAYS = 7;
const DEVICE_ROLES = ['secretary', 'deputy', 'viewer', 'supervisor'] as const satisfies readonly DeviceRole[];

const inviteBody = z.strictObject({ role: z.enum(DEVICE_ROLES) });
export const deviceIdSchema = z.string().check(z.regex(/^[0-9A-Za-z_-]{8,64}$/, '8–64 characters of 0-9 A-Z a-z _ -'));
const enrollBody = z.strictObject({
  deviceName: z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(100, 'at most 100 characters')),
  deviceId: z.string().check(z.regex(/^[0-9A-Za-z_-]{8,64}$/, '8–64 characters of 0-9 A-Z a-z _ -')),
});
const joinBody = z.strictObject({
  code: z.string().check(z.maxLength(40, 'at most 40 characters')),
  deviceName: z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(100, 'at most 100 characters')),
  deviceId: deviceIdSchema,
});

export function inviteRoutes(deps: ApiDeps): Hono {
  const { store } = deps;
  const app = new Hono();

  app.post('/units/:unit/invites', async (c) => {
    const unitId = c.req.param('unit');
    const p = await requireUnit(c, deps, unitId, 'invite');
    const { role } = await readBody(c, inviteBody, INVITE_BODY_BYTES);
    if (role === 'supervisor' && p.kind === 'device') {
      throw new ApiError(403, 'forbidden', 'Only an admin invites a supervisor');
    }
    const code = newInviteCode();
    const now = deps.now();
    const expiresAt = iso(now + INVITE_DAYS * 24 * 60 * 60 * 1000);
    await store.createInvite({ codeHash: hashSecret(normalizeInviteCode(code)!), unitId, role, createdBy: actorOf(p), createdAt: iso(now), expiresAt });
    return c.json({ code, expiresAt, role }, 201);
  });

  // A supervisor account's phone takes its own device in a unit it supervises (issue 11): the
  // same device token model as a joined phone, role supervisor, so pull, push and the outbox
  // work unchanged (the push lets it write only the level above's tables).
  app.post('/units/:unit/enroll', async (c) => {
    const unitId = c.req.param('unit');
    const p = await requireUnit(c, deps, unitId, 'read');
    if (p.kind !== 'account' || p.account.role !== 'supervisor') throw new ApiError(403, 'forbidden', 'Only a supervisor account enrolls its phone in a unit');
    const body = await readBody(c, enrollBody, ENROLL_BODY_BYTES);
    const token = newToken();
    const result = await store.enrollDevice({ unitId, accountId: p.account.id, deviceId: body.deviceId, deviceName: body.deviceName, tokenHash: hashSecret(token), now: iso(deps.now()) });
    if (!result.ok) throw new ApiError(409, 'device_exists', 'This device id is registered already; a phone enrolls in each unit with its own device id');
    return c.json({ unitId: result.unit.id, unitName: result.unit.name, role: result.role, deviceToken: token });
  });

  app.post('/join', async (c) => {
    const now = deps.now();
    const ip = clientIp(c, deps.trustProxy);
    const limiter = deps.limiters.joinPerIp;
    const wait = await limiter.retryAfter(ip, now);
    if (wait > 0) throw rateLimited(c, wait, 'Too many wrong invite codes; wait before trying again');
    const body = await readBody(c, joinBody, JOIN_BODY_BYTES);
    const code = normalizeInviteCode(body.code);
    const invalid = async () => {
      await limiter.fail(ip, now);
      return new ApiError(400, 'invalid_code', 'This invite code is not valid: it may be mistyped, used already or expired');
    };
    if (!code) throw await invalid();
    const token = newToken();
    const result = await store.redeemInvite({ codeHash: hashSecret(code), deviceId: body.deviceId, deviceName: body.deviceName, tokenHash: hashSecret(token), now: iso(now) });
    if (!result.ok) {
      if (result.reason === 'device_exists') {
        throw new ApiError(409, 'device_exists', 'This device id is registered already; a phone joins each unit with its own device id');
      }
      throw await invalid();
    }
    return c.json({ unitId: result.unit.id, unitName: result.unit.name, role: result.role, deviceToken: token });
  });

  return app;
}

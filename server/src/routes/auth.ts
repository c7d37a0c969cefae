// First run, sign-in and accounts: GET /setup-status, POST /setup, POST /login, POST /accounts.
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../auth/passwords';
import { requireAdmin } from '../auth/principal';
import { clientIp } from '../auth/client-ip';
import { hashSecret, newToken } from '../auth/tokens';
import { ApiError } from '../http/errors';
import { ACCOUNT_BODY_BYTES, SIGN_IN_BODY_BYTES } from '../http/body-limits';
import { readBody } from '../http/json-body';
import type { Account, AccountRole } from '../store/types';
import { iso, type ApiDeps } from './deps';

const SESSION_MS = 30 * 24 * 60 * 60 * 1000;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
export const username = z.pipe(
  z.pipe(
    z.string(),
    z.transform((s: string) => s.trim().normalize('NFC').toLowerCase()),
  ),
  z.string().check(
    z.minLength(3, 'at least 3 characters'),
    z.maxLength(64, 'at most 64 characters'),
    z.refine((s) => !CONTROL.test(s), 'no control characters'),
  ),
);
export const password = z.string().check(z.minLength(8, 'at least 8 characters'), z.maxLength(200, 'at most 200 characters'));

const credentials = z.strictObject({ username, password });
const newAccount = z.strictObject({
  username,
  password,
  role: z.enum(['admin', 'supervisor']),
  unitIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(500))),
});

export function authRoutes(deps: ApiDeps): Hono {
  const { store } = deps;
  const app = new Hono();

  app.get('/setup-status', async (c) => c.json({ needsAdmin: !(await store.hasAccounts()) }));

  app.post('/setup', async (c) => {
    const body = await readBody(c, credentials, SIGN_IN_BODY_BYTES);
    if (await store.hasAccounts()) throw alreadySetUp();
    const account = await makeAccount(body.username, body.password, 'admin', deps.now());
    if (!(await store.createFirstAdmin(account))) throw alreadySetUp();
    return c.json({ token: await startSession(deps, account) }, 201);
  });

  app.post('/login', async (c) => {
    const body = await readBody(c, credentials, SIGN_IN_BODY_BYTES);
    const now = deps.now();
    const ip = clientIp(c, deps.trustProxy);
    const userKey = `${ip}|${body.username}`;
    const { loginPerUser, loginPerIp } = deps.limiters;
    const wait = Math.max(await loginPerUser.retryAfter(userKey, now), await loginPerIp.retryAfter(ip, now));
    if (wait > 0) throw rateLimited(c, wait, 'Too many failed sign-ins; wait before trying again');
    const account = await store.findAccount(body.username);
    const ok = account ? await verifyPassword(body.password, account.passwordHash) : (await burnPasswordCheck(body.password), false);
    if (!ok || !account) {
      await loginPerUser.fail(userKey, now);
      await loginPerIp.fail(ip, now);
      throw new ApiError(401, 'bad_credentials', 'Wrong username or password');
    }
    await loginPerUser.reset(userKey);
    return c.json({ token: await startSession(deps, account), role: account.role });
  });

  app.post('/accounts', async (c) => {
    await requireAdmin(c, deps);
    const body = await readBody(c, newAccount, ACCOUNT_BODY_BYTES);
    const unitIds = body.role === 'supervisor' ? (body.unitIds ?? []) : [];
    if (body.role === 'admin' && body.unitIds?.length) throw new ApiError(400, 'invalid_body', 'An admin sees every unit: leave unitIds out');
    const known = new Set((await store.listUnits(unitIds)).map((u) => u.id));
    const unknown = unitIds.find((id) => !known.has(id));
    if (unknown !== undefined) throw new ApiError(400, 'unknown_unit', `No unit with id "${unknown.slice(0, 100)}"`);
    const account = await makeAccount(body.username, body.password, body.role, deps.now());
    if (!(await store.createAccount(account, unitIds))) throw new ApiError(409, 'username_taken', 'That username is taken');
    return c.json({ id: account.id, username: account.username, role: account.role, unitIds: [...new Set(unitIds)] }, 201);
  });

  return app;
}

async function makeAccount(name: string, pass: string, role: AccountRole, now: number): Promise<Account> {
  return { id: randomUUID(), username: name, role, passwordHash: await hashPassword(pass), createdAt: iso(now) };
}

async function startSession(deps: ApiDeps, account: Account): Promise<string> {
  const token = newToken();
  const now = deps.now();
  await deps.store.createSession(hashSecret(token), account.id, iso(now), iso(now + SESSION_MS));
  return token;
}

function alreadySetUp(): ApiError {
  return new ApiError(409, 'already_set_up', 'The server already has an admin; sign in instead');
}

export function rateLimited(c: { header(name: string, value: string): void }, seconds: number, message: string): ApiError {
  c.header('Retry-After', String(seconds));
  return new ApiError(429, 'rate_limited', `${message} (${seconds} s)`);
}

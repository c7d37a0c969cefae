// Accounts of the level above, for the admin: GET /accounts (never a password hash) and
// PUT /accounts/:id/units, which replaces a supervisor's assigned units. The assignment is
// read on every request (findTokenOwner), so it takes effect on the account's next request;
// its phones enrolled in units it no longer covers are revoked at once (sqlite-tree.ts).
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { requireAdmin } from '../auth/principal';
import { ApiError } from '../http/errors';
import { ACCOUNT_BODY_BYTES } from '../http/body-limits';
import { readBody } from '../http/json-body';
import type { AccountSummary } from '../store/types';
import { iso, type ApiDeps } from './deps';

const unitIdsBody = z.strictObject({
  unitIds: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.maxLength(500, 'at most 500 units')),
});

const accountView = (a: AccountSummary) => ({ id: a.id, username: a.username, role: a.role, unitIds: a.unitIds, createdAt: a.createdAt });

export function accountRoutes(deps: ApiDeps): Hono {
  const { store } = deps;
  const app = new Hono();

  app.get('/accounts', async (c) => {
    await requireAdmin(c, deps);
    return c.json((await store.listAccounts()).map(accountView));
  });

  app.put('/accounts/:id/units', async (c) => {
    await requireAdmin(c, deps);
    const { unitIds } = await readBody(c, unitIdsBody, ACCOUNT_BODY_BYTES);
    const account = await store.getAccountSummary(c.req.param('id'));
    if (!account) throw new ApiError(404, 'not_found', 'No such account');
    if (account.role !== 'supervisor') throw new ApiError(400, 'not_supervisor', 'An admin sees every unit: only a supervisor account is assigned units');
    const known = new Set((await store.listUnits(unitIds)).map((u) => u.id));
    const unknown = unitIds.find((id) => !known.has(id));
    if (unknown !== undefined) throw new ApiError(400, 'unknown_unit', `No unit with id "${unknown.slice(0, 100)}"`);
    const updated = await store.setAccountUnits(account.id, unitIds, iso(deps.now()));
    if (!updated) throw new ApiError(404, 'not_found', 'No such account');
    return c.json(accountView(updated));
  });

  return app;
}

// Conflicts kept by push: GET /units/:unit/conflicts?status=open|resolved|all (readers) and
// POST /units/:unit/conflicts/:id/resolve (writers). Resolving only marks the entry; the value
// the user chose travels first as a normal mutation.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { actorOf, requireUnit } from '../auth/principal';
import { ApiError } from '../http/errors';
import { parseWith, readJson } from '../http/json-body';
import { hasBody } from './devices';
import { iso, type ApiDeps } from './deps';

const MAX_LISTED = 1000;
const statusQuery = z.enum(['open', 'resolved', 'all']);
const resolveBody = z.strictObject({ keep: z.optional(z.enum(['winner', 'loser'])) });

export function conflictRoutes(deps: ApiDeps): Hono {
  const app = new Hono();

  app.get('/units/:unit/conflicts', async (c) => {
    const unitId = c.req.param('unit');
    await requireUnit(c, deps, unitId, 'read');
    const raw = c.req.query('status') ?? 'all';
    const status = statusQuery.safeParse(raw);
    if (!status.success) throw new ApiError(400, 'invalid_query', 'status must be open, resolved or all');
    return c.json(await deps.store.listConflicts(unitId, status.data, MAX_LISTED));
  });

  app.post('/units/:unit/conflicts/:id/resolve', async (c) => {
    const unitId = c.req.param('unit');
    const p = await requireUnit(c, deps, unitId, 'write');
    const body = hasBody(c) ? parseWith(resolveBody, await readJson(c, deps.maxBodyBytes)) : {};
    const done = await deps.store.resolveConflict({ unitId, id: c.req.param('id'), by: actorOf(p), keep: body.keep ?? null, at: iso(deps.now()) });
    if (!done) throw new ApiError(404, 'not_found', 'This unit has no such conflict');
    return c.json(done);
  });

  return app;
}

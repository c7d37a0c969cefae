// Units: POST /units (admin), GET /units (admin: all; supervisor: its units and, through the
// tree, their children) and PATCH /units/:id (admin: rename, move in the tree, phụ trách).
// PATCH changes the server's unit table only — what the tree, the level above and new joins
// see; the unit's own synced record (server/src/sync/unit-record.ts) is its phones' to edit.
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { uuidv7 } from '../../../src/lib/ids';
import { authenticate, requireAdmin } from '../auth/principal';
import { ApiError } from '../http/errors';
import { readBody } from '../http/json-body';
import type { UnitInfo } from '../store/types';
import { iso, type ApiDeps } from './deps';

const unitName = z.string().check(z.trim(), z.minLength(2, 'at least 2 characters'), z.maxLength(150, 'at most 150 characters'));
const newUnit = z.strictObject({
  name: unitName,
  /** the name printed as cấp trên on the unit's documents; defaults to the parent's name */
  parentUnit: z.optional(unitName),
  /** the unit above in the tree */
  parentId: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  inCharge: z.optional(z.string().check(z.trim(), z.maxLength(100, 'at most 100 characters'))),
});

const unitPatch = z.strictObject({
  name: z.optional(unitName),
  /** null: move to the top of the tree */
  parentId: z.optional(z.nullable(z.string().check(z.minLength(1), z.maxLength(100)))),
  /** the name printed as cấp trên; null clears it (moving under a parent sets the parent's name) */
  parentUnit: z.optional(z.nullable(unitName)),
  /** '' or null: nobody named */
  inCharge: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(100, 'at most 100 characters')))),
});

export function unitView(u: UnitInfo) {
  return {
    id: u.id,
    name: u.name,
    ...(u.parentUnit ? { parentUnit: u.parentUnit } : {}),
    ...(u.parentId ? { parentId: u.parentId } : {}),
    ...(u.inCharge ? { inCharge: u.inCharge } : {}),
    createdAt: u.createdAt,
  };
}

export function unitRoutes(deps: ApiDeps): Hono {
  const app = new Hono();

  app.post('/units', async (c) => {
    await requireAdmin(c, deps);
    const body = await readBody(c, newUnit, deps.maxBodyBytes);
    const parent = body.parentId ? await deps.store.getUnit(body.parentId) : null;
    if (body.parentId && !parent) throw new ApiError(400, 'unknown_unit', `No unit with id "${body.parentId.slice(0, 100)}"`);
    const unit: UnitInfo = {
      id: uuidv7(deps.now()),
      name: body.name,
      parentUnit: body.parentUnit ?? parent?.name ?? null,
      parentId: parent?.id ?? null,
      inCharge: body.inCharge || null,
      createdAt: iso(deps.now()),
    };
    await deps.store.createUnit(unit);
    return c.json(unitView(unit), 201);
  });

  app.patch('/units/:id', async (c) => {
    await requireAdmin(c, deps);
    const body = await readBody(c, unitPatch, deps.maxBodyBytes);
    if (Object.keys(body).length === 0) throw new ApiError(400, 'invalid_body', 'Nothing to change: send name, parentId, parentUnit or inCharge');
    const id = c.req.param('id');
    const patch = { ...body, ...(body.inCharge !== undefined ? { inCharge: body.inCharge || null } : {}) };
    const result = await deps.store.updateUnit(id, patch, iso(deps.now()));
    if (result.ok) return c.json(unitView(result.unit));
    if (result.reason === 'not_found') throw new ApiError(404, 'not_found', 'No such unit');
    if (result.reason === 'unknown_parent') throw new ApiError(400, 'unknown_unit', `No unit with id "${String(body.parentId).slice(0, 100)}"`);
    throw new ApiError(400, 'unit_cycle', 'A unit cannot be placed under itself or under one of the units below it');
  });

  app.get('/units', async (c) => {
    const p = await authenticate(c, deps);
    let units: UnitInfo[];
    if (p.kind === 'account') units = await deps.store.listUnits(p.account.role === 'admin' ? undefined : [...p.unitIds]);
    else if (p.device.role === 'supervisor') units = await deps.store.listUnits([p.device.unitId]);
    else throw new ApiError(403, 'forbidden', 'Only admins and supervisors list units');
    return c.json(units.map(unitView));
  });

  return app;
}

// Units: POST /units (admin) and GET /units (admin: all; supervisor: its units).
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

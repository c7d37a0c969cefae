// GET /api/v1/health — for uptime checks and for the app to tell "server down" from "offline".
import { Hono } from 'hono';
import { ApiError } from '../http/errors';
import type { Store } from '../store/types';

export interface HealthBody {
  ok: true;
  version: string;
  db: Store['kind'];
}

export function healthRoutes(store: Store, version: string): Hono {
  return new Hono().get('/health', async (c) => {
    try {
      await store.health();
    } catch (error) {
      console.error('[server] health check: database not answering:', error);
      throw new ApiError(503, 'db_unavailable', 'The database is not answering');
    }
    return c.json({ ok: true, version, db: store.kind } satisfies HealthBody);
  });
}

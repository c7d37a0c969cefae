// GET /api/v1/health — for uptime checks and for the app to tell "server down" from "offline".
// 200 only when the database answers, can be written and has room; otherwise 503 with a code
// that says which (db_unavailable, db_read_only, db_disk_full, db_corrupt) and the report.
import { Hono } from 'hono';
import type { HealthReport, Store } from '../store/types';

export interface HealthBody {
  ok: boolean;
  version: string;
  db: Store['kind'];
  /** the store's report; spaceBytes null when the store cannot know */
  database: Omit<HealthReport, 'problem'>;
  /** when not ok: the same shape as every API error */
  error?: { code: HealthCode; message: string };
}

const MESSAGES: Record<HealthCode, string> = {
  db_unavailable: 'The database is not answering',
  db_read_only: 'The database cannot be written (read-only file or standby server)',
  db_disk_full: 'The disk holding the database is (nearly) full',
  db_corrupt: 'The database file is damaged; restore it from a backup',
};

type HealthCode = 'db_unavailable' | 'db_read_only' | 'db_disk_full' | 'db_corrupt';

/** Below this much free space the database is reported full: a push could fail half-way through a page of WAL. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

export function healthCode(r: HealthReport): HealthCode | undefined {
  if (r.integrity === 'corrupt') return 'db_corrupt';
  if (!r.answers) return 'db_unavailable';
  if (!r.writable) return 'db_read_only';
  if (r.spaceBytes !== null && r.spaceBytes < MIN_FREE_BYTES) return 'db_disk_full';
  return undefined;
}

export function healthRoutes(store: Store, version: string): Hono {
  let lastLogged: string | undefined;
  return new Hono().get('/health', async (c) => {
    const { problem, ...database } = await store.health();
    const code = healthCode({ ...database });
    // One line when the state changes, not one per uptime probe.
    const state = code ? `${code}: ${problem ?? ''}` : undefined;
    if (state !== lastLogged) {
      if (state) console.error(`[server] health: ${state}`);
      else if (lastLogged) console.error('[server] health: the database is answering again');
      lastLogged = state;
    }
    const body: HealthBody = { ok: !code, version, db: store.kind, database, ...(code ? { error: { code, message: MESSAGES[code] } } : {}) };
    if (code) c.header('Retry-After', '30');
    return c.json(body, code ? 503 : 200);
  });
}

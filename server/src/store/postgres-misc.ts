// Conflicts kept by pushes, photos' bookkeeping and rate-limit failures on the Postgres store:
// the same rules as sqlite-conflicts.ts, sqlite-files.ts and sqlite-rate.ts.
import type { PgAccess } from './postgres-connection';
import { toConflict, type ConflictRow } from './stored-rows';
import type { AddFileResult, ConflictView, StoredFile } from './types';

// conflicts ---------------------------------------------------------------------------
const CONFLICT_COLUMNS = 'id, tbl, row_id, field, kind, winner_value, loser_value, winner_device, loser_device, winner_hlc, loser_hlc, created_at, resolved_at';
const STATUS_FILTER = { open: 'AND resolved_at IS NULL', resolved: 'AND resolved_at IS NOT NULL', all: '' } as const;

export async function listConflicts(a: PgAccess, unitId: string, status: 'open' | 'resolved' | 'all', limit: number): Promise<ConflictView[]> {
  const rows = (
    await a.query<ConflictRow>(`SELECT ${CONFLICT_COLUMNS} FROM conflicts WHERE unit_id = $1 ${STATUS_FILTER[status]} ORDER BY created_at, n LIMIT $2`, [unitId, limit])
  ).rows;
  return rows.map(toConflict);
}

export async function resolveConflict(
  a: PgAccess,
  input: { unitId: string; id: string; by: string; keep: 'winner' | 'loser' | null; at: string },
): Promise<{ id: string; resolvedAt: string } | null> {
  // resolving twice keeps the first time: the UPDATE only touches an open conflict
  return a.write(async (c) => {
    await c.query('UPDATE conflicts SET resolved_at = $1, resolved_by = $2, resolved_keep = $3 WHERE unit_id = $4 AND id = $5 AND resolved_at IS NULL', [
      input.at,
      input.by,
      input.keep,
      input.unitId,
      input.id,
    ]);
    const row = (await c.query<{ resolved_at: string }>('SELECT resolved_at FROM conflicts WHERE unit_id = $1 AND id = $2', [input.unitId, input.id])).rows[0];
    return row ? { id: input.id, resolvedAt: row.resolved_at } : null;
  });
}

// files -------------------------------------------------------------------------------
export async function getFile(a: PgAccess, unitId: string, sha256: string): Promise<StoredFile | null> {
  const row = (await a.query<{ bytes: number; created_at: string }>('SELECT bytes, created_at FROM files WHERE unit_id = $1 AND sha256 = $2', [unitId, sha256])).rows[0];
  return row ? { sha256, bytes: row.bytes, createdAt: row.created_at } : null;
}

export async function fileUsage(a: PgAccess, unitId: string): Promise<{ usedBytes: number; files: number }> {
  const row = (await a.query<{ used: number; n: number }>('SELECT coalesce(sum(bytes), 0)::bigint AS used, count(*) AS n FROM files WHERE unit_id = $1', [unitId])).rows[0];
  return { usedBytes: row.used, files: row.n };
}

/** One transaction under the unit's row lock: racing uploads to one unit check the quota one at a time. */
export async function addFile(a: PgAccess, input: { unitId: string; sha256: string; bytes: number; createdAt: string; quotaBytes: number }): Promise<AddFileResult> {
  return a.write(async (c) => {
    await c.query('SELECT 1 FROM units WHERE id = $1 FOR UPDATE', [input.unitId]);
    const used = (await c.query<{ used: number }>('SELECT coalesce(sum(bytes), 0)::bigint AS used FROM files WHERE unit_id = $1', [input.unitId])).rows[0].used;
    if ((await c.query('SELECT 1 FROM files WHERE unit_id = $1 AND sha256 = $2', [input.unitId, input.sha256])).rowCount) return { status: 'exists', usedBytes: used };
    if (used + input.bytes > input.quotaBytes) return { status: 'quota', usedBytes: used };
    await c.query('INSERT INTO files (unit_id, sha256, bytes, created_at) VALUES ($1, $2, $3, $4)', [input.unitId, input.sha256, input.bytes, input.createdAt]);
    return { status: 'created', usedBytes: used + input.bytes };
  });
}

// rate limits -------------------------------------------------------------------------
/** Keys nobody failed with for a day are dropped now and then, so the table stays small. */
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
let callsSincePrune = 0;

export async function countFailures(a: PgAccess, key: string, windowMs: number, now: number, record: boolean): Promise<{ count: number; oldest: number | null }> {
  const count = 'SELECT count(*) AS count, min(at) AS oldest FROM rate_failures WHERE key = $1 AND at > $2';
  if (!record) return (await a.query<{ count: number; oldest: number | null }>(count, [key, now - windowMs])).rows[0];
  return a.write(async (c) => {
    await c.query('DELETE FROM rate_failures WHERE key = $1 AND at <= $2', [key, now - windowMs]);
    if (++callsSincePrune >= 1000) {
      callsSincePrune = 0;
      await c.query('DELETE FROM rate_failures WHERE at <= $1', [now - STALE_AFTER_MS]);
    }
    await c.query('INSERT INTO rate_failures (key, at) VALUES ($1, $2)', [key, now]);
    return (await c.query<{ count: number; oldest: number | null }>(count, [key, now - windowMs])).rows[0];
  });
}

export async function clearFailures(a: PgAccess, key: string): Promise<void> {
  await a.query('DELETE FROM rate_failures WHERE key = $1', [key]);
}

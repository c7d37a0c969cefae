// Failed attempts for the rate limits (server/src/auth/rate-limit.ts), in the database so that
// every process on it counts the same. The Store methods in sqlite.ts call these.
import type Database from 'better-sqlite3';
import { lazyStatement, type SqliteAccess } from './sqlite-connection';

export function prepareRateStatements(db: Database.Database) {
  const p = (sql: string) => lazyStatement(db, sql);
  return {
    forgetOld: p('DELETE FROM rate_failures WHERE key = ? AND at <= ?'),
    forgetStale: p('DELETE FROM rate_failures WHERE at <= ?'),
    record: p('INSERT INTO rate_failures (key, at) VALUES (?, ?)'),
    count: p('SELECT count(*) AS count, min(at) AS oldest FROM rate_failures WHERE key = ? AND at > ?'),
    clear: p('DELETE FROM rate_failures WHERE key = ?'),
  };
}
type Access = SqliteAccess<{ rate: ReturnType<typeof prepareRateStatements> }>;

/** Keys nobody failed with for a day are dropped now and then, so the table stays small. */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
let callsSincePrune = 0;

export function countFailures(a: Access, key: string, windowMs: number, now: number, record: boolean): { count: number; oldest: number | null } {
  const q = a.q.rate;
  if (!record) return a.read(() => q.count.get(key, now - windowMs) as { count: number; oldest: number | null });
  return a.write(() => {
    q.forgetOld.run(key, now - windowMs);
    if (++callsSincePrune >= 1000) {
      callsSincePrune = 0;
      q.forgetStale.run(now - STALE_AFTER_MS);
    }
    q.record.run(key, now);
    return q.count.get(key, now - windowMs) as { count: number; oldest: number | null };
  });
}

export function clearFailures(a: Access, key: string): void {
  a.write(() => a.q.rate.clear.run(key));
}

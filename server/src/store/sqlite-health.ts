// What the SQLite store reports to GET /health (Store.health): the integrity check run once at
// start, a probe that a write can start, and the free space where the file lives.
import { statfsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS } from './sqlite-connection';

/** Free bytes for an unprivileged writer on the file system holding `dir`. */
export type FreeBytes = (dir: string) => number;

export const statfsFreeBytes: FreeBytes = (dir) => {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
};

/**
 * PRAGMA quick_check: every page and record well-formed (not index contents against tables,
 * which integrity_check adds at several times the cost): on a 344 MB database 0.35 s with the
 * file in the OS cache, 3 s from a cold disk (about 1 s and 9 s a GB). Returns undefined when the file is sound,
 * else the first lines SQLite reported (SQLite also throws SQLITE_CORRUPT for some damage:
 * the caller treats that the same).
 */
export function quickCheck(db: Database.Database): string | undefined {
  const lines = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
  const text = lines.map((l) => l.quick_check).join('; ');
  return text === 'ok' ? undefined : text.slice(0, 300);
}

/**
 * Whether this connection can write the file: a write transaction starts and a page is written
 * in it, then rolled back — nothing reaches the disk. A file SQLite opened read-only (its
 * permissions) passes BEGIN IMMEDIATE alone in WAL mode, so the header is rewritten with its
 * own value. Waits at most 100 ms for another writer (a backup, the sqlite3 shell): a held lock
 * says someone writes, so it counts as writable.
 */
export function probeWritable(db: Database.Database): { writable: boolean; code?: string; problem?: string } {
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  db.pragma('busy_timeout = 100');
  try {
    db.exec('BEGIN IMMEDIATE');
    db.pragma(`user_version = ${userVersion}`);
    return { writable: true };
  } catch (error) {
    const code = String((error as { code?: unknown }).code);
    if (code.startsWith('SQLITE_BUSY')) return { writable: true };
    return { writable: false, code, problem: `a write cannot start (${code}: ${(error as Error).message})` };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}

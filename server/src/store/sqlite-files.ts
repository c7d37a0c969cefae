// The unit's photos as the database knows them (the bytes live on disk, server/src/files):
// which blobs a unit has, and its usage against the quota. The Store methods in sqlite.ts call these.
import type Database from 'better-sqlite3';
import type { SqliteAccess } from './sqlite-connection';
import type { AddFileResult, StoredFile } from './types';

function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    fileByHash: p('SELECT bytes, created_at FROM files WHERE unit_id = ? AND sha256 = ?'),
    unitUsage: p('SELECT coalesce(sum(bytes), 0) AS used, count(*) AS n FROM files WHERE unit_id = ?'),
    insertFile: p('INSERT INTO files (unit_id, sha256, bytes, created_at) VALUES (?, ?, ?, ?)'),
  };
}
type FileStatements = ReturnType<typeof prepare>;

/** Prepared on first use: tests of older migrations open databases without the files table. */
export function prepareFileStatements(db: Database.Database): FileStatements {
  let statements: FileStatements | undefined;
  const get = () => (statements ??= prepare(db));
  return {
    get fileByHash() {
      return get().fileByHash;
    },
    get unitUsage() {
      return get().unitUsage;
    },
    get insertFile() {
      return get().insertFile;
    },
  };
}
type Access = SqliteAccess<{ files: FileStatements }>;

export function getFile(a: Access, unitId: string, sha256: string): StoredFile | null {
  return a.read(() => {
    const row = a.q.files.fileByHash.get(unitId, sha256) as { bytes: number; created_at: string } | undefined;
    return row ? { sha256, bytes: row.bytes, createdAt: row.created_at } : null;
  });
}

export function fileUsage(a: Access, unitId: string): { usedBytes: number; files: number } {
  return a.read(() => {
    const row = a.q.files.unitUsage.get(unitId) as { used: number; n: number };
    return { usedBytes: row.used, files: row.n };
  });
}

/** One transaction: a blob the unit has already is not counted again; one that would pass the quota is refused. */
export function addFile(a: Access, input: { unitId: string; sha256: string; bytes: number; createdAt: string; quotaBytes: number }): AddFileResult {
  return a.write(() => {
    const { used } = a.q.files.unitUsage.get(input.unitId) as { used: number };
    if (a.q.files.fileByHash.get(input.unitId, input.sha256)) return { status: 'exists', usedBytes: used };
    if (used + input.bytes > input.quotaBytes) return { status: 'quota', usedBytes: used };
    a.q.files.insertFile.run(input.unitId, input.sha256, input.bytes, input.createdAt);
    return { status: 'created', usedBytes: used + input.bytes };
  });
}

// The conflicts a push kept (the loser of each concurrent edit, written by sqlite-sync.ts):
// listed for review and resolved once. The Store methods in sqlite.ts call these.
import type Database from 'better-sqlite3';
import type { SqliteAccess } from './sqlite-connection';
import { toConflict, type ConflictRow } from './stored-rows';
import type { ConflictView } from './types';

export function prepareConflictStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  const conflictColumns = `id, tbl, row_id, field, kind, winner_value, loser_value, winner_device, loser_device, winner_hlc, loser_hlc, created_at, resolved_at`;
  return {
    openConflicts: p(`SELECT ${conflictColumns} FROM conflicts WHERE unit_id = ? AND resolved_at IS NULL ORDER BY created_at, rowid LIMIT ?`),
    resolvedConflicts: p(`SELECT ${conflictColumns} FROM conflicts WHERE unit_id = ? AND resolved_at IS NOT NULL ORDER BY created_at, rowid LIMIT ?`),
    allConflicts: p(`SELECT ${conflictColumns} FROM conflicts WHERE unit_id = ? ORDER BY created_at, rowid LIMIT ?`),
    resolveConflict: p('UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolved_keep = ? WHERE id = ? AND unit_id = ? AND resolved_at IS NULL'),
    conflictById: p('SELECT resolved_at FROM conflicts WHERE id = ? AND unit_id = ?'),
  };
}
type Access = SqliteAccess<ReturnType<typeof prepareConflictStatements>>;

export function listConflicts(a: Access, unitId: string, status: 'open' | 'resolved' | 'all', limit: number): ConflictView[] {
  return a.read(() => {
    const stmt = status === 'open' ? a.q.openConflicts : status === 'resolved' ? a.q.resolvedConflicts : a.q.allConflicts;
    return (stmt.all(unitId, limit) as ConflictRow[]).map(toConflict);
  });
}

export function resolveConflict(
  a: Access,
  input: { unitId: string; id: string; by: string; keep: 'winner' | 'loser' | null; at: string },
): { id: string; resolvedAt: string } | null {
  return a.write(() => {
    a.q.resolveConflict.run(input.at, input.by, input.keep, input.id, input.unitId);
    const row = a.q.conflictById.get(input.id, input.unitId) as { resolved_at: string } | undefined;
    return row ? { id: input.id, resolvedAt: row.resolved_at } : null;
  });
}

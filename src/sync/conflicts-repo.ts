// Resolving a conflict (the conflicts screen's "Giữ bản này"): the chosen value is written as
// a normal change (row + outbox entry, one transaction) so it reaches every phone the usual
// way, and the conflict is marked for the server (POST resolve, sent by the next cycle, after
// the push that carries the value).
import { commit } from '../data/commit';
import { deleteRow, upsertRow } from '../data/outbox';
import { activeDb } from '../data/session';

type Row = Record<string, unknown> & { id: string; unitId: string; deleted?: boolean };

export async function keepConflictSide(conflictId: string, side: 'winner' | 'loser'): Promise<void> {
  const db = await activeDb();
  const c = await db.conflicts.get(conflictId);
  if (!c) return;
  const table = db.table<Row, string>(c.table);
  await commit(db, [table, db.conflicts], async () => {
    const value = side === 'winner' ? ('winnerValue' in c ? c.winnerValue : c.theirs) : 'loserValue' in c ? c.loserValue : c.mine;
    const row = await table.get(c.rowId);
    if (row) {
      if (c.field === 'deleted') {
        if (value === true && !row.deleted) await deleteRow(db, c.table, c.rowId);
        else if (value !== true && row.deleted) await upsertRow(db, c.table, c.rowId, row.unitId, {});
      } else if (!sameValue(row[c.field], value) || row.deleted) {
        // Keeping an edit that lost to a delete brings the record back (upsertRow restores).
        if (side === 'winner' && row.deleted) {
          // the tombstone is the winner: nothing to write
        } else {
          await upsertRow(db, c.table, c.rowId, row.unitId, { [c.field]: value ?? undefined } as never);
        }
      }
    }
    await db.conflicts.update(conflictId, { resolvePending: { keep: side }, resolvedAt: new Date().toISOString() });
  });
}

function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === null || v === '' ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

// "Cần xem lại": changes the server refused. "Bỏ thay đổi này" takes the server's values back:
// a record the server never had is removed here; otherwise the record is read again from
// the server on the next cycle (repullFrom), which overwrites the refused values.
import type { UnitDb } from '../data/db';
import { activeDb } from '../data/session';
import { takeServerValues } from './server-values';

type Row = Record<string, unknown> & { id: string };

export async function discardRefusedChange(mid: string): Promise<void> {
  await discardRefusedChangeIn(await activeDb(), mid);
  if (typeof window !== 'undefined') window.dispatchEvent(new Event('scd:sync-now'));
}

export async function discardRefusedChangeIn(db: UnitDb, mid: string): Promise<void> {
  const w = await db.needsAttention.get(mid);
  if (!w) return;
  const m = w.mutation;
  const table = db.table<Row, string>(m.table);
  await db.transaction('rw', [table, db.needsAttention, db.outbox, db.syncState], async () => {
    await db.needsAttention.delete(mid);
    await takeServerValues(db, m.table, m.rowId);
  });
}

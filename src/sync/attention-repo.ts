// "Cần xem lại": changes the server refused. "Bỏ thay đổi này" takes the server's values back:
// a record the server never had is removed here; otherwise the record is read again from
// the server on the next cycle (repullFrom), which overwrites the refused values.
import type { DeviceState, UnitDb } from '../data/db';
import { activeDb } from '../data/session';

type Row = Record<string, unknown> & { id: string; rev?: Record<string, number> };

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
    const row = await table.get(m.rowId);
    if (!row) return;
    const versions = Object.values(row.rev ?? {});
    const everOnServer = versions.some((v) => v > 0);
    const stillWaiting = await db.outbox.where('[table+rowId]').equals([m.table, m.rowId]).count();
    const otherRefusals = (await db.needsAttention.toArray()).some((x) => x.mutation.table === m.table && x.mutation.rowId === m.rowId);
    if (!everOnServer) {
      if (!stillWaiting && !otherRefusals) await table.delete(m.rowId);
      return;
    }
    // The row's server version is at least its newest field version: pull from just below it.
    const from = Math.max(0, Math.max(...versions) - 1);
    await db.syncState.where('key').equals('device').modify((d: DeviceState) => {
      d.repullFrom = Math.min(d.repullFrom ?? Infinity, from);
    });
  });
}

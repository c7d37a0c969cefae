// A local row taken back to the server's values: after "Bỏ thay đổi này" on a refused change
// (attention-repo.ts), and at once for a change refused because the minutes are final
// (push-results.ts), which nothing can fix and send again.
import type { DeviceState, UnitDb } from '../data/db';

type Row = Record<string, unknown> & { id: string; rev?: Record<string, number> };

/**
 * The row goes back to what the server has: a record the server never had is removed (unless
 * other changes of it wait to be sent or fixed); otherwise it is read again from the server on
 * the next cycle (repullFrom). Inside a transaction over the row's table, needsAttention, the
 * outbox and syncState. A refusal because the minutes are locked (err.locked) does not hold
 * the row: nothing can be fixed and sent again (push-results.ts takes the values back at once).
 */
export async function takeServerValues(db: UnitDb, tableName: string, rowId: string): Promise<void> {
  const table = db.table<Row, string>(tableName);
  const row = await table.get(rowId);
  if (!row) return;
  const versions = Object.values(row.rev ?? {});
  const everOnServer = versions.some((v) => v > 0);
  if (!everOnServer) {
    const stillWaiting = await db.outbox.where('[table+rowId]').equals([tableName, rowId]).count();
    const otherRefusals = (await db.needsAttention.toArray()).some((x) => x.mutation.table === tableName && x.mutation.rowId === rowId && !isLockedRefusal(x));
    if (!stillWaiting && !otherRefusals) await table.delete(rowId);
    return;
  }
  // The row's server version is at least its newest field version: pull from just below it.
  const from = Math.max(0, Math.max(...versions) - 1);
  await db.syncState.where('key').equals('device').modify((d: DeviceState) => {
    d.repullFrom = Math.min(d.repullFrom ?? Infinity, from);
  });
}

/** The server refused it because the meeting's minutes are final: it can never be sent again. */
export const isLockedRefusal = (w: { reason: string }): boolean => w.reason === 'err.locked';

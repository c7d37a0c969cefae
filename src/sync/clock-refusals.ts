// Changes an older app version stamped past the clock's 9,999th tick in one millisecond were
// refused by the server as "err.hlc" (lib/hlc.ts: the counter now carries into the ms). Nothing
// was wrong with them but the stamp: before pushing, each is sent again with a fresh stamp and
// the row's current values (as "Sửa" does), so the user never has to discard them.
import type { UnitDb } from '../data/db';
import { SYNCED_ROW_TABLES } from '../data/db';
import { requeueFields } from './push-results';

export async function resendClockRefusals(db: UnitDb): Promise<number> {
  if (!(await db.needsAttention.count())) return 0;
  const refused = (await db.needsAttention.toArray()).filter((w) => w.reason === 'err.hlc');
  if (!refused.length) return 0;
  const tables = [db.outbox, db.needsAttention, db.syncState, ...SYNCED_ROW_TABLES.map((t) => db.table(t))];
  await db.transaction('rw', tables, async () => {
    for (const w of refused.sort((a, b) => a.mutation.seq - b.mutation.seq)) {
      const m = w.mutation;
      // Nothing to send (the row is gone here): the refusal stays for the user to see.
      const sent = await requeueFields(db, m.table, m.rowId, m.op === 'delete' ? ['deleted'] : Object.keys(m.fields));
      if (sent) await db.needsAttention.delete(w.mid);
    }
  });
  return refused.length;
}

// Resolving a conflict (the conflicts screen's "Giữ bản này"): the chosen value is written as
// a normal change (row + outbox entry, one transaction) so it reaches every phone the usual
// way, and the conflict is marked for the server (POST resolve, sent by the next cycle, after
// the push that carries the value).
import { commit } from '../data/commit';
import { deleteRow, upsertRow } from '../data/outbox';
import { activeDb } from '../data/session';
import { UserError } from '../lib/user-error';

type Row = Record<string, unknown> & { id: string; unitId: string; deleted?: boolean };

export async function keepConflictSide(conflictId: string, side: 'winner' | 'loser'): Promise<void> {
  const db = await activeDb();
  const c = await db.conflicts.get(conflictId);
  if (!c) return;
  const table = db.table<Row, string>(c.table);
  await commit(db, [...new Set([table, db.conflicts, db.minutes, db.memberDigests, db.ratings, db.committeeSeats])], async () => {
    const value = side === 'winner' ? ('winnerValue' in c ? c.winnerValue : c.theirs) : 'loserValue' in c ? c.loserValue : c.mine;
    const row = await table.get(c.rowId);
    // Final minutes and their roll change no more (the server refuses it: err.locked); keeping
    // the side already in effect writes nothing and is fine.
    const locked = () => assertNotLocked(db, c.table, row);
    if (row) {
      if (c.field === 'deleted') {
        if (value === true && c.table === 'members') await assertNotInUse(db, c.rowId);
        if (value === true && !row.deleted) {
          await locked();
          await deleteRow(db, c.table, c.rowId);
        } else if (value !== true && row.deleted) {
          await locked();
          await upsertRow(db, c.table, c.rowId, row.unitId, {});
        }
      } else if (!sameValue(row[c.field], value) || row.deleted) {
        // Keeping an edit that lost to a delete brings the record back (upsertRow restores).
        if (side === 'winner' && row.deleted) {
          // the tombstone is the winner: nothing to write
        } else {
          await locked();
          await upsertRow(db, c.table, c.rowId, row.unitId, { [c.field]: value ?? undefined } as never);
        }
      }
    }
    await db.conflicts.update(conflictId, { resolvePending: { keep: side }, resolvedAt: new Date().toISOString() });
  });
}

/**
 * Marks conflicts settled with nothing written: earlier losses of a field by the phone whose
 * later value the user has just decided on (record-queries listConflicts shows the latest).
 */
export async function settleSuperseded(ids: readonly string[]): Promise<void> {
  if (!ids.length) return;
  const db = await activeDb();
  await db.conflicts.where('id').anyOf([...ids]).modify({ resolvePending: { keep: 'winner' }, resolvedAt: new Date().toISOString() });
}

/** Throws err.locked for a row of finalized minutes, or a roll row of a meeting whose minutes are final. */
async function assertNotLocked(db: Awaited<ReturnType<typeof activeDb>>, table: string, row: Row | undefined): Promise<void> {
  const meetingId = table === 'minutes' ? row?.id : table === 'attendance' ? (row?.eventId as string | undefined) : undefined;
  if (!meetingId) return;
  const minutes = table === 'minutes' ? row : await db.minutes.get(meetingId);
  if (minutes && !minutes.deleted && minutes.status === 'finalized') throw new UserError('err.locked');
}

/**
 * Throws for a member this phone holds records of (the roll, dues, exemptions, training, events
 * — their digest —, a rating or a committee seat): the server files a member's delete as a conflict when another
 * phone recorded for them (docs/sync-api.md), and a member who has been used is kept, as undoing
 * an import keeps them (features/import/import-repo.ts planUndo): no money or mark is left
 * without its member. The user keeps "Còn (chưa xóa)" instead.
 */
async function assertNotInUse(db: Awaited<ReturnType<typeof activeDb>>, memberId: string): Promise<void> {
  const d = await db.memberDigests.get(memberId);
  const used = !!d && (d.dues.length > 0 || d.exemptions.length > 0 || [d.events, d.roll, d.training, d.progress].some((slot) => Object.keys(slot).length > 0));
  if (used) throw new UserError('sync.memberInUse');
  const ratings = await db.ratings.where('memberId').equals(memberId).filter((r) => !r.deleted).count();
  const seats = await db.committeeSeats.where('memberId').equals(memberId).filter((r) => !r.deleted).count();
  if (ratings + seats > 0) throw new UserError('sync.memberInUse');
}

function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === null || v === '' ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

// What the server answered to a push, applied to the local database: acknowledged entries
// leave the outbox, refusals go to needsAttention, and entries waiting behind an acknowledged
// one are rebased on its new version — all in ONE Dexie transaction per batch (RELIABILITY.md
// 8). Split from apply.ts (the pull side); the rebase rule is explained at its head.
import { SYNCED_ROW_TABLES, type DeviceState, type NeedsAttentionRecord, type UnitDb } from '../data/db';
import type { Mutation, SyncedTable } from '../protocol/outbox';
import { deviceState } from '../data/outbox';
import { midOf, nextHlc } from '../lib/hlc';
import type { PushResponse, PushResult } from '../protocol/sync';
import { isLockedRefusal, takeServerValues } from './server-values';

type Row = Record<string, unknown> & { id: string; rev?: Record<string, number>; deleted?: boolean };

export interface PushOutcome {
  /** outbox entries the server took (applied, duplicate, conflict) and that were removed */
  acked: number;
  applied: number;
  conflicts: number;
  /** entries the server refused: moved to needsAttention with its reason */
  rejected: number;
  /** the server refused a seq as a gap: its lastSeq, to resend from lastSeq + 1 */
  gapAt?: number;
}

/**
 * Records the server's answer to one push batch, in one transaction: entries answered
 * applied / duplicate / conflict leave the outbox; rejected ones move to needsAttention with
 * the server's reason (never dropped); an entry with no result (after a gap) stays.
 */
export async function recordPushResults(db: UnitDb, batch: Mutation[], res: PushResponse, hint?: OutboxShape): Promise<PushOutcome> {
  const out: PushOutcome = { acked: 0, applied: 0, conflicts: 0, rejected: 0 };
  const byMid = new Map(res.results.map((r) => [r.mid, r]));
  if (res.results.some((r) => r.status === 'gap')) out.gapAt = res.lastSeq;
  // The row tables are written only when a refused change is sent again (requeueFields): that
  // needs a refusal now or one waiting from before. Only sync adds to needsAttention, and only
  // one tab syncs at a time, so the count read here still holds inside the transaction.
  const refusals = res.results.some((r) => r.status === 'rejected' || !!r.error) || (await db.needsAttention.count()) > 0;
  const rowTables = refusals ? SYNCED_ROW_TABLES.map((t) => db.table(t)) : [];
  await db.transaction('rw', [db.outbox, db.needsAttention, db.syncState, ...rowTables], async () => {
    const at = new Date().toISOString();
    let maxAcked = 0;
    const fixed: Mutation[] = [];
    const attention: NeedsAttentionRecord[] = [];
    const done: number[] = [];
    // The entry may have left already (another tab's cycle): only act on what is still there.
    // A batch is a run of consecutive seqs: one range read, not a get per entry.
    const { current, rangeIsBatch } = await batchInOutbox(db, batch);
    batch.forEach((entry) => {
      const r = byMid.get(entry.mid);
      if (!r || r.status === 'gap') return;
      if (current.get(entry.seq)?.mid !== entry.mid) return;
      // A duplicate carries the stored result; one that was refused then is still refused.
      const isRejected = r.status === 'rejected' || (r.status === 'duplicate' && !!r.error);
      if (isRejected) {
        attention.push({ mid: entry.mid, mutation: entry, reason: r.error || 'rejected', ...(r.field ? { field: r.field } : {}), at });
        out.rejected++;
      } else {
        out.acked++;
        if (r.status === 'conflict') out.conflicts++;
        else out.applied++;
        fixed.push(entry);
      }
      done.push(entry.seq);
      maxAcked = Math.max(maxAcked, entry.seq);
    });
    if (attention.length) await db.needsAttention.bulkPut(attention);
    if (rangeIsBatch && done.length && done.length === current.size) {
      // Everything in the batch's seq range leaves: one range delete.
      await db.outbox.where('seq').between(Math.min(...done), Math.max(...done), true, true).delete();
    } else if (done.length) await db.outbox.bulkDelete(done);
    // Refused because the meeting's minutes are final (another phone locked them): nothing can
    // make it go through, so the row takes the final values back now. Kept on screen (as
    // other refusals are), the finalized minutes and their roll would read this phone's
    // refused text and marks, and print so. The card stays, with what was typed, to copy into
    // an addendum.
    for (const w of attention) if (isLockedRefusal(w)) await takeServerValues(db, w.mutation.table, w.mutation.rowId);
    await rebaseFollowers(db, batch, byMid, hint);
    // A later accepted change of the field at fault (or of all the refused fields, when the
    // server named none) means the user fixed it ("Sửa"). The refused change's other fields
    // were not at fault: they are sent again with their current local values, so a refused
    // new record does not reach the others half-made.
    if (fixed.length && (await db.needsAttention.count())) {
      const waiting = await db.needsAttention.toArray();
      for (const w of waiting) {
        const m = w.mutation;
        const later = fixed.filter((f) => f.seq > m.seq && f.table === m.table && f.rowId === m.rowId);
        if (!later.length) continue;
        const carried = (k: string) => later.some((f) => k in f.fields);
        const atFault = w.field && w.field in m.fields ? [w.field] : Object.keys(m.fields).filter((k) => k !== 'createdAt');
        if (!atFault.every(carried)) continue;
        const rest = Object.keys(m.fields).filter((k) => !carried(k));
        if (rest.length) await requeueFields(db, m.table, m.rowId, rest);
        await db.needsAttention.delete(w.mid);
      }
    }
    if (maxAcked) {
      await db.syncState.where('key').equals('device').modify((d: DeviceState) => {
        d.lastAckedSeq = Math.max(d.lastAckedSeq ?? 0, maxAcked);
      });
    }
  });
  return out;
}

/**
 * The batch's entries still in the outbox, by seq, and whether its seq range holds nothing
 * else (then it can be deleted as a range). A batch is a run of the outbox in seq order, so
 * one range read usually does, instead of a get per entry.
 */
async function batchInOutbox(db: UnitDb, batch: Mutation[]): Promise<{ current: Map<number, Mutation>; rangeIsBatch: boolean }> {
  const current = new Map<number, Mutation>();
  if (!batch.length) return { current, rangeIsBatch: false };
  let lo = batch[0].seq;
  let hi = batch[0].seq;
  for (const e of batch) {
    if (e.seq < lo) lo = e.seq;
    if (e.seq > hi) hi = e.seq;
  }
  const wanted = new Set(batch.map((e) => e.seq));
  if (hi - lo + 1 > batch.length * 2) {
    for (const e of await db.outbox.bulkGet([...wanted])) if (e) current.set(e.seq, e);
    return { current, rangeIsBatch: false };
  }
  let rangeIsBatch = true;
  for (const e of await db.outbox.where('seq').between(lo, hi, true, true).toArray()) {
    if (wanted.has(e.seq)) current.set(e.seq, e);
    else rangeIsBatch = false;
  }
  return { current, rangeIsBatch };
}

/**
 * What the outbox held when a push cycle began, for rebaseFollowers: the rows with more than
 * one waiting entry then, and the last seq then. A follower of a pushed entry was either
 * waiting already (its row is in `repeated`) or written since (its seq is above `upTo`).
 */
export interface OutboxShape {
  repeated: Set<string>;
  upTo: number;
}

/**
 * The outbox's shape in one read of its keys: every seq, and the first seq of each row (the
 * [table+rowId] index read 'nextunique'); a row's later entries are the rest, and only those are
 * read. A walk over the index's 10,000 keys after an import was ~300 ms of a push on a phone
 * (B6); this is two requests. A browser that cannot read an index's keys so (IndexedDB's
 * getAllKeys options, shipped with getAllRecords) walks the index as before.
 */
export async function outboxShape(db: UnitDb): Promise<OutboxShape> {
  if (!db.isOpen()) await db.open();
  const keys = await outboxKeys(db.backendDB()).catch(() => undefined);
  if (!keys) return walkedOutboxShape(db);
  // Read apart from the keys: entries written since have higher seqs (the cycle pushes up to
  // upTo and finds them by seq), and one gone since (discarded) is no longer waiting.
  const firsts = new Set(keys.firsts);
  const later = keys.all.filter((seq) => !firsts.has(seq));
  const repeated = new Set<string>();
  for (const e of later.length ? await db.outbox.bulkGet(later) : []) if (e) repeated.add(`${e.table}\u0000${e.rowId}`);
  return { repeated, upTo: keys.all.length ? keys.all[keys.all.length - 1] : 0 };
}

/** Every seq of the outbox, and the first of each row; undefined where the browser cannot tell. */
async function outboxKeys(idb: IDBDatabase): Promise<{ all: number[]; firsts: number[] } | undefined> {
  if (typeof IDBIndex === 'undefined' || !('getAllRecords' in IDBIndex.prototype)) return undefined;
  const store = idb.transaction('outbox').objectStore('outbox');
  const all = store.getAllKeys();
  const firsts = (store.index('[table+rowId]') as unknown as { getAllKeys(o: { direction: IDBCursorDirection }): IDBRequest<IDBValidKey[]> }).getAllKeys({ direction: 'nextunique' });
  return new Promise((resolve, reject) => {
    all.onerror = firsts.onerror = (e) => reject((e.target as IDBRequest).error);
    // requests of a transaction succeed in order: `all` is there when `firsts` is
    firsts.onsuccess = () => resolve({ all: all.result as number[], firsts: firsts.result as number[] });
  });
}

/** The same by one walk over the outbox's [table+rowId] index keys (no entries read). */
export async function walkedOutboxShape(db: UnitDb): Promise<OutboxShape> {
  return db.transaction('r', db.outbox, async () => {
    const last = await db.outbox.orderBy('seq').last();
    const keys = (await db.outbox.orderBy('[table+rowId]').keys()) as unknown as [string, string][];
    const repeated = new Set<string>();
    for (let i = 1; i < keys.length; i++) {
      const [t, id] = keys[i];
      if (t === keys[i - 1][0] && id === keys[i - 1][1]) repeated.add(`${t}\u0000${id}`);
    }
    return { repeated, upTo: last?.seq ?? 0 };
  });
}

/**
 * After a gap the server wants seq = lastSeq + 1 next. When the outbox has it, the next
 * batch simply starts there (entries ≤ lastSeq answer `duplicate`). When it does not (the
 * server lost this device's history, or the device joined again as a new device), the
 * waiting entries — none of which the server applied, since it applies in order and stopped
 * before them — are renumbered from lastSeq + 1, keeping their mids. Returns whether
 * anything was renumbered.
 */
export async function realignOutbox(db: UnitDb, serverLastSeq: number): Promise<boolean> {
  return db.transaction('rw', [db.outbox, db.syncState], async () => {
    const entries = await db.outbox.where('seq').above(serverLastSeq).sortBy('seq');
    if (!entries.length || entries[0].seq === serverLastSeq + 1) return false;
    await db.outbox.bulkDelete(entries.map((e) => e.seq));
    const renumbered = entries.map((e, i) => ({ ...e, seq: serverLastSeq + 1 + i }));
    await db.outbox.bulkAdd(renumbered);
    const next = serverLastSeq + 1 + entries.length;
    await db.syncState.where('key').equals('device').modify((d: DeviceState) => {
      d.nextSeq = next;
    });
    return true;
  });
}

/**
 * Appends an outbox entry carrying the CURRENT local values of `fields` of a row (used to
 * send again what the server refused, after the user fixed it). Same shape and seq/HLC
 * bookkeeping as data/outbox.ts; must run inside a transaction over outbox, syncState and
 * the row's table.
 */
export async function requeueFields(db: UnitDb, table: SyncedTable, rowId: string, fields: string[]): Promise<Mutation | undefined> {
  const row = (await db.table(table).get(rowId)) as Row | undefined;
  if (!row) return undefined;
  const dev = await deviceState(db);
  let op: Mutation['op'] = 'upsert';
  let values: Record<string, unknown> = {};
  let base: Record<string, number> = {};
  if (fields.includes('deleted') && row.deleted) {
    // A refused delete goes again as a delete, which carries nothing else.
    op = 'delete';
    values = { deleted: true };
    base = { deleted: row.rev?.deleted ?? 0 };
  } else {
    for (const f of fields) {
      values[f] = f === 'deleted' ? false : row[f];
      base[f] = row.rev?.[f] ?? 0;
    }
  }
  if (!Object.keys(values).length) return undefined;
  const { stamp, state } = nextHlc({ ms: dev.hlcMs, counter: dev.hlcCounter }, Date.now(), dev.deviceId);
  const entry: Mutation = { mid: midOf(stamp), seq: dev.nextSeq, table, rowId, op, fields: values, base, hlc: stamp };
  await db.outbox.add(entry);
  await db.syncState.put({ ...dev, nextSeq: dev.nextSeq + 1, hlcMs: state.ms, hlcCounter: state.counter });
  return entry;
}

/**
 * A later waiting edit of a field this push just wrote was made on top of that write, not
 * on the version the first one started from. Its base moves to the version the server
 * answered, so the server sees two edits in a row from one phone, not two concurrent edits
 * (which would file a conflict of the phone with itself, or lose a restore to its own
 * delete). Only for `applied` answers (or their `duplicate` replays): a `conflict` may have lost the field, and then the
 * follower really is concurrent with the winner. The engine never puts two edits of one
 * field in one batch (engine.ts), so the follower is always still waiting here. Runs inside
 * recordPushResults' transaction; a follower already sent in a lost request is answered
 * from the server's stored result, whatever its base says now.
 */
async function rebaseFollowers(db: UnitDb, batch: Mutation[], byMid: Map<string, PushResult>, hint?: OutboxShape): Promise<void> {
  const leaders = batch.filter((e) => {
    const r = byMid.get(e.mid);
    // a duplicate replays the stored answer: without a conflictId it was applied
    const applied = r?.status === 'applied' || (r?.status === 'duplicate' && !r.conflictId && !r.error);
    return applied && typeof r?.version === 'number';
  });
  if (!leaders.length) return;
  const waiting = await db.outbox.count();
  if (!waiting) return;
  const rows = new Map<string, Mutation[]>();
  for (const e of leaders) {
    const k = `${e.table}\u0000${e.rowId}`;
    const list = rows.get(k);
    if (list) list.push(e);
    else rows.set(k, [e]);
  }
  const followers = hint ? await followersByShape(db, rows, hint) : await followersOf(db, rows, waiting);
  const changed: Mutation[] = [];
  for (const f of followers.sort((a, b) => a.seq - b.seq)) {
    let touched = false;
    const base = { ...f.base };
    for (const lead of rows.get(`${f.table}\u0000${f.rowId}`) ?? []) {
      if (lead.seq >= f.seq) continue;
      const version = byMid.get(lead.mid)!.version!;
      for (const field of Object.keys(lead.fields)) {
        if (field in base && base[field] === (lead.base[field] ?? 0)) {
          base[field] = version;
          touched = true;
        }
      }
    }
    if (touched) changed.push({ ...f, base });
  }
  if (changed.length) await db.outbox.bulkPut(changed);
}

/** Waiting entries of the leaders' rows, looked up in the outbox. */
async function followersOf(db: UnitDb, rows: Map<string, Mutation[]>, waiting: number): Promise<Mutation[]> {
  if (!rows.size) return [];
  return waiting <= rows.size * 4
    ? (await db.outbox.toArray()).filter((e) => rows.has(`${e.table}\u0000${e.rowId}`))
    : db.outbox
        .where('[table+rowId]')
        .anyOf([...rows.values()].map((l) => [l[0].table, l[0].rowId]))
        .toArray();
}

/**
 * The same, with what the outbox held when the cycle began: only rows that had another
 * waiting entry then are looked up, plus the entries written since. A bulk push (an import, a
 * roll) has none, and then nothing is read.
 */
async function followersByShape(db: UnitDb, rows: Map<string, Mutation[]>, hint: OutboxShape): Promise<Mutation[]> {
  const since = await db.outbox.where('seq').above(hint.upTo).toArray();
  const out = new Map<number, Mutation>();
  for (const e of since) if (rows.has(`${e.table}\u0000${e.rowId}`)) out.set(e.seq, e);
  const older = new Map([...rows].filter(([k]) => hint.repeated.has(k)));
  for (const e of await followersOf(db, older, Infinity)) out.set(e.seq, e);
  return [...out.values()];
}

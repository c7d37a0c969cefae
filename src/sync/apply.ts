// Applying what the server sent (pull pages) and what it answered (push results) to the
// local database. Each page, and each batch of push results, is ONE Dexie transaction with
// the cursor / the outbox in it, so a tab closed half-way leaves either all of it or none
// (RELIABILITY.md 8).
//
// The rebase rule and what `rev` means
// ------------------------------------
// A row's `rev[field]` is the server version the LOCAL value of that field descends from;
// it becomes the `base` of the next local edit of that field. So when a pulled field still
// has an unacknowledged outbox entry (the user changed it and the server has not answered):
//   - the local value is kept (the pull does not overwrite what the user typed), and
//   - its rev is NOT moved to the pulled version either. Moving it would claim that the user
//     saw the other device's value; a second edit of the field would then carry the newer
//     base and overwrite that value on the server without a conflict. Keeping the old rev
//     keeps the pair (value, version it came from) honest: the server sees both edits as
//     concurrent and keeps the loser in `conflicts`.
// Once the entry is acknowledged, the server either took it (the row's version moves, so
// the next pull brings the field and its version back) or kept it aside as a conflict's
// loser (nothing moved: the row is not sent again). For that second case a page that kept a
// local field also records `repullFrom` = that row's version − 1, and the next cycle pulls
// again from there, after its push: the field is no longer pending and takes the server's
// value and version. (Cheap: it re-reads only what changed since.)
// A change the server refused (needs attention) is treated like a pending one: what the user
// typed stays on screen until they fix it or discard it (discarding re-reads the row).
// Fields without pending entries take the server's value and version. A field the server
// does not have is removed locally unless it is pending (the server's row is the truth).
// Fields this app version does not know are kept as they are (schema skew: nothing dropped).
import type { Table } from 'dexie';
import { SYNCED_ROW_TABLES, type DeviceState, type NeedsAttentionRecord, type UnitDb } from '../data/db';
import type { Mutation, SyncedTable } from '../protocol/outbox';
import { deviceState } from '../data/outbox';
import { nextHlc } from '../lib/hlc';
import { uuidv7 } from '../lib/ids';
import type { PulledRow, PushResponse, PushResult } from '../protocol/sync';
import { fieldVersions } from '../protocol/sparse-versions';

/** Meta properties of a local row that are not server fields. */
const LOCAL_META = new Set(['id', 'unitId', 'rev', 'deleted', 'updatedAt']);
const KNOWN_TABLES = new Set<string>(SYNCED_ROW_TABLES);

type Row = Record<string, unknown> & { id: string; rev?: Record<string, number>; deleted?: boolean };

export interface ApplyStats {
  rows: number;
  /** fields kept because the user changed them and the server has not answered yet */
  keptLocal: number;
  /** rows of tables this app version does not have, kept aside for a later version */
  deferred: number;
}

/** Rows of tables a newer app version syncs, kept in syncState until this app knows them. */
interface DeferredRows {
  key: 'deferred';
  rows: PulledRow[];
}

/** Fields of each row that have an outbox entry the server has not acknowledged. */
export async function pendingFields(db: UnitDb, keys: [string, string][]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (!keys.length) return out;
  const add = (table: string, rowId: string, fields: string[]) => {
    const k = `${table}\u0000${rowId}`;
    let set = out.get(k);
    if (!set) out.set(k, (set = new Set()));
    for (const f of fields) set.add(f);
  };
  // A refused change keeps what the user typed on screen until they fix or discard it.
  const wantedRows = new Set(keys.map(([t, id]) => `${t}\u0000${id}`));
  if (await db.needsAttention.count()) {
    for (const w of await db.needsAttention.toArray()) {
      const m = w.mutation;
      if (wantedRows.has(`${m.table}\u0000${m.rowId}`)) add(m.table, m.rowId, m.op === 'delete' ? ['deleted'] : Object.keys(m.fields));
    }
  }
  // Usually the outbox is empty or small when a page arrives (the push just ran): reading it
  // whole is cheaper than an index lookup per pulled row.
  const waiting = await db.outbox.count();
  if (!waiting) return out;
  const entries =
    waiting <= keys.length * 4
      ? (await db.outbox.toArray()).filter((e) => wantedRows.has(`${e.table}\u0000${e.rowId}`))
      : await db.outbox.where('[table+rowId]').anyOf(keys).toArray();
  for (const e of entries) add(e.table, e.rowId, e.op === 'delete' ? ['deleted', ...Object.keys(e.fields)] : Object.keys(e.fields));
  return out;
}

/** The local row after merging a pulled row into it (pure; the rebase rule above). */
export function mergePulled(local: Row | undefined, pulled: PulledRow, pending: ReadonlySet<string>, localUnitId: string, now: string): { row: Row; keptLocal: number } {
  const rev: Record<string, number> = { ...(local?.rev ?? {}) };
  const row: Row = { id: pulled.id, unitId: (local?.unitId as string | undefined) ?? localUnitId, rev, deleted: false };
  let keptLocal = 0;
  // Local fields: kept when pending, else whatever the server has (absent → removed).
  if (local) {
    for (const [k, v] of Object.entries(local)) {
      if (LOCAL_META.has(k)) continue;
      if (pending.has(k)) {
        row[k] = v;
        if (k in pulled.fields) keptLocal++;
      }
    }
  }
  for (const [k, v] of Object.entries(pulled.fields)) {
    if (LOCAL_META.has(k)) continue;
    if (pending.has(k)) continue;
    if (v !== null && v !== undefined) row[k] = v;
  }
  for (const [k, version] of Object.entries(fieldVersions(pulled.fields, pulled.versions, pulled.version))) {
    if (pending.has(k)) continue;
    // a version filled in from sparse versions: only for the fields taken above
    if (!(k in pulled.versions) && LOCAL_META.has(k)) continue;
    rev[k] = version;
  }
  if (pending.has('deleted')) {
    row.deleted = !!local?.deleted;
    if (local && !!local.deleted !== pulled.deleted) keptLocal++;
  } else {
    row.deleted = pulled.deleted;
  }
  if (row.createdAt === undefined) row.createdAt = (local?.createdAt as string | undefined) ?? now;
  row.updatedAt = now;
  return { row, keptLocal };
}

/**
 * Applies one pull page and moves the cursor, in one transaction. Rows of unknown tables
 * (a newer server schema) are kept aside in syncState, never dropped.
 */
export async function applyPullPage(
  db: UnitDb,
  localUnitId: string,
  rows: PulledRow[],
  cursor: number,
  opts: { clearRepull?: boolean } = {},
): Promise<ApplyStats> {
  const stats: ApplyStats = { rows: 0, keptLocal: 0, deferred: 0 };
  // Only the tables this page writes (a page of members locks members, not the roll).
  const pageTables = [...new Set(rows.map((r) => r.table).filter((t) => KNOWN_TABLES.has(t)))];
  const tables = [...pageTables.map((t) => db.table(t)), db.outbox, db.needsAttention, db.syncState];
  await db.transaction('rw', tables, async () => {
    const known = rows.filter((r) => KNOWN_TABLES.has(r.table));
    const unknown = rows.filter((r) => !KNOWN_TABLES.has(r.table));
    const pending = await pendingFields(db, known.map((r) => [r.table, r.id]));
    const now = new Date().toISOString();
    let repullFrom: number | undefined;
    // Group by table so each table is read with one bulkGet and written with one bulkPut.
    const byTable = new Map<string, PulledRow[]>();
    for (const r of known) {
      const list = byTable.get(r.table);
      if (list) list.push(r);
      else byTable.set(r.table, [r]);
    }
    for (const [table, list] of byTable) {
      const store = db.table<Row, string>(table);
      // The same row twice in one page (should not happen): the later version wins.
      const latest = new Map<string, PulledRow>();
      for (const r of list) {
        const prev = latest.get(r.id);
        if (!prev || prev.version <= r.version) latest.set(r.id, r);
      }
      const ids = [...latest.keys()];
      const locals = await localRows(store, ids);
      const out: Row[] = [];
      ids.forEach((id, i) => {
        const pulled = latest.get(id)!;
        const p = pending.get(`${table}\u0000${id}`) ?? EMPTY;
        const { row, keptLocal } = mergePulled(locals[i], pulled, p, localUnitId, now);
        stats.keptLocal += keptLocal;
        // Any waiting field: even one the server does not have may be refused as a conflict.
        if (p.size) {
          repullFrom = Math.min(repullFrom ?? Infinity, pulled.version - 1);
        }
        out.push(row);
      });
      await store.bulkPut(out);
      stats.rows += out.length;
    }
    if (unknown.length) {
      const st = db.syncState as unknown as Table<DeferredRows, string>;
      const prev = await st.get('deferred');
      await st.put({ key: 'deferred', rows: [...(prev?.rows ?? []), ...unknown] });
      stats.deferred = unknown.length;
    }
    await db.syncState.where('key').equals('device').modify((d: DeviceState) => {
      d.cursor = cursor;
      const prev = opts.clearRepull ? undefined : d.repullFrom;
      const next = Math.min(prev ?? Infinity, repullFrom ?? Infinity);
      if (Number.isFinite(next)) d.repullFrom = Math.max(0, next);
      else delete d.repullFrom;
    });
  });
  return stats;
}

const EMPTY: ReadonlySet<string> = new Set();

/** Above this many ids, which rows exist is read as one key range first (see localRows). */
const KEY_RANGE_FROM = 32;

/**
 * The local rows for `ids` (undefined where there is none), in order. A page usually brings
 * rows this phone has never seen: one read of the primary keys between the page's smallest and
 * largest id says which exist, and only those are read (a get per id costs a round trip to
 * IndexedDB each: ~170 ms of 1,000 on a phone, for nothing when the rows are new).
 */
export async function localRows(store: Table<Row, string>, ids: string[]): Promise<(Row | undefined)[]> {
  if (ids.length < KEY_RANGE_FROM) return store.bulkGet(ids);
  let lo = ids[0];
  let hi = ids[0];
  for (const id of ids) {
    if (id < lo) lo = id;
    if (id > hi) hi = id;
  }
  const present = new Set(await store.where(':id').between(lo, hi, true, true).primaryKeys());
  const wanted = ids.filter((id) => present.has(id));
  if (!wanted.length) return ids.map(() => undefined);
  const found = await store.bulkGet(wanted);
  const byId = new Map(wanted.map((id, i) => [id, found[i]]));
  return ids.map((id) => byId.get(id));
}

/** Rows kept aside by an older app version whose tables this version now has: apply them. */
export async function applyDeferred(db: UnitDb, localUnitId: string): Promise<number> {
  const st = db.syncState as unknown as Table<DeferredRows, string>;
  const prev = await st.get('deferred');
  if (!prev?.rows.length) return 0;
  const now = prev.rows.filter((r) => KNOWN_TABLES.has(r.table));
  if (!now.length) return 0;
  const dev = (await db.syncState.get('device')) as DeviceState;
  await applyPullPage(db, localUnitId, now, dev.cursor);
  await db.transaction('rw', db.syncState, async () => {
    const cur = await st.get('deferred');
    await st.put({ key: 'deferred', rows: (cur?.rows ?? []).filter((r) => !KNOWN_TABLES.has(r.table)) });
  });
  return now.length;
}

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

/** One walk over the outbox's [table+rowId] index keys (no entries read). */
export async function outboxShape(db: UnitDb): Promise<OutboxShape> {
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
  const entry: Mutation = { mid: uuidv7(), seq: dev.nextSeq, table, rowId, op, fields: values, base, hlc: stamp };
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

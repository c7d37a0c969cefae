// Applying what the server sent (pull pages) to the local database; what it answered to a
// push is push-results.ts. Each page, and each batch of push results, is ONE Dexie transaction with
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
// typed stays on screen until they fix it or discard it (discarding re-reads the row) — but
// not one refused because the minutes are final, which can never go through.
// Fields without pending entries take the server's value and version. A field the server
// does not have is removed locally unless it is pending (the server's row is the truth).
// Fields this app version does not know are kept as they are (schema skew: nothing dropped).
import type { Table } from 'dexie';
import { SYNCED_ROW_TABLES, type DeviceState, type UnitDb } from '../data/db';
import type { PulledRow } from '../protocol/sync';
import { fieldVersions } from '../protocol/sparse-versions';
import { isLockedRefusal } from './server-values';

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
      // refused for good (the minutes are final): the server's values come in
      if (isLockedRefusal(w)) continue;
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

// Push and pull on the Postgres store. A push batch is ONE transaction that first locks the
// unit's row (SELECT … FOR UPDATE): pushes to one unit run one after another, on whichever
// process they arrive, so the unit's versions are handed out and committed in order — a pull
// can never see version 12 committed while 11 is still to come, and skip it. Other units'
// pushes run beside it. Inside, everything the pure server/src/sync/push.ts may ask for is
// read up front in four queries, push.ts runs on those maps, and its writes go back in a few
// multi-row statements (unnest), not one round trip per mutation.
import { randomUUID } from 'node:crypto';
import type { SyncedTable } from '../../../src/protocol/outbox';
import type { PushResponse } from '../../../src/protocol/sync';
import { MEMBER_ROW_TABLES, relatedMemberId, relatedMinutesId } from '../sync/merge';
import { deletedMemberIds, processPush, type PushTx } from '../sync/push';
import type { ConflictRecord, RowState, StoredResult } from '../sync/types';
import type { PgAccess, PgClient } from './postgres-connection';
import type { PullPage, PushInput, RawPulledRow } from './types';

/** `stallMidBatch`: the crash test's fault injection (half the rows written, then block). */
export async function push(a: PgAccess, input: PushInput, stallMidBatch: boolean): Promise<PushResponse> {
  const { unitId, deviceId } = input;
  return a.write(async (c) => {
    const unit = (await c.query<{ version: number }>('SELECT version FROM units WHERE id = $1 FOR UPDATE', [unitId])).rows[0];
    const lastSeq = (await c.query<{ last_seq: number }>('SELECT last_seq FROM devices WHERE unit_id = $1 AND id = $2', [unitId, deviceId])).rows[0]?.last_seq ?? 0;
    // The reads that depend on nothing are sent first: pg runs one statement at a time on a
    // connection, so they wait in its queue while Node reads the rows' answer, with no round trip
    // between (issue 13, B6).
    const midsRead = prefetchMids(c, unitId, input.mutations);
    const storedRead = prefetchStoredResults(c, unitId, deviceId, input.mutations, lastSeq);
    const recordsRead = prefetchMemberRecords(c, unitId, input.mutations);
    const reads = Promise.all([midsRead, storedRead, recordsRead]);
    reads.catch(() => undefined); // awaited below; a failed row read must not leave it unhandled
    const rows = await prefetchRows(c, unitId, input.mutations);
    const tombstones = await prefetchTombstones(c, unitId, input.mutations, rows);
    const [mids, stored, records] = await reads;

    const writes = new Map<string, { table: string; id: string; row: RowState }>();
    const conflicts: ConflictRecord[] = [];
    const results: { seq: number; mid: string | null; result: StoredResult }[] = [];
    let finished: { lastSeq: number; unitVersion: number } | undefined;
    const tx: PushTx = {
      lastSeq: () => lastSeq,
      unitVersion: () => unit?.version ?? 0,
      storedResult: (seq) => stored.get(seq),
      midOwner: (mid) => mids.get(mid),
      getRow: (table, id) => {
        const row = rows.get(rowKey(table, id));
        if (row === undefined) throw new Error(`push asked for ${table}/${id}, which was not read before the batch`);
        return row;
      },
      memberTombstone: (id) => {
        const known = rows.get(rowKey('members', id));
        if (known !== undefined) return known?.deleted ? known : null;
        return tombstones.get(id) ?? null;
      },
      memberRecord: (id) => records.get(id) ?? null,
      putRow: (table, id, row) => {
        rows.set(rowKey(table, id), row);
        writes.set(rowKey(table, id), { table, id, row });
      },
      addConflict: (conflict) => conflicts.push(conflict),
      putResult: (seq, mid, result) => {
        results.push({ seq, mid, result });
        if (mid !== null) mids.set(mid, { deviceId, seq, result });
      },
      finish: (newLastSeq, unitVersion) => (finished = { lastSeq: newLastSeq, unitVersion }),
    };
    const answer = processPush(tx, input.mutations, {
      deviceId,
      role: input.role,
      schemaVersion: input.schemaVersion,
      now: input.now,
      newConflictId: randomUUID,
    });

    const written = [...writes.values()];
    if (stallMidBatch && written.length > 1) {
      const half = Math.floor(written.length / 2);
      await writeRows(c, unitId, written.slice(0, half));
      stallForever();
      await writeRows(c, unitId, written.slice(half));
      await writeConflicts(c, unitId, conflicts);
      await writeResults(c, unitId, deviceId, results);
      await finish(c, unitId, deviceId, finished);
      return answer;
    }
    // The writes go into the connection's queue together: Postgres runs the upsert while Node
    // builds the next statement's parameters. One failing fails the rest (the transaction is
    // aborted) and the whole batch rolls back.
    await Promise.all([writeRows(c, unitId, written), writeConflicts(c, unitId, conflicts), writeResults(c, unitId, deviceId, results), finish(c, unitId, deviceId, finished)]);
    return answer;
  });
}

// The batch's reads go one key at a time: a LATERAL subquery with LIMIT 1 is a probe of a unique
// index per key, which the planner cannot flatten into a join. As a join (or `= ANY`), Postgres
// hashed or filtered every row of the unit, with its statistics gathered or not: in the B6 bench
// 8,000 rows read to find a batch's 1,000, and all 14,000 of the unit's push results filtered
// for its mids, both growing for as long as the unit syncs (issue 13, B6: ingest 9.9k → 15.3k
// changes/s). test/unit/postgres/push-reads.test.ts holds the reads to the keys asked.
export const READ_ROWS_SQL = `SELECT r.tbl, r.id, r.data, r.versions, r.hlcs, r.deleted, r.version
  FROM unnest($2::text[], $3::text[]) AS k(tbl, id)
  CROSS JOIN LATERAL (SELECT * FROM rows WHERE unit_id = $1 AND tbl = k.tbl AND id = k.id LIMIT 1) r`;
export const READ_TOMBSTONES_SQL = `SELECT r.id, r.data, r.versions, r.hlcs, r.deleted, r.version
  FROM unnest($2::text[]) AS k(id)
  CROSS JOIN LATERAL (SELECT * FROM rows WHERE unit_id = $1 AND tbl = 'members' AND id = k.id AND deleted LIMIT 1) r`;
export const READ_MIDS_SQL = `SELECT r.mid, r.device_id, r.seq, r.result
  FROM unnest($2::text[]) AS k(mid)
  CROSS JOIN LATERAL (SELECT * FROM mutation_results WHERE unit_id = $1 AND mid = k.mid LIMIT 1) r`;
export const READ_STORED_SQL = `SELECT r.seq, r.mid, r.result
  FROM unnest($3::bigint[]) AS k(seq)
  CROSS JOIN LATERAL (SELECT * FROM mutation_results WHERE unit_id = $1 AND device_id = $2 AND seq = k.seq LIMIT 1) r`;

/** The stored rows a batch touches (and the minutes its attendance ticks depend on); null = no such row. */
async function prefetchRows(c: PgClient, unitId: string, mutations: PushInput['mutations']): Promise<Map<string, RowState | null>> {
  const keys = new Map<string, [string, string]>();
  const add = (table: string, id: string) => keys.set(rowKey(table, id), [table, id]);
  for (const m of mutations) {
    if (typeof m.table !== 'string' || typeof m.rowId !== 'string') continue;
    add(m.table, m.rowId);
  }
  const rows = new Map<string, RowState | null>();
  const read = async (wanted: [string, string][]) => {
    for (const [table, id] of wanted) rows.set(rowKey(table, id), null);
    if (!wanted.length) return;
    const found = await c.query<StoredRowColumns & { tbl: string; id: string }>(READ_ROWS_SQL, [unitId, wanted.map((k) => k[0]), wanted.map((k) => k[1])]);
    for (const r of found.rows) rows.set(rowKey(r.tbl, r.id), toRowState(r));
  };
  await read([...keys.values()]);
  // An attendance tick depends on its minutes (locked or not): by its eventId, or the one its
  // stored row names, read once the rows themselves are known.
  // (each minutes once: a meeting's whole roll names the same one)
  const related = new Map<string, [string, string]>();
  for (const m of mutations) {
    if (m.table !== 'attendance' || typeof m.rowId !== 'string') continue;
    const fields = m.fields && typeof m.fields === 'object' && !Array.isArray(m.fields) ? (m.fields as Record<string, unknown>) : {};
    const id = relatedMinutesId({ table: 'attendance', rowId: m.rowId, fields }, rows.get(rowKey('attendance', m.rowId)) ?? null);
    if (id !== null && !rows.has(rowKey('minutes', id))) related.set(`minutes:${id}`, ['minutes', id]);
  }
  await read([...related.values()]);
  return rows;
}

/**
 * The deleted members among those the batch's rows of members' tables belong to and the batch
 * has not read (PushTx.memberTombstone): one probe each, answering only the deleted — a live
 * member's record is not read for each of its roll ticks.
 */
async function prefetchTombstones(c: PgClient, unitId: string, mutations: PushInput['mutations'], rows: Map<string, RowState | null>): Promise<Map<string, RowState>> {
  const ids = new Set<string>();
  for (const m of mutations) {
    if (typeof m.table !== 'string' || typeof m.rowId !== 'string') continue;
    const fields = m.fields && typeof m.fields === 'object' && !Array.isArray(m.fields) ? (m.fields as Record<string, unknown>) : {};
    const id = relatedMemberId({ table: m.table as SyncedTable, fields }, rows.get(rowKey(m.table, m.rowId)) ?? null);
    if (id !== null && !rows.has(rowKey('members', id))) ids.add(id);
  }
  const gone = new Map<string, RowState>();
  if (!ids.size) return gone;
  const found = await c.query<StoredRowColumns & { id: string }>(READ_TOMBSTONES_SQL, [unitId, [...ids]]);
  for (const r of found.rows) gone.set(r.id, toRowState(r));
  return gone;
}

/**
 * A live row of a member's table for each member the batch deletes (PushTx.memberRecord): one
 * scan of the unit's rows of those tables, run only for a batch that deletes members — their
 * memberId is inside the stored JSON, which no index reads (docs/decisions.md).
 */
export const READ_MEMBER_RECORDS_SQL = `SELECT DISTINCT ON (x.member) x.member, x.data, x.versions, x.hlcs, x.deleted, x.version
  FROM (SELECT r.data::json->>'memberId' AS member, r.* FROM rows r WHERE r.unit_id = $1 AND r.tbl = ANY($3::text[]) AND NOT r.deleted) x
  WHERE x.member = ANY($2::text[])`;

async function prefetchMemberRecords(c: PgClient, unitId: string, mutations: PushInput['mutations']): Promise<Map<string, RowState>> {
  const records = new Map<string, RowState>();
  const ids = deletedMemberIds(mutations);
  if (!ids.length) return records;
  const found = await c.query<StoredRowColumns & { member: string }>(READ_MEMBER_RECORDS_SQL, [unitId, ids, [...MEMBER_ROW_TABLES]]);
  for (const r of found.rows) records.set(r.member, toRowState(r));
  return records;
}

async function prefetchMids(c: PgClient, unitId: string, mutations: PushInput['mutations']) {
  const mids = new Map<string, { deviceId: string; seq: number; result: StoredResult }>();
  const found = await c.query<{ mid: string; device_id: string; seq: number; result: string }>(READ_MIDS_SQL, [unitId, mutations.map((m) => m.mid)]);
  for (const r of found.rows) mids.set(r.mid, { deviceId: r.device_id, seq: r.seq, result: JSON.parse(r.result) as StoredResult });
  return mids;
}

/** Results of the batch's seqs the device had sent before (a retry), answered from what was stored. */
async function prefetchStoredResults(c: PgClient, unitId: string, deviceId: string, mutations: PushInput['mutations'], lastSeq: number) {
  const stored = new Map<number, { mid: string | null; result: StoredResult }>();
  const seqs = mutations.map((m) => m.seq).filter((s) => s <= lastSeq);
  if (!seqs.length) return stored;
  const found = await c.query<{ seq: number; mid: string | null; result: string }>(READ_STORED_SQL, [unitId, deviceId, seqs]);
  for (const r of found.rows) stored.set(r.seq, { mid: r.mid, result: JSON.parse(r.result) as StoredResult });
  return stored;
}

/**
 * The batch's rows as one JSON parameter, read by json_to_recordset: node's own JSON.stringify
 * escapes the stored JSON texts, where a text[] parameter has pg escape every element in JS (the
 * largest JS function of a push's profile; server CPU per push of 1,000: 89 → 60–75 ms). Each
 * stored text goes as a JSON string, so Postgres hands it back byte for byte (a nested json value
 * would refuse a "\u0000" in a name).
 */
async function writeRows(c: PgClient, unitId: string, written: { table: string; id: string; row: RowState }[]): Promise<void> {
  if (!written.length) return;
  const batch = written.map((w) => ({
    t: w.table,
    i: w.id,
    d: JSON.stringify(w.row.data),
    v: JSON.stringify(w.row.versions),
    h: JSON.stringify(w.row.hlcs),
    x: w.row.deleted,
    n: w.row.version,
  }));
  await c.query(
    `INSERT INTO rows (unit_id, tbl, id, data, versions, hlcs, deleted, version)
     SELECT $1, r.t, r.i, r.d, r.v, r.h, r.x, r.n
     FROM json_to_recordset($2::json) AS r(t text, i text, d text, v text, h text, x boolean, n bigint)
     ON CONFLICT (unit_id, tbl, id) DO UPDATE SET data = excluded.data, versions = excluded.versions, hlcs = excluded.hlcs,
       deleted = excluded.deleted, version = excluded.version`,
    [unitId, JSON.stringify(batch)],
  );
}

async function finish(c: PgClient, unitId: string, deviceId: string, finished: { lastSeq: number; unitVersion: number } | undefined): Promise<void> {
  if (!finished) return;
  await Promise.all([
    c.query('UPDATE devices SET last_seq = $1 WHERE unit_id = $2 AND id = $3', [finished.lastSeq, unitId, deviceId]),
    c.query('UPDATE units SET version = $1 WHERE id = $2', [finished.unitVersion, unitId]),
  ]);
}

async function writeConflicts(c: PgClient, unitId: string, conflicts: ConflictRecord[]): Promise<void> {
  if (!conflicts.length) return;
  const col = <T>(f: (c: ConflictRecord) => T) => conflicts.map(f);
  await c.query(
    `INSERT INTO conflicts (unit_id, id, tbl, row_id, field, kind, winner_value, loser_value, winner_device, loser_device,
       winner_hlc, loser_hlc, mid, version, created_at)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
       $10::text[], $11::text[], $12::text[], $13::text[], $14::bigint[], $15::text[])`,
    [
      unitId,
      col((x) => x.id),
      col((x) => x.table),
      col((x) => x.rowId),
      col((x) => x.field),
      col((x) => x.kind),
      col((x) => JSON.stringify(x.winnerValue ?? null)),
      col((x) => JSON.stringify(x.loserValue ?? null)),
      col((x) => x.winnerDeviceId),
      col((x) => x.loserDeviceId),
      col((x) => x.winnerHlc),
      col((x) => x.loserHlc),
      col((x) => x.mid),
      col((x) => x.version),
      col((x) => x.createdAt),
    ],
  );
}

async function writeResults(c: PgClient, unitId: string, deviceId: string, results: { seq: number; mid: string | null; result: StoredResult }[]): Promise<void> {
  if (!results.length) return;
  await c.query(
    `INSERT INTO mutation_results (unit_id, device_id, seq, mid, result)
     SELECT $1, $2, r.s, r.m, r.r FROM json_to_recordset($3::json) AS r(s bigint, m text, r text)`,
    [unitId, deviceId, JSON.stringify(results.map((r) => ({ s: r.seq, m: r.mid, r: JSON.stringify(r.result) })))],
  );
}

/**
 * One statement: the window sum counts the stored bytes (octet_length reads a TOASTed value's
 * size from its header, without fetching it), and rows past the byte limit come back without
 * their text — they only tell whether more is waiting.
 */
export const PULL_SQL = `SELECT tbl, id, CASE WHEN fits THEN data END AS data, CASE WHEN fits THEN versions END AS versions, deleted, version, n
     FROM (
       SELECT r.*, (row_number() OVER w = 1 OR sum(octet_length(r.data) + octet_length(r.versions)) OVER w <= $4) AS fits,
         row_number() OVER w AS n
       FROM (SELECT * FROM rows WHERE unit_id = $1 AND version > $2 ORDER BY version LIMIT $3) r
       WINDOW w AS (ORDER BY r.version ROWS UNBOUNDED PRECEDING)
     ) s ORDER BY version`;

/**
 * A page reads the unit's rows after the cursor in the index's order, only as many as it takes.
 * Left to guess, the planner took a unit's rows for few (its statistics are the table's, stale
 * or not) and gathered every row after the cursor to sort them: a phone's first pull of a unit
 * of n rows read ~n²/2,000 rows, page after page (test/unit/postgres/push-reads.test.ts). With
 * sorting priced out for the page's transaction, the index gives the order and LIMIT stops it.
 */
export const PULL_SETTINGS = 'SET LOCAL enable_sort = off';

export async function pull(a: PgAccess, unitId: string, cursor: number, limit: number, maxBytes: number): Promise<PullPage> {
  return a.write(async (c) => {
    await c.query(PULL_SETTINGS);
    const found = await c.query<{ tbl: SyncedTable; id: string; data: string | null; versions: string | null; deleted: boolean; version: number; n: number }>(PULL_SQL, [unitId, cursor, limit + 1, maxBytes]);
    const rows: RawPulledRow[] = [];
    let hasMore = false;
    for (const r of found.rows) {
      if (r.data === null || r.versions === null || rows.length === limit) {
        hasMore = true;
        break;
      }
      rows.push({ table: r.tbl, id: r.id, fieldsJson: r.data, versionsJson: r.versions, deleted: r.deleted, version: r.version });
    }
    const unitVersion = (await c.query<{ version: number }>('SELECT version FROM units WHERE id = $1', [unitId])).rows[0]?.version ?? 0;
    return { rows, hasMore, unitVersion };
  });
}

interface StoredRowColumns {
  data: string;
  versions: string;
  hlcs: string;
  deleted: boolean;
  version: number;
}

const rowKey = (table: string, id: string) => `${table}\u0000${id}`;

function toRowState(r: StoredRowColumns): RowState {
  return { data: JSON.parse(r.data), versions: JSON.parse(r.versions), hlcs: JSON.parse(r.hlcs), deleted: r.deleted, version: r.version };
}

function stallForever(): void {
  console.log('[fault] stalled mid-batch');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 * 60_000);
}

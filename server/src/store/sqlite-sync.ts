// Push and pull on the SQLite store. A push batch runs the pure server/src/sync/push.ts inside
// one BEGIN IMMEDIATE transaction, handing it the rows, results and versions it asks for;
// a pull reads rows by version after the cursor. The Store methods in sqlite.ts call these.
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SyncedTable } from '../../../src/protocol/outbox';
import type { PushResponse } from '../../../src/protocol/sync';
import { MEMBER_ROW_TABLES } from '../sync/merge';
import { deletedMemberIds, processPush, type PushTx } from '../sync/push';
import type { ConflictRecord, RowState, StoredResult } from '../sync/types';
import type { SqliteAccess } from './sqlite-connection';
import type { PullPage, PushInput, RawPulledRow } from './types';

export function prepareSyncStatements(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    deviceSeq: p('SELECT last_seq FROM devices WHERE id = ? AND unit_id = ?'),
    setDeviceSeq: p('UPDATE devices SET last_seq = ? WHERE id = ? AND unit_id = ?'),
    unitVersion: p('SELECT version FROM units WHERE id = ?'),
    setUnitVersion: p('UPDATE units SET version = ? WHERE id = ?'),
    resultBySeq: p('SELECT mid, result FROM mutation_results WHERE device_id = ? AND seq = ?'),
    resultsByMids: p(`SELECT mid, device_id, seq, result FROM mutation_results
      WHERE unit_id = ? AND mid IN (SELECT value FROM json_each(?))`),
    insertResult: p('INSERT INTO mutation_results (unit_id, device_id, seq, mid, result) VALUES (?, ?, ?, ?, ?)'),
    rowById: p('SELECT data, versions, hlcs, deleted, version FROM rows WHERE unit_id = ? AND tbl = ? AND id = ?'),
    deletedMember: p("SELECT data, versions, hlcs, deleted, version FROM rows WHERE unit_id = ? AND tbl = 'members' AND id = ? AND deleted = 1"),
    // a live row of a member's table for each member asked (one each): a scan of the unit's rows
    // of those tables, run only for a batch that deletes members (PushTx.memberRecord)
    memberRecords: p(`SELECT json_extract(data, '$.memberId') AS member, data, versions, hlcs, deleted, version FROM rows
      WHERE unit_id = ? AND tbl IN (${[...MEMBER_ROW_TABLES].map((t) => `'${t}'`).join(', ')}) AND deleted = 0
        AND json_extract(data, '$.memberId') IN (SELECT value FROM json_each(?)) GROUP BY member`),
    rowsByIds: p(`SELECT id, data, versions, hlcs, deleted, version FROM rows
      WHERE unit_id = ? AND tbl = ? AND id IN (SELECT value FROM json_each(?))`),
    insertRow: p(`INSERT INTO rows (data, versions, hlcs, deleted, version, unit_id, tbl, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
    updateRow: p(`UPDATE rows SET data = ?, versions = ?, hlcs = ?, deleted = ?, version = ? WHERE unit_id = ? AND tbl = ? AND id = ?`),
    // the JSON as bytes (BLOB): a pull copies it into the answer without making strings of it
    rowsAfter: p('SELECT tbl, id, CAST(data AS BLOB) AS data, CAST(versions AS BLOB) AS versions, deleted, version FROM rows WHERE unit_id = ? AND version > ? ORDER BY version LIMIT ?'),
    insertConflict: p(`INSERT INTO conflicts (id, unit_id, tbl, row_id, field, kind, winner_value, loser_value, winner_device,
      loser_device, winner_hlc, loser_hlc, mid, version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  };
}
type Access = SqliteAccess<ReturnType<typeof prepareSyncStatements>>;

/** `stallMidBatch`: the crash test's fault injection (SqliteStoreOptions.stallMidBatch). */
export function push(a: Access, input: PushInput, stallMidBatch: boolean): PushResponse {
  const q = a.q;
  const { unitId, deviceId } = input;
  const half = Math.floor(input.mutations.length / 2);
  return a.write(() => {
    // One query each for the batch's rows and mids (instead of one per mutation); the maps
    // then follow the batch's own writes, so later mutations see earlier ones.
    const rows = prefetchRows(a, unitId, input.mutations);
    // deleted members asked for by the batch's rows of members' tables (PushTx.memberTombstone)
    const tombstones = new Map<string, RowState | null>();
    let records: Map<string, RowState> | undefined; // PushTx.memberRecord, read on its first ask
    const mids = new Map<string, { deviceId: string; seq: number; result: StoredResult }>();
    const midList = input.mutations.map((m) => m.mid);
    for (const r of q.resultsByMids.all(unitId, JSON.stringify(midList)) as { mid: string; device_id: string; seq: number; result: string }[]) {
      mids.set(r.mid, { deviceId: r.device_id, seq: r.seq, result: JSON.parse(r.result) as StoredResult });
    }
    const tx: PushTx = {
      lastSeq: () => (q.deviceSeq.pluck().get(deviceId, unitId) as number | undefined) ?? 0,
      unitVersion: () => (q.unitVersion.pluck().get(unitId) as number | undefined) ?? 0,
      storedResult: (seq) => {
        const r = q.resultBySeq.get(deviceId, seq) as { mid: string | null; result: string } | undefined;
        return r ? { mid: r.mid, result: JSON.parse(r.result) as StoredResult } : undefined;
      },
      midOwner: (mid) => mids.get(mid),
      getRow: (table, id) => {
        const key = rowKey(table, id);
        let row = rows.get(key);
        if (row === undefined) {
          const r = q.rowById.get(unitId, table, id) as StoredRowColumns | undefined;
          row = r ? toRowState(r) : null;
          rows.set(key, row);
        }
        return row;
      },
      memberTombstone: (id) => {
        const known = rows.get(rowKey('members', id));
        if (known !== undefined) return known?.deleted ? known : null;
        let gone = tombstones.get(id);
        if (gone === undefined) {
          const r = q.deletedMember.get(unitId, id) as StoredRowColumns | undefined;
          gone = r ? toRowState(r) : null;
          tombstones.set(id, gone);
        }
        return gone;
      },
      memberRecord: (id) => {
        if (!records) {
          records = new Map();
          const found = q.memberRecords.all(unitId, JSON.stringify(deletedMemberIds(input.mutations))) as (StoredRowColumns & { member: string })[];
          for (const r of found) records.set(r.member, toRowState(r));
        }
        return records.get(id) ?? null;
      },
      putRow: (table, id, row: RowState) => {
        const key = rowKey(table, id);
        // The batch knows whether the row exists: an UPDATE or INSERT probes the key once.
        const stmt = rows.get(key) ? q.updateRow : q.insertRow;
        rows.set(key, row);
        stmt.run(JSON.stringify(row.data), JSON.stringify(row.versions), JSON.stringify(row.hlcs), row.deleted ? 1 : 0, row.version, unitId, table, id);
      },
      addConflict: (c: ConflictRecord) => {
        q.insertConflict.run(
          c.id, unitId, c.table, c.rowId, c.field, c.kind,
          JSON.stringify(c.winnerValue ?? null), JSON.stringify(c.loserValue ?? null),
          c.winnerDeviceId, c.loserDeviceId, c.winnerHlc, c.loserHlc, c.mid, c.version, c.createdAt,
        );
      },
      putResult: (seq, mid, result) => {
        q.insertResult.run(unitId, deviceId, seq, mid, resultJson(result));
        if (mid !== null) mids.set(mid, { deviceId, seq, result });
      },
      finish: (lastSeq, unitVersion) => {
        q.setDeviceSeq.run(lastSeq, deviceId, unitId);
        q.setUnitVersion.run(unitVersion, unitId);
      },
    };
    return processPush(tx, input.mutations, {
      deviceId,
      role: input.role,
      schemaVersion: input.schemaVersion,
      now: input.now,
      newConflictId: randomUUID,
      beforeMutation: stallMidBatch ? (i) => i === half && stallForever() : undefined,
    });
  });
}

/** The stored rows a batch touches (and the minutes its attendance ticks depend on), by "table\0id"; null = no such row. */
function prefetchRows(a: Access, unitId: string, mutations: PushInput['mutations']): Map<string, RowState | null> {
  const byTable = new Map<string, Set<string>>();
  const add = (table: string, id: string) => {
    let ids = byTable.get(table);
    if (!ids) byTable.set(table, (ids = new Set()));
    ids.add(id);
  };
  for (const m of mutations) {
    if (typeof m.table !== 'string' || typeof m.rowId !== 'string') continue;
    add(m.table, m.rowId);
    const eventId = m.table === 'attendance' && m.fields && typeof m.fields === 'object' ? (m.fields as { eventId?: unknown }).eventId : undefined;
    if (typeof eventId === 'string') add('minutes', eventId);
  }
  const rows = new Map<string, RowState | null>();
  for (const [table, ids] of byTable) {
    for (const id of ids) rows.set(rowKey(table, id), null);
    for (const r of a.q.rowsByIds.all(unitId, table, JSON.stringify([...ids])) as (StoredRowColumns & { id: string })[]) {
      rows.set(rowKey(table, r.id), toRowState(r));
    }
  }
  return rows;
}

/** Rows are read one at a time and the read stops at the page's limits (Store.pull). */
export function pull(a: Access, unitId: string, cursor: number, limit: number, maxBytes: number): PullPage {
  return a.read(() => {
    const rows: RawPulledRow[] = [];
    let bytes = 0;
    let hasMore = false;
    for (const r of a.q.rowsAfter.iterate(unitId, cursor, limit + 1) as IterableIterator<{ tbl: SyncedTable; id: string; data: Buffer; versions: Buffer; deleted: number; version: number }>) {
      const size = r.data.byteLength + r.versions.byteLength;
      if (rows.length === limit || (rows.length > 0 && bytes + size > maxBytes)) {
        hasMore = true;
        break;
      }
      bytes += size;
      rows.push({ table: r.tbl, id: r.id, fieldsJson: r.data, versionsJson: r.versions, deleted: r.deleted === 1, version: r.version });
    }
    const unitVersion = (a.q.unitVersion.pluck().get(unitId) as number | undefined) ?? 0;
    return { rows, hasMore, unitVersion };
  });
}

interface StoredRowColumns {
  data: string;
  versions: string;
  hlcs: string;
  deleted: number;
  version: number;
}

/** JSON.stringify of a stored result, by hand for the common shapes (one per mutation). */
function resultJson(r: StoredResult): string {
  if (r.conflictId === undefined && r.error === undefined && r.field === undefined) {
    return r.version === undefined ? `{"status":"${r.status}"}` : `{"status":"${r.status}","version":${r.version}}`;
  }
  return JSON.stringify(r);
}

const rowKey = (table: string, id: string) => `${table}\u0000${id}`;

function toRowState(r: StoredRowColumns): RowState {
  return { data: JSON.parse(r.data), versions: JSON.parse(r.versions), hlcs: JSON.parse(r.hlcs), deleted: r.deleted === 1, version: r.version };
}

function stallForever(): void {
  console.log('[fault] stalled mid-batch');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10 * 60_000);
}

// The roll's tap, written in one IndexedDB transaction of its own (PERFORMANCE.md B4: tap →
// row + outbox committed p95 ≤ 30 ms at 4×). Each Dexie call carries its own promise, zone and
// middleware work (~11 ms of a tap's main-thread time at 4×, measured): here the four reads go
// out together, then the four writes, and the transaction commits — the floor page's shape.
// DESIGN.md asks every write for one Dexie transaction holding the row and its outbox entry:
// this is one IndexedDB transaction holding both, the same all-or-nothing, without Dexie's cost
// per call (docs/decisions.md, "The roll's tap at pointerup, written without Dexie").
// It stores exactly what the Dexie path does (test/unit/attendance/attendance-repo.test.ts):
//   - the row, and one outbox entry with only the changed fields and their base versions, the
//     device seq and HLC advanced: upsertRow's own planUpsert and stampChanges (data/outbox.ts);
//   - the member's digest moved in step (data/digest-middleware.ts, the same putInDigest);
//   - the year views' token moved (data/year-view-middleware.ts: a view saved before the tap
//     is no longer shown);
//   - commit's role check and the finalized-minutes lock, from reads in the same transaction;
//   - Dexie's 'storagemutated' fired with the keys and index values written, as Dexie's own
//     observability does on commit: live queries here and in other tabs see the tap (the unit's
//     database keeps no live-query cache that would not: data/db.ts).
import Dexie, { RangeSet, type IndexableType, type ObservabilitySet } from 'dexie';
import type { DeviceState, UnitDb } from '../../data/db';
import { assertWritable, afterCommit, asQuotaError } from '../../data/commit';
import { DIGEST_TABLE, emptyDigest, isEmptyDigest, putInDigest, type MemberDigest } from '../../data/member-digest';
import { planUpsert, stampChanges } from '../../data/outbox';
import { MARK_ID, newToken, VIEW_TABLE } from '../../data/year-view-middleware';
import type { Mutation } from '../../protocol/outbox';
import { UserError } from '../../lib/user-error';
import { attendanceId, type Attendance, type AttendanceFields } from '../../protocol/meeting';

const STORES = ['attendance', 'minutes', 'outbox', 'syncState', DIGEST_TABLE, VIEW_TABLE];

/**
 * Marks one member on the roll. Resolves with the stored row once the transaction has
 * committed, or `undefined` when this device has no state yet (the caller then takes the
 * shared path, which creates it).
 */
export function tapWrite(db: UnitDb, unitId: string, fields: AttendanceFields): Promise<Attendance | undefined> {
  const id = attendanceId(fields.eventId, fields.memberId);
  let tx: IDBTransaction;
  try {
    tx = db.backendDB().transaction(STORES, 'readwrite');
  } catch (e) {
    return Promise.reject(e);
  }
  const store = (name: string) => tx.objectStore(name);
  let result: Written | undefined;
  let refused: unknown;
  const reads = [store('minutes').get(fields.eventId), store('attendance').get(id), store('syncState').get('device'), store(DIGEST_TABLE).get(fields.memberId)];
  let left = reads.length;
  for (const r of reads) {
    r.onsuccess = () => {
      if (--left) return;
      try {
        result = writeTap(tx, unitId, id, fields, reads.map((q) => q.result) as Reads);
      } catch (e) {
        refused = e;
        tx.abort();
      }
    };
  }
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => {
      resolve(result?.row);
      // Telling live queries and sync is the commit's aftermath, not part of it: in this task
      // it ran before the caller heard of the commit (the re-run queries' microtasks first),
      // 9–24 ms at 4× (traced). The next task does it.
      const { row, entry } = result ?? {};
      if (row && entry)
        setTimeout(() => {
          signal(db, row, entry);
          afterCommit();
        }, 0);
    };
    // A refusal (locked, read-only), or IndexedDB's own error (a full disk: in plain words).
    tx.onabort = () => reject(refused ?? asQuotaError(tx.error));
  });
}

type Reads = [minutes: { deleted?: boolean; status?: string } | undefined, prev: Attendance | undefined, dev: DeviceState | undefined, digest: MemberDigest | undefined];

interface Written {
  row: Attendance;
  /** the outbox entry; none when nothing changed */
  entry?: Mutation;
}

/** Issues the writes once the reads are in (undefined: this device has no state yet). */
function writeTap(tx: IDBTransaction, unitId: string, id: string, fields: AttendanceFields, [minutes, prev, dev, digest]: Reads): Written | undefined {
  assertWritable(dev?.server?.role, ['attendance', 'minutes']);
  if (minutes && !minutes.deleted && minutes.status === 'finalized') throw new UserError('err.locked');
  if (!dev) return undefined;
  // What upsertRow stores (data/outbox.ts), from the same two functions.
  const { row, change } = planUpsert<Attendance>(prev, 'attendance', id, unitId, fields, new Date().toISOString());
  if (!change) return { row };
  const {
    entries: [entry],
    next,
  } = stampChanges(dev, [change], Date.now());
  // The digest as the middleware moves it: the roll's brief is replaced in place by its key.
  const d = digest ?? emptyDigest(fields.memberId);
  putInDigest(d, 'attendance', row);
  tx.objectStore('attendance').put(row);
  tx.objectStore('outbox').add(entry);
  tx.objectStore('syncState').put(next);
  if (!isEmptyDigest(d)) tx.objectStore(DIGEST_TABLE).put(d);
  tx.objectStore(VIEW_TABLE).put({ id: MARK_ID, token: newToken() });
  return { row, entry };
}

/**
 * What Dexie's observability middleware reports on commit for these writes: each store's key,
 * also under ':dels' (Dexie's mark for a write whose old row it has not read), and the index
 * values of what was written (an attendance row's old ones equal them: its id is made of them).
 */
function signal(db: UnitDb, row: Attendance, entry: Mutation): void {
  const parts: ObservabilitySet = {};
  const wrote = (table: string, key: IndexableType, indexes: Record<string, IndexableType> = {}) => {
    for (const [index, k] of Object.entries({ '': key, ':dels': key, ...indexes })) parts[`idb://${db.name}/${table}/${index}`] = new RangeSet().addKey(k);
  };
  wrote('attendance', row.id, { eventId: row.eventId, memberId: row.memberId });
  wrote('outbox', entry.seq, { mid: entry.mid, '[table+rowId]': ['attendance', row.id] });
  wrote('syncState', 'device');
  wrote(DIGEST_TABLE, row.memberId);
  Dexie.on('storagemutated').fire(parts);
}

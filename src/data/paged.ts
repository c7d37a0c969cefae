// Bulk reads in pages, for the year screens of a 5,000-member unit (rating, training, the dues
// grid). A getAll of N rows becomes JavaScript objects in one main-thread task when its result
// is read: 5,000 members or one 5,000-row roll took 250-450 ms at 4× CPU in one piece
// (test/perf/year-scale.mjs). Read here in pages of PAGE rows along the primary key, each page
// is a task of its own (≈ 50-90 ms at 4×), and the browser paints and answers taps in between.
// All the reads of one call share one read-only transaction, straight on IndexedDB: through
// Dexie, ~100 page requests cost ~0.5 s more at 4× (a transaction or a zone per request).
// The rows are exactly what a getAll over the same ranges returns. Only data/ and feature
// queries use this, never a UI.
import type { Table } from 'dexie';
import type { UnitDb } from './db';

export const PAGE = 1000;

export interface Read<T> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any key and insert type: only the name and row type matter
  table: Table<T, any, any>;
  /** primary-key range, read in pages (none: the whole table) */
  range?: IDBKeyRange;
  /** instead: the rows with this one key, of `index` or else the primary key (a single getAll) */
  key?: IDBValidKey;
  index?: string;
}

type Rows<R> = { [K in keyof R]: R[K] extends Read<infer T> ? T[] : never };

/** The primary keys that start with `prefix` (ids such as `${eventId}:${memberId}`). */
export function keyPrefix(prefix: string): IDBKeyRange {
  return IDBKeyRange.bound(prefix, prefix + '\uffff');
}

/**
 * Every row of each read, in primary-key order (index reads: index order), one transaction.
 * At most `inFlight` requests are out at a time: the database prepares the next page while the
 * page before is turned into objects, and answers never pile up into one long task (Chrome
 * hands over the answers waiting together in one task).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function readMany<R extends readonly Read<any>[]>(db: UnitDb, reads: R, page = PAGE, inFlight = 2): Promise<Rows<R>> {
  if (!reads.length) return [] as unknown as Rows<R>;
  if (!db.isOpen()) await db.open();
  const tx = db.backendDB().transaction([...new Set(reads.map((r) => r.table.name))], 'readonly');
  const out = reads.map(() => [] as unknown[]);
  return new Promise((resolve, reject) => {
    const waiting: (() => void)[] = [];
    let active = 0;
    let left = reads.length;
    const pump = () => {
      while (active < inFlight && waiting.length) {
        active++;
        waiting.shift()!();
      }
    };
    const ask = (i: number, range: IDBKeyRange | undefined) =>
      waiting.push(() => {
        const r: Read<unknown> = reads[i];
        const store = tx.objectStore(r.table.name);
        const one = r.key !== undefined;
        const req = one ? (r.index ? store.index(r.index) : store).getAll(r.key) : store.getAll(range, page);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          active--;
          const rows = req.result as { id: string }[];
          for (const row of rows) out[i].push(row);
          if (one || rows.length < page) {
            if (--left === 0) return resolve(out as Rows<R>);
          } else {
            const last = rows[rows.length - 1].id;
            const upper = r.range?.upper as IDBValidKey | undefined;
            ask(i, upper === undefined ? IDBKeyRange.lowerBound(last, true) : IDBKeyRange.bound(last, upper, true, r.range!.upperOpen));
          }
          pump();
        };
      });
    reads.forEach((r, i) => ask(i, r.range));
    pump();
  });
}

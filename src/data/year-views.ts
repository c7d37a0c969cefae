// The year views: what a year screen worked out from the whole year (its rows, counts and
// rates), kept so that opening the screen again reads one row instead of 5,000 member digests
// and their rules (PERFORMANCE.md B9; issue 13 item 7). Derived, like the digests: never synced,
// never in a backup.
// A view is used only while nothing was written since it was worked out:
//   - every read-write transaction that writes a data table also writes the 'mark' row of this
//     table, a new token each time, in the same transaction (data/year-view-middleware.ts; the
//     roll's tap, written without Dexie, does it itself: features/attendance/tap-repo.ts);
//   - a screen reads the token before it reads the year, and saves its view in a read-write
//     transaction of this table that first checks the token is still the one it read: a write
//     in between (any tab, any path) makes the save a no-op;
//   - a view carries the token it was saved under and a stamp (the day, the code that worked it
//     out, the span): it is shown only when both still match.
// So a view shown is always the one a fresh reading would give (test/unit/data/year-views.test.ts).
import type { UnitDb } from './db';
import { afterPaint } from '../lib/slices';
import { MARK_ID, newToken, VIEW_TABLE } from './year-view-middleware';

export { VIEW_TABLE };

export interface YearViewRow {
  id: string;
  token: string;
  /** MARK_ID: undefined; a view: what it was worked out for (day, code, span) */
  stamp?: string;
  data?: unknown;
}

/** A view still valid (else undefined), and the token to save one under later (undefined: nothing written yet). */
export interface ViewRead<T> {
  view?: T;
  token: string | undefined;
}

/** One read: the view `id` if it is still valid for `stamp`, else the current token. */
export async function readYearView<T>(db: UnitDb, id: string, stamp: string): Promise<ViewRead<T>> {
  const [mark, row] = (await db.table(VIEW_TABLE).bulkGet([MARK_ID, id])) as (YearViewRow | undefined)[];
  const valid = !!row && !!mark && row.token === mark.token && row.stamp === stamp;
  return { view: valid ? (row.data as T) : undefined, token: mark?.token };
}

/**
 * Saves a view worked out from a reading that began under `token`; nothing when a write came
 * in between (the token moved). Resolves true when saved.
 */
export function saveYearView(db: UnitDb, id: string, stamp: string, token: string | undefined, data: unknown): Promise<boolean> {
  const table = db.table(VIEW_TABLE);
  return db.transaction('rw', table, async () => {
    const mark = (await table.get(MARK_ID)) as YearViewRow | undefined;
    if (mark?.token !== token) return false;
    let now = mark?.token;
    if (now === undefined) {
      now = newToken();
      await table.put({ id: MARK_ID, token: now });
    }
    await table.put({ id, token: now, stamp, data } satisfies YearViewRow);
    return true;
  });
}

/** What a view is worked out for: the day (rosters and debts move with it), the code, and the screen's own (its span…). */
export const viewStamp = (code: string, today: string, ...parts: string[]): string => [today, code, ...parts].join('|');

/** How a view is stored: a few columns rather than 5,000 objects (reading costs by the value). */
export interface ViewForm<V, S> {
  pack(view: V): S;
  unpack(stored: S): V;
}

/**
 * The view `id` from the table while still valid; else worked out by `work` (its reads begin
 * after the token is read) and saved after the next paint. A save that fails (a full disk)
 * costs only the next opening its time: the view is worked out again then.
 */
export async function throughYearView<V, S>(db: UnitDb, id: string, stamp: string, work: () => Promise<V>, form: ViewForm<V, S>): Promise<V> {
  const read = await readYearView<S>(db, id, stamp);
  if (read.view) return form.unpack(read.view);
  const view = await work();
  void afterPaint()
    .then(() => saveYearView(db, id, stamp, read.token, form.pack(view)))
    .catch(() => undefined);
  return view;
}

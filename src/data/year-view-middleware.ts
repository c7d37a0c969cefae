// Moves the year views' token (data/year-views.ts) in every read-write transaction that writes
// a data table, in that transaction, whatever wrote it: a repo's commit, sync applying a page
// or a push answer, import, restore, the conflicts screen. A Dexie DBCore middleware, as the
// member digests' (data/digest-middleware.ts):
//   - a read-write transaction over a data table also takes the views' table into its scope;
//   - its first write also puts a new token; if that put fails, so does the write (and with it
//     the transaction), so no data row is ever committed under an old token.
// Tables whose writes change no year screen's figures (the outbox, the sync state, conflict
// cards, the digests, which move only with their source rows) leave the token alone: a sync
// round that only empties the outbox keeps the views.
import Dexie, { type DBCore, type DBCoreTransaction, type Middleware } from 'dexie';
import { DIGEST_TABLE } from './member-digest';

/** The year views' table (data/year-views.ts), and the row holding its token. */
export const VIEW_TABLE = 'yearViews';
export const MARK_ID = 'mark';
export const newToken = (): string => crypto.randomUUID();

/** Writes here move no view. */
const UNMARKED = new Set([VIEW_TABLE, DIGEST_TABLE, 'outbox', 'syncState', 'needsAttention', 'conflicts', 'fileUploads', 'imports']);

const marked = new WeakSet<DBCoreTransaction>();

export const yearViewMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  create: (down) => ({
    transaction(stores, mode, options) {
      const widen = mode === 'readwrite' && !stores.includes(VIEW_TABLE) && stores.some((s) => !UNMARKED.has(s));
      return down.transaction(widen ? [...stores, VIEW_TABLE] : stores, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (UNMARKED.has(name)) return table;
      return {
        ...table,
        mutate(req) {
          const { trans } = req;
          // A transaction without the views' table (an upgrade before it existed) writes rows only.
          if (marked.has(trans) || !holdsViews(trans)) return table.mutate(req);
          marked.add(trans);
          // A put refused (a full disk) fails the write with it.
          const mark = down.table(VIEW_TABLE).mutate({ trans, type: 'put', values: [{ id: MARK_ID, token: newToken() }] });
          return Dexie.Promise.all([mark, table.mutate(req)]).then(([m, res]) => (m.numFailures ? Promise.reject(m.failures[0]) : res));
        },
      };
    },
  }),
};

function holdsViews(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return !!names && names.contains(VIEW_TABLE);
}

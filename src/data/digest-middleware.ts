// Keeps the member digests (data/member-digest.ts) in step with their source tables, in the same
// transaction as the write, whatever wrote it: a repo's commit, sync applying a page or a push
// answer, import, restore, a test. A Dexie DBCore middleware, the layer every Dexie read and
// write goes through (dexie-cloud keeps its mutation log the same way):
//   - a read-write transaction over a source table also takes the digest table into its scope,
//     so nothing can write a source row without its digest;
//   - after a source write succeeds, the rows it replaced and the rows it wrote move their
//     briefs in and out of their members' digests, read and written in that transaction: if
//     the transaction fails, neither the rows nor the digests change.
// Writes that name the digest table themselves (the upgrade building it) pass untouched.
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreMutateResponse, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { clearFromDigest, DIGEST_SOURCES, DIGEST_TABLE, digestMemberId, emptyDigest, isEmptyDigest, putInDigest, type MemberDigest } from './member-digest';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of several tables, read by field
type Row = Record<string, any>;

/** A key range over the whole table (DBCoreRangeType.Any: a const enum, not importable). */
const ANY_RANGE = 3;
/** A key range from lower to upper (DBCoreRangeType.Range). */
const KEY_RANGE = 2;

export const digestMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'memberDigests',
  create: (down) => ({
    transaction(stores, mode, options) {
      const widen = mode === 'readwrite' && !stores.includes(DIGEST_TABLE) && stores.some((s) => s in DIGEST_SOURCES);
      return down.transaction(widen ? [...stores, DIGEST_TABLE] : stores, mode, options);
    },
    table(name) {
      const table = down.table(name);
      if (!(name in DIGEST_SOURCES)) return table;
      return { ...table, mutate: (req) => inTurn(req.trans, () => mutateWithDigests(down, table, req)) };
    },
  }),
};

/** The digest work of each transaction still to finish: its last write's, by transaction. */
const turns = new WeakMap<DBCoreTransaction, Promise<unknown>>();

/**
 * Runs a write's digest work after the work of the writes before it in the same transaction.
 * Each reads the digests of its members and writes them back: two at once (restore's
 * Promise.all over every table) read the same digest, and the one written last dropped the
 * other's briefs (found in use: a restored phone's year screens showed no members).
 */
function inTurn<T>(trans: DBCoreTransaction, work: () => Promise<T>): Promise<T> {
  const before = turns.get(trans);
  // Dexie's promise: the work runs in the transaction's zone, as the write that asked for it
  // (the layers below read the zone's transaction).
  const run = before ? Dexie.Promise.resolve(before).then(work, work) : work();
  turns.set(trans, run.catch(() => undefined));
  return run;
}

function holdsDigests(trans: DBCoreTransaction): boolean {
  const names = (trans as unknown as IDBTransaction).objectStoreNames;
  return !!names && names.contains(DIGEST_TABLE);
}

async function mutateWithDigests(core: DBCore, table: DBCoreTable, req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
  // A transaction without the digest table (before the upgrade that adds it) writes rows only.
  if (!holdsDigests(req.trans)) return table.mutate(req);
  const { trans } = req;
  const digests = core.table(DIGEST_TABLE);
  if (req.type === 'deleteRange' && req.range.type === ANY_RANGE) {
    const res = await table.mutate(req);
    await clearSource(digests, trans, table.name);
    return res;
  }
  // The rows as they are before the write (a row that moves or goes leaves its old place), read
  // with the digests of the members written to: one round trip before the write, not two.
  let before: (Row | undefined)[];
  let after: (Row | undefined)[];
  const known = new Map<string, MemberDigest | undefined>();
  if (req.type === 'deleteRange') {
    before = (await table.query({ trans, values: true, query: { index: table.schema.primaryKey, range: req.range } })).result;
    after = before.map(() => undefined);
  } else if (req.type === 'delete') {
    before = await table.getMany({ trans, keys: req.keys });
    after = req.keys.map(() => undefined);
  } else {
    after = [...req.values];
    const ids = memberIds(table.name, after);
    let found: (MemberDigest | undefined)[];
    // A brief replaced in place needs no old row (sync applying 1,000 members or a roll of 1,000
    // read each page twice otherwise: 2 s more for B6's 10,000 members).
    const inPlace = DIGEST_SOURCES[table.name].inPlace;
    [before, found] = await Promise.all([inPlace ? after.map(() => undefined) : table.getMany({ trans, keys: req.values.map((v: Row) => v.id) }), readDigests(digests, trans, ids)]);
    ids.forEach((id, i) => known.set(id, found[i]));
  }
  const res = await table.mutate(req);
  // A value the store refused (a bulk write's failure) was not written.
  for (const i of Object.keys(res.failures ?? {})) after[Number(i)] = before[Number(i)];
  await moveBriefs(digests, trans, table.name, before, after, known);
  return res;
}

function memberIds(name: string, rows: (Row | undefined)[]): string[] {
  const ids = new Set<string>();
  for (const r of rows) {
    const id = r && digestMemberId(name, r);
    if (id !== undefined) ids.add(id);
  }
  return [...ids];
}

/**
 * Takes the `before` rows out of their digests and puts the `after` rows in (index by index).
 * `by`: the digests already read, by member (undefined: the member has none yet); the others
 * are read here.
 */
async function moveBriefs(digests: DBCoreTable, trans: DBCoreTransaction, name: string, before: (Row | undefined)[], after: (Row | undefined)[], by: Map<string, MemberDigest | undefined>): Promise<void> {
  const missing = memberIds(name, [...before, ...after]).filter((id) => !by.has(id));
  const more = await readDigests(digests, trans, missing);
  missing.forEach((id, i) => by.set(id, more[i]));
  const of = (id: string) => by.get(id) ?? by.set(id, emptyDigest(id)).get(id)!;
  const inPlace = DIGEST_SOURCES[name].inPlace;
  before.forEach((old, i) => {
    // A row already marked deleted is in no digest: taking out its brief could take a live twin's.
    if (old && !old.deleted) putInDigest(of(digestMemberId(name, old)!), name, old, true);
    const row = after[i];
    // Written deleted, where its old row was not read (in place): out of its digest by its key.
    if (row && (!row.deleted || (inPlace && !old))) putInDigest(of(digestMemberId(name, row)!), name, row);
  });
  const touched = [...by.values()].filter((d): d is MemberDigest => !!d);
  if (touched.length) await write(digests, trans, touched);
}

/** Above this many members, which digests exist is read as one key range first (readDigests). */
const KEY_RANGE_FROM = 32;

/**
 * The digests of `ids` (undefined where a member has none), in order. A page of new members (a
 * pull, an import) has no digests yet: member ids are UUIDv7, so one read of the digest keys
 * between the smallest and largest id says which exist, and only those are read — a get per id
 * is a request to IndexedDB each, 10,000 of them for nothing in B6's pull of 10,000 members.
 * (sync/apply.ts localRows does the same for the rows.)
 */
async function readDigests(digests: DBCoreTable, trans: DBCoreTransaction, ids: string[]): Promise<(MemberDigest | undefined)[]> {
  let wanted = ids;
  if (ids.length >= KEY_RANGE_FROM) {
    const sorted = [...ids].sort();
    const range = { type: KEY_RANGE as 2, lower: sorted[0], upper: sorted[sorted.length - 1] };
    const present = new Set((await digests.query({ trans, values: false, query: { index: digests.schema.primaryKey, range } })).result);
    wanted = ids.filter((id) => present.has(id));
  }
  const found: (MemberDigest | undefined)[] = wanted.length ? await digests.getMany({ trans, keys: wanted }) : [];
  if (wanted === ids) return found;
  const byId = new Map(wanted.map((id, i) => [id, found[i]]));
  return ids.map((id) => byId.get(id));
}

/** A whole source table emptied (restore): its briefs leave every digest. */
async function clearSource(digests: DBCoreTable, trans: DBCoreTransaction, name: string): Promise<void> {
  const all: MemberDigest[] = (await digests.query({ trans, values: true, query: { index: digests.schema.primaryKey, range: { type: ANY_RANGE as 3, lower: undefined, upper: undefined } } })).result;
  for (const d of all) clearFromDigest(d, name);
  await write(digests, trans, all);
}

async function write(digests: DBCoreTable, trans: DBCoreTransaction, list: MemberDigest[]): Promise<void> {
  const keep = list.filter((d) => !isEmptyDigest(d));
  const drop = list.filter(isEmptyDigest).map((d) => d.id);
  const res = await Promise.all([
    keep.length ? digests.mutate({ trans, type: 'put', values: keep }) : undefined,
    drop.length ? digests.mutate({ trans, type: 'delete', keys: drop }) : undefined,
  ]);
  for (const r of res) if (r?.numFailures) throw r.failures[Object.keys(r.failures)[0] as unknown as number];
}

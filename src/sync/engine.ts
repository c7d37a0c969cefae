// One sync cycle (DESIGN.md "Sync protocol"), run by one tab at a time under the Web Lock
// 'sync:<local unit id>':
//   1. push the whole outbox in seq order, in batches of ≤ 1,000 (push-batches.ts). An entry leaves the outbox
//      only after the server answered applied / duplicate / conflict for its mid; rejected
//      entries move to needsAttention with the server's reason; a gap resends from the
//      server's lastSeq + 1 (apply.ts: recordPushResults, realignOutbox);
//   2. tell the server which conflicts the user resolved on this device;
//   3. pull pages until hasMore is false, each page applied in one transaction with its cursor
//      (apply.ts: applyPullPage, the rebase rule), the next page asked for while one is applied;
//   4. refresh the open conflicts from the server into the local conflicts table.
// Errors are thrown to the runner (runner.ts), which owns triggers and back-off. A 401
// marks the device paused (the outbox stays untouched) until the user joins again.
import type { ServerLink, UnitDb } from '../data/db';
import type { SyncedTable } from '../protocol/outbox';
import { MAX_BATCH, SCHEMA_VERSION, type PullResponse } from '../protocol/sync';
import { pushes } from '../protocol/permissions';
import { PHONE_PAGE_BYTES } from '../protocol/pull-pages';
import { pushFormFor } from '../protocol/push-columns';
import { AuthError, HttpError, type FetchFn, type ServerConflict, type SyncTransport } from './api';
import { httpTransport } from './transport';
import { applyDeferred, applyPullPage } from './apply';
import { heardPushForms, pushAll } from './push-batches';
import { SyncProtocolError } from './protocol-error';
import { resendClockRefusals } from './clock-refusals';

export interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

export interface CycleOptions {
  db: UnitDb;
  /** the id this device's database is named after (rows keep it as their unitId) */
  localUnitId: string;
  /** defaults to HTTP to the server in syncState.server */
  transport?: SyncTransport;
  fetch?: FetchFn;
  timeoutMs?: number;
  /** defaults to navigator.locks, or an in-page lock where Web Locks are missing */
  locks?: LockManagerLike;
  /** wait for another tab's cycle to end (manual sync) instead of skipping */
  wait?: boolean;
  /** batch and page size (tests use small ones); at most MAX_BATCH */
  batchSize?: number;
  /**
   * Pull pages filled to about this many bytes (src/protocol/pull-pages.ts); by default
   * PHONE_PAGE_BYTES, or `batchSize` rows when that is given (tests of small pages).
   */
  pageBytes?: number;
  /** schemaVersion sent with push and pull (tests of schema skew send an older one) */
  schemaVersion?: number;
}

export interface CycleTotals {
  pushed: number;
  applied: number;
  conflicts: number;
  rejected: number;
  pulled: number;
  keptLocal: number;
  openConflicts: number;
}

export type CycleResult =
  | ({ kind: 'done' } & CycleTotals)
  /** another tab is syncing this unit right now */
  | { kind: 'busy' }
  /** this device has not joined a unit on a server */
  | { kind: 'not-joined' }
  /** the server refused this device earlier; the user must join again */
  | { kind: 'paused' };

export { SyncProtocolError } from './protocol-error';
export { oneEditPerField, toWire } from './push-batches';

export function lockName(localUnitId: string): string {
  return `sync:${localUnitId}`;
}

export async function runCycle(opts: CycleOptions): Promise<CycleResult> {
  const locks = opts.locks ?? defaultLocks();
  const BUSY = { kind: 'busy' } as const;
  return locks.request(lockName(opts.localUnitId), opts.wait ? {} : { ifAvailable: true }, async (lock) => {
    if (!lock) return BUSY;
    return cycleBody(opts);
  });
}

async function cycleBody(opts: CycleOptions): Promise<CycleResult> {
  const { db } = opts;
  const dev = await db.syncState.get('device');
  if (!dev?.server) return { kind: 'not-joined' };
  if (dev.pausedReason) return { kind: 'paused' };
  const transport = opts.transport ?? httpTransport(resolveServer(dev.server), { fetch: opts.fetch, timeoutMs: opts.timeoutMs });
  const totals: CycleTotals = { pushed: 0, applied: 0, conflicts: 0, rejected: 0, pulled: 0, keptLocal: 0, openConflicts: 0 };
  try {
    await applyDeferred(db, opts.localUnitId);
    // A viewer has nothing the server would take: its outbox waits.
    if (canWrite(dev.server.role)) {
      await resendClockRefusals(db);
      await pushAll(opts, dev, transport, totals);
      mark('scd:sync-pushed');
      await sendResolutions(db, transport);
    }
    await pullAll(opts, transport, totals);
    mark('scd:sync-pulled');
    totals.openConflicts = await refreshConflicts(db, dev.deviceId, transport);
    await db.syncState.update('device', { lastSyncedAt: new Date().toISOString() });
  } catch (e) {
    if (e instanceof AuthError) await db.syncState.update('device', { pausedReason: 'auth' });
    throw e;
  }
  return { kind: 'done', ...totals };
}

/**
 * The cycle's moments for devtools and the B6 benchmark (test/perf/b6-browsers.mjs). Only the
 * latest of each is kept: a phone open all day syncs every minute.
 */
function mark(name: string): void {
  if (typeof performance === 'undefined' || !performance.mark) return;
  performance.clearMarks(name);
  performance.mark(name);
}

/** Does this role push anything (src/protocol/permissions.ts)? A viewer's outbox waits. */
export function canWrite(role: string): boolean {
  return pushes(role);
}

/** The app's own origin when the link says '' (the usual case: app and API on one server). */
function resolveServer(s: ServerLink): ServerLink {
  if (s.baseUrl || typeof location === 'undefined') return s;
  return { ...s, baseUrl: location.origin };
}

// ---------------------------------------------------------------------------------------
// Pull

async function pullAll(opts: CycleOptions, transport: SyncTransport, totals: CycleTotals): Promise<void> {
  const { db } = opts;
  const limit = Math.min(opts.batchSize ?? MAX_BATCH, MAX_BATCH);
  const bytes = opts.pageBytes ?? (opts.batchSize === undefined ? PHONE_PAGE_BYTES : undefined);
  const page = bytes === undefined ? undefined : { bytes };
  const ask = (from: number) => {
    const answer = transport.pull({ cursor: from, limit, schemaVersion: opts.schemaVersion ?? SCHEMA_VERSION }, page);
    // A page read ahead and then not wanted (the apply before it failed) must not be reported as unhandled.
    answer.catch(() => undefined);
    return answer;
  };
  const dev = await db.syncState.get('device');
  // A row kept local by the rebase rule last time is read again now that its change is pushed.
  let cursor = Math.min(dev?.cursor ?? 0, dev?.repullFrom ?? Infinity);
  let resets = 0;
  let next = ask(cursor);
  for (let n = 0; ; n++) {
    const res = checkPull(await next);
    if ((res as { resetRequired?: boolean }).resetRequired && cursor > 0) {
      // The server's history is shorter than ours (restored from an older backup): the push
      // above already sent what was waiting; read everything again from the start.
      if (++resets > 1) throw new SyncProtocolError('the server keeps asking for a reset');
      cursor = 0;
      n = -1;
      next = ask(cursor);
      continue;
    }
    if (res.hasMore) {
      if (res.cursor <= cursor && res.rows.length === 0) throw new SyncProtocolError('pull made no progress');
      if (n > 100_000) throw new SyncProtocolError('pull did not end');
      // The next page travels while this one is applied (on Slow 4G a round trip is 562 ms).
      // Only applyPullPage stores a cursor, in the page's own transaction: a page read ahead
      // but never applied (the tab closed, the apply failed) is simply read again next time.
      next = ask(res.cursor);
    }
    // a server's pull answer tells its push forms too: the next cycle's first batch can use them
    if (n === 0 && pushFormFor(res.pushForms) !== pushFormFor(dev?.pushForms)) await heardPushForms(db, res.pushForms);
    const stats = await applyPullPage(db, opts.localUnitId, res.rows, res.cursor, { clearRepull: n === 0 });
    totals.pulled += stats.rows + stats.deferred;
    totals.keptLocal += stats.keptLocal;
    if (!res.hasMore) return;
    cursor = res.cursor;
  }
}

function checkPull(res: PullResponse): PullResponse {
  if (!res || !Array.isArray(res.rows) || typeof res.cursor !== 'number' || typeof res.hasMore !== 'boolean') {
    throw new SyncProtocolError('malformed pull answer');
  }
  for (const r of res.rows) {
    if (!r || typeof r.table !== 'string' || typeof r.id !== 'string' || typeof r.fields !== 'object' || typeof r.versions !== 'object') {
      throw new SyncProtocolError('malformed pulled row');
    }
  }
  return res;
}

// ---------------------------------------------------------------------------------------
// Conflicts

/** Resolutions chosen on this device while offline (conflicts-repo.ts) go to the server. */
async function sendResolutions(db: UnitDb, transport: SyncTransport): Promise<void> {
  const pending = (await db.conflicts.toArray()).filter((c) => c.resolvePending);
  for (const c of pending) {
    try {
      await transport.resolveConflict(c.id, c.resolvePending!);
    } catch (e) {
      // Already resolved elsewhere, or gone: nothing left to tell.
      if (!(e instanceof HttpError && (e.status === 404 || e.status === 409)) || e instanceof AuthError) throw e;
    }
    await db.conflicts.delete(c.id);
  }
}

/** Mirrors the server's open conflicts locally; returns how many are open. */
export async function refreshConflicts(db: UnitDb, deviceId: string, transport: SyncTransport): Promise<number> {
  const list = await transport.openConflicts();
  await storeConflicts(db, deviceId, list);
  return list.length;
}

export async function storeConflicts(db: UnitDb, deviceId: string, list: ServerConflict[]): Promise<void> {
  await db.transaction('rw', db.conflicts, async () => {
    const local = new Map((await db.conflicts.toArray()).map((c) => [c.id, c]));
    const open = new Set<string>();
    for (const c of list) {
      open.add(c.id);
      const prev = local.get(c.id);
      const mineIsLoser = c.loserDeviceId === deviceId && c.winnerDeviceId !== deviceId;
      await db.conflicts.put({
        id: c.id,
        table: c.table as SyncedTable,
        rowId: c.rowId,
        field: c.field,
        kind: c.kind,
        mine: mineIsLoser ? c.loserValue : c.winnerValue,
        theirs: mineIsLoser ? c.winnerValue : c.loserValue,
        winnerValue: c.winnerValue,
        loserValue: c.loserValue,
        winnerDeviceId: c.winnerDeviceId,
        loserDeviceId: c.loserDeviceId,
        at: c.createdAt,
        resolvedAt: prev?.resolvedAt,
        resolvePending: prev?.resolvePending,
      });
    }
    // Resolved on another device (or by the admin): no longer waiting for anyone's eyes.
    for (const [id, c] of local) if (!open.has(id) && !c.resolvePending) await db.conflicts.delete(id);
  });
}

// ---------------------------------------------------------------------------------------
// Locks

/** Web Locks where the browser has them (all current ones); otherwise one lock per page. */
export function defaultLocks(): LockManagerLike {
  const nav = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator;
  return nav?.locks ?? memoryLocks;
}

/** An in-page stand-in for navigator.locks (exclusive mode, ifAvailable). Also the tests' shim. */
export function createMemoryLocks(): LockManagerLike {
  const queues = new Map<string, Promise<unknown>>();
  return {
    async request<T>(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T> {
      if (options.ifAvailable && queues.has(name)) return callback(null);
      const prev = queues.get(name) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((r) => (release = r));
      const tail = prev.then(() => mine);
      queues.set(name, tail);
      await prev;
      try {
        return await callback({ name, mode: 'exclusive' });
      } finally {
        release();
        if (queues.get(name) === tail) queues.delete(name);
      }
    },
  };
}

const memoryLocks = createMemoryLocks();

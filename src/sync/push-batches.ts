// The push half of a sync cycle (engine.ts): the whole outbox in seq order, in batches of at most
// 1,000, each answered entry recorded (push-results.ts), a batch sent as soon as the one before
// is answered in full.
import type { DeviceState, UnitDb } from '../data/db';
import type { Mutation } from '../protocol/outbox';
import { MAX_BATCH, PROTOCOL_VERSION, SCHEMA_VERSION, type PushRequest, type PushResponse } from '../protocol/sync';
import { pushFormFor, toColumns, type PushForm } from '../protocol/push-columns';
import { HttpError, type SyncTransport } from './api';
import type { CycleOptions, CycleTotals } from './engine';
import { outboxShape, realignOutbox, recordPushResults } from './push-results';
import { SyncProtocolError } from './protocol-error';

/**
 * The wire form of an outbox entry. A field the user cleared is `undefined` in the entry,
 * which JSON would silently drop (the server would keep the old value and the next pull
 * would bring it back). It travels as '' — what every optional text and date field accepts
 * and what the app reads as empty. (An optional enum cannot be cleared this way: the server
 * refuses it, and the change shows under "needs attention" instead of vanishing.)
 */
export function toWire(e: Mutation): Mutation {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e.fields)) fields[k] = v === undefined ? '' : v;
  return { mid: e.mid, seq: e.seq, table: e.table, rowId: e.rowId, op: e.op, fields, base: e.base, hlc: e.hlc };
}

export async function pushAll(opts: CycleOptions, dev: DeviceState, transport: SyncTransport, totals: CycleTotals): Promise<void> {
  const { db } = opts;
  let size = Math.min(opts.batchSize ?? MAX_BATCH, MAX_BATCH);
  // Only what was waiting when the cycle began: a user typing on does not keep it going;
  // the debounced-write trigger starts the next one.
  const last = await db.outbox.orderBy('seq').last();
  if (!last) return;
  const upTo = last.seq;
  // Which rows have more than one waiting entry: after each batch, only those are looked up
  // for entries to rebase (apply.ts rebaseFollowers), not every row of the batch.
  const shape = await outboxShape(db);
  // A columns form (src/protocol/push-columns.ts) once the server has said it reads it.
  let form = pushFormFor((await db.syncState.get('device'))?.pushForms);
  /** Up to `size` waiting entries after seq `after` (none: from the first), one edit per field. */
  const readBatch = async (after = -Infinity) => oneEditPerField(await db.outbox.where('seq').between(after, upTo, false, true).limit(size).toArray());
  const send = (batch: Mutation[]) => {
    const req: PushRequest = {
      protocol: PROTOCOL_VERSION,
      schemaVersion: opts.schemaVersion ?? SCHEMA_VERSION,
      deviceId: dev.deviceId,
      mutations: batch.map(toWire),
    };
    const answer = transport.push(form === 'plain' ? req : toColumns(req, form));
    // An answer not waited for (the recording before it failed) must not be reported as unhandled.
    answer.catch(() => undefined);
    return answer;
  };
  let gaps = 0;
  let batch = await readBatch();
  let inFlight = batch.length ? send(batch) : undefined;
  while (inFlight) {
    // While a batch travels, the next one is read; it leaves as soon as this one is answered in
    // full, and this one's answer is recorded while it travels (B6: ~180 ms a batch of
    // IndexedDB work that waited between requests). Only when no row of it has an entry that
    // this answer may rebase (apply.ts rebaseFollowers): a row with one waiting entry, as in
    // bulk work (an import, a roll); otherwise one batch at a time, as before.
    const ahead = readBatch(batch[batch.length - 1].seq);
    ahead.catch(() => undefined);
    let res: PushResponse;
    try {
      res = checkPush(await inFlight);
    } catch (e) {
      // A server that no longer reads the columns forms (rolled back): the same batch, plain.
      if (form !== 'plain' && e instanceof HttpError && e.status === 400) {
        form = await heardPushForms(db, []);
        inFlight = send(batch);
        continue;
      }
      // Long minutes texts can make 1,000 entries heavier than the server takes: halve and go on.
      if (e instanceof HttpError && e.status === 413 && batch.length > 1) {
        size = Math.max(1, Math.floor(batch.length / 2));
        batch = await readBatch();
        inFlight = send(batch);
        continue;
      }
      throw e;
    }
    if (pushFormFor(res.pushForms) !== form) form = await heardPushForms(db, res.pushForms);
    let next: { batch: Mutation[]; inFlight: Promise<PushResponse> | undefined } | undefined;
    if (answeredInFull(batch, res)) {
      const following = await ahead;
      if (following.every((e) => !shape.repeated.has(`${e.table}\u0000${e.rowId}`))) next = { batch: following, inFlight: following.length ? send(following) : undefined };
    }
    const outcome = await recordPushResults(db, batch, res, shape);
    totals.pushed += outcome.acked + outcome.rejected;
    totals.applied += outcome.applied;
    totals.conflicts += outcome.conflicts;
    totals.rejected += outcome.rejected;
    if (outcome.gapAt !== undefined) {
      if (++gaps > 3) throw new SyncProtocolError(`the server keeps answering gap (lastSeq ${outcome.gapAt})`);
      const renumbered = await realignOutbox(db, outcome.gapAt);
      if (renumbered) {
        // The entries moved: keep pushing whatever is waiting now.
        const nowLast = await db.outbox.orderBy('seq').last();
        if (!nowLast) return;
        return pushAll(opts, dev, transport, totals);
      }
    } else if (outcome.acked + outcome.rejected === 0) throw new SyncProtocolError('the server answered none of the batch');
    if (next) ({ batch, inFlight } = next);
    else {
      batch = await readBatch();
      inFlight = batch.length ? send(batch) : undefined;
    }
  }
}

/** Did the server answer every entry of the batch (none left for a gap to resend)? */
function answeredInFull(batch: Mutation[], res: PushResponse): boolean {
  const answered = new Map(res.results.map((r) => [r.mid, r.status]));
  return batch.every((e) => {
    const status = answered.get(e.mid);
    return status !== undefined && status !== 'gap';
  });
}

/** Keeps what the server said it reads for the next cycle; the form to send it. */
export async function heardPushForms(db: UnitDb, forms: string[] | undefined): Promise<PushForm> {
  const dev = await db.syncState.get('device');
  if (dev && (dev.pushForms ?? []).join() !== (forms ?? []).join()) await db.syncState.update('device', { pushForms: forms ?? [] });
  return pushFormFor(forms);
}

/**
 * Cuts a batch before the first entry that edits a field an earlier entry of the batch
 * edits: the second edit's base is moved to the version the first one gets (apply.ts,
 * rebaseFollowers) before it is sent. Bulk work (imports, a roll) touches distinct rows and
 * still goes 1,000 at a time.
 */
export function oneEditPerField(entries: Mutation[]): Mutation[] {
  // Usually every entry is of another row (a new record each): then no field repeats.
  const rows = new Set<string>();
  for (const e of entries) rows.add(`${e.table}\u0000${e.rowId}`);
  if (rows.size === entries.length) return entries;
  const seen = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    const keys = Object.keys(e.fields).map((f) => `${e.table}\u0000${e.rowId}\u0000${f}`);
    if (i > 0 && keys.some((k) => seen.has(k))) return entries.slice(0, i);
    for (const k of keys) seen.add(k);
  }
  return entries;
}

function checkPush(res: PushResponse): PushResponse {
  if (!res || !Array.isArray(res.results) || typeof res.lastSeq !== 'number') throw new SyncProtocolError('malformed push answer');
  return res;
}

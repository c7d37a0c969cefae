// One push batch, in order (DESIGN.md "Sync protocol"): duplicates answered from the stored
// result, a gap stops the batch, each new mutation is validated and merged, and its result
// and the device's lastSeq are written through `tx`. The caller runs this inside ONE database
// transaction (SQLite: BEGIN IMMEDIATE) and commits only when it returns; anything thrown
// rolls the whole batch back. No I/O here beyond the PushTx calls, so any store fits behind it
// (a Postgres store would prefetch rows under a row lock on the unit and buffer the writes).
import { SYNCED_TABLES, type SyncedTable } from '../../../src/protocol/outbox';
import type { PushResponse, PushResult } from '../../../src/protocol/sync';
import { deletedMemberConflict, mergeMutation, recordedMemberConflict, relatedMemberId, relatedMinutesId, type MergeMutation } from './merge';
import type { ConflictRecord, RowState, StoredResult } from './types';

export interface PushTx {
  /** the device's lastSeq, read inside the transaction */
  lastSeq(): number;
  unitVersion(): number;
  /** the stored result of this device's seq, if any (mid null = stored without a mid) */
  storedResult(seq: number): { mid: string | null; result: StoredResult } | undefined;
  /** who already used this mid in this unit */
  midOwner(mid: string): { deviceId: string; seq: number; result: StoredResult } | undefined;
  getRow(table: SyncedTable, id: string): RowState | null;
  /**
   * The member's stored row if it is deleted, else null (live or never stored): what a row of a
   * member's table checks its member against. A store may read deleted members only, by key —
   * 500 roll ticks of a batch then read no live member's record.
   */
  memberTombstone(id: string): RowState | null;
  /**
   * A live row of a member's table (MEMBER_ROW_TABLES: the ledger, the roll, training…) that
   * names this member, or null. Asked only when a member's delete takes effect, so a store may
   * read the unit's rows of those tables for it (their memberId is inside the stored JSON).
   */
  memberRecord(id: string): RowState | null;
  putRow(table: SyncedTable, id: string, row: RowState): void;
  addConflict(conflict: ConflictRecord): void;
  putResult(seq: number, mid: string | null, result: StoredResult): void;
  /** called once at the end with the new lastSeq and unit version */
  finish(lastSeq: number, unitVersion: number): void;
}

export interface PushContext {
  deviceId: string;
  /** the pushing device's role: which tables it may write (src/protocol/permissions.ts) */
  role: string;
  schemaVersion: number;
  now: number;
  newConflictId(): string;
  /** test hook: called before each new mutation is merged (index in the batch) */
  beforeMutation?(index: number): void;
}

/** A mutation as it arrived: only mid and seq are known to be well-formed (checked by the route). */
export interface RawMutation {
  mid: string;
  seq: number;
  [key: string]: unknown;
}

/** True when `item` has what a push result needs: a usable mid and seq. */
export function hasMidAndSeq(item: unknown): item is RawMutation {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return false;
  const { mid, seq } = item as { mid?: unknown; seq?: unknown };
  return typeof mid === 'string' && mid.length >= 8 && mid.length <= 64 && Number.isSafeInteger(seq) && (seq as number) > 0;
}

export function processPush(tx: PushTx, mutations: readonly RawMutation[], ctx: PushContext): PushResponse {
  let lastSeq = tx.lastSeq();
  let unitVersion = tx.unitVersion();
  const results: PushResult[] = [];
  // member id → the conflict this batch filed for its delete (a meeting's roll ticked for a
  // deleted member files one, not one per tick)
  const deletesFiled = new Map<string, string>();
  for (let i = 0; i < mutations.length; i++) {
    const item = mutations[i];
    const { mid, seq } = item;
    if (seq <= lastSeq) {
      results.push(replay(mid, tx.storedResult(seq)));
      continue;
    }
    if (seq > lastSeq + 1) {
      results.push({ mid, status: 'gap' });
      break;
    }
    lastSeq = seq;
    ctx.beforeMutation?.(i);

    const owner = tx.midOwner(mid);
    if (owner) {
      // The same change sent again under a new seq by the same device: its effect is in
      // already (or it stays rejected). Another device's mid: refuse, that device keeps it.
      let stored: StoredResult;
      let answer: PushResult;
      if (owner.deviceId !== ctx.deviceId) {
        stored = { status: 'rejected', error: 'err.midReused' };
        answer = { mid, ...stored };
      } else if (owner.result.status === 'rejected') {
        stored = { ...owner.result };
        answer = { mid, ...stored };
      } else {
        stored = { ...owner.result };
        answer = { mid, ...stored, status: 'duplicate' };
      }
      tx.putResult(seq, null, stored);
      results.push(answer);
      continue;
    }

    const result = applyOne(tx, item, ctx, unitVersion + 1, deletesFiled);
    if (result.changed) unitVersion++;
    tx.putResult(seq, mid, result.stored);
    results.push({ mid, ...result.stored });
  }
  tx.finish(lastSeq, unitVersion);
  return { results, lastSeq };
}

function replay(mid: string, stored: { mid: string | null; result: StoredResult } | undefined): PushResult {
  // A seq this device already used for another change (a restored phone reusing seqs):
  // answering "duplicate" would make it drop a change the server never took.
  if (stored && stored.mid !== null && stored.mid !== mid) return { mid, status: 'rejected', error: 'err.seqReused' };
  if (!stored) return { mid, status: 'duplicate' };
  // A rejected change stays rejected: "duplicate" would make the device drop it silently.
  if (stored.result.status === 'rejected') return { mid, ...stored.result };
  return { mid, ...stored.result, status: 'duplicate' };
}

function applyOne(tx: PushTx, item: RawMutation, ctx: PushContext, nextVersion: number, deletesFiled: Map<string, string>): { stored: StoredResult; changed: boolean } {
  const table = item.table;
  if (typeof table === 'string' && !(SYNCED_TABLES as readonly string[]).includes(table)) {
    return { stored: { status: 'rejected', error: 'err.unknownTable' }, changed: false };
  }
  const badKey = malformedKey(item);
  if (badKey) return { stored: { status: 'rejected', error: 'err.mutation', field: badKey }, changed: false };
  // Values come straight from the JSON object (a "__proto__" key is refused by the field check).
  const m = item as unknown as MergeMutation;
  const current = tx.getRow(m.table, m.rowId);
  const minutesId = relatedMinutesId(m, current);
  const relatedMinutes = minutesId ? tx.getRow('minutes', minutesId) : null;
  const outcome = mergeMutation({ mutation: m, deviceId: ctx.deviceId, role: ctx.role, schemaVersion: ctx.schemaVersion, now: ctx.now, current, relatedMinutes, nextVersion });
  if (outcome.status === 'rejected') {
    const { status, error, field } = outcome;
    return { stored: field === undefined ? { status, error } : { status, error, field }, changed: false };
  }
  if (outcome.row) tx.putRow(m.table, m.rowId, outcome.row);
  const version = outcome.row?.version ?? current?.version;
  const createdAt = outcome.conflicts.length ? new Date(ctx.now).toISOString() : '';
  let conflictId: string | undefined;
  for (const draft of outcome.conflicts) {
    const id = ctx.newConflictId();
    conflictId ??= id;
    tx.addConflict({ ...draft, id, table: m.table, rowId: m.rowId, mid: item.mid, version: version ?? nextVersion, createdAt });
  }
  let memberId = outcome.row && !outcome.row.deleted ? relatedMemberId(m, current) : null;
  let gone = memberId ? deletedMemberConflict(tx.memberTombstone(memberId), m.hlc, ctx.deviceId) : null;
  // A member deleted now while another phone's records of them are live (they reached the
  // server first): the same conflict, from the delete's side.
  if (m.table === 'members' && outcome.row?.deleted && !current?.deleted && !outcome.conflicts.length) {
    const record = tx.memberRecord(m.rowId);
    if (record) [memberId, gone] = [m.rowId, recordedMemberConflict(outcome.row, record)];
  }
  if (gone) {
    let id = deletesFiled.get(memberId!);
    if (!id) {
      id = ctx.newConflictId();
      deletesFiled.set(memberId!, id);
      tx.addConflict({ ...gone, id, table: 'members', rowId: memberId!, mid: item.mid, version: version ?? nextVersion, createdAt: new Date(ctx.now).toISOString() });
    }
    conflictId ??= id;
  }
  const stored: StoredResult = { status: gone && outcome.status === 'applied' ? 'conflict' : outcome.status };
  // The version a phone moves its waiting edits of these fields onto (src/sync/push-results.ts
  // rebaseFollowers): only a version this change wrote. A change that wrote nothing (its
  // value equal to another phone's, written since) did not put the row at that phone's
  // version; a later edit from this phone is still concurrent with it, and the later stamp
  // wins with a conflict kept, not the edit that happened to come after the agreement.
  if (version !== undefined && (outcome.row || outcome.status !== 'applied')) stored.version = version;
  if (conflictId) stored.conflictId = conflictId;
  return { stored, changed: !!outcome.row };
}

/** The members a batch deletes (what PushTx.memberRecord may be asked about), for a store to read at once. */
export function deletedMemberIds(mutations: readonly RawMutation[]): string[] {
  const ids = new Set<string>();
  for (const m of mutations) if (m.table === 'members' && m.op === 'delete' && typeof m.rowId === 'string') ids.add(m.rowId);
  return [...ids];
}

const OPS = new Set(['upsert', 'delete']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The `mutation` schema of src/protocol/outbox.ts, checked by hand on this hot path (1,000
 * per batch; kept in step with the schema by a test): the first key that does not fit, or null.
 */
export function malformedKey(item: RawMutation): string | null {
  const { rowId, op, fields, base, hlc } = item;
  if (typeof rowId !== 'string' || rowId.length < 8 || rowId.length > 100) return 'rowId';
  if (typeof op !== 'string' || !OPS.has(op)) return 'op';
  if (!isRecord(fields)) return 'fields';
  if (!isRecord(base)) return 'base';
  for (const key in base) {
    const v = base[key];
    if (!Number.isSafeInteger(v) || (v as number) < 0) return 'base';
  }
  if (typeof hlc !== 'string' || hlc.length > 64) return 'hlc';
  return null;
}

// The pure merge of one mutation into one row (DESIGN.md "Sync protocol", steps 3–5): given
// the row as stored (or null) and the mutation, answer what the row becomes, which conflicts
// to keep, or why the mutation is refused. No I/O, no clock: the caller passes `now` and the
// version to stamp, and whatever related row a domain rule needs.
//
// Rules, per field of an upsert:
//   - the field's stored version equals base[field] (missing base = 0 = never written), or the
//     stored value was written by this same device (two edits made offline before a sync both
//     carry the old base: the device is overwriting its own value, not someone else's), or it
//     is a placeholder the server seeded (unit-record.ts: the admin's label of a new unit) → write;
//   - else an equal value → nothing to do;
//   - else a concurrent edit: the later HLC wins (stamps are clamped when stored, ties by
//     deviceId), and the loser is returned as a conflict — it is never dropped.
// Settled without a conflict: createdAt (the earliest is kept), attendance.checkedAt (follows
// the HLC winner). Deletes: the tombstone always wins; an edit that had not seen it is kept as
// a 'deleteEdit' conflict; an upsert with deleted:false whose base matches the tombstone restores.
// An upsert that would leave the row's stored JSON past MAX_ROW_BYTES (limits.ts) is refused.
// Domain rules: finalized minutes refuse upserts and deletes (err.locked), so does attendance
// of a meeting whose minutes are finalized; minutesAddenda rows are append-only; an attendance
// id is eventId:memberId; dues rows are append-only, but the same reversal made on two phones
// is accepted as done (isSameReversal). A sent report version (reportVersions) is append-only
// and its id must name its report and number. Which role writes which table is checked first
// (src/protocol/permissions.ts: err.role), e.g. a unit's phone never writes cấp trên's review.
import type { SyncedTable } from '../../../src/protocol/outbox';
import { canWriteTable } from '../../../src/protocol/permissions';
import { validateFields, validateRowId, reject, type Rejection } from './fields';
import { storedStamp, stampDevice, isLater } from './hlc';
import { hasOwn, jsonEqual, own } from './json';
import { rowTooLarge } from './limits';
import type { ConflictDraft, RowState } from './types';
import { SEED_STAMP } from './unit-record';

export interface MergeMutation {
  table: SyncedTable;
  rowId: string;
  op: 'upsert' | 'delete';
  fields: Record<string, unknown>;
  base: Record<string, number>;
  hlc: string;
}

export interface MergeInput {
  mutation: MergeMutation;
  /** the authenticated device that pushed */
  deviceId: string;
  /** its role (src/protocol/permissions.ts); absent in tests of the merge rules alone = secretary */
  role?: string;
  /** the pushing app's schemaVersion */
  schemaVersion: number;
  /** server time, ms */
  now: number;
  /** the row as stored, or null if the unit has no such row */
  current: RowState | null;
  /** for attendance: the minutes row of its meeting (see relatedMinutesId), else null */
  relatedMinutes: RowState | null;
  /** the unit version to stamp if this mutation changes the row */
  nextVersion: number;
}

export type MergeResult =
  | ({ status: 'rejected' } & Rejection)
  | {
      status: 'applied' | 'conflict';
      /** the new row state, or null when the row does not change */
      row: RowState | null;
      conflicts: ConflictDraft[];
    };

type AutoRule = 'earliest' | 'followWinner';
const AUTO_FIELDS: Partial<Record<SyncedTable, Record<string, AutoRule>>> = {
  attendance: { checkedAt: 'followWinner' },
};

function autoRule(table: SyncedTable, field: string): AutoRule | undefined {
  if (field === 'createdAt') return 'earliest';
  const rules = AUTO_FIELDS[table];
  return rules ? own(rules, field) : undefined;
}

/** The minutes row an attendance mutation depends on (minutes id = meeting id), or null. */
export function relatedMinutesId(m: Pick<MergeMutation, 'table' | 'rowId' | 'fields'>, current: RowState | null): string | null {
  if (m.table !== 'attendance') return null;
  const fromFields = own(m.fields, 'eventId');
  if (typeof fromFields === 'string') return fromFields;
  const stored = current ? own(current.data, 'eventId') : undefined;
  if (typeof stored === 'string') return stored;
  const colon = m.rowId.indexOf(':');
  return colon > 0 ? m.rowId.slice(0, colon) : null;
}

const isFinalized = (row: RowState | null) => !!row && own(row.data, 'status') === 'finalized';

/**
 * The tables whose rows each belong to one member, by their memberId: the history, the roll,
 * the ledger and its exemptions, training, ratings, committee seats. Hidden on every phone while
 * their member is deleted.
 */
export const MEMBER_ROW_TABLES: ReadonlySet<string> = new Set(['memberEvents', 'attendance', 'dues', 'duesExemptions', 'trainingRegistrations', 'trainingProgress', 'ratings', 'committeeSeats']);

/** The member a row of a member's table belongs to (its fields, else the stored row), or null. */
export function relatedMemberId(m: Pick<MergeMutation, 'table' | 'fields'>, current: RowState | null): string | null {
  if (!MEMBER_ROW_TABLES.has(m.table)) return null;
  const id = own(m.fields, 'memberId') ?? (current ? own(current.data, 'memberId') : undefined);
  return typeof id === 'string' ? id : null;
}

/**
 * A member's row written live for a member another phone deleted (found in use: an import undone
 * on one phone while another recorded a member's card, ticked the roll or took the dues): the
 * row is kept, and the member's delete is filed as a conflict its users can undo ("Giữ bản này"
 * brings the member back), so a payment or a history does not stay out of sight on every phone.
 * Null when the member is there.
 */
export function deletedMemberConflict(member: RowState | null, stamp: string, deviceId: string): ConflictDraft | null {
  if (!member?.deleted) return null;
  const deletedBy = fieldStamp(member, 'deleted');
  return { field: 'deleted', kind: 'deleteEdit', winnerValue: true, loserValue: false, winnerHlc: deletedBy, loserHlc: stamp, winnerDeviceId: stampDevice(deletedBy), loserDeviceId: deviceId };
}

/**
 * The other order (found in use: phone A, offline, undid an import while phone B took a member's
 * dues and synced first): a member's delete arriving after another phone's live row of them. The
 * delete stands and is filed as a conflict against the latest stamp of that row, as the order
 * above files it: "Giữ bản này" on the other side brings the member back.
 */
export function recordedMemberConflict(deleted: RowState, record: RowState): ConflictDraft {
  const deletedBy = fieldStamp(deleted, 'deleted');
  let recordedBy = '';
  for (const key in record.hlcs) {
    const stamp = own(record.hlcs, key);
    if (typeof stamp === 'string' && isLater(stamp, recordedBy)) recordedBy = stamp;
  }
  return { field: 'deleted', kind: 'deleteEdit', winnerValue: true, loserValue: false, winnerHlc: deletedBy, loserHlc: recordedBy, winnerDeviceId: stampDevice(deletedBy), loserDeviceId: stampDevice(recordedBy) };
}

export function mergeMutation(input: MergeInput): MergeResult {
  const { mutation: m, current } = input;
  const stamp = storedStamp(m.hlc, input.deviceId, input.now);
  if (isSameReversal(input) && stamp) return { status: 'applied', row: { ...cloneRow(current!), version: input.nextVersion }, conflicts: [] };
  const rejected = checkMutation(input, stamp);
  if (rejected) return { status: 'rejected', ...rejected };
  if (m.op === 'delete') return mergeDelete(input, stamp!);
  const merged = mergeUpsert(input, stamp!, current);
  // Checked on the row as it would be stored (a row grows edit by edit): refused whole, conflicts too.
  if (merged.status !== 'rejected' && merged.row && rowTooLarge(merged.row, current)) return { status: 'rejected', ...reject('err.rowTooLarge') };
  return merged;
}

function checkMutation(input: MergeInput, stamp: string | null): Rejection | null {
  const { mutation: m, current } = input;
  const badId = validateRowId(m.rowId);
  if (badId) return badId;
  if (!stamp) return reject('err.hlc');
  if (!canWriteTable(input.role ?? 'secretary', m.table)) return reject('err.role');
  const badField = validateFields(m.table, m.op, m.fields, input.schemaVersion);
  if (badField) return badField;
  switch (m.table) {
    case 'minutes':
      if (isFinalized(current)) return reject('err.locked');
      break;
    // The dues ledger is append-only (DESIGN.md): a correction is a new reversal entry.
    case 'dues':
    case 'minutesAddenda':
      if (current) return reject('err.appendOnly');
      if (m.op === 'delete') return reject('err.appendOnly');
      break;
    case 'reportVersions': {
      if (current || m.op === 'delete') return reject('err.appendOnly');
      if (m.rowId !== `${String(own(m.fields, 'reportId'))}:v${String(own(m.fields, 'version'))}`) return reject('err.id');
      break;
    }
    case 'attendance': {
      if (isFinalized(input.relatedMinutes) && !input.relatedMinutes!.deleted) return reject('err.locked');
      const eventId = own(m.fields, 'eventId') ?? (current ? own(current.data, 'eventId') : undefined);
      const memberId = own(m.fields, 'memberId') ?? (current ? own(current.data, 'memberId') : undefined);
      if (typeof eventId === 'string' && !m.rowId.startsWith(`${eventId}:`)) return reject('err.id', 'eventId');
      if (typeof memberId === 'string' && !m.rowId.endsWith(`:${memberId}`)) return reject('err.id', 'memberId');
      if (typeof eventId === 'string' && typeof memberId === 'string' && m.rowId !== `${eventId}:${memberId}`) return reject('err.id');
      break;
    }
  }
  return null;
}

/**
 * Two phones reversed the same payment while offline: a reversal's id comes from the entry it
 * cancels, so the second one arrives as a write to a row that exists. The payment is reversed
 * once, as the user wanted: the second is accepted as already done, not refused (which would
 * ask the user to look at a non-problem). The row is re-stamped so that device pulls the
 * stored reversal (its date and reason) in place of its own.
 */
function isSameReversal({ mutation: m, current }: MergeInput): boolean {
  if (m.table !== 'dues' || m.op !== 'upsert' || !current || current.deleted) return false;
  const reverses = own(m.fields, 'reversesId');
  return (
    typeof reverses === 'string' &&
    reverses === own(current.data, 'reversesId') &&
    own(m.fields, 'amount') === own(current.data, 'amount') &&
    own(m.fields, 'memberId') === own(current.data, 'memberId')
  );
}

function emptyRow(): RowState {
  return { data: {}, versions: {}, hlcs: {}, deleted: false, version: 0 };
}

function cloneRow(row: RowState): RowState {
  return { data: { ...row.data }, versions: { ...row.versions }, hlcs: { ...row.hlcs }, deleted: row.deleted, version: row.version };
}

/** The stored stamp of the write that gave `field` its current value ('' if unknown). */
function fieldStamp(row: RowState, field: string): string {
  const v = own(row.versions, field);
  return v === undefined ? '' : (own(row.hlcs, String(v)) ?? '');
}

/**
 * Stamps the row with `version` and keeps only the stamps still referenced. `before` is the
 * row as it was (null for a new row): only versions it had can have lost their last field.
 */
function finish(row: RowState, version: number, stamp: string, before: RowState | null): RowState {
  row.version = version;
  if (!before) {
    row.hlcs = { [version]: stamp };
    return row;
  }
  row.hlcs[version] = stamp;
  const referenced = new Set<number>();
  for (const field in row.versions) referenced.add(row.versions[field]);
  for (const field in before.versions) {
    const old = before.versions[field];
    if (!referenced.has(old) && hasOwn(row.hlcs, String(old))) delete row.hlcs[old];
  }
  return row;
}

function valueOrNull(v: unknown): unknown {
  return v === undefined ? null : v;
}

function mergeDelete(input: MergeInput, stamp: string): MergeResult {
  const { mutation: m, current, nextVersion: V } = input;
  if (current?.deleted) return { status: 'applied', row: null, conflicts: [] };
  const row = current ? cloneRow(current) : emptyRow();
  row.deleted = true;
  row.versions.deleted = V;
  // A delete may carry base versions of other fields (what the device had seen). A field
  // written since is an edit the deleting device never saw: keep it as a restorable conflict.
  const conflicts: ConflictDraft[] = [];
  if (current) {
    for (const [field, base] of Object.entries(m.base)) {
      if (field === 'deleted' || !hasOwn(current.data, field)) continue;
      const loserHlc = fieldStamp(current, field);
      if ((own(current.versions, field) ?? 0) > base && !autoRule(m.table, field) && stampDevice(loserHlc) !== input.deviceId) {
        conflicts.push({
          field,
          kind: 'deleteEdit',
          winnerValue: null,
          loserValue: current.data[field],
          winnerHlc: stamp,
          loserHlc,
          winnerDeviceId: input.deviceId,
          loserDeviceId: stampDevice(loserHlc),
        });
      }
    }
    // The row had been restored after this device last saw it: the restore loses to the delete.
    const restoredAt = own(current.versions, 'deleted') ?? 0;
    const restoreHlc = fieldStamp(current, 'deleted');
    if (restoredAt > (own(m.base, 'deleted') ?? 0) && conflicts.length === 0 && stampDevice(restoreHlc) !== input.deviceId) {
      const loserHlc = restoreHlc;
      conflicts.push({
        field: 'deleted',
        kind: 'deleteEdit',
        winnerValue: true,
        loserValue: false,
        winnerHlc: stamp,
        loserHlc,
        winnerDeviceId: input.deviceId,
        loserDeviceId: stampDevice(loserHlc),
      });
    }
  }
  return { status: conflicts.length ? 'conflict' : 'applied', row: finish(row, V, stamp, current), conflicts };
}

function mergeUpsert(input: MergeInput, stamp: string, current: RowState | null): MergeResult {
  const { mutation: m, nextVersion: V, deviceId } = input;
  const restoring = hasOwn(m.fields, 'deleted');
  if (current?.deleted) {
    const tombstoneVersion = own(current.versions, 'deleted') ?? 0;
    const ownTombstone = stampDevice(fieldStamp(current, 'deleted')) === input.deviceId;
    const sawTombstone = restoring && ((own(m.base, 'deleted') ?? 0) === tombstoneVersion || ownTombstone);
    if (!sawTombstone) return editOfTombstone(input, stamp, current, restoring);
  }
  const row = current ? cloneRow(current) : emptyRow();
  let changed = false;
  const conflicts: ConflictDraft[] = [];
  if (restoring && current?.deleted) {
    row.deleted = false;
    row.versions.deleted = V;
    changed = true;
  }
  for (const field of Object.keys(m.fields)) {
    if (field === 'deleted') continue;
    const value = m.fields[field];
    const has = !!current && hasOwn(current.data, field);
    const stored = has ? current!.data[field] : undefined;
    const rule = autoRule(m.table, field);
    if (rule === 'earliest') {
      if (!has || (typeof value === 'string' && typeof stored === 'string' && value < stored)) changed = write(row, field, value, V);
      continue;
    }
    const storedVersion = current ? (own(current.versions, field) ?? 0) : 0;
    const base = own(m.base, field) ?? 0;
    if (storedVersion === base) {
      if (!has || !jsonEqual(stored, value)) changed = write(row, field, value, V);
      continue;
    }
    const storedStamp = current ? fieldStamp(current, field) : '';
    // Its own earlier value, or the placeholder the server seeded (unit-record.ts): no conflict.
    if (storedVersion > 0 && (stampDevice(storedStamp) === deviceId || storedStamp === SEED_STAMP)) {
      if (!has || !jsonEqual(stored, value)) changed = write(row, field, value, V);
      continue;
    }
    if (has && jsonEqual(stored, value)) continue;
    // A concurrent edit of the same field: the later stamp wins, the other value is kept.
    const incomingWins = isLater(stamp, storedStamp);
    if (incomingWins) changed = write(row, field, value, V);
    if (rule === 'followWinner') continue;
    const storedDevice = stampDevice(storedStamp);
    conflicts.push(
      incomingWins
        ? { field, kind: 'field', winnerValue: value, loserValue: valueOrNull(stored), winnerHlc: stamp, loserHlc: storedStamp, winnerDeviceId: deviceId, loserDeviceId: storedDevice }
        : { field, kind: 'field', winnerValue: valueOrNull(stored), loserValue: value, winnerHlc: storedStamp, loserHlc: stamp, winnerDeviceId: storedDevice, loserDeviceId: deviceId },
    );
  }
  return { status: conflicts.length ? 'conflict' : 'applied', row: changed ? finish(row, V, stamp, current) : null, conflicts };
}

function write(row: RowState, field: string, value: unknown, version: number): true {
  row.data[field] = value;
  row.versions[field] = version;
  return true;
}

/**
 * An upsert for a tombstoned row from a device that had not seen the delete (or restores on a
 * stale base): the tombstone wins, each differing field is kept as a restorable conflict.
 */
function editOfTombstone(input: MergeInput, stamp: string, current: RowState, restoring: boolean): MergeResult {
  const { mutation: m, deviceId } = input;
  const tombstoneHlc = fieldStamp(current, 'deleted');
  const tombstoneDevice = stampDevice(tombstoneHlc);
  const conflicts: ConflictDraft[] = [];
  const draft = (field: string, winnerValue: unknown, loserValue: unknown): ConflictDraft => ({
    field,
    kind: 'deleteEdit',
    winnerValue,
    loserValue,
    winnerHlc: tombstoneHlc,
    loserHlc: stamp,
    winnerDeviceId: tombstoneDevice,
    loserDeviceId: deviceId,
  });
  for (const field of Object.keys(m.fields)) {
    if (field === 'deleted' || autoRule(m.table, field)) continue;
    const stored = own(current.data, field);
    if (!jsonEqual(stored, m.fields[field])) conflicts.push(draft(field, null, m.fields[field]));
  }
  // A restore with nothing else to bring back is still an intent the user must see.
  if (restoring && conflicts.length === 0) conflicts.push(draft('deleted', true, false));
  return { status: conflicts.length ? 'conflict' : 'applied', row: null, conflicts };
}

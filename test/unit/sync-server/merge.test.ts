// The pure merge (server/src/sync/merge.ts) and the batch loop (push.ts) without a database:
// per-field base versions, equal values, HLC winners with the clamp, tombstones, domain rules,
// unknown fields from newer apps, and duplicates/gaps over an in-memory PushTx.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MEMBER_ROW_TABLES, mergeMutation, type MergeInput, type MergeMutation } from '../../../server/src/sync/merge';
import { malformedKey, processPush, type PushTx, type RawMutation } from '../../../server/src/sync/push';
import { validateRowId } from '../../../server/src/sync/fields';
import { jsonDepth } from '../../../server/src/sync/json';
import { MAX_ROW_BYTES, NEWEST_NAMEABLE_SCHEMA, rowBytes } from '../../../server/src/sync/limits';
import { id as idSchema } from '../../../src/protocol/common';
import { mutation as mutationSchema } from '../../../src/protocol/outbox';
import { MAX_CLOCK_LEAD_MS, storedStamp } from '../../../server/src/sync/hlc';
import { parseHlc } from '../../../src/lib/hlc';
import type { ConflictRecord, RowState, StoredResult } from '../../../server/src/sync/types';
import { SCHEMA_VERSION } from '../../../src/protocol/sync';

const NOW = Date.UTC(2025, 4, 1, 8, 0, 0);
const A = 'device-aaaa';
const B = 'device-bbbb';
const MEMBER = '0196a000-0000-7000-8000-000000000001';
const hlc = (ms: number, counter = 0, device = A) => `${String(ms).padStart(13, '0')}:${String(counter).padStart(4, '0')}:${device}`;

function mut(p: Partial<MergeMutation> & Pick<MergeMutation, 'fields'>): MergeMutation {
  return { table: 'members', rowId: MEMBER, op: 'upsert', base: {}, hlc: hlc(NOW), ...p };
}

function merge(p: Partial<MergeInput> & { mutation: MergeMutation }) {
  return mergeMutation({ deviceId: A, schemaVersion: SCHEMA_VERSION, now: NOW, current: null, relatedMinutes: null, nextVersion: 1, ...p });
}

/** Applies and returns the new row (throws if the merge did not change it). */
function applied(p: Partial<MergeInput> & { mutation: MergeMutation }): RowState {
  const r = merge(p);
  if (r.status === 'rejected' || !r.row) throw new Error(`expected a change, got ${JSON.stringify(r)}`);
  return r.row;
}

const created = () =>
  applied({ mutation: mut({ fields: { fullName: 'Nguyễn Văn An', phone: '0901234567', position: 'member', createdAt: '2025-05-01T08:00:00.000Z' } }), nextVersion: 3 });

describe('mergeMutation: upserts', () => {
  it('creates a row: every field and the row carry the new version, the stamp is kept', () => {
    const row = created();
    expect(row).toEqual({
      data: { fullName: 'Nguyễn Văn An', phone: '0901234567', position: 'member', createdAt: '2025-05-01T08:00:00.000Z' },
      versions: { fullName: 3, phone: 3, position: 3, createdAt: 3 },
      hlcs: { '3': hlc(NOW) },
      deleted: false,
      version: 3,
    });
  });

  it('writes a field whose base matches and leaves the other fields and their versions alone', () => {
    const row = applied({ current: created(), mutation: mut({ fields: { phone: '0911111111' }, base: { phone: 3 } }), nextVersion: 4 });
    expect(row.data.phone).toBe('0911111111');
    expect(row.versions).toEqual({ fullName: 3, phone: 4, position: 3, createdAt: 3 });
    expect(row.version).toBe(4);
    expect(Object.keys(row.hlcs).sort()).toEqual(['3', '4']);
  });

  it('two devices editing different fields of one member both apply (no conflict)', () => {
    const v4 = applied({ current: created(), mutation: mut({ fields: { phone: '0911111111' }, base: { phone: 3 } }), nextVersion: 4 });
    const r = merge({ current: v4, deviceId: B, mutation: mut({ fields: { fullName: 'Nguyễn Văn Bình' }, base: { fullName: 3 }, hlc: hlc(NOW - 1000, 0, B) }), nextVersion: 5 });
    expect(r.status).toBe('applied');
    if (r.status !== 'applied') return;
    expect(r.row!.data).toMatchObject({ phone: '0911111111', fullName: 'Nguyễn Văn Bình' });
    expect(r.conflicts).toEqual([]);
  });

  it('an equal value on a stale base is no conflict and changes nothing', () => {
    const v4 = applied({ current: created(), mutation: mut({ fields: { phone: '0911111111' }, base: { phone: 3 } }), nextVersion: 4 });
    const r = merge({ current: v4, deviceId: B, mutation: mut({ fields: { phone: '0911111111' }, base: { phone: 3 }, hlc: hlc(NOW, 0, B) }), nextVersion: 5 });
    expect(r).toEqual({ status: 'applied', row: null, conflicts: [] });
  });

  it('a concurrent edit of one field: the later HLC wins, the loser is kept as a conflict', () => {
    const v4 = applied({ current: created(), mutation: mut({ fields: { phone: '0911111111' }, base: { phone: 3 }, hlc: hlc(NOW - 5000) }), nextVersion: 4 });
    // B edited later (by its clock) from the same base: B wins.
    const later = merge({ current: v4, deviceId: B, mutation: mut({ fields: { phone: '0922222222' }, base: { phone: 3 }, hlc: hlc(NOW, 0, B) }), nextVersion: 5 });
    expect(later.status).toBe('conflict');
    if (later.status !== 'conflict') return;
    expect(later.row!.data.phone).toBe('0922222222');
    expect(later.conflicts).toEqual([
      { field: 'phone', kind: 'field', winnerValue: '0922222222', loserValue: '0911111111', winnerHlc: hlc(NOW, 0, B), loserHlc: hlc(NOW - 5000), winnerDeviceId: B, loserDeviceId: A },
    ]);
    // B edited earlier: the stored value stays, B's value is the loser.
    const earlier = merge({ current: v4, deviceId: B, mutation: mut({ fields: { phone: '0922222222' }, base: { phone: 3 }, hlc: hlc(NOW - 9000, 0, B) }), nextVersion: 5 });
    expect(earlier.status).toBe('conflict');
    if (earlier.status !== 'conflict') return;
    expect(earlier.row).toBeNull();
    expect(earlier.conflicts[0]).toMatchObject({ winnerValue: '0911111111', loserValue: '0922222222', winnerDeviceId: A, loserDeviceId: B });
  });

  it("a device's own two offline edits (both on the old base) are not a conflict", () => {
    const first = applied({ mutation: mut({ fields: { fullName: 'An An', phone: '0900000001' } }), nextVersion: 1 });
    const second = merge({ current: first, mutation: mut({ fields: { phone: '0900000002' }, base: { phone: 0 }, hlc: hlc(NOW + 1) }), nextVersion: 2 });
    expect(second.status === 'applied' && second.row?.data.phone).toBe('0900000002');
    // …delete then restore offline, the same
    const tomb = applied({ current: first, mutation: mut({ op: 'delete', fields: { deleted: true }, base: { deleted: 0 } }), nextVersion: 2 });
    const back = merge({ current: tomb, mutation: mut({ fields: { deleted: false }, base: { deleted: 0 }, hlc: hlc(NOW + 2) }), nextVersion: 3 });
    expect(back.status === 'applied' && back.row?.deleted).toBe(false);
    // …and another device on the old base is still a conflict
    const other = merge({ current: first, deviceId: B, mutation: mut({ fields: { phone: '0900000003' }, base: { phone: 0 }, hlc: hlc(NOW + 1, 0, B) }), nextVersion: 2 });
    expect(other.status).toBe('conflict');
  });

  it('equal stamps are settled by deviceId', () => {
    const v4 = applied({ current: created(), mutation: mut({ fields: { phone: '0911111111' }, base: { phone: 3 }, hlc: hlc(NOW, 7, A) }), nextVersion: 4 });
    const r = merge({ current: v4, deviceId: B, mutation: mut({ fields: { phone: '0922222222' }, base: { phone: 3 }, hlc: hlc(NOW, 7, B) }), nextVersion: 5 });
    expect(r.status === 'conflict' && r.conflicts[0].winnerDeviceId).toBe(B); // 'device-bbbb' > 'device-aaaa'
  });

  it('a far-future stamp is clamped to server time + 5 min when stored, and the device part is the pusher', () => {
    expect(storedStamp(hlc(NOW + 2 * 86400_000, 3, 'forged'), B, NOW)).toBe(hlc(NOW + MAX_CLOCK_LEAD_MS, 3, B));
    expect(storedStamp(hlc(NOW - 3 * 86400_000, 3, B), B, NOW)).toBe(hlc(NOW - 3 * 86400_000, 3, B));
    expect(storedStamp('yesterday', B, NOW)).toBeNull();
  });

  it('createdAt keeps the earliest and attendance.checkedAt follows the winner, neither makes a conflict', () => {
    const att = (device: string, ms: number, status: string, checkedAt: string) =>
      mut({ table: 'attendance', rowId: `${MEMBER}:m-0000000001`, fields: { eventId: MEMBER, memberId: 'm-0000000001', status, checkedAt, createdAt: checkedAt }, hlc: hlc(ms, 0, device) });
    const first = applied({ mutation: att(A, NOW, 'present', '2025-05-01T08:00:05.000Z'), nextVersion: 1 });
    const second = merge({ current: first, deviceId: B, mutation: att(B, NOW + 10, 'late', '2025-05-01T07:59:00.000Z'), nextVersion: 2 });
    expect(second.status).toBe('conflict');
    if (second.status !== 'conflict') return;
    expect(second.conflicts.map((c) => c.field)).toEqual(['status']);
    expect(second.row!.data).toMatchObject({ status: 'late', checkedAt: '2025-05-01T07:59:00.000Z', createdAt: '2025-05-01T07:59:00.000Z' });
    // Same status from both phones: one row, nothing to review.
    const same = merge({ current: first, deviceId: B, mutation: att(B, NOW + 10, 'present', '2025-05-01T08:01:00.000Z'), nextVersion: 2 });
    expect(same.status === 'applied' && same.conflicts).toEqual([]);
  });
});

describe('mergeMutation: deletes', () => {
  const del = (p: Partial<MergeMutation> = {}) => mut({ op: 'delete', fields: { deleted: true }, base: { deleted: 0 }, ...p });

  it('a delete tombstones the row and keeps its fields (restorable)', () => {
    const row = applied({ current: created(), mutation: del(), nextVersion: 4 });
    expect(row.deleted).toBe(true);
    expect(row.versions.deleted).toBe(4);
    expect(row.data.fullName).toBe('Nguyễn Văn An');
  });

  it('an edit arriving for a tombstone it never saw: the tombstone wins, the edit is a deleteEdit conflict', () => {
    const tomb = applied({ current: created(), mutation: del(), nextVersion: 4 });
    const r = merge({ current: tomb, deviceId: B, mutation: mut({ fields: { phone: '0933333333' }, base: { phone: 3 }, hlc: hlc(NOW + 60_000, 0, B) }), nextVersion: 5 });
    expect(r.status).toBe('conflict');
    if (r.status !== 'conflict') return;
    expect(r.row).toBeNull();
    expect(r.conflicts).toEqual([
      { field: 'phone', kind: 'deleteEdit', winnerValue: null, loserValue: '0933333333', winnerHlc: hlc(NOW), loserHlc: hlc(NOW + 60_000, 0, B), winnerDeviceId: A, loserDeviceId: B },
    ]);
  });

  it('a restore on the tombstone it saw brings the row back with the values sent', () => {
    const tomb = applied({ current: created(), mutation: del(), nextVersion: 4 });
    const row = applied({ current: tomb, mutation: mut({ fields: { deleted: false, phone: '0933333333' }, base: { deleted: 4, phone: 3 } }), nextVersion: 5 });
    expect(row.deleted).toBe(false);
    expect(row.data.phone).toBe('0933333333');
    expect(row.versions).toMatchObject({ deleted: 5, phone: 5 });
  });

  it('a delete carrying bases of other fields keeps an edit it never saw as a conflict', () => {
    const v4 = applied({ current: created(), deviceId: B, mutation: mut({ fields: { phone: '0944444444' }, base: { phone: 3 }, hlc: hlc(NOW, 0, B) }), nextVersion: 4 });
    const r = merge({ current: v4, mutation: del({ base: { deleted: 0, phone: 3, fullName: 3 } }), nextVersion: 5 });
    expect(r.status === 'conflict' && r.conflicts).toEqual([
      { field: 'phone', kind: 'deleteEdit', winnerValue: null, loserValue: '0944444444', winnerHlc: hlc(NOW), loserHlc: hlc(NOW, 0, B), winnerDeviceId: A, loserDeviceId: B },
    ]);
  });

  it('deleting an already deleted or unknown row is harmless', () => {
    const tomb = applied({ current: created(), mutation: del(), nextVersion: 4 });
    expect(merge({ current: tomb, mutation: del(), nextVersion: 5 })).toEqual({ status: 'applied', row: null, conflicts: [] });
    expect(applied({ mutation: del(), nextVersion: 1 })).toMatchObject({ deleted: true, data: {} });
  });
});

describe('mergeMutation: validation and domain rules', () => {
  const rejected = (p: Partial<MergeInput> & { mutation: MergeMutation }) => {
    const r = merge(p);
    return r.status === 'rejected' ? { error: r.error, field: r.field } : r.status;
  };

  it('refuses bad values with the schema message key and the field', () => {
    expect(rejected({ mutation: mut({ fields: { fullName: 'x'.repeat(101) } }) })).toEqual({ error: 'err.tooLong', field: 'fullName' });
    expect(rejected({ mutation: mut({ fields: { position: 'king' } }) })).toEqual({ error: 'err.invalid', field: 'position' });
    expect(rejected({ mutation: mut({ fields: { dateOfBirth: '2003-02-30' } }) })).toEqual({ error: 'err.date', field: 'dateOfBirth' });
  });

  it('refuses meta fields, bad ids, bad stamps and wrong delete shapes', () => {
    expect(rejected({ mutation: mut({ fields: { unitId: 'u-000000001' } }) })).toEqual({ error: 'err.metaField', field: 'unitId' });
    expect(rejected({ mutation: mut({ rowId: 'has space!', fields: { fullName: 'An An' } }) })).toEqual({ error: 'err.id', field: undefined });
    expect(rejected({ mutation: mut({ hlc: '2025-05-01', fields: { fullName: 'An An' } }) })).toEqual({ error: 'err.hlc', field: undefined });
    expect(rejected({ mutation: mut({ op: 'delete', fields: { deleted: true, fullName: 'An An' } }) })).toEqual({ error: 'err.op', field: 'deleted' });
    expect(rejected({ mutation: mut({ fields: { deleted: true } }) })).toEqual({ error: 'err.op', field: 'deleted' });
  });

  it('unknown fields: refused from the same app version, kept from a newer one', () => {
    expect(rejected({ mutation: mut({ fields: { fullName: 'An An', nickname: 'Bé' } }) })).toEqual({ error: 'err.unknownField', field: 'nickname' });
    expect(rejected({ mutation: mut({ fields: { ['__proto__']: 1 } as Record<string, unknown> }), schemaVersion: SCHEMA_VERSION + 1 })).toMatchObject({ error: 'err.unknownField' });
    const row = applied({ mutation: mut({ fields: { fullName: 'An An', nickname: 'Bé' } }), schemaVersion: SCHEMA_VERSION + 1 });
    expect(row.data).toEqual({ fullName: 'An An', nickname: 'Bé' });
  });

  it('unknown fields from a version beyond the next are refused as one the server cannot name', () => {
    expect(rejected({ mutation: mut({ fields: { fullName: 'An An', nickname: 'Bé' } }), schemaVersion: NEWEST_NAMEABLE_SCHEMA + 1 })).toEqual({ error: 'err.schemaTooNew', field: 'nickname' });
    expect(applied({ mutation: mut({ fields: { fullName: 'An An' } }), schemaVersion: NEWEST_NAMEABLE_SCHEMA + 1 }).data).toEqual({ fullName: 'An An' });
  });

  it('the row cap counts UTF-8 bytes of fields and versions; a row stored over it may still be edited without growing, and deleted', () => {
    const newer = { schemaVersion: NEWEST_NAMEABLE_SCHEMA };
    const scans = (chars: number) => Object.fromEntries([0, 1, 2, 3].map((i) => [`scan${i}`, 'ệ'.repeat(chars)]));
    // 180,000 three-byte characters: 540 KB stored, though only 180,000 UTF-16 units
    expect(rejected({ ...newer, mutation: mut({ fields: { fullName: 'An An', ...scans(45_000) } }) })).toEqual({ error: 'err.rowTooLarge', field: undefined });
    const fits = applied({ ...newer, mutation: mut({ fields: { fullName: 'An An', ...scans(43_000) } }) });
    expect(rowBytes(fits)).toBeLessThanOrEqual(MAX_ROW_BYTES);
    // A row stored before the cap existed (600 KB)
    const legacy: RowState = { ...fits, data: { ...fits.data, scan0: 'x'.repeat(600_000) } };
    expect(rejected({ ...newer, current: legacy, nextVersion: 2, mutation: mut({ fields: { note2: 'x' }, base: {} }) })).toEqual({ error: 'err.rowTooLarge', field: undefined });
    expect(applied({ ...newer, current: legacy, nextVersion: 2, mutation: mut({ fields: { fullName: 'An' }, base: { fullName: 1 } }) }).data.fullName).toBe('An');
    expect(applied({ current: legacy, nextVersion: 2, mutation: mut({ op: 'delete', fields: { deleted: true }, base: { deleted: 0 } }) }).deleted).toBe(true);
  });

  it('finalized minutes refuse upserts and deletes; attendance of such a meeting is refused', () => {
    const minutes = applied({ mutation: mut({ table: 'minutes', rowId: MEMBER, fields: { meetingId: MEMBER, status: 'finalized', votes: [], tasks: [] } }) });
    expect(rejected({ current: minutes, mutation: mut({ table: 'minutes', rowId: MEMBER, fields: { discussion: 'late fix' }, base: { discussion: 0 } }) })).toEqual({ error: 'err.locked', field: undefined });
    expect(rejected({ current: minutes, mutation: mut({ table: 'minutes', rowId: MEMBER, op: 'delete', fields: { deleted: true } }) })).toEqual({ error: 'err.locked', field: undefined });
    const tick = mut({ table: 'attendance', rowId: `${MEMBER}:m-0000000001`, fields: { eventId: MEMBER, memberId: 'm-0000000001', status: 'present', checkedAt: 'x' } });
    expect(rejected({ relatedMinutes: minutes, mutation: tick })).toEqual({ error: 'err.locked', field: undefined });
    const draft = applied({ mutation: mut({ table: 'minutes', rowId: MEMBER, fields: { meetingId: MEMBER, status: 'draft', votes: [], tasks: [] } }) });
    expect(rejected({ relatedMinutes: draft, mutation: tick })).toBe('applied');
  });

  it('attendance ids are eventId:memberId', () => {
    const tick = (rowId: string) => mut({ table: 'attendance', rowId, fields: { eventId: MEMBER, memberId: 'm-0000000001', status: 'present', checkedAt: 'x' } });
    expect(rejected({ mutation: tick(`${MEMBER}:m-0000000002`) })).toEqual({ error: 'err.id', field: 'memberId' });
    expect(rejected({ mutation: tick('0196a000-0000-7000-8000-00000000000f') })).toEqual({ error: 'err.id', field: 'eventId' });
  });

  it('minutesAddenda are append-only', () => {
    const add = mut({ table: 'minutesAddenda', rowId: MEMBER, fields: { meetingId: MEMBER, text: 'Bổ sung', writtenAt: 'x' } });
    const row = applied({ mutation: add });
    expect(rejected({ current: row, mutation: add })).toEqual({ error: 'err.appendOnly', field: undefined });
    expect(rejected({ mutation: mut({ table: 'minutesAddenda', op: 'delete', fields: { deleted: true } }) })).toEqual({ error: 'err.appendOnly', field: undefined });
  });

  it('the dues ledger is append-only: a correction is a reversal entry, not an edit or a delete', () => {
    const pay = mut({ table: 'dues', rowId: MEMBER, fields: { memberId: MEMBER, period: '2026-03', amount: 5000, paidAt: '2026-03-05', method: 'cash', receiptNo: 'A-0001' } });
    const row = applied({ mutation: pay });
    expect(rejected({ current: row, mutation: mut({ table: 'dues', rowId: MEMBER, fields: { amount: 2000 } }) })).toEqual({ error: 'err.appendOnly', field: undefined });
    expect(rejected({ mutation: mut({ table: 'dues', op: 'delete', fields: { deleted: true } }) })).toEqual({ error: 'err.appendOnly', field: undefined });
    const reversal = mut({ table: 'dues', rowId: 'm-0000000009', fields: { memberId: MEMBER, period: '2026-03', amount: -5000, paidAt: '2026-03-06', method: 'cash', receiptNo: 'A-0001', reversesId: MEMBER } });
    expect(applied({ mutation: reversal })).toBeTruthy();
    expect(rejected({ mutation: mut({ table: 'dues', rowId: 'm-0000000010', fields: { memberId: MEMBER, period: '2026-13', amount: 5000, paidAt: '2026-03-06', method: 'cash', receiptNo: 'A-1' } }) })).toEqual({ error: 'err.period', field: 'period' });
  });

  it('the same reversal from a second phone is accepted as done: the row is re-stamped, not changed', () => {
    const fields = { memberId: MEMBER, period: '2026-03', amount: -5000, paidAt: '2026-03-06', method: 'cash', receiptNo: 'A-0001', reversesId: MEMBER, note: 'Thu nhầm' };
    const first = applied({ mutation: mut({ table: 'dues', rowId: 'm-0000000009', fields }), nextVersion: 5 });
    const second = merge({
      deviceId: B,
      current: first,
      nextVersion: 9,
      mutation: mut({ table: 'dues', rowId: 'm-0000000009', hlc: hlc(NOW + 1000, 0, B), fields: { ...fields, paidAt: '2026-03-07', note: 'Ghi trùng' } }),
    });
    expect(second).toEqual({ status: 'applied', row: { ...first, version: 9 }, conflicts: [] });
    // Anything else written to an existing dues row is still refused.
    const other = { ...fields, amount: -2000 };
    expect(rejected({ current: first, mutation: mut({ table: 'dues', rowId: 'm-0000000009', fields: other }) })).toEqual({ error: 'err.appendOnly', field: undefined });
    expect(rejected({ current: first, mutation: mut({ table: 'dues', rowId: 'm-0000000009', fields: { ...fields, reversesId: 'm-0000000008' } }) })).toEqual({
      error: 'err.appendOnly',
      field: undefined,
    });
  });
});

// ---------------------------------------------------------------------------------------
// The batch loop over an in-memory transaction.
class MemoryTx implements PushTx {
  rows = new Map<string, RowState>();
  results = new Map<string, { mid: string | null; result: StoredResult; deviceId: string; seq: number }>();
  conflicts: ConflictRecord[] = [];
  seqs = new Map<string, number>();
  version = 0;
  device = A;
  lastSeq() { return this.seqs.get(this.device) ?? 0; }
  unitVersion() { return this.version; }
  storedResult(seq: number) { return this.results.get(`${this.device}/${seq}`); }
  midOwner(mid: string) { return [...this.results.values()].find((r) => r.mid === mid); }
  getRow(table: string, id: string) { const r = this.rows.get(`${table}/${id}`); return r ? structuredClone(r) : null; }
  memberTombstone(id: string) { const r = this.getRow('members', id); return r?.deleted ? r : null; }
  memberRecord(id: string) {
    for (const [key, r] of this.rows) if (MEMBER_ROW_TABLES.has(key.split('/')[0]) && !r.deleted && r.data.memberId === id) return structuredClone(r);
    return null;
  }
  putRow(table: string, id: string, row: RowState) { this.rows.set(`${table}/${id}`, structuredClone(row)); }
  addConflict(c: ConflictRecord) { this.conflicts.push(c); }
  putResult(seq: number, mid: string | null, result: StoredResult) { this.results.set(`${this.device}/${seq}`, { mid, result, deviceId: this.device, seq }); }
  finish(lastSeq: number, version: number) { this.seqs.set(this.device, lastSeq); this.version = version; }
  push(device: string, mutations: RawMutation[]) {
    this.device = device;
    let n = 0;
    return processPush(this, mutations, { deviceId: device, role: 'secretary', schemaVersion: SCHEMA_VERSION, now: NOW, newConflictId: () => `c${++n}-${this.conflicts.length}` });
  }
}

const phoneEdit = (seq: number, phone: string, base = 0, device = A): RawMutation => ({
  mid: `${device}-mid-${seq}`,
  seq,
  table: 'members',
  rowId: MEMBER,
  op: 'upsert',
  fields: { phone },
  base: { phone: base },
  hlc: hlc(NOW + seq, 0, device),
});

describe('processPush', () => {
  it('duplicates answer the stored result, a gap stops the batch, lastSeq follows', () => {
    const tx = new MemoryTx();
    expect(tx.push(A, [phoneEdit(1, '0900000001'), phoneEdit(2, '0900000002', 1)])).toEqual({
      results: [{ mid: `${A}-mid-1`, status: 'applied', version: 1 }, { mid: `${A}-mid-2`, status: 'applied', version: 2 }],
      lastSeq: 2,
    });
    const again = tx.push(A, [phoneEdit(2, '0900000002', 1), phoneEdit(4, '0900000004', 2), phoneEdit(3, '0900000003', 2)]);
    expect(again).toEqual({ results: [{ mid: `${A}-mid-2`, status: 'duplicate', version: 2 }, { mid: `${A}-mid-4`, status: 'gap' }], lastSeq: 2 });
    expect(tx.version).toBe(2);
  });

  it('a rejected change stays rejected on a retry; a reused seq with another mid is refused, not "duplicate"', () => {
    const tx = new MemoryTx();
    const bad = { ...phoneEdit(1, 'not a phone'), fields: { phone: 'call me' } };
    expect(tx.push(A, [bad]).results[0]).toEqual({ mid: `${A}-mid-1`, status: 'rejected', error: 'err.phone', field: 'phone' });
    expect(tx.push(A, [bad]).results[0]).toEqual({ mid: `${A}-mid-1`, status: 'rejected', error: 'err.phone', field: 'phone' });
    expect(tx.push(A, [{ ...phoneEdit(1, '0900000001'), mid: 'another-mid-1' }]).results[0]).toEqual({ mid: 'another-mid-1', status: 'rejected', error: 'err.seqReused' });
  });

  it('a mid another device used is refused; the same device resending under a new seq is a duplicate', () => {
    const tx = new MemoryTx();
    tx.push(A, [phoneEdit(1, '0900000001')]);
    expect(tx.push(B, [{ ...phoneEdit(1, '0900000009', 0, B), mid: `${A}-mid-1` }]).results[0]).toMatchObject({ status: 'rejected', error: 'err.midReused' });
    expect(tx.push(A, [{ ...phoneEdit(2, '0900000001'), mid: `${A}-mid-1` }]).results[0]).toMatchObject({ status: 'duplicate', version: 1 });
    expect(tx.version).toBe(1);
  });

  it('malformed entries and unknown tables are rejected without stopping the rest', () => {
    const tx = new MemoryTx();
    const res = tx.push(A, [
      { mid: 'mid-0000001', seq: 1, table: 'checkOuts', rowId: MEMBER, op: 'upsert', fields: {}, base: {}, hlc: hlc(NOW) },
      { mid: 'mid-0000002', seq: 2, table: 'members', rowId: MEMBER, op: 'merge', fields: {}, base: {}, hlc: hlc(NOW) },
      phoneEdit(3, '0900000003'),
    ]);
    expect(res.results.map((r) => [r.status, r.error])).toEqual([
      ['rejected', 'err.unknownTable'],
      ['rejected', 'err.mutation'],
      ['applied', undefined],
    ]);
    expect(res.lastSeq).toBe(3);
  });

  it('property: any split, duplication and reordering of deliveries ends in the state of one delivery', () => {
    const N = 12;
    const batch = Array.from({ length: N }, (_, i) => phoneEdit(i + 1, `09000000${String(i).padStart(2, '0')}`, i));
    const reference = new MemoryTx();
    reference.push(A, batch);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(N - 1), fc.integer({ min: 1, max: N })), { minLength: 1, maxLength: 30 }), (deliveries) => {
        const tx = new MemoryTx();
        for (const [from, len] of deliveries) tx.push(A, batch.slice(from, from + len));
        // the device resends from lastSeq + 1 until everything is acknowledged
        while (tx.lastSeq() < N) tx.push(A, batch.slice(tx.lastSeq()));
        expect(tx.rows).toEqual(reference.rows);
        expect(tx.version).toBe(reference.version);
        expect(tx.conflicts).toEqual([]);
      }),
      { seed: 20250501, numRuns: 200 },
    );
  });
});

describe('hand-written hot-path checks stay in step with the shared zod schemas', () => {
  it('validateRowId accepts exactly what protocol/common id accepts', () => {
    const idish = fc.oneof(fc.string({ maxLength: 120 }), fc.stringMatching(/^[0-9A-Za-z:_-]{0,110}$/), fc.uuid().map((u) => `${u}:${u}`));
    fc.assert(
      fc.property(idish, (s) => {
        expect(validateRowId(s) === null).toBe(idSchema.safeParse(s).success);
      }),
      { seed: 20251128, numRuns: 2000 },
    );
  });

  it('malformedKey accepts exactly what protocol/outbox mutation accepts (for a valid mid, seq and table)', () => {
    const good = { mid: 'mid-00000001', seq: 1, table: 'members', rowId: MEMBER, op: 'upsert', fields: { a: 1 }, base: { a: 0 }, hlc: hlc(NOW) };
    const wild = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 110 }), fc.integer({ min: -2, max: 3 }), fc.dictionary(fc.string({ maxLength: 5 }), fc.oneof(fc.integer({ min: -1, max: 5 }), fc.double(), fc.string())));
    fc.assert(
      fc.property(fc.constantFrom('rowId', 'op', 'fields', 'base', 'hlc'), wild, (key, value) => {
        const item = { ...good, [key]: value } as RawMutation;
        expect(malformedKey(item) === null).toBe(mutationSchema.safeParse(item).success);
      }),
      { seed: 20251128, numRuns: 3000 },
    );
  });

  it('storedStamp accepts exactly the stamps lib/hlc parseHlc accepts, and clamps as specified', () => {
    const stampish = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.tuple(fc.stringMatching(/^\d{12,14}$/), fc.stringMatching(/^\d{3,5}$/), fc.string({ maxLength: 12 })).map(([a, b, c]) => `${a}:${b}:${c}`),
      fc.tuple(fc.integer({ min: 0, max: 9_999_999_999_999 }), fc.integer({ min: 0, max: 9999 })).map(([ms, n]) => hlc(ms, n, 'dev')),
    );
    fc.assert(
      fc.property(stampish, (s) => {
        const p = parseHlc(s);
        const got = storedStamp(s, B, NOW);
        if (!p) expect(got).toBeNull();
        else expect(got).toBe(hlc(Math.min(p.ms, NOW + MAX_CLOCK_LEAD_MS), p.counter, B));
      }),
      { seed: 20251128, numRuns: 3000 },
    );
  });

  it('jsonDepth measures nesting without recursion', () => {
    expect(jsonDepth(1)).toBe(0);
    expect(jsonDepth({ a: [1, { b: [] }] })).toBe(4);
    const deep = JSON.parse('['.repeat(100_000) + ']'.repeat(100_000));
    expect(jsonDepth(deep, 64)).toBe(65);
  });
});

// apply.ts: the rebase rule, tombstones, unknown fields and tables, one transaction per pull
// page, and how push answers move entries out of the outbox.
import { afterEach, describe, expect, test } from 'vitest';
import type { PulledRow } from '../../../src/protocol/sync';
import { applyPullPage, localRows, mergePulled } from '../../../src/sync/apply';
import { outboxShape, realignOutbox, recordPushResults, walkedOutboxShape } from '../../../src/sync/push-results';
import { dropAllDatabases, makeDevice } from './devices';

afterEach(dropAllDatabases);

const NOW = '2026-01-01T00:00:00.000Z';
const M1 = 'member-0001';

function pulled(over: Partial<PulledRow> = {}): PulledRow {
  return {
    table: 'members',
    id: M1,
    fields: { fullName: 'Nguyễn Văn An', phone: '0900000002', createdAt: '2025-01-01T00:00:00.000Z' },
    versions: { fullName: 3, phone: 7, createdAt: 3 },
    deleted: false,
    version: 7,
    ...over,
  };
}

describe('mergePulled (pure)', () => {
  const local = {
    id: M1,
    unitId: 'local-unit',
    rev: { fullName: 3, phone: 5, createdAt: 3 },
    deleted: false,
    fullName: 'Nguyễn Văn An',
    phone: '0900000001',
    notes: 'only local, already synced',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: NOW,
  };

  test('a field with a pending outbox entry keeps its local value AND its old rev', () => {
    const { row, keptLocal } = mergePulled(local, pulled(), new Set(['phone']), 'local-unit', NOW);
    expect(row.phone).toBe('0900000001');
    // rev stays at the version the local value descends from (5), so the pending edit and any
    // later edit of the field reach the server as concurrent with version 7.
    expect(row.rev).toEqual({ fullName: 3, phone: 5, createdAt: 3 });
    expect(keptLocal).toBe(1);
  });

  test('a field without a pending entry takes the server value and version', () => {
    const { row } = mergePulled(local, pulled(), new Set(), 'local-unit', NOW);
    expect(row.phone).toBe('0900000002');
    expect(row.rev).toEqual({ fullName: 3, phone: 7, createdAt: 3 });
    expect(row.unitId).toBe('local-unit');
  });

  test('a field the server does not have is removed unless pending; null means cleared', () => {
    const p = pulled({ fields: { fullName: 'Nguyễn Văn An', phone: null, createdAt: '2025-01-01T00:00:00.000Z' } });
    const { row } = mergePulled(local, p, new Set(), 'local-unit', NOW);
    expect('notes' in row).toBe(false);
    expect('phone' in row).toBe(false);
    const kept = mergePulled(local, p, new Set(['notes']), 'local-unit', NOW).row;
    expect(kept.notes).toBe('only local, already synced');
  });

  test('fields this app version does not know are kept (schema skew: nothing dropped)', () => {
    const p = pulled({ fields: { ...pulled().fields, zaloId: 'an.nguyen' }, versions: { ...pulled().versions, zaloId: 7 } });
    const { row } = mergePulled(local, p, new Set(), 'local-unit', NOW);
    expect(row.zaloId).toBe('an.nguyen');
    expect(row.rev).toMatchObject({ zaloId: 7 });
  });

  test('a tombstone is applied; a pending local restore or delete keeps the local flag', () => {
    const tomb = pulled({ deleted: true, versions: { ...pulled().versions, deleted: 8 }, version: 8 });
    expect(mergePulled(local, tomb, new Set(), 'u', NOW).row.deleted).toBe(true);
    const restoring = mergePulled(local, tomb, new Set(['deleted', 'phone']), 'u', NOW).row;
    expect(restoring.deleted).toBe(false);
    expect(restoring.rev).not.toHaveProperty('deleted');
    const delLocal = { ...local, deleted: true };
    expect(mergePulled(delLocal, pulled(), new Set(['deleted']), 'u', NOW).row.deleted).toBe(true);
  });

  test('a new row gets the local unit id and the server createdAt', () => {
    const { row } = mergePulled(undefined, pulled(), new Set(), 'deputy-unit', NOW);
    expect(row).toMatchObject({ id: M1, unitId: 'deputy-unit', createdAt: '2025-01-01T00:00:00.000Z', deleted: false, phone: '0900000002' });
  });
});

describe('applyPullPage', () => {
  test('applies rows, honours pending outbox fields, moves the cursor, records repullFrom', async () => {
    const d = await makeDevice('a');
    await d.write('members', M1, { fullName: 'Nguyễn Văn An', phone: '0911111111', position: 'member', duesCategory: 'unsalaried', partyStatus: 'none', status: 'active' });
    const stats = await applyPullPage(d.db, d.localUnitId, [pulled(), pulled({ id: 'member-0002', version: 8 })], 8);
    expect(stats).toMatchObject({ rows: 2, keptLocal: 3 });
    const row = await d.db.members.get(M1);
    expect(row!.phone).toBe('0911111111');
    expect(row!.fullName).toBe('Nguyễn Văn An');
    // fullName had a pending entry too (it was part of the create): kept, rev untouched
    expect(row!.rev).toEqual({});
    const dev = await d.db.syncState.get('device');
    expect(dev!.cursor).toBe(8);
    expect(dev!.repullFrom).toBe(6);
    expect((await d.db.members.get('member-0002'))!.phone).toBe('0900000002');
  });

  test('a page is one transaction: a failure half-way leaves no row and the old cursor', async () => {
    const d = await makeDevice('b');
    d.db.members.hook('creating', (_pk, obj) => {
      if ((obj as { id: string }).id === 'member-boom') throw new Error('disk trouble');
    });
    const rows = [pulled({ id: 'member-0003', version: 1 }), pulled({ id: 'member-boom', version: 2 }), pulled({ id: 'member-0004', version: 3 })];
    await expect(applyPullPage(d.db, d.localUnitId, rows, 3)).rejects.toThrow();
    expect(await d.db.members.count()).toBe(0);
    expect((await d.db.syncState.get('device'))!.cursor).toBe(0);
  });

  test('a page of new and known rows: known ones are merged, new ones created (localRows reads keys first)', async () => {
    const d = await makeDevice('k');
    const ids = Array.from({ length: 60 }, (_, i) => `member-${String(i).padStart(4, '0')}`);
    // every third row is already here, synced with an older name
    const older = ids.filter((_, i) => i % 3 === 0).map((id) => pulled({ id, fields: { fullName: 'Cũ', createdAt: NOW }, versions: { fullName: 1, createdAt: 1 }, version: 1 }));
    await applyPullPage(d.db, d.localUnitId, older, 1);
    const found = await localRows(d.db.members as never, [...ids].reverse());
    expect(found.map((r) => (r ? r.id : null))).toEqual([...ids].reverse().map((id, i) => ((59 - i) % 3 === 0 ? id : null)));
    const page = ids.map((id, i) => pulled({ id, fields: { phone: `09${i}` }, versions: { phone: 2 + i }, version: 2 + i }));
    await applyPullPage(d.db, d.localUnitId, page, 61);
    const rows = await d.db.members.bulkGet(ids);
    // the server's row is the truth: the old name is gone where the server has none
    expect(rows.map((r) => [r!.phone, r!.fullName, r!.rev])).toEqual(ids.map((_, i) => [`09${i}`, undefined, i % 3 === 0 ? { fullName: 1, createdAt: 1, phone: 2 + i } : { phone: 2 + i }]));
  });

  test('rows of a table this version does not know are kept aside, not dropped', async () => {
    const d = await makeDevice('c');
    const future = { table: 'duesEntries', id: 'dues-0001', fields: { amount: 2000 }, versions: { amount: 4 }, deleted: false, version: 4 } as unknown as PulledRow;
    const stats = await applyPullPage(d.db, d.localUnitId, [future], 4);
    expect(stats.deferred).toBe(1);
    const kept = (await d.db.syncState.get('deferred' as 'device')) as unknown as { rows: PulledRow[] };
    expect(kept.rows).toHaveLength(1);
    expect((await d.db.syncState.get('device'))!.cursor).toBe(4);
  });
});

describe('recordPushResults', () => {
  async function withOutbox(n: number) {
    const d = await makeDevice('p');
    for (let i = 1; i <= n; i++) await d.write('members', `member-${String(i).padStart(4, '0')}`, { fullName: `Người ${i}` });
    const batch = await d.db.outbox.orderBy('seq').toArray();
    return { d, batch };
  }

  test('applied, duplicate and conflict leave the outbox; rejected moves to needsAttention with the reason', async () => {
    const { d, batch } = await withOutbox(4);
    const out = await recordPushResults(d.db, batch, {
      results: [
        { mid: batch[0].mid, status: 'applied', version: 1 },
        { mid: batch[1].mid, status: 'duplicate', version: 2 },
        { mid: batch[2].mid, status: 'conflict', conflictId: 'c1', version: 3 },
        { mid: batch[3].mid, status: 'rejected', error: 'err.tooLong' },
      ],
      lastSeq: 4,
    });
    expect(out).toMatchObject({ acked: 3, applied: 2, conflicts: 1, rejected: 1 });
    expect(await d.db.outbox.count()).toBe(0);
    const na = await d.db.needsAttention.toArray();
    expect(na).toHaveLength(1);
    expect(na[0]).toMatchObject({ mid: batch[3].mid, reason: 'err.tooLong' });
    expect(na[0].mutation.fields).toEqual(batch[3].fields);
    expect((await d.db.syncState.get('device'))!.lastAckedSeq).toBe(4);
  });

  test('after a gap the unanswered entries stay, and a missing result is never an ack', async () => {
    const { d, batch } = await withOutbox(3);
    const out = await recordPushResults(d.db, batch, { results: [{ mid: batch[0].mid, status: 'applied' }, { mid: batch[1].mid, status: 'gap' }], lastSeq: 1 });
    expect(out.gapAt).toBe(1);
    expect((await d.db.outbox.toArray()).map((e) => e.seq)).toEqual([2, 3]);
  });

  test('a later accepted change of the row clears the refused one and sends again the fields it did not carry', async () => {
    const { d, batch } = await withOutbox(1);
    // The new record was refused as a whole (one field at fault); the user fixes the name.
    await recordPushResults(d.db, batch, { results: [{ mid: batch[0].mid, status: 'rejected', error: 'err.required' }], lastSeq: 1 });
    expect(await d.db.needsAttention.count()).toBe(1);
    await d.write('members', 'member-0001', { fullName: 'Người một' });
    const fix = await d.db.outbox.toArray();
    expect(Object.keys(fix[0].fields)).toEqual(['fullName']);
    await recordPushResults(d.db, fix, { results: [{ mid: fix[0].mid, status: 'applied', version: 2 }], lastSeq: 2 });
    expect(await d.db.needsAttention.count()).toBe(0);
    // createdAt was only in the refused create: it goes again, with the local value.
    const again = await d.db.outbox.toArray();
    expect(again).toHaveLength(1);
    expect(again[0]).toMatchObject({ seq: 3, table: 'members', rowId: 'member-0001', op: 'upsert' });
    expect(Object.keys(again[0].fields)).toEqual(['createdAt']);
  });

  test('the refused value stays on screen through pulls; an edit of another field does not count as the fix', async () => {
    const { d } = await withOutbox(1);
    let batch = await d.db.outbox.toArray();
    await recordPushResults(d.db, batch, { results: [{ mid: batch[0].mid, status: 'applied', version: 1 }], lastSeq: 1 });
    await d.write('members', 'member-0001', { email: 'khong-phai-email', notes: 'ghi chú' });
    batch = await d.db.outbox.toArray();
    await recordPushResults(d.db, batch, { results: [{ mid: batch[0].mid, status: 'rejected', error: 'err.email', field: 'email' }], lastSeq: 2 });
    // the server's row, without the refused email: the pull keeps what the user typed
    await applyPullPage(d.db, d.localUnitId, [pulled({ id: 'member-0001', fields: { fullName: 'Người 1' }, versions: { fullName: 1 }, version: 1 })], 1);
    expect((await d.db.members.get('member-0001'))!.email).toBe('khong-phai-email');
    // another field accepted later: still waiting for the fix
    await d.write('members', 'member-0001', { fullName: 'Người một' });
    batch = await d.db.outbox.toArray();
    await recordPushResults(d.db, batch, { results: [{ mid: batch[0].mid, status: 'applied', version: 3 }], lastSeq: 3 });
    expect(await d.db.needsAttention.count()).toBe(1);
    expect(await d.db.outbox.count()).toBe(0);
    // the email fixed: accepted; the notes that came with the refused change go again
    await d.write('members', 'member-0001', { email: 'an@doan.vn' });
    batch = await d.db.outbox.toArray();
    await recordPushResults(d.db, batch, { results: [{ mid: batch[0].mid, status: 'applied', version: 4 }], lastSeq: 4 });
    expect(await d.db.needsAttention.count()).toBe(0);
    const again = await d.db.outbox.toArray();
    expect(again.map((e) => e.fields)).toEqual([{ notes: 'ghi chú' }]);
  });

  test("a later edit of a pushed field is rebased on the server's version, whether it waited before the cycle or was typed during it", async () => {
    const { d } = await withOutbox(40);
    // member-0002's phone changed twice before the cycle began: the second waits behind the first
    await d.write('members', 'member-0002', { phone: '0911000001' });
    await d.write('members', 'member-0002', { phone: '0911000002' });
    const shape = await outboxShape(d.db);
    expect([...shape.repeated]).toEqual(['members\u0000member-0002']);
    const all = await d.db.outbox.orderBy('seq').toArray();
    const batch = all.slice(0, 41); // the 40 creates and the first phone edit
    // typed while the batch was on its way: a name edit of member-0005
    await d.write('members', 'member-0005', { fullName: 'Người năm' });
    const results = batch.map((e, i) => ({ mid: e.mid, status: 'applied' as const, version: 100 + i }));
    await recordPushResults(d.db, batch, { results, lastSeq: batch.at(-1)!.seq }, shape);
    const waiting = await d.db.outbox.orderBy('seq').toArray();
    expect(waiting.map((e) => [e.rowId, e.base])).toEqual([
      ['member-0002', { phone: 140 }],
      ['member-0005', { fullName: 104 }],
    ]);
  });

  // The shape is read from the outbox's keys (every seq, and the first of each row); a browser
  // without getAllKeys' options walks the index. Both must name the same rows, whatever the outbox.
  test('the outbox shape read from its keys names the rows the walk over its index names', async () => {
    expect('getAllRecords' in IDBIndex.prototype).toBe(true); // else this compares the walk with itself
    const d = await makeDevice('shape');
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 25; i++) {
        const n = Math.floor(next() * 30);
        await d.write(next() < 0.8 ? 'members' : 'meetings', `row-${String(n).padStart(3, '0')}`, next() < 0.5 ? { fullName: `Tên ${i}` } : { notes: `ghi chú ${i}` } as never);
      }
      // some entries leave (pushed), from the front and from the middle
      const seqs = (await d.db.outbox.toCollection().primaryKeys()) as number[];
      await d.db.outbox.bulkDelete(seqs.filter(() => next() < 0.3));
      const fast = await outboxShape(d.db);
      const walked = await walkedOutboxShape(d.db);
      expect([...fast.repeated].sort()).toEqual([...walked.repeated].sort());
      expect(fast.upTo).toBe(walked.upTo);
    }
    await d.db.outbox.clear();
    expect(await outboxShape(d.db)).toEqual({ repeated: new Set(), upTo: 0 });
  });

  test('the same without the shape (a direct call) rebases the same way', async () => {
    const { d } = await withOutbox(3);
    await d.write('members', 'member-0002', { fullName: 'Người hai' });
    const all = await d.db.outbox.orderBy('seq').toArray();
    const batch = all.slice(0, 3);
    await recordPushResults(d.db, batch, { results: batch.map((e, i) => ({ mid: e.mid, status: 'applied' as const, version: 10 + i })), lastSeq: 3 });
    expect((await d.db.outbox.toArray()).map((e) => e.base)).toEqual([{ fullName: 11 }]);
  });

  test('realignOutbox renumbers waiting entries from the server lastSeq + 1, keeping mids', async () => {
    const { d, batch } = await withOutbox(3);
    await d.db.outbox.bulkDelete([1]);
    // The server lost this device's history: it has lastSeq 0 and our outbox starts at 2.
    expect(await realignOutbox(d.db, 0)).toBe(true);
    const after = await d.db.outbox.orderBy('seq').toArray();
    expect(after.map((e) => [e.seq, e.mid])).toEqual([
      [1, batch[1].mid],
      [2, batch[2].mid],
    ]);
    expect((await d.db.syncState.get('device'))!.nextSeq).toBe(3);
    expect(await realignOutbox(d.db, 0)).toBe(false);
  });
});

// Over HTTP: RELIABILITY.md 10 (append-only entries: concurrent inserts and duplicate retries
// add up to the unique entries, none is ever changed), 11 (delete vs edit: tombstone plus a
// restorable conflict, and the restore works), 12 (clock skew), 13 (one rejected among 1,000),
// and the server-side domain rules (finalized minutes, attendance ids, unknown fields).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../../src/protocol/sync';
import { MAX_CLOCK_LEAD_MS } from '../../../server/src/sync/hlc';
import { expectOk, freshUnit, joinDevice, memberId, newMember, serverRows, startTestSyncServer, type TestServer } from './helpers';

const DAY = 86_400_000;
let clock = Date.now();
let t: TestServer;
beforeAll(async () => {
  t = await startTestSyncServer({ now: () => clock });
});
afterAll(async () => t?.close());

describe('RELIABILITY 10: append-only entries (minutesAddenda)', () => {
  it('three phones add entries concurrently with duplicate retries: the result is exactly the unique entries, unchanged', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const phones = await Promise.all([0, 1, 2].map(() => joinDevice(t.api, admin, unitId, 'deputy')));
    const meetingId = memberId();
    const expected = new Map<string, string>();
    const batches = phones.map((p, pi) =>
      Array.from({ length: 25 }, (_, i) => {
        const id = memberId();
        const text = `Bổ sung ${pi}-${i}: ${'số tiền '.repeat(i % 3)}${(pi + 1) * 1000 + i} đồng`;
        expected.set(id, text);
        return p.upsert('minutesAddenda', id, { meetingId, text, writtenAt: new Date(clock).toISOString() });
      }),
    );
    // every phone sends its batch twice at once, then once more later (a lost answer)
    const first = await Promise.all(phones.flatMap((p, i) => [p.pushRaw(batches[i]), p.pushRaw(batches[i])]));
    for (const a of first) expect(a.status).toBe(200);
    const again = await Promise.all(phones.map((p, i) => p.pushRaw(batches[i])));
    for (const a of again) expect(expectOk(a).results.every((r) => r.status === 'duplicate')).toBe(true);

    const rows = [...(await serverRows(t.api, admin, unitId)).values()].filter((r) => r.table === 'minutesAddenda');
    expect(rows).toHaveLength(expected.size);
    expect(new Map(rows.map((r) => [r.id, r.fields.text]))).toEqual(expected);
    const sum = (texts: Iterable<unknown>) => [...texts].reduce<number>((s, x) => s + Number(/(\d+) đồng$/.exec(String(x))![1]), 0);
    expect(sum(rows.map((r) => r.fields.text))).toBe(sum(expected.values()));

    // an entry is never changed or removed: a later upsert or delete of it is rejected
    const target = rows[0];
    const edit = phones[1].queue({ table: 'minutesAddenda', rowId: target.id, op: 'upsert', fields: { text: 'sửa lại' }, base: { text: target.versions.text } });
    const del = phones[1].queue({ table: 'minutesAddenda', rowId: target.id, op: 'delete', fields: { deleted: true }, base: { deleted: 0 } });
    const res = expectOk(await phones[1].pushRaw([edit, del]));
    expect(res.results.map((r) => [r.status, r.error])).toEqual([
      ['rejected', 'err.appendOnly'],
      ['rejected', 'err.appendOnly'],
    ]);
    expect((await serverRows(t.api, admin, unitId)).get(`minutesAddenda/${target.id}`)).toEqual(target);
  });
});

describe('RELIABILITY 11: delete vs edit', () => {
  for (const order of ['delete first', 'edit first'] as const) {
    it(`${order}: the tombstone wins, the edit is kept restorable, and restoring brings it back`, async () => {
      const { admin, unitId } = await freshUnit(t.api);
      const a = await joinDevice(t.api, admin, unitId, 'secretary');
      const b = await joinDevice(t.api, admin, unitId, 'deputy');
      const id = memberId();
      a.upsert('members', id, newMember('Lê Văn Cường'));
      await a.sync();
      await b.pullAll();
      a.delete('members', id);
      b.upsert('members', id, { phone: '0912345678', notes: 'đã chuyển nhà' });
      const [first, second] = order === 'delete first' ? [a, b] : [b, a];
      await first.sync();
      const results = await second.sync();
      const row = (await serverRows(t.api, admin, unitId)).get(`members/${id}`)!;
      expect(row.deleted).toBe(true);

      const conflicts = expectOk(await t.api.get(`/units/${unitId}/conflicts?status=open`, b.token));
      if (order === 'delete first') {
        // the edit arrived for a tombstone it never saw: not applied, kept as deleteEdit conflicts
        expect(results[0].status).toBe('conflict');
        expect(conflicts.map((c: any) => [c.field, c.kind, c.loserValue, c.loserDeviceId, c.winnerDeviceId])).toEqual([
          ['phone', 'deleteEdit', '0912345678', b.deviceId, a.deviceId],
          ['notes', 'deleteEdit', 'đã chuyển nhà', b.deviceId, a.deviceId],
        ]);
        expect(results[0].conflictId).toBe(conflicts[0].id);
      } else {
        // the edit was applied before the delete: its values stay in the tombstoned row
        expect(results[0].status).toBe('applied');
        expect(row.fields).toMatchObject({ phone: '0912345678', notes: 'đã chuyển nhà' });
      }

      // Restore from B (which has now pulled the tombstone): deleted:false on the tombstone's version plus the values.
      await b.pullAll();
      expect(b.row('members', id)!.deleted).toBe(true);
      b.upsert('members', id, { phone: '0912345678', notes: 'đã chuyển nhà' });
      const restore = await b.sync();
      expect(restore[0].status).toBe('applied');
      for (const c of conflicts) expectOk(await t.api.post(`/units/${unitId}/conflicts/${c.id}/resolve`, { keep: 'loser' }, b.token));
      const back = (await serverRows(t.api, admin, unitId)).get(`members/${id}`)!;
      expect(back.deleted).toBe(false);
      expect(back.fields).toMatchObject({ fullName: 'Lê Văn Cường', phone: '0912345678', notes: 'đã chuyển nhà' });
      expect(expectOk(await t.api.get(`/units/${unitId}/conflicts?status=open`, b.token))).toEqual([]);
      await a.pullAll();
      expect(a.row('members', id)).toMatchObject({ deleted: false, fields: { phone: '0912345678' } });
    });
  }
});

describe('RELIABILITY 12: clock skew', () => {
  it('−3 days, +2 h and +2 days: a deterministic winner, far-future stamps clamped, no permanent error', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const [honest, behind, ahead2h, ahead2d] = await Promise.all([0, 1, 2, 3].map(() => joinDevice(t.api, admin, unitId, 'deputy')));
    behind.clockOffsetMs = -3 * DAY;
    ahead2h.clockOffsetMs = 2 * 3600_000;
    ahead2d.clockOffsetMs = 2 * DAY;
    const id = memberId();
    honest.upsert('members', id, newMember('Phạm Thị Dung'));
    await honest.sync();
    const phones = [honest, behind, ahead2h, ahead2d];
    for (const p of phones.slice(1)) await p.pullAll();
    // all four change the same field from the same base, then push in this order
    phones.forEach((p, i) => p.upsert('members', id, { phone: `090000000${i}` }));
    const arrival: number[] = [];
    for (const p of [ahead2d, behind, honest, ahead2h]) {
      clock += 1000;
      arrival.push(clock);
      const res = await p.sync();
      expect(['applied', 'conflict']).toContain(res[0].status);
    }
    // ahead2d is clamped to its arrival + 5 min; ahead2h to ITS (later) arrival + 5 min: ahead2h wins.
    const row = (await serverRows(t.api, admin, unitId)).get(`members/${id}`)!;
    expect(row.fields.phone).toBe('0900000002');
    const conflicts = expectOk(await t.api.get(`/units/${unitId}/conflicts`, admin));
    const winnerStamps = conflicts.map((c: any) => Number(c.winnerHlc.slice(0, 13)));
    for (const ms of [...winnerStamps, ...conflicts.map((c: any) => Number(c.loserHlc.slice(0, 13)))]) {
      expect(ms).toBeLessThanOrEqual(arrival[3] + MAX_CLOCK_LEAD_MS);
    }
    // no value lost: every phone's value is the row's or a conflict's
    const kept = new Set([row.fields.phone, ...conflicts.flatMap((c: any) => [c.winnerValue, c.loserValue])]);
    for (let i = 0; i < 4; i++) expect(kept.has(`090000000${i}`)).toBe(true);

    // No permanent error: each skewed phone's next edit made after a pull simply applies.
    for (const [i, p] of [behind, ahead2d, ahead2h].entries()) {
      clock += 1000;
      await p.pullAll();
      p.upsert('members', id, { notes: `lần ${i}` });
      const res = await p.sync();
      expect(res[0].status).toBe('applied');
    }
    // Ten minutes of server time later, an honest edit concurrent with the +2-days phone's
    // wins: the far-future stamp was clamped when stored, so it cannot win for two days.
    await honest.pullAll();
    ahead2d.upsert('members', id, { currentAddress: 'Hà Nội' });
    clock += 1000;
    await ahead2d.sync();
    clock += 10 * 60_000;
    honest.clockOffsetMs = clock - Date.now(); // the honest phone's clock moves on with the world's
    honest.upsert('members', id, { currentAddress: 'Huế' }); // it had not pulled Hà Nội: concurrent
    const late = await honest.sync();
    expect(late[0].status).toBe('conflict');
    expect((await serverRows(t.api, admin, unitId)).get(`members/${id}`)!.fields.currentAddress).toBe('Huế');
  });
});

describe('RELIABILITY 13: one rejected among 1,000', () => {
  it('the other 999 apply, the bad one is rejected with its reason and field, lastSeq advances, the queue goes on', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId);
    const batch = Array.from({ length: 1000 }, (_, i) => a.upsert('members', memberId(), newMember(i === 500 ? 'x'.repeat(101) : `Đoàn viên ${i}`)));
    const res = expectOk(await a.pushRaw(batch));
    expect(res.lastSeq).toBe(1000);
    expect(res.results.filter((r) => r.status === 'applied')).toHaveLength(999);
    expect(res.results[500]).toEqual({ mid: batch[500].mid, status: 'rejected', error: 'err.tooLong', field: 'fullName' });
    expect((await serverRows(t.api, admin, unitId)).size).toBe(999);
    // the retry of a rejected change stays rejected (never "duplicate": the phone must keep it)
    expect(expectOk(await a.pushRaw([batch[500]])).results[0]).toMatchObject({ status: 'rejected', error: 'err.tooLong' });
    // the queue is not wedged
    const next = a.upsert('members', memberId(), newMember('Người tiếp theo'));
    expect(expectOk(await a.pushRaw([next])).results[0].status).toBe('applied');
  });
});

describe('domain rules over HTTP', () => {
  it('finalized minutes refuse edits and the roll of that meeting; addenda still go in', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId, 'secretary');
    const b = await joinDevice(t.api, admin, unitId, 'deputy');
    const meeting = memberId();
    const member = memberId();
    a.upsert('minutes', meeting, { meetingId: meeting, status: 'draft', votes: [], tasks: [], discussion: 'nháp' });
    await a.sync();
    await b.pullAll();
    a.upsert('minutes', meeting, { status: 'finalized', finalizedAt: new Date(clock).toISOString() });
    await a.sync();
    // B, offline, kept editing the draft and ticking the roll
    b.upsert('minutes', meeting, { discussion: 'sửa sau khi chốt' });
    b.upsert('attendance', `${meeting}:${member}`, { eventId: meeting, memberId: member, status: 'present', checkedAt: new Date(clock).toISOString() });
    b.upsert('minutesAddenda', memberId(), { meetingId: meeting, text: 'Bổ sung: đồng chí X có mặt', writtenAt: new Date(clock).toISOString() });
    const res = await b.sync();
    expect(res.map((r) => [r.status, r.error])).toEqual([
      ['rejected', 'err.locked'],
      ['rejected', 'err.locked'],
      ['applied', undefined],
    ]);
    const rows = await serverRows(t.api, admin, unitId);
    expect(rows.get(`minutes/${meeting}`)!.fields.discussion).toBe('nháp');
    expect(rows.has(`attendance/${meeting}:${member}`)).toBe(false);
  });

  it("a finalized roll's roster (5,000 ids) travels with the minutes to every phone", async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId, 'secretary');
    const meeting = memberId();
    const rosterIds = Array.from({ length: 5000 }, () => memberId());
    const attendance = { total: 5000, present: 0, late: 0, absentExcused: [], absentUnexcused: [], guests: [], rosterIds };
    a.upsert('minutes', meeting, { meetingId: meeting, status: 'finalized', votes: [], tasks: [], finalizedAt: new Date(clock).toISOString(), attendance });
    expect((await a.sync()).map((r) => r.status)).toEqual(['applied']);
    expect((await serverRows(t.api, admin, unitId)).get(`minutes/${meeting}`)!.fields.attendance).toEqual(attendance);
  });

  it('attendance twice offline (RELIABILITY 9, server side): one row, a different status is one conflict', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId, 'secretary');
    const b = await joinDevice(t.api, admin, unitId, 'deputy');
    const meeting = memberId();
    const member = memberId();
    const id = `${meeting}:${member}`;
    a.upsert('attendance', id, { eventId: meeting, memberId: member, status: 'present', checkedAt: new Date(clock).toISOString() });
    b.upsert('attendance', id, { eventId: meeting, memberId: member, status: 'late', checkedAt: new Date(clock + 5000).toISOString() });
    await a.sync();
    const res = await b.sync();
    expect(res[0].status).toBe('conflict');
    const rows = [...(await serverRows(t.api, admin, unitId)).values()];
    expect(rows).toHaveLength(1);
    const conflicts = expectOk(await t.api.get(`/units/${unitId}/conflicts`, admin));
    expect(conflicts.map((c: any) => c.field)).toEqual(['status']);
    // a random attendance id is refused: one row per member per meeting
    const bad = a.upsert('attendance', memberId(), { eventId: meeting, memberId: member, status: 'present', checkedAt: 'x' });
    expect(expectOk(await a.pushRaw([bad])).results[0]).toMatchObject({ status: 'rejected', error: 'err.id' });
  });

  it('an event recorded for a member another phone deleted: kept, and the delete filed as a conflict to undo', async () => {
    // found in use: an import undone on one phone while another recorded a member's card
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId, 'secretary');
    const b = await joinDevice(t.api, admin, unitId, 'deputy');
    const member = memberId();
    a.upsert('members', member, newMember('Ông Thị Nhàn'));
    await a.sync();
    a.delete('members', member);
    await a.sync();
    const ev = memberId();
    b.upsert('memberEvents', ev, { memberId: member, kind: 'card_issued', date: '2026-12-07' });
    const [res] = await b.sync();
    expect(res.status).toBe('conflict');
    const rows = await serverRows(t.api, admin, unitId);
    expect(rows.get(`memberEvents/${ev}`)!.deleted).toBe(false);
    const conflicts = expectOk(await t.api.get(`/units/${unitId}/conflicts`, admin));
    expect(conflicts.map((c: any) => [c.table, c.rowId, c.field, c.kind, c.winnerValue, c.loserValue])).toEqual([['members', member, 'deleted', 'deleteEdit', true, false]]);
    // an event of a member who is there files nothing
    const other = memberId();
    a.upsert('members', other, newMember('Lê Khánh Hằng'));
    await a.sync();
    b.upsert('memberEvents', memberId(), { memberId: other, kind: 'card_issued', date: '2026-12-07' });
    expect((await b.sync()).map((r) => r.status)).toEqual(['applied']);
  });

  it("a payment, the roll and training recorded for a member another phone deleted: kept, the delete filed once to undo", async () => {
    // the same as a member event: an import undone on one phone while another took the dues
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId, 'secretary');
    const b = await joinDevice(t.api, admin, unitId, 'deputy');
    const member = memberId();
    const here = memberId();
    a.upsert('members', member, newMember('Ông Thị Nhàn'));
    a.upsert('members', here, newMember('Lê Khánh Hằng'));
    await a.sync();
    a.delete('members', member);
    await a.sync();
    const meeting = memberId();
    const pay = memberId();
    b.upsert('dues', pay, { memberId: member, period: '2026-11', amount: 5000, paidAt: '2026-12-07', method: 'cash', receiptNo: 'PT-0042' });
    b.upsert('attendance', `${meeting}:${member}`, { eventId: meeting, memberId: member, status: 'present', checkedAt: '2026-12-07T08:00:00.000Z' });
    b.upsert('trainingProgress', `2026:${member}:item-0000001`, { year: 2026, memberId: member, itemId: 'item-0000001', done: true, doneAt: '2026-12-07' });
    b.upsert('attendance', `${meeting}:${here}`, { eventId: meeting, memberId: here, status: 'present', checkedAt: '2026-12-07T08:00:00.000Z' });
    const res = await b.sync();
    expect(res.map((r) => r.status)).toEqual(['conflict', 'conflict', 'conflict', 'applied']);
    // one conflict for the batch, named by each of the three
    expect(new Set(res.slice(0, 3).map((r) => r.conflictId)).size).toBe(1);
    const rows = await serverRows(t.api, admin, unitId);
    expect(rows.get(`dues/${pay}`)!.deleted).toBe(false);
    expect(rows.get(`attendance/${meeting}:${member}`)!.deleted).toBe(false);
    expect(rows.get(`members/${member}`)!.deleted).toBe(true);
    const conflicts = expectOk(await t.api.get(`/units/${unitId}/conflicts`, admin));
    expect(conflicts.map((c: any) => [c.table, c.rowId, c.field, c.kind, c.winnerValue, c.loserValue])).toEqual([['members', member, 'deleted', 'deleteEdit', true, false]]);
  });

  it("the other order: a member's delete arriving after another phone's payment and roll of them is filed as a conflict too", async () => {
    // found in use: A, offline, undid an import while B took a member's dues and synced first
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId, 'secretary');
    const b = await joinDevice(t.api, admin, unitId, 'deputy');
    const [member, unused, other] = [memberId(), memberId(), memberId()];
    a.upsert('members', member, newMember('Ông Thị Nhàn'));
    a.upsert('members', unused, newMember('Lê Khánh Hằng'));
    a.upsert('members', other, newMember('Võ Văn Tài'));
    await a.sync();
    await b.sync();
    const pay = memberId();
    const meeting = memberId();
    b.upsert('dues', pay, { memberId: member, period: '2026-11', amount: 5000, paidAt: '2026-12-07', method: 'cash', receiptNo: 'PT-0042' });
    b.upsert('attendance', `${meeting}:${member}`, { eventId: meeting, memberId: member, status: 'present', checkedAt: '2026-12-07T08:00:00.000Z' });
    // a roll mark taken back (deleted) is no record of the member
    const dropped = `${meeting}:${other}`;
    b.upsert('attendance', dropped, { eventId: meeting, memberId: other, status: 'present', checkedAt: '2026-12-07T08:00:00.000Z' });
    await b.sync();
    b.delete('attendance', dropped);
    await b.sync();
    a.delete('members', member);
    a.delete('members', unused);
    a.delete('members', other);
    const res = await a.sync();
    expect(res.map((r) => r.status)).toEqual(['conflict', 'applied', 'applied']);
    const rows = await serverRows(t.api, admin, unitId);
    expect(rows.get(`members/${member}`)!.deleted).toBe(true);
    expect(rows.get(`dues/${pay}`)!.deleted).toBe(false);
    const conflicts = expectOk(await t.api.get(`/units/${unitId}/conflicts`, admin));
    expect(conflicts.map((c: any) => [c.table, c.rowId, c.field, c.kind, c.winnerValue, c.loserValue, c.winnerDeviceId, c.loserDeviceId])).toEqual([
      ['members', member, 'deleted', 'deleteEdit', true, false, a.deviceId, b.deviceId],
    ]);
  });

  it('unknown fields: kept from a newer app (and pulled), refused from the same app; no unitId from the client', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId);
    const id = memberId();
    const m = a.upsert('members', id, { ...newMember('Võ Thị Em'), zaloId: 'vothiem' });
    const same = expectOk(await a.pushRaw([m]));
    expect(same.results[0]).toMatchObject({ status: 'rejected', error: 'err.unknownField', field: 'zaloId' });
    const m2 = a.upsert('members', memberId(), { ...newMember('Võ Thị Em'), zaloId: 'vothiem' });
    const newer = expectOk(await t.api.request('POST', `/units/${unitId}/push`, { token: a.token, body: { ...a.pushBody([m2]), schemaVersion: SCHEMA_VERSION + 1 } }));
    expect(newer.results[0].status).toBe('applied');
    expect((await serverRows(t.api, admin, unitId)).get(`members/${m2.rowId}`)!.fields.zaloId).toBe('vothiem');
    const withUnit = a.queue({ table: 'members', rowId: memberId(), op: 'upsert', fields: { ...newMember('X Y'), unitId: 'another-unit' }, base: {} });
    expect(expectOk(await a.pushRaw([withUnit])).results[0]).toMatchObject({ status: 'rejected', error: 'err.metaField', field: 'unitId' });
  });

  it('accepts a gzip-compressed push body and refuses bad gzip with a 400', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId);
    const m = a.upsert('members', memberId(), newMember('Đặng Văn Phúc'));
    expect(expectOk(await a.pushRaw([m], { gzip: true })).results[0].status).toBe('applied');
    const bad = await t.api.request('POST', `/units/${unitId}/push`, {
      token: a.token,
      raw: 'not gzip at all',
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('bad_encoding');
  });
});

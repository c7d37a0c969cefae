// Every schema step is tested by opening a database of the previous version with data in it.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { UnitDb } from '../../../src/data/db';

describe('Dexie version chain', () => {
  it('v1 → current keeps members and outbox and adds the meeting tables', async () => {
    const name = 'scd-upgrade-test';
    const v1 = new Dexie(name);
    v1.version(1).stores({
      units: 'id', members: 'id, status, subGroup, position, cardNumber, importId', memberEvents: 'id, memberId',
      imports: 'id, at', outbox: 'seq, &mid, [table+rowId]', conflicts: 'id, [table+rowId]', needsAttention: 'mid', syncState: 'key',
    });
    await v1.table('members').put({ id: 'member-00000001', fullName: 'Hồ Văn Minh', status: 'active', deleted: false, rev: {} });
    await v1.table('outbox').put({ seq: 1, mid: 'mid-00000001', table: 'members', rowId: 'member-00000001', op: 'upsert', fields: {}, base: {}, hlc: '' });
    v1.close();

    const db = new UnitDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    expect((await db.members.get('member-00000001'))?.fullName).toBe('Hồ Văn Minh');
    expect(await db.outbox.count()).toBe(1);
    await db.attendance.put({ id: 'meeting-1:member-00000001', eventId: 'meeting-1', memberId: 'member-00000001' } as never);
    expect(await db.attendance.where('eventId').equals('meeting-1').count()).toBe(1);
    db.close();
  });

  it('v2 → v3 keeps meetings and the roll and adds the training, dues and rating tables', async () => {
    const name = 'scd-upgrade-test-v2';
    const v2 = new Dexie(name);
    v2.version(1).stores({
      units: 'id', members: 'id, status, subGroup, position, cardNumber, importId', memberEvents: 'id, memberId',
      imports: 'id, at', outbox: 'seq, &mid, [table+rowId]', conflicts: 'id, [table+rowId]', needsAttention: 'mid', syncState: 'key',
    });
    v2.version(2).stores({ meetings: 'id, startsAt, status', activities: 'id, date', attendance: 'id, eventId, memberId', minutes: 'id', minutesAddenda: 'id, meetingId' });
    await v2.table('meetings').put({ id: 'meeting-00000001', title: 'Sinh hoạt tháng 3', startsAt: '2026-03-05T19:00', status: 'held' });
    await v2.table('attendance').put({ id: 'meeting-00000001:member-00000001', eventId: 'meeting-00000001', memberId: 'member-00000001' });
    v2.close();

    const db = new UnitDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    expect((await db.meetings.get('meeting-00000001'))?.title).toBe('Sinh hoạt tháng 3');
    expect(await db.attendance.where('eventId').equals('meeting-00000001').count()).toBe(1);
    await db.dues.put({ id: 'dues-00000001', memberId: 'member-00000001', period: '2026-03' } as never);
    expect(await db.dues.where('period').equals('2026-03').count()).toBe(1);
    await db.trainingProgress.put({ id: '2026:member-00000001:item-0001', year: 2026, memberId: 'member-00000001', itemId: 'item-0001' } as never);
    expect(await db.trainingProgress.where('[year+memberId]').equals([2026, 'member-00000001']).count()).toBe(1);
    db.close();
  });

  it('v3 → v4 keeps the dues ledger and indexes it by the day paid', async () => {
    const name = 'scd-upgrade-test-v3';
    const old = new Dexie(name);
    old.version(3).stores({ dues: 'id, memberId, period, receiptNo' });
    await old.table('dues').put({ id: 'dues-00000001', memberId: 'member-00000001', period: '2026-01', paidAt: '2026-03-02', amount: 2000 });
    old.close();
    const db = new UnitDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    expect(await db.dues.where('paidAt').between('2026-03-01', '2026-03-31', true, true).count()).toBe(1);
    db.close();
  });

  it('v4 → v5 keeps the rows and adds the year plan, projects, committee and photo tables', async () => {
    const name = 'scd-upgrade-test-v4';
    const old = new Dexie(name);
    old.version(4).stores({ activities: 'id, date', dues: 'id, memberId, period, receiptNo, paidAt' });
    await old.table('activities').put({ id: 'activity-00000001', title: 'Chủ nhật xanh', date: '2026-03-08' });
    old.close();
    const db = new UnitDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    expect((await db.activities.get('activity-00000001'))?.title).toBe('Chủ nhật xanh');
    await db.targets.put({ id: 'target-00000001', year: 2026 } as never);
    expect(await db.targets.where('year').equals(2026).count()).toBe(1);
    await db.youthProjectLogs.put({ id: 'log-00000001', projectId: 'project-00000001' } as never);
    expect(await db.youthProjectLogs.where('projectId').equals('project-00000001').count()).toBe(1);
    await db.fileUploads.put({ sha256: 'a'.repeat(64), queuedAt: '2026-03-08T10:00:00Z', attempts: 0 });
    expect(await db.fileUploads.orderBy('queuedAt').count()).toBe(1);
    db.close();
  });

  it('v5 → v6 keeps the year and adds the report tables', async () => {
    const name = 'scd-upgrade-test-v5';
    const old = new Dexie(name);
    old.version(5).stores({ targets: 'id, year', fileUploads: 'sha256, queuedAt' });
    await old.table('targets').put({ id: 'target-00000001', year: 2026, title: 'Kết nạp 5 đoàn viên' });
    old.close();
    const db = new UnitDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    expect((await db.targets.get('target-00000001'))?.title).toBe('Kết nạp 5 đoàn viên');
    await db.reportVersions.put({ id: 'report:2026:q1:v1', reportId: 'report:2026:q1' } as never);
    expect(await db.reportVersions.where('reportId').equals('report:2026:q1').count()).toBe(1);
    await db.reports.put({ id: 'report:2026:q1', year: 2026 } as never);
    expect(await db.reports.where('year').equals(2026).count()).toBe(1);
    db.close();
  });

  it('v6 → v7 keeps the reports and adds the level above\'s tables', async () => {
    const name = 'scd-upgrade-test-v6';
    const old = new Dexie(name);
    old.version(6).stores({ reports: 'id, year', reportReviews: 'id, reportId' });
    await old.table('reports').put({ id: 'report:2026:q1', year: 2026 });
    old.close();
    const db = new UnitDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    expect(await db.reports.where('year').equals(2026).count()).toBe(1);
    await db.checkInActions.put({ id: 'action-00000001', checkInId: 'checkin-0000001' } as never);
    expect(await db.checkInActions.where('checkInId').equals('checkin-0000001').count()).toBe(1);
    await db.unitNotes.put({ id: 'note-00000002', threadId: 'note-00000001' } as never);
    expect(await db.unitNotes.where('threadId').equals('note-00000001').count()).toBe(1);
    db.close();
  });
});

/** The stores a database has on disk: each with its key path and its indexes (name, key path, unique). */
async function installedSchema(name: string): Promise<unknown> {
  const idb = await new Promise<IDBDatabase>((ok, ko) => {
    const r = indexedDB.open(name);
    r.onsuccess = () => ok(r.result);
    r.onerror = () => ko(r.error);
  });
  const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
  const stores = [...idb.objectStoreNames].sort().map((n) => {
    const st = tx.objectStore(n);
    const indexes = [...st.indexNames].sort().map((i) => [i, st.index(i).keyPath, st.index(i).unique]);
    return [n, st.keyPath, st.autoIncrement, indexes];
  });
  idb.close();
  return stores;
}

describe('one declaration of the whole schema', () => {
  it('a phone upgraded from v1 ends with exactly the stores and indexes of a new phone', async () => {
    const fresh = new UnitDb('scd-schema-fresh');
    await fresh.open();
    fresh.close();
    const v1 = new Dexie('scd-schema-old');
    v1.version(1).stores({
      units: 'id', members: 'id, status, subGroup, position, cardNumber, importId', memberEvents: 'id, memberId',
      imports: 'id, at', outbox: 'seq, &mid, [table+rowId]', conflicts: 'id, [table+rowId]', needsAttention: 'mid', syncState: 'key',
    });
    await v1.open();
    v1.close();
    const upgraded = new UnitDb('scd-schema-old');
    await upgraded.open();
    upgraded.close();
    const want = await installedSchema('scd-schema-fresh');
    expect((want as unknown[]).length).toBe(42);
    expect(await installedSchema('scd-schema-old')).toEqual(want);
  });
});

describe('v8: the member digests', () => {
  it('are built from the rows already on the phone', async () => {
    const name = 'scd-upgrade-test-digests';
    const v1 = new Dexie(name);
    v1.version(1).stores({
      units: 'id', members: 'id, status, subGroup, position, cardNumber, importId', memberEvents: 'id, memberId',
      imports: 'id, at', outbox: 'seq, &mid, [table+rowId]', conflicts: 'id, [table+rowId]', needsAttention: 'mid', syncState: 'key',
    });
    await v1.table('members').bulkPut([
      { id: 'member-1', fullName: 'Hồ Văn Minh', status: 'active', duesCategory: 'salaried', deleted: false, rev: {} },
      { id: 'member-2', fullName: 'Lê Thị Lan', status: 'active', duesCategory: 'unsalaried', deleted: true, rev: {} },
    ]);
    await v1.table('memberEvents').put({ id: 'ev-1', memberId: 'member-1', kind: 'transfer_in', date: '2024-03-01', deleted: false, rev: {} });
    v1.close();

    const db = new UnitDb(name);
    await db.open();
    expect(await db.memberDigests.toArray()).toEqual([
      { id: 'member-1', member: { id: 'member-1', fullName: 'Hồ Văn Minh', status: 'active', duesCategory: 'salaried' }, events: { 'ev-1': { kind: 'transfer_in', date: '2024-03-01' } }, roll: {}, dues: [], exemptions: [], training: {}, progress: {} },
    ]);
    db.close();
  });
});

describe('v9: the member digests built again', () => {
  it('a phone whose digests a restore broke under v8 gets them whole from its rows', async () => {
    const name = 'scd-upgrade-test-v8-digests';
    const v8 = new Dexie(name);
    v8.version(8).stores({ members: 'id, status, subGroup, position, cardNumber, importId', memberEvents: 'id, memberId', attendance: 'id, eventId, memberId', memberDigests: 'id' });
    await v8.table('members').put({ id: 'member-1', fullName: 'Hồ Văn Minh', status: 'active', duesCategory: 'salaried', deleted: false, rev: {} });
    await v8.table('attendance').put({ id: 'meet-1:member-1', eventId: 'meet-1', memberId: 'member-1', status: 'present', deleted: false, rev: {} });
    // what the restore left: the last table's part only
    await v8.table('memberDigests').put({ id: 'member-1', events: {}, roll: {}, dues: [['2026-01', 2000]], exemptions: [], training: {}, progress: {} });
    v8.close();

    const db = new UnitDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    expect(await db.memberDigests.toArray()).toEqual([
      { id: 'member-1', member: { id: 'member-1', fullName: 'Hồ Văn Minh', status: 'active', duesCategory: 'salaried' }, events: {}, roll: { 'meet-1': 'p' }, dues: [], exemptions: [], training: {}, progress: {} },
    ]);
    db.close();
  });
});


describe('v10: the members\' unread indexes dropped', () => {
  it('a phone at v9 keeps its members and digests, with only the indexes a query reads', async () => {
    const name = 'scd-upgrade-test-v9-indexes';
    const v9 = new Dexie(name);
    v9.version(9).stores({ members: 'id, status, subGroup, position, cardNumber, importId', memberDigests: 'id' });
    const member = { id: 'member-1', fullName: 'Hồ Văn Minh', status: 'active', subGroup: 'Tổ 1', position: 'secretary', cardNumber: '079123', importId: 'import-1', duesCategory: 'salaried', deleted: false, rev: {} };
    await v9.table('members').put(member);
    await v9.table('memberDigests').put({ id: 'member-1', member: { id: 'member-1', fullName: 'Hồ Văn Minh', status: 'active', duesCategory: 'salaried', subGroup: 'Tổ 1', cardNumber: '079123' }, events: {}, roll: {}, dues: [], exemptions: [], training: {}, progress: {} });
    v9.close();

    const db = new UnitDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    expect(await db.members.get('member-1')).toEqual(member);
    expect(await db.members.where('position').equals('secretary').primaryKeys()).toEqual(['member-1']);
    expect(await db.members.where('cardNumber').equals('079123').primaryKeys()).toEqual(['member-1']);
    expect((await db.memberDigests.get('member-1'))?.member?.subGroup).toBe('Tổ 1');
    db.close();
    const members = ((await installedSchema(name)) as [string, unknown, unknown, [string][]][]).find(([n]) => n === 'members')!;
    expect(members[3].map(([index]) => index)).toEqual(['cardNumber', 'position']);
  });
});

describe('v11: the year screens\' views', () => {
  it('a phone at v10 keeps its rows and gets an empty views table, which its next write marks', async () => {
    const name = 'scd-upgrade-test-v10-views';
    const v10 = new Dexie(name);
    v10.version(10).stores({ members: 'id, position, cardNumber', ratings: 'id, year, memberId', memberDigests: 'id' });
    await v10.table('ratings').put({ id: '2026:member-1', year: 2026, memberId: 'member-1', level: 'good' });
    v10.close();

    const db = new UnitDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    expect(await db.ratings.get('2026:member-1')).toMatchObject({ level: 'good' });
    expect(await db.yearViews.count()).toBe(0);
    await db.ratings.put({ id: '2026:member-2', year: 2026, memberId: 'member-2', level: 'excellent' } as never);
    expect(await db.yearViews.get('mark')).toMatchObject({ token: expect.any(String) });
    db.close();
  });
});

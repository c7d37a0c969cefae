// Every schema step is tested by opening a database of the previous version with data in it.
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { UnitDb } from '../../../src/data/db';

describe('Dexie version chain', () => {
  it('v1 → v2 keeps members and outbox and adds the meeting tables', async () => {
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
    expect(db.verno).toBe(2);
    expect((await db.members.get('member-00000001'))?.fullName).toBe('Hồ Văn Minh');
    expect(await db.outbox.count()).toBe(1);
    await db.attendance.put({ id: 'meeting-1:member-00000001', eventId: 'meeting-1', memberId: 'member-00000001' } as never);
    expect(await db.attendance.where('eventId').equals('meeting-1').count()).toBe(1);
    db.close();
  });
});

import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createUnit } from '../../../src/features/setup/unit-repo';
import { addMemberEvent, archiveMember, createMember, updateMember } from '../../../src/features/members/members-repo';
import { listMembers, listMemberEvents, getMember } from '../../../src/features/members/member-queries';
import { activeDb, resetSession } from '../../../src/data/session';
import { closeUnitDb } from '../../../src/data/db';
import { upsertRow } from '../../../src/data/outbox';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(async () => {
  closeUnitDb();
  resetSession();
  for (const name of await Dexie.getDatabaseNames()) if (name.startsWith('scd-')) await Dexie.delete(name);
  await createUnit({ name: 'Chi đoàn Công ty May 30/4', kind: 'branch', parentUnit: 'Đoàn phường 7', subGroups: ['Tổ 1'] });
});

describe('members repo: row and outbox in one transaction', () => {
  it('creates a member and appends one outbox entry with its fields and zero bases', async () => {
    const m = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Hồ Văn Minh', phone: '0914819742' });
    const db = await activeDb();
    const entries = await db.outbox.where({ table: 'members', rowId: m.id }).toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0].op).toBe('upsert');
    expect(entries[0].fields).toMatchObject({ fullName: 'Hồ Văn Minh', phone: '0914819742' });
    expect(entries[0].base).toMatchObject({ fullName: 0, phone: 0 });
  });

  it('numbers outbox entries per device with no gaps, and an edit sends only changed fields', async () => {
    const m = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Hồ Văn Minh' });
    await updateMember(m.id, { phone: '0900000000' });
    await updateMember(m.id, { phone: '0900000000' }); // no change → no entry
    const db = await activeDb();
    const all = await db.outbox.orderBy('seq').toArray();
    expect(all.map((e) => e.seq)).toEqual([1, 2, 3]); // unit, member, edit
    expect(all[2].fields).toEqual({ phone: '0900000000' });
    expect(new Set(all.map((e) => e.mid)).size).toBe(3);
  });

  it('refuses invalid input and writes nothing', async () => {
    await expect(createMember({ ...MEMBER_DEFAULTS, fullName: '' })).rejects.toThrow();
    const db = await activeDb();
    expect(await db.members.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1); // only the unit
  });

  it('rolls back the row when the transaction fails after writing it', async () => {
    const db = await activeDb();
    await expect(
      db.transaction('rw', [db.members, db.outbox, db.syncState], async () => {
        await upsertRow(db, 'members', 'member-rollback-1', 'u', { ...MEMBER_DEFAULTS, fullName: 'Lê Khánh Hằng' });
        throw new Error('crash after write');
      }),
    ).rejects.toThrow('crash after write');
    expect(await db.members.get('member-rollback-1')).toBeUndefined();
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses an outbox write outside a transaction', async () => {
    const db = await activeDb();
    await expect(upsertRow(db, 'members', 'member-x-0001', 'u', { fullName: 'X Y' })).rejects.toThrow(/inside a Dexie transaction/);
  });

  it('archives without deleting', async () => {
    const m = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Mai Văn An' });
    await archiveMember(m.id);
    const stored = await getMember(m.id);
    expect(stored?.archivedAt).toBeTruthy();
    expect(stored?.deleted).toBe(false);
    expect(await listMembers()).toHaveLength(1);
  });

  it('an event that changes status updates the member in the same transaction', async () => {
    const m = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Tạ Đức Khang' });
    await addMemberEvent({ memberId: m.id, kind: 'transfer_out', date: '2026-10-01', decisionNumber: '12/QĐ' });
    await addMemberEvent({ memberId: m.id, kind: 'commendation', date: '2026-05-19' });
    expect((await getMember(m.id))?.status).toBe('transferred_out');
    const events = await listMemberEvents(m.id);
    expect(events.map((e) => e.kind)).toEqual(['transfer_out', 'commendation']);
    await addMemberEvent({ memberId: m.id, kind: 'discipline', disciplineLevel: 'expulsion', date: '2026-11-01' });
    expect((await getMember(m.id))?.status).toBe('expelled');
  });

  it('a discipline event without its level is refused', async () => {
    const m = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Tạ Đức Khang' });
    await expect(addMemberEvent({ memberId: m.id, kind: 'discipline', date: '2026-11-01' })).rejects.toThrow();
    expect(await listMemberEvents(m.id)).toHaveLength(0);
  });
});

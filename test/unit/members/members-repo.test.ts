import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createUnit } from '../../../src/features/setup/unit-repo';
import { addMemberEvent, archiveMember, createMember, updateMember } from '../../../src/features/members/members-repo';
import { removeMemberEvent } from '../../../src/features/members/member-event-repo';
import { listMembers, listMemberEvents, getMember, membersInUnit } from '../../../src/features/members/member-queries';
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

describe('an event recorded by mistake is removed', () => {
  it('a transfer entered on the wrong member: removed, she is active and in the unit again', async () => {
    const m = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Phùng Thị Lệ', admissionDate: '2015-03-26' });
    const e = await addMemberEvent({ memberId: m.id, kind: 'transfer_out', date: '2026-10-01' });
    expect(await membersInUnit('2026-12-01')).not.toContain(m.id);
    // the status edited back on the form does not bring her back: the events decide
    await updateMember(m.id, { status: 'active' });
    await addMemberEvent({ memberId: m.id, kind: 'commendation', date: '2026-05-19' });
    const db = await activeDb();
    const before = await db.outbox.count();
    await removeMemberEvent(e.id);
    expect((await listMemberEvents(m.id)).map((x) => x.kind)).toEqual(['commendation']);
    expect(await membersInUnit('2026-12-01')).toContain(m.id);
    expect((await db.memberEvents.get(e.id))?.deleted).toBe(true);
    const sent = await db.outbox.orderBy('seq').offset(before).toArray();
    expect(sent.map((x) => [x.table, x.op])).toEqual([['memberEvents', 'delete']]);
  });

  it('the status the event set goes back to what the remaining events give, or active', async () => {
    const a = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Tạ Đức Khang' });
    const graduated = await addMemberEvent({ memberId: a.id, kind: 'graduation', date: '2026-11-01' });
    expect((await getMember(a.id))?.status).toBe('graduated');
    await removeMemberEvent(graduated.id);
    expect((await getMember(a.id))?.status).toBe('active');

    const b = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Khánh Hằng' });
    await addMemberEvent({ memberId: b.id, kind: 'transfer_out', date: '2025-06-01' });
    const expelled = await addMemberEvent({ memberId: b.id, kind: 'discipline', disciplineLevel: 'expulsion', date: '2026-02-01' });
    await removeMemberEvent(expelled.id);
    expect((await getMember(b.id))?.status).toBe('transferred_out');
  });

  it('a status changed on the form since, or by an event that only adds history, stays', async () => {
    const m = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Hồ Văn Minh' });
    const out = await addMemberEvent({ memberId: m.id, kind: 'transfer_out', date: '2026-10-01' });
    await updateMember(m.id, { status: 'struck_off' });
    await removeMemberEvent(out.id);
    expect((await getMember(m.id))?.status).toBe('struck_off');
    const praise = await addMemberEvent({ memberId: m.id, kind: 'commendation', date: '2026-05-19' });
    await removeMemberEvent(praise.id);
    await removeMemberEvent(praise.id); // twice: nothing more
    expect((await getMember(m.id))?.status).toBe('struck_off');
    expect(await listMemberEvents(m.id)).toEqual([]);
  });
});


describe('a card number belongs to one member', () => {
  it('the form refuses a card another member holds, and writes nothing', async () => {
    const chau = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Đặng Diệu Châu', cardNumber: '985533992' });
    await expect(createMember({ ...MEMBER_DEFAULTS, fullName: 'Hồ Văn Minh', cardNumber: '985533992' })).rejects.toThrow('err.cardTaken');
    const minh = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Hồ Văn Minh' });
    await expect(updateMember(minh.id, { cardNumber: '985533992' })).rejects.toThrow('err.cardTaken');
    expect((await getMember(minh.id))!.cardNumber).toBeUndefined();
    // her own card on her own record; a card she gave up is free
    await updateMember(chau.id, { phone: '0900000000' });
    await updateMember(chau.id, { cardNumber: '985533993' });
    await updateMember(minh.id, { cardNumber: '985533992' });
    expect((await getMember(minh.id))!.cardNumber).toBe('985533992');
  });
});

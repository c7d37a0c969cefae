// The roll's repo additions and the lock: a refused tap leaves neither a row nor an outbox
// entry (the lock check runs beside the write in the same transaction).
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { liveQuery } from 'dexie';
import { freshUnit } from '../helpers';
import { createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { clearAttendance, clearAttendanceMany, listAttendance, markAllPresent, markAttendance } from '../../../src/features/attendance/attendance-repo';
import { commit, onLocalWrite } from '../../../src/data/commit';
import { upsertRow } from '../../../src/data/outbox';
import { activeUnitId } from '../../../src/data/session';
import { attendanceFields, type Attendance, type AttendanceStatus } from '../../../src/protocol/meeting';
import type { Mutation } from '../../../src/protocol/outbox';
import { finalizeMinutes } from '../../../src/features/minutes/minutes-repo';
import { activeDb } from '../../../src/data/session';
import { closeUnitDb } from '../../../src/data/db';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(() => freshUnit());

async function setup() {
  const members = [];
  for (const fullName of ['Đặng Diệu Châu', 'Hồ Văn Minh', 'Nguyễn Bảo Yến']) members.push(await createMember({ ...MEMBER_DEFAULTS, fullName }));
  const meeting = await createMeeting({ kind: 'regular', title: 'Sinh hoạt tháng 3', startsAt: '2026-03-15T19:30', guests: [], status: 'planned' });
  return { ids: members.map((m) => m.id), meeting };
}

describe('attendance repo', () => {
  it('a tap on a finalized roll is refused and writes nothing: no row, no outbox entry', async () => {
    const { ids, meeting } = await setup();
    await markAttendance(meeting.id, ids[0], 'present');
    await finalizeMinutes(meeting.id);
    const db = await activeDb();
    const before = await db.outbox.count();
    await expect(markAttendance(meeting.id, ids[1], 'late')).rejects.toMatchObject({ key: 'err.locked' });
    await expect(markAttendance(meeting.id, ids[0], 'late')).rejects.toMatchObject({ key: 'err.locked' });
    expect(await db.outbox.count()).toBe(before);
    expect(await db.attendance.get(`${meeting.id}:${ids[1]}`)).toBeUndefined();
    expect((await db.attendance.get(`${meeting.id}:${ids[0]}`))?.status).toBe('present');
    await expect(clearAttendanceMany(meeting.id, [ids[0]])).rejects.toMatchObject({ key: 'err.locked' });
  });

  it("a viewer's tap is refused as read-only before anything is written (the tap checks the role itself)", async () => {
    const { ids, meeting } = await setup();
    const other = await createMeeting({ kind: 'regular', title: 'Sinh hoạt tháng 4', startsAt: '2026-04-15T19:30', guests: [], status: 'planned' });
    await finalizeMinutes(other.id);
    const db = await activeDb();
    const dev = (await db.syncState.get('device'))!;
    const server = { baseUrl: '', unitId: 'u', unitName: 'Chi đoàn', role: 'viewer', deviceToken: 't', joinedAt: '2026-01-01T00:00:00.000Z' };
    await db.syncState.put({ ...dev, server });
    const before = await db.outbox.count();
    await expect(markAttendance(meeting.id, ids[0], 'present')).rejects.toMatchObject({ key: 'err.readOnly' });
    // Locked and read-only: the role is what is said, as commit() says it on every other write.
    await expect(markAttendance(other.id, ids[1], 'present')).rejects.toMatchObject({ key: 'err.readOnly' });
    expect(await db.outbox.count()).toBe(before);
    expect(await db.attendance.get(`${meeting.id}:${ids[0]}`)).toBeUndefined();
    expect((await db.syncState.get('device'))?.nextSeq).toBe(dev.nextSeq);
  });

  it('clearAttendanceMany undoes "everyone present" in one transaction, as tombstones with outbox deletes', async () => {
    const { ids, meeting } = await setup();
    expect(await markAllPresent(meeting.id, ids)).toBe(3);
    const db = await activeDb();
    const before = await db.outbox.count();
    await clearAttendanceMany(meeting.id, ids);
    expect(await listAttendance(meeting.id)).toHaveLength(0);
    const rows = await db.attendance.where('eventId').equals(meeting.id).toArray();
    expect(rows.every((r) => r.deleted)).toBe(true);
    expect(await db.outbox.count()).toBe(before + 3);
    expect((await db.outbox.orderBy('seq').last())?.op).toBe('delete');
  });

  it('the tap write stores exactly what the shared upsertRow path stores: row, outbox fields, bases, seqs', async () => {
    const { ids, meeting } = await setup();
    const [fast, ref] = ids;
    const db = await activeDb();
    const unitId = await activeUnitId();
    /** The reference: the shared write path of src/data/outbox.ts. */
    const refMark = (status: AttendanceStatus, reason?: string) => {
      const fields = attendanceFields.parse({ eventId: meeting.id, memberId: ref, status, reason: reason || undefined, checkedAt: new Date().toISOString() });
      return commit(db, [db.attendance, db.minutes], () => upsertRow<Attendance>(db, 'attendance', `${meeting.id}:${ref}`, unitId, fields));
    };
    /** The server acknowledged some fields: their versions move on (what sync writes into rev). */
    const ack = async (memberId: string, rev: Record<string, number>) => {
      await db.transaction('rw', db.attendance, async () => {
        const row = await db.attendance.get(`${meeting.id}:${memberId}`);
        await db.attendance.put({ ...row!, rev });
      });
    };
    const steps: [AttendanceStatus | 'clear' | 'ack', string?][] = [
      ['present'], ['late'], ['ack'], ['absent_excused', 'Ốm'], ['absent_excused', 'Ốm'], ['absent_excused', 'Công tác'],
      ['absent_unexcused'], ['clear'], ['present'], ['ack'], ['present'], ['late'],
    ];
    const outboxOf = async (memberId: string) =>
      (await db.outbox.orderBy('seq').toArray()).filter((m: Mutation) => m.rowId === `${meeting.id}:${memberId}`);
    for (const [step, reason] of steps) {
      if (step === 'clear') {
        await clearAttendance(meeting.id, fast);
        await clearAttendance(meeting.id, ref);
      } else if (step === 'ack') {
        await ack(fast, { status: 7, checkedAt: 7, deleted: 3 });
        await ack(ref, { status: 7, checkedAt: 7, deleted: 3 });
      } else {
        await markAttendance(meeting.id, fast, step, reason);
        await refMark(step, reason);
      }
      const [a, b] = await Promise.all([db.attendance.get(`${meeting.id}:${fast}`), db.attendance.get(`${meeting.id}:${ref}`)]);
      const strip = (r: Attendance | undefined) => r && { ...r, id: 'x', memberId: 'x', checkedAt: 'x', createdAt: 'x', updatedAt: 'x' };
      expect(strip(a)).toEqual(strip(b));
      // the member's digest (the year screens' read) moves as the middleware moves it
      const [da, db_] = await Promise.all([db.memberDigests.get(fast), db.memberDigests.get(ref)]);
      expect(da?.roll).toEqual(db_?.roll);
    }
    const norm = (m: Mutation) => ({
      op: m.op,
      table: m.table,
      base: m.base,
      fields: Object.fromEntries(Object.entries(m.fields).map(([k, v]) => [k, k === 'memberId' || k === 'checkedAt' || k === 'createdAt' ? typeof v : v])),
    });
    const [fa, ra] = [await outboxOf(fast), await outboxOf(ref)];
    expect(fa.map(norm)).toEqual(ra.map(norm));
    expect(fa.length).toBe(10); // twelve steps, two acks that write nothing; a clear is a delete entry
    // seqs stay gap-free and HLC stamps increase across both paths
    const all = await db.outbox.orderBy('seq').toArray();
    all.forEach((m, i) => i && expect(m.seq).toBe(all[i - 1].seq + 1));
    all.forEach((m, i) => i && expect(m.hlc > all[i - 1].hlc).toBe(true));
  });

  it('a tap is seen by live queries over its row, its outbox entry and its digest, and tells sync', async () => {
    const { ids, meeting } = await setup();
    const db = await activeDb();
    const rolls: number[] = [];
    const letters: (string | undefined)[] = [];
    const pending: number[] = [];
    const subs = [
      liveQuery(async () => (await db.attendance.where('eventId').equals(meeting.id).toArray()).length).subscribe((n) => rolls.push(n)),
      liveQuery(async () => (await db.memberDigests.get(ids[0]))?.roll[meeting.id]).subscribe((l) => letters.push(l)),
      liveQuery(() => db.outbox.count()).subscribe((n) => pending.push(n)),
    ];
    let told = 0;
    const off = onLocalWrite(() => told++);
    try {
      await vi.waitFor(() => expect(rolls.length && letters.length && pending.length).toBeTruthy());
      const before = pending.at(-1)!;
      await markAttendance(meeting.id, ids[0], 'present');
      await vi.waitFor(() => {
        expect(rolls.at(-1)).toBe(1);
        expect(letters.at(-1)).toBe('p');
        expect(pending.at(-1)).toBe(before + 1);
        expect(told).toBe(1);
      });
    } finally {
      off();
      for (const s of subs) s.unsubscribe();
    }
  });

  it('a device that never wrote gets its state from the first tap', async () => {
    const { ids, meeting } = await setup();
    const db = await activeDb();
    // as on a device whose rows all came from elsewhere: no state, nothing of its own to send
    await db.transaction('rw', db.syncState, db.outbox, () => Promise.all([db.syncState.delete('device'), db.outbox.clear()]));
    await markAttendance(meeting.id, ids[0], 'late');
    expect((await db.attendance.get(`${meeting.id}:${ids[0]}`))?.status).toBe('late');
    expect((await db.outbox.toArray()).map((m) => [m.seq, m.rowId])).toEqual([[1, `${meeting.id}:${ids[0]}`]]);
    expect((await db.syncState.get('device'))?.nextSeq).toBe(2);
    expect((await db.memberDigests.get(ids[0]))?.roll[meeting.id]).toBe('l');
  });

  it("a tap that is the session's first use of the database opens it first", async () => {
    const { ids, meeting } = await setup();
    closeUnitDb(); // as a new session: the unit's database object made, not opened yet
    await markAttendance(meeting.id, ids[0], 'present');
    expect((await (await activeDb()).attendance.get(`${meeting.id}:${ids[0]}`))?.status).toBe('present');
  });
});

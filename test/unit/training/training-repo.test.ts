// Training programme writes over real Dexie (fake-indexeddb): row + outbox in one
// transaction, bulk registration in one transaction, refusals that write nothing.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { markAttendance } from '../../../src/features/attendance/attendance-repo';
import {
  addTrainingItem, assessOutcome, createDefaultProgramme, deleteTrainingItem, moveTrainingItem, registerMembers, renameArea,
  setMemberItems, setProgress, setProgressMany, updateTrainingItem,
} from '../../../src/features/training/training-repo';
import { listTrainingItems, loadItemRoll, loadMemberTraining, loadTrainingYear } from '../../../src/features/training/training-queries';
import { trainingRates } from '../../../src/protocol/training-rules';
import { activeDb } from '../../../src/data/session';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

const Y = 2026;
beforeEach(() => freshUnit());

async function members(n: number) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(await createMember({ ...MEMBER_DEFAULTS, fullName: `Nguyễn Văn Số ${i}` }));
  return out;
}

async function outboxCount(table: string) {
  const db = await activeDb();
  return db.outbox.filter((m) => m.table === table).count();
}

describe('the programme', () => {
  it('creates the five default areas in one transaction, once per year', async () => {
    const items = await createDefaultProgramme(Y);
    expect(items).toHaveLength(10);
    expect(await outboxCount('trainingItems')).toBe(10);
    await expect(createDefaultProgramme(Y)).rejects.toMatchObject({ key: 'training.errProgrammeExists' });
    expect(await outboxCount('trainingItems')).toBe(10);
    expect(await listTrainingItems(Y + 1)).toHaveLength(0);
  });

  it('adds a unit item at the end of its area, renames, reorders, deletes; renaming an area renames its items', async () => {
    const items = await createDefaultProgramme(Y);
    const area = items[0].area;
    const mine = await addTrainingItem(Y, area, 'Đọc sách về Bác mỗi tháng');
    let list = await listTrainingItems(Y);
    expect(list.filter((i) => i.area === area).map((i) => i.id)).toEqual([items[0].id, items[1].id, mine.id]);
    await moveTrainingItem(mine.id, -1);
    list = await listTrainingItems(Y);
    expect(list.filter((i) => i.area === area).map((i) => i.id)).toEqual([items[0].id, mine.id, items[1].id]);
    await updateTrainingItem(mine.id, { title: 'Đọc một cuốn sách về Bác' });
    expect(await renameArea(Y, area, 'Lý tưởng cách mạng')).toBe(3);
    list = await listTrainingItems(Y);
    expect(list.filter((i) => i.area === 'Lý tưởng cách mạng')).toHaveLength(3);
    expect(list.find((i) => i.id === mine.id)?.title).toBe('Đọc một cuốn sách về Bác');
    await deleteTrainingItem(items[9].id);
    expect(await listTrainingItems(Y)).toHaveLength(10);
    await expect(addTrainingItem(Y, area, ' ')).rejects.toMatchObject({ key: 'err.required' });
  });
});

describe('registration', () => {
  it('registers many members with every item in ONE transaction (one outbox seq range, all or nothing)', async () => {
    const ms = await members(30);
    const items = await createDefaultProgramme(Y);
    const db = await activeDb();
    const before = (await db.syncState.get('device'))!.nextSeq;
    expect(await registerMembers(Y, ms.map((m) => m.id))).toBe(30);
    const entries = await db.outbox.where('seq').aboveOrEqual(before).toArray();
    expect(entries.filter((e) => e.table === 'trainingRegistrations')).toHaveLength(30);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => before + i));
    const year = await loadTrainingYear(Y);
    expect(year.registrations.get(ms[0].id)?.itemIds).toEqual(items.map((i) => i.id));
    // Again: nobody new, nothing written.
    expect(await registerMembers(Y, ms.map((m) => m.id))).toBe(0);
    expect(await outboxCount('trainingRegistrations')).toBe(30);
  });

  it('a missing member refuses the whole batch: nothing written', async () => {
    const ms = await members(3);
    await createDefaultProgramme(Y);
    await expect(registerMembers(Y, [ms[0].id, 'khong-co-nguoi-nay', ms[1].id])).rejects.toMatchObject({ key: 'training.errMemberGone' });
    expect(await outboxCount('trainingRegistrations')).toBe(0);
    expect((await loadTrainingYear(Y)).registrations.size).toBe(0);
  });

  it('refuses with no programme, or with no item chosen', async () => {
    const ms = await members(1);
    await expect(registerMembers(Y, [ms[0].id])).rejects.toMatchObject({ key: 'training.errNoProgramme' });
    await createDefaultProgramme(Y);
    await expect(registerMembers(Y, [ms[0].id], [])).rejects.toMatchObject({ key: 'training.errNoItems' });
    await expect(setMemberItems(Y, ms[0].id, ['khong-co-muc-nay'])).rejects.toMatchObject({ key: 'training.errNoItems' });
    expect(await outboxCount('trainingRegistrations')).toBe(0);
  });

  it('one member with chosen items, then a change of items keeps the registration date', async () => {
    const [m] = await members(1);
    const items = await createDefaultProgramme(Y);
    const r1 = await setMemberItems(Y, m.id, [items[0].id, items[2].id]);
    expect(r1.itemIds).toEqual([items[0].id, items[2].id]);
    const r2 = await setMemberItems(Y, m.id, [items[1].id]);
    expect(r2.registeredAt).toBe(r1.registeredAt);
    expect(r2.id).toBe(`${Y}:${m.id}`);
  });
});

describe('progress, credit and outcome', () => {
  it('records one item for one member, one item for many, and credits a linked meeting\'s attendance', async () => {
    const ms = await members(4);
    const items = await createDefaultProgramme(Y);
    await registerMembers(Y, ms.map((m) => m.id));
    await setProgress(Y, ms[0].id, items[0].id, { done: true, doneAt: `${Y}-03-26`, evidence: 'Giấy chứng nhận' });
    expect(await setProgressMany(Y, items[3].id, [ms[1].id, ms[2].id], { done: true, doneAt: `${Y}-04-10` })).toBe(2);
    await expect(setProgress(Y, ms[0].id, items[1].id, { done: true })).rejects.toMatchObject({ key: 'training.errDoneDate' });

    const meeting = await createMeeting({ kind: 'political', title: 'Học nghị quyết', startsAt: `${Y}-05-19T08:00`, place: 'Hội trường', guests: [], status: 'held' });
    await updateTrainingItem(items[1].id, { eventIds: [meeting.id] });
    await markAttendance(meeting.id, ms[3].id, 'late');
    await markAttendance(meeting.id, ms[2].id, 'absent_unexcused');

    const one = await loadMemberTraining(Y, ms[0].id);
    expect(one?.progress[0]).toMatchObject({ id: `${Y}:${ms[0].id}:${items[0].id}`, done: true, evidence: 'Giấy chứng nhận' });
    const three = await loadMemberTraining(Y, ms[3].id);
    expect([...three!.credited]).toEqual([items[1].id]);
    expect(three!.eventTitles.get(meeting.id)).toBe('Học nghị quyết');
    const roll = await loadItemRoll(items[3].id);
    expect([...roll!.progress.keys()].sort()).toEqual([ms[1].id, ms[2].id].sort());
    expect(roll!.members).toHaveLength(4);
  });

  it('outcome only for a registered member; rates follow', async () => {
    const ms = await members(3);
    await createDefaultProgramme(Y);
    await registerMembers(Y, [ms[0].id, ms[1].id]);
    await assessOutcome(Y, ms[0].id, 'excellent', 'Gương mẫu');
    await assessOutcome(Y, ms[1].id, 'not_completed');
    await expect(assessOutcome(Y, ms[2].id, 'good')).rejects.toMatchObject({ key: 'training.errNotRegistered' });
    const y = await loadTrainingYear(Y);
    const r = trainingRates(y.roster.map((m) => m.id), [...y.registrations.values()]);
    expect(r).toMatchObject({ expected: 3, registered: 2, completing: 1, notRegistered: [ms[2].id], notCompleting: [ms[1].id] });
    expect(y.registrations.get(ms[0].id)).toMatchObject({ outcome: 'excellent' });
    expect((await loadMemberTraining(Y, ms[0].id))?.registration).toMatchObject({ outcome: 'excellent', note: 'Gương mẫu' });
  });
});

// The year views (src/data/year-views.ts) are shown only while nothing was written since they
// were worked out: every path that writes a data table moves the token in its transaction (a
// repo, a bulk write, a cleared table, Collection.modify, the roll's tap written without
// Dexie), a save after a write in between is refused, and the tables that change no figure
// (outbox, sync state, digests) leave a view alone.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { readYearView, saveYearView, VIEW_TABLE } from '../../../src/data/year-views';
import { createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { markAttendance } from '../../../src/features/attendance/attendance-repo';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';
import type { UnitDb } from '../../../src/data/db';

beforeEach(() => freshUnit());

const STAMP = '2026-12-07|code|2026';

/** Saves a view as a screen does: the token read first, the save after. */
async function saved(db: UnitDb, id = 'training:2026', data: unknown = { n: 1 }): Promise<void> {
  const read = await readYearView(db, id, STAMP);
  expect(read.view).toBeUndefined();
  expect(await saveYearView(db, id, STAMP, read.token, data)).toBe(true);
  expect((await readYearView(db, id, STAMP)).view).toEqual(data);
}

const shown = async (db: UnitDb, id = 'training:2026') => (await readYearView(db, id, STAMP)).view;

describe('year views', () => {
  it('is read back for the same stamp only', async () => {
    const db = await activeDb();
    await saved(db, 'rating:2026', { rows: [1, 2, 3] });
    expect(await shown(db, 'rating:2026')).toEqual({ rows: [1, 2, 3] });
    expect((await readYearView(db, 'rating:2026', '2026-12-08|code|2026')).view).toBeUndefined();
    expect(await shown(db, 'grid:2026')).toBeUndefined();
  });

  it('is not shown after a repo write', async () => {
    const db = await activeDb();
    await saved(db);
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Thị Lan' });
    expect(await shown(db)).toBeUndefined();
  });

  it('is not shown after the roll’s tap, written without Dexie', async () => {
    const db = await activeDb();
    const m = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Thị Lan' });
    const meeting = await createMeeting({ kind: 'regular', title: 'Sinh hoạt tháng 12', startsAt: '2026-12-05T19:30', guests: [], status: 'held' });
    await markAttendance(meeting.id, m.id, 'present');
    await saved(db);
    await markAttendance(meeting.id, m.id, 'late');
    expect(await shown(db)).toBeUndefined();
  });

  it('is not shown after a bulk write, a modify, a delete or a cleared table', async () => {
    const db = await activeDb();
    const writes: (() => Promise<unknown>)[] = [
      () => db.table('ratings').bulkPut([{ id: '2026:m1', year: 2026, memberId: 'm1', level: 'good' }]),
      () => db.table('ratings').where('year').equals(2026).modify({ level: 'excellent' }),
      () => db.table('ratings').delete('2026:m1'),
      () => db.table('dues').clear(),
      () => db.transaction('rw', db.table('trainingItems'), db.table('outbox'), () => db.table('trainingItems').put({ id: 'i1', year: 2026 })),
    ];
    for (const write of writes) {
      await saved(db);
      await write();
      expect(await shown(db)).toBeUndefined();
    }
  });

  it('stays when only the outbox, the sync state or the digests are written', async () => {
    const db = await activeDb();
    await saved(db);
    await db.table('syncState').put({ key: 'other', n: 1 });
    await db.table('outbox').clear();
    await db.table('memberDigests').put({ id: 'm9', events: {}, roll: {}, dues: [], exemptions: [], training: {}, progress: {} });
    expect(await shown(db)).toEqual({ n: 1 });
  });

  it('stays after a write that failed: nothing of it was committed', async () => {
    const db = await activeDb();
    await saved(db);
    await expect(
      db.transaction('rw', db.table('ratings'), async () => {
        await db.table('ratings').put({ id: '2026:m1', year: 2026, memberId: 'm1', level: 'good' });
        throw new Error('half-way');
      }),
    ).rejects.toThrow('half-way');
    expect(await db.table('ratings').count()).toBe(0);
    expect(await shown(db)).toEqual({ n: 1 });
  });

  it('refuses a save worked out before a write that came in between', async () => {
    const db = await activeDb();
    await saved(db);
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Thị Lan' });
    const read = await readYearView(db, 'training:2026', STAMP);
    expect(read.view).toBeUndefined();
    const token = read.token;
    // The screen reads and works out the year meanwhile; another write lands.
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Hồ Văn Minh' });
    expect(await saveYearView(db, 'training:2026', STAMP, token, { n: 2 })).toBe(false);
    expect(await shown(db)).toBeUndefined();
  });

  it('refuses a save begun on an empty table when a write came first', async () => {
    const db = await activeDb();
    await db.table(VIEW_TABLE).clear();
    const read = await readYearView(db, 'training:2026', STAMP);
    expect(read).toEqual({ view: undefined, token: undefined });
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Lê Thị Lan' });
    expect(await saveYearView(db, 'training:2026', STAMP, undefined, { n: 3 })).toBe(false);
  });
});

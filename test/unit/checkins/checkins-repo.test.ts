// Check-ins over real Dexie (fake-indexeddb), from both sides: the level above records a
// check-in and its actions in a supervised unit's database (opened apart, role supervisor);
// the unit updates an action's follow-up in its own; the unit is refused a check-in; a viewer
// writes nothing; overdue actions are counted for Home.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshUnit, refusal } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { openUnitDbApart, type UnitDb } from '../../../src/data/db';
import { deleteCheckIn, followUpAction, saveAction, saveCheckIn } from '../../../src/features/checkins/checkins-repo';
import { actionCounts, checkinRights, getCheckIn, listActions, loadOverview, unitOf } from '../../../src/features/checkins/checkins-queries';
import { updateUnit } from '../../../src/features/setup/unit-repo';

const UNIT = 'unit-above-0001';
let above: UnitDb;

async function asRole(db: UnitDb, role: string) {
  await db.syncState.put({ key: 'device', deviceId: 'dev-1', nextSeq: 1, hlcMs: 0, hlcCounter: 0, cursor: 0, lastAckedSeq: 0, server: { baseUrl: '', unitId: UNIT, unitName: 'Chi đoàn 1', role, deviceToken: 'x', joinedAt: '2026-01-01T00:00:00Z' } } as never);
}

beforeEach(async () => {
  await freshUnit();
  above = openUnitDbApart(UNIT);
  await asRole(above, 'supervisor');
});
afterEach(() => above.close());

const input = { date: '2026-04-15', place: 'Nhà văn hóa khu phố 3', attendees: 'Đ/c Lan (phụ trách), Đ/c Minh (bí thư)', findings: 'Sinh hoạt đều; đoàn phí chậm 2 tháng.', byName: 'lan.nguyen' };

describe('checkins repo', () => {
  it('the level above records a check-in with its actions in the unit database, with outbox entries', async () => {
    const c = await saveCheckIn(above, undefined, input, [
      { what: 'Thu đủ đoàn phí quý I', who: 'Bí thư', dueOn: '2026-05-01' },
      { what: '  ', who: '', dueOn: '' },
      { what: 'Đăng ký công trình thanh niên', dueOn: '2026-06-30' },
    ]);
    expect(c.unitId).toBe(UNIT);
    const view = await getCheckIn(above, c.id, '2026-05-10');
    expect(view?.checkIn.findings).toBe(input.findings);
    expect(view?.actions.map((a) => [a.what, a.status])).toEqual([
      ['Thu đủ đoàn phí quý I', 'open'],
      ['Đăng ký công trình thanh niên', 'open'],
    ]);
    expect((await above.outbox.toArray()).map((o) => o.table).sort()).toEqual(['checkInActions', 'checkInActions', 'checkIns']);
    expect(await actionCounts(above, '2026-05-10')).toEqual({ open: 2, overdue: 1 });
    expect((await checkinRights(above)).editCheckIns).toBe(true);
  });

  it("the record's head reads the unit's locality with its names", async () => {
    expect((await unitOf(await activeDb()))?.locality).toBeUndefined();
    await updateUnit({ locality: 'Quận 8' });
    expect(await unitOf(await activeDb())).toMatchObject({ name: 'Chi đoàn Công ty May 30/4', parentUnit: 'Đoàn phường 7', locality: 'Quận 8' });
  });

  it('refuses a bad date and an action without what, writing nothing', async () => {
    expect(await refusal(saveCheckIn(above, undefined, { ...input, date: '2026-13-01' }))).toBe('err.date');
    expect(await refusal(saveCheckIn(above, undefined, input, [{ what: '', who: 'Bí thư' }]))).toBe('err.required');
    expect(await above.checkIns.count()).toBe(0);
    expect(await above.outbox.count()).toBe(0);
  });

  it('edits a check-in and adds, edits an action; the follow-up from above is stamped "above"', async () => {
    const c = await saveCheckIn(above, undefined, input);
    await saveCheckIn(above, c.id, { ...input, place: 'Trụ sở Đoàn phường' });
    const a = await saveAction(above, c.id, undefined, { what: 'Họp BCH', dueOn: '2026-04-30' });
    await saveAction(above, c.id, a.id, { what: 'Họp BCH mở rộng', who: 'Phó bí thư', dueOn: '2026-04-30' });
    const f = await followUpAction(above, a.id, { status: 'done', followUp: 'Đã họp ngày 28/4' });
    expect(f).toMatchObject({ what: 'Họp BCH mở rộng', who: 'Phó bí thư', status: 'done', followUp: 'Đã họp ngày 28/4', followedBy: 'above' });
    expect(f.followedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect((await above.checkIns.get(c.id))?.place).toBe('Trụ sở Đoàn phường');
    expect(await refusal(saveAction(above, 'no-such-checkin', undefined, { what: 'x' }))).toBe('checkins.errGone');
  });

  it('the unit updates a follow-up in its own database, stamped "unit", but is refused a check-in', async () => {
    const db = await activeDb();
    // the level above's rows, as pulled
    const c = await saveCheckIn(above, undefined, input, [{ what: 'Thu đủ đoàn phí', dueOn: '2026-05-01' }]);
    await db.checkIns.put(c);
    for (const a of await listActions(above)) await db.checkInActions.put(a);
    const [a] = await listActions(db);

    const rights = await checkinRights(db);
    expect(rights).toMatchObject({ editCheckIns: false, followUp: true });
    expect(await refusal(saveCheckIn(db, undefined, input))).toBe('err.readOnly');
    expect(await refusal(saveCheckIn(db, c.id, { ...input, findings: 'sửa' }))).toBe('err.readOnly');

    const f = await followUpAction(db, a.id, { status: 'done', followUp: 'Đã thu đủ, nộp cấp trên 30/4' });
    expect(f).toMatchObject({ status: 'done', followedBy: 'unit' });
    expect((await db.outbox.toArray()).filter((o) => o.table === 'checkInActions')).toHaveLength(1);
    expect(await actionCounts(db, '2026-06-01')).toEqual({ open: 0, overdue: 0 });
    // the same follow-up again writes nothing
    await followUpAction(db, a.id, { status: 'done', followUp: 'Đã thu đủ, nộp cấp trên 30/4' });
    expect((await db.outbox.toArray()).filter((o) => o.table === 'checkInActions')).toHaveLength(1);
  });

  it('a viewer writes nothing, not even a follow-up', async () => {
    const c = await saveCheckIn(above, undefined, input, [{ what: 'Họp BCH' }]);
    const [a] = await listActions(above, c.id);
    await asRole(above, 'viewer');
    expect(await checkinRights(above)).toMatchObject({ editCheckIns: false, followUp: false });
    expect(await refusal(followUpAction(above, a.id, { status: 'done' }))).toBe('err.readOnly');
  });

  it('overdue actions come first in the overview; deleting a check-in takes its actions along', async () => {
    const c1 = await saveCheckIn(above, undefined, { ...input, date: '2026-01-20' }, [{ what: 'Sắp hạn', dueOn: '2026-12-01' }, { what: 'Quá hạn', dueOn: '2026-02-01' }]);
    await saveCheckIn(above, undefined, { ...input, date: '2026-04-20' }, [{ what: 'Không hạn' }]);
    const o = await loadOverview(above, '2026-05-10');
    expect(o.checkIns.map((c) => c.date)).toEqual(['2026-04-20', '2026-01-20']);
    expect(o.actions.map((a) => a.what)).toEqual(['Quá hạn', 'Sắp hạn', 'Không hạn']);
    expect(o.overdue.map((a) => a.what)).toEqual(['Quá hạn']);
    await deleteCheckIn(above, c1.id);
    const after = await loadOverview(above, '2026-05-10');
    expect(after.checkIns).toHaveLength(1);
    expect(after.actions.map((a) => a.what)).toEqual(['Không hạn']);
    expect(await actionCounts(above, '2026-05-10')).toEqual({ open: 1, overdue: 0 });
  });
});

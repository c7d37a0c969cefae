// The level above writes a unit's recognised level and consolidation mark into that unit's
// database on its phone (a supervisor device), reads the unit's proposal, evidence and
// children; the unit's own phone is refused those writes and reads what cấp trên wrote.
import { beforeEach, describe, expect, it } from 'vitest';
import { openUnitDbApart, type UnitDb } from '../../../src/data/db';
import { activeDb } from '../../../src/data/session';
import { clearAbove, setAbove } from '../../../src/features/above/registry';
import { markConsolidation, recogniseLevel } from '../../../src/features/recognition/recognition-repo';
import { loadAboveRating } from '../../../src/features/recognition/above-rating-queries';
import { loadOwnChildUnits, loadRatingDecisions } from '../../../src/features/rating/rating-queries';
import { saveUnitRating } from '../../../src/features/rating/rating-repo';
import { loadYearView } from '../../../src/features/targets/targets-queries';
import { startYear } from '../../../src/features/targets/targets-repo';
import { freshUnit, refusal } from '../helpers';

const SUP = 'srv-phuong7';
const KIDS = ['srv-cd1', 'srv-cd2'];

function deviceRow(unitId: string, role: string) {
  return { key: 'device', deviceId: `dev-${unitId}`, nextSeq: 1, hlcMs: 0, hlcCounter: 0, cursor: 0, lastAckedSeq: 0, server: { baseUrl: '', unitId, unitName: unitId, role, deviceToken: 'x', joinedAt: '2026-01-01T00:00:00Z' } };
}

/** A supervised unit's local copy, as the level above's phone keeps it. */
async function supervised(unitId: string, fill?: (db: UnitDb) => Promise<unknown>) {
  const db = openUnitDbApart(unitId);
  await db.syncState.put(deviceRow(unitId, 'supervisor') as never);
  await fill?.(db);
  db.close();
}

const meta = (id: string, unitId: string) => ({ id, unitId, rev: {}, deleted: false, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' });

async function read<T>(unitId: string, fn: (db: UnitDb) => Promise<T>): Promise<T> {
  const db = openUnitDbApart(unitId);
  try {
    return await fn(db);
  } finally {
    db.close();
  }
}

beforeEach(async () => {
  await freshUnit();
  await clearAbove();
  await setAbove({
    baseUrl: '', username: 'canbo.phuong7', accountToken: 't', signedInAt: '2026-01-01T00:00:00Z',
    units: [{ unitId: SUP, name: 'Đoàn phường 7' }, { unitId: KIDS[0], name: 'Chi đoàn khu phố 1', parentId: SUP }, { unitId: KIDS[1], name: 'Chi đoàn khu phố 2', parentId: SUP }],
  });
  for (const id of [SUP, ...KIDS]) await supervised(id);
});

describe('the level above writes a unit year', () => {
  it('recognises a level, by the supervisor signed in, with its outbox entry', async () => {
    const r = await recogniseLevel(SUP, 2026, 'good', '  Đạt nhiều phong trào ');
    expect(r).toMatchObject({ id: 'recognition:2026', unitId: SUP, level: 'good', note: 'Đạt nhiều phong trào', byName: 'canbo.phuong7', year: 2026 });
    const [row, outbox] = await read(SUP, (db) => Promise.all([db.unitRecognitions.get('recognition:2026'), db.outbox.toArray()]));
    expect(row?.level).toBe('good');
    expect(outbox.map((o) => o.table)).toEqual(['unitRecognitions']);
  });

  it('refuses no level, writing nothing', async () => {
    expect(await refusal(recogniseLevel(SUP, 2026, '', ''))).toBe('recognition.errLevel');
    expect(await read(SUP, (db) => db.unitRecognitions.count())).toBe(0);
  });

  it('marks the unit weak for a year, then takes it out', async () => {
    await markConsolidation(SUP, 2026, true, 'Hai năm liền chưa hoàn thành');
    expect(await read(SUP, (db) => db.consolidations.get('consolidation:2026'))).toMatchObject({ weak: true, note: 'Hai năm liền chưa hoàn thành', year: 2026 });
    await markConsolidation(SUP, 2026, false, '');
    expect((await read(SUP, (db) => db.consolidations.get('consolidation:2026')))?.weak).toBe(false);
  });

  it("a unit's own phone is refused both writes: nothing written, nothing queued", async () => {
    const own = await activeDb();
    const ownId = own.name.replace(/^scd-/, '');
    expect(await refusal(recogniseLevel(ownId, 2026, 'excellent', ''))).toBe('err.readOnly');
    expect(await refusal(markConsolidation(ownId, 2026, true, ''))).toBe('err.readOnly');
    expect(await own.unitRecognitions.count()).toBe(0);
    expect(await own.consolidations.count()).toBe(0);
    expect((await own.outbox.toArray()).filter((o) => o.table === 'unitRecognitions' || o.table === 'consolidations')).toEqual([]);
  });
});

describe('the level above reads a unit year', () => {
  it("the unit's proposal, its members' evidence, and its chi đoàn with target 2", async () => {
    await supervised(SUP, async (db) => {
      await db.unitRatings.put({ ...meta('unit:2026', SUP), year: 2026, level: 'excellent', decidedAt: '2026-12-10', note: 'Tự đánh giá' } as never);
      await db.members.bulkPut(['m1', 'm2'].map((id) => ({ ...meta(id, SUP), fullName: id, status: 'active', admissionDate: '2020-01-01' })) as never);
      await db.ratings.bulkPut([
        { ...meta('2026:m1', SUP), year: 2026, memberId: 'm1', level: 'good' },
        { ...meta('2026:m2', SUP), year: 2026, memberId: 'm2', level: 'not_completed' },
      ] as never);
    });
    await recogniseLevel(KIDS[0], 2026, 'good', '');
    const v = await loadAboveRating(SUP, 2026, '2026-12-20');
    expect(v.proposal).toMatchObject({ level: 'excellent', decidedAt: '2026-12-10' });
    expect(v.recognition).toBeUndefined();
    expect(v.unit?.name).toBe('Đoàn phường 7');
    expect(v.evidence.goodOrBetter?.value).toBe(50);
    expect(v.evidence.goodOrBetter?.evidence.why).toContainEqual({ code: 'notCompleted', params: { n: 1, total: 2 } });
    expect(v.children.held).toBe(true);
    expect(v.children.children).toEqual([
      { unitId: KIDS[0], name: 'Chi đoàn khu phố 1', level: 'good' },
      { unitId: KIDS[1], name: 'Chi đoàn khu phố 2' },
    ]);
    // a chi đoàn has no children on this phone
    expect((await loadAboveRating(KIDS[0], 2026, '2026-12-20')).children).toEqual({ held: false, children: [] });
  });
});

describe("the unit's own phone reads what cấp trên wrote", () => {
  it('its rating screen gets the recognised level beside its proposal; its year, the consolidation mark and target 1 recognised', async () => {
    const own = await activeDb();
    await saveUnitRating(2026, 'excellent', '');
    // the rows cấp trên wrote arrive by sync: put as pulled
    await own.unitRecognitions.put({ ...meta('recognition:2026', 'u'), year: 2026, level: 'good', recognisedOn: '2026-12-20', byName: 'canbo' } as never);
    await own.consolidations.put({ ...meta('consolidation:2026', 'u'), year: 2026, weak: true, markedOn: '2026-02-01' } as never);
    const d = await loadRatingDecisions(2026);
    expect(d.unitRating?.level).toBe('excellent');
    expect(d.recognition).toMatchObject({ level: 'good', recognisedOn: '2026-12-20' });
    await startYear(2026, { kind: 'template' });
    const y = await loadYearView(2026, '2026-12-21');
    expect(y.consolidation?.weak).toBe(true);
    const t1 = y.year.results.find((r) => r.target.rule === 'unitRatingLevel')!;
    expect(t1.value).toBe(3);
    expect(t1.evidence.why).toEqual([{ code: 'recognised' }]);
  });

  it('a mark of "not weak" is no consolidation', async () => {
    const own = await activeDb();
    await own.consolidations.put({ ...meta('consolidation:2026', 'u'), year: 2026, weak: false, markedOn: '2026-02-01' } as never);
    expect((await loadYearView(2026, '2026-05-01')).consolidation).toBeUndefined();
  });

  it("its children only when this phone supervises them (a Đoàn cơ sở's phone that is also cấp trên)", async () => {
    expect(await loadOwnChildUnits(2026)).toEqual({ held: false, children: [] });
    const own = await activeDb();
    // this phone is Đoàn phường 7's own (joined as its secretary), and supervises its chi đoàn
    const dev = await own.syncState.get('device');
    await own.syncState.put({ ...dev, ...deviceRow(SUP, 'secretary'), nextSeq: dev!.nextSeq } as never);
    await recogniseLevel(KIDS[1], 2026, 'not_completed', '');
    const k = await loadOwnChildUnits(2026);
    expect(k.held).toBe(true);
    expect(k.children.find((c) => c.unitId === KIDS[1])?.level).toBe('not_completed');
    await startYear(2026, { kind: 'template' });
    const t2 = (await loadYearView(2026, '2026-12-21')).year.results.find((r) => r.target.rule === 'goodOrBetterPct')!;
    expect(t2.status).toBe('unreachable');
    expect(t2.warning?.code).toBe('childNotCompletedOut');
  });
});

// The level above's reports table over several units' databases (fake-indexeddb): a unit that
// sent on time and was received, one late, one missing, one returned; a school unit whose
// halves and year are its semesters and school year; a unit that began after Q1 was due.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadCompleteness } from '../../../src/features/inbox/completeness-queries';
import { putReview, putVersion, supervise, supervisedDb, wipeUnits } from './fixture';

const TODAY = '2026-05-01';
const Q1 = 'report:2026:q1';

beforeEach(async () => {
  await wipeUnits();
  const a = await supervisedDb('u-a', 'Chi đoàn A');
  await putVersion(a, Q1, 1, '2026-04-08', '2026-04-10');
  await putReview(a, Q1, 1, 'received');
  a.close();
  const b = await supervisedDb('u-b', 'Chi đoàn B');
  await putVersion(b, Q1, 1, '2026-04-13', '2026-04-10');
  b.close();
  (await supervisedDb('u-c', 'Chi đoàn C')).close();
  const d = await supervisedDb('u-d', 'Chi đoàn D');
  await putVersion(d, Q1, 1, '2026-04-09', '2026-04-10');
  await putReview(d, Q1, 1, 'returned', 'Bổ sung số liệu đoàn phí');
  // a school: its year 2026 is 2026–2027, pinned by its settings
  await d.unitSettings.put({ id: 'settings:unit', unitId: 'u-d', yearKind: 'school', rev: {}, deleted: false, createdAt: 'x', updatedAt: 'x' } as never);
  d.close();
  (await supervisedDb('u-e', 'Chi đoàn E', '2026-04-20')).close();
  await supervise(['u-a', 'u-b', 'u-c', 'u-d', 'u-e'].map((unitId) => ({ unitId, name: `Chi đoàn ${unitId.slice(2).toUpperCase()}` })));
});

describe('reports received: completeness', () => {
  it('gives each unit its Q1 state and the period its line', async () => {
    const c = await loadCompleteness(2026, TODAY);
    const q1 = c.rows.map((r) => [r.unit.name, r.cells[0].state, r.cells[0].days]);
    expect(q1).toEqual([
      ['Chi đoàn A', 'received', undefined],
      ['Chi đoàn B', 'late', 3],
      ['Chi đoàn C', 'missing', 21],
      ['Chi đoàn D', 'returned', undefined],
      ['Chi đoàn E', 'outOfSight', undefined],
    ]);
    expect(c.tallies.q1).toEqual({ units: 4, sent: 3, late: 1, missing: 1, returned: 1 });
    // Q2 has not ended: nobody has to send it yet
    expect(c.rows.every((r) => r.cells[1].state === 'notDue')).toBe(true);
    expect(c.tallies.q2).toMatchObject({ units: 5, sent: 0, missing: 0 });
  });

  it("follows each unit's year for the halves and the year", async () => {
    const c = await loadCompleteness(2026, TODAY);
    const school = c.rows.find((r) => r.unit.unitId === 'u-d')!;
    expect(school.yearKind).toBe('school');
    expect(school.cells.map((x) => x.column)).toEqual(['q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'y']);
    expect(school.cells[4].period).toMatchObject({ kind: 'half_year', from: '2026-09-01', to: '2027-02-28' });
    expect(school.cells[6].period).toMatchObject({ kind: 'year', from: '2026-09-01', to: '2027-08-31' });
    expect(c.rows[0].cells[4].period).toMatchObject({ from: '2026-01-01', to: '2026-06-30' });
    expect(c.rows[0].cells[6].reportId).toBe('report:2026:y');
  });

  it('lists no unit on a phone that supervises none', async () => {
    await supervise([]);
    expect((await loadCompleteness(2026, TODAY)).rows).toEqual([]);
  });
});

describe('a copy not yet pulled', () => {
  it('is unknown, not missing, and counts in no period', async () => {
    await wipeUnits();
    await supervise([{ unitId: 'u-new', name: 'Chi đoàn mới' }]);
    const c = await loadCompleteness(2026, TODAY);
    expect(c.rows).toMatchObject([{ unit: { unitId: 'u-new' }, failed: true, cells: [] }]);
    expect(c.tallies.q1).toEqual({ units: 0, sent: 0, late: 0, missing: 0, returned: 0 });
  });
});

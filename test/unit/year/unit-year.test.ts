// Whose year read from the unit's records (src/data/unit-year.ts) and the setting that changes
// it (settings/year-kind-repo.ts setYearKind), over real Dexie: the years already recorded keep
// their span, the year in progress too, and the switch-over picks a year a secretary can follow.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { currentUnitYear, unitYearFor, unitYearSpan, yearKindOf } from '../../../src/data/unit-year';
import { setYearKind } from '../../../src/features/settings/year-kind-repo';
import { createDefaultProgramme } from '../../../src/features/training/training-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { yearSpan } from '../../../src/protocol/year';

beforeEach(() => freshUnit());

const meeting = (day: string) => createMeeting({ kind: 'regular', title: 'Sinh hoạt', startsAt: `${day}T19:30`, place: '', guests: [], status: 'held' });

async function outbox(table: string) {
  const db = await activeDb();
  return (await db.outbox.toArray()).filter((m) => m.table === table);
}

describe('a unit with no setting', () => {
  it('keeps calendar years', async () => {
    expect(await currentUnitYear('2026-10-05')).toEqual(yearSpan(2026));
    expect(await unitYearSpan(2025)).toEqual(yearSpan(2025));
    expect(await unitYearFor(undefined, '2026-03-01')).toEqual(yearSpan(2026));
  });
});

describe('a school unit', () => {
  beforeEach(() => setYearKind('school', '2026-10-05'));

  it('names its year by the September it starts in', async () => {
    expect(await currentUnitYear('2026-10-05')).toEqual(yearSpan(2026, 'school'));
    expect(await currentUnitYear('2027-08-31')).toEqual(yearSpan(2026, 'school'));
    expect(await currentUnitYear('2027-09-01')).toEqual(yearSpan(2027, 'school'));
    expect(await currentUnitYear('2026-05-05')).toEqual(yearSpan(2025, 'school'));
  });

  it('?y=2025 is the school year 2025–2026; a bad ?y is the current year', async () => {
    expect(await unitYearFor('2025', '2026-10-05')).toEqual(yearSpan(2025, 'school'));
    expect(await unitYearFor('25', '2026-10-05')).toEqual(yearSpan(2026, 'school'));
    expect(await unitYearFor('abcd', '2027-02-01')).toEqual(yearSpan(2026, 'school'));
  });
});

describe('setYearKind', () => {
  it('pins the years already recorded and the year in progress, in the same transaction as the setting', async () => {
    await meeting('2024-03-10');
    await createDefaultProgramme(2025);
    await createDefaultProgramme(2028); // a programme prepared ahead is a record of 2028
    const pinned = await setYearKind('school', '2026-10-05');
    expect(pinned).toEqual([2024, 2025, 2026, 2028]);
    for (const y of pinned) expect(await unitYearSpan(y)).toEqual(yearSpan(y, 'calendar'));
    // Years never recorded follow the setting.
    expect(await unitYearSpan(2027)).toEqual(yearSpan(2027, 'school'));
    expect(await yearKindOf(2030)).toBe('school');
    const rows = await outbox('yearPlans');
    expect(rows.map((r) => r.rowId).sort()).toEqual(['year:2024', 'year:2025', 'year:2026', 'year:2028']);
    expect(rows[0].fields).toMatchObject({ yearKind: 'calendar' });
    expect((await outbox('unitSettings')).at(-1)?.fields).toMatchObject({ yearKind: 'school' });
  });

  it('never changes a year that already has its plan, and keeps the plan’s other fields', async () => {
    const db = await activeDb();
    const now = '2026-01-02T00:00:00.000Z';
    await db.yearPlans.put({ id: 'year:2026', unitId: 'u', rev: {}, deleted: false, createdAt: now, updatedAt: now, year: 2026, yearKind: 'calendar', consolidation: true, startedFrom: 'template', note: 'Kế hoạch củng cố' });
    await setYearKind('school', '2026-10-05');
    expect(await db.yearPlans.get('year:2026')).toMatchObject({ yearKind: 'calendar', consolidation: true, startedFrom: 'template', note: 'Kế hoạch củng cố' });
    expect(await outbox('yearPlans')).toHaveLength(0);
    // Back to calendar: the school years pinned now are the ones in progress and recorded.
    expect(await setYearKind('calendar', '2027-10-05')).toEqual([2027]);
    expect(await unitYearSpan(2027)).toEqual(yearSpan(2027, 'school'));
    expect(await unitYearSpan(2026)).toEqual(yearSpan(2026, 'calendar'));
  });

  it('a unit that has recorded nothing pins nothing: it is in the school year at once', async () => {
    expect(await setYearKind('school', '2026-10-05')).toEqual([]);
    expect(await currentUnitYear('2026-10-05')).toEqual(yearSpan(2026, 'school'));
    expect(await outbox('yearPlans')).toHaveLength(0);
  });

  it('writes nothing when the kind does not change', async () => {
    await createDefaultProgramme(2026);
    expect(await setYearKind('calendar', '2026-10-05')).toEqual([]);
    expect(await outbox('yearPlans')).toHaveLength(0);
    expect(await outbox('unitSettings')).toHaveLength(0);
  });

  it('refuses a kind that does not exist, writing nothing', async () => {
    await expect(setYearKind('quarter' as never, '2026-10-05')).rejects.toMatchObject({ key: 'yearKind.errYearKind' });
    expect(await outbox('unitSettings')).toHaveLength(0);
  });
});

describe('the switch-over', () => {
  it('calendar → school in October 2026: 2026 runs to 31/12, then the first school year 2027–2028 is the current one', async () => {
    await meeting('2026-03-10');
    await setYearKind('school', '2026-10-05');
    expect(await currentUnitYear('2026-10-05')).toEqual(yearSpan(2026, 'calendar'));
    expect(await currentUnitYear('2026-12-31')).toEqual(yearSpan(2026, 'calendar'));
    // 01/2027–08/2027 lie between calendar 2026 and school year 2027–2028: the coming school year.
    for (const day of ['2027-01-01', '2027-05-19', '2027-08-31', '2027-09-01', '2028-08-31']) {
      const span = await currentUnitYear(day);
      expect(span).toEqual(yearSpan(2027, 'school'));
      // The current year is the same year every screen reads by its number.
      expect(await unitYearSpan(span.year)).toEqual(span);
    }
    expect(await currentUnitYear('2028-09-01')).toEqual(yearSpan(2028, 'school'));
  });

  it('school → calendar in October 2026: school year 2026–2027 runs to 31/08/2027, then calendar 2027', async () => {
    await setYearKind('school', '2025-10-05');
    await meeting('2026-09-10');
    await setYearKind('calendar', '2026-10-05');
    expect(await currentUnitYear('2027-08-31')).toEqual(yearSpan(2026, 'school'));
    const next = await currentUnitYear('2027-09-01');
    expect(next).toEqual(yearSpan(2027, 'calendar'));
    expect(await unitYearSpan(next.year)).toEqual(next);
  });

  it('the current year always holds today or is the next one to start (seeded switches)', async () => {
    let seed = 11;
    const rnd = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const day = (y: number) => `${y}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    let y = 2020;
    await meeting('2020-02-02');
    for (let i = 0; i < 8; i++) {
      y += Math.floor(rnd() * 2);
      await setYearKind(rnd() < 0.5 ? 'school' : 'calendar', day(y));
      for (let k = 0; k < 6; k++) {
        const today = day(y + Math.floor(rnd() * 3));
        const span = await currentUnitYear(today);
        expect(span.to >= today).toBe(true);
        expect(await unitYearSpan(span.year)).toEqual(span);
        // No year that holds today is passed over for a later one.
        if (span.from > today) expect(await unitYearSpan(span.year - 1).then((s) => s.to < today)).toBe(true);
      }
    }
  });
});

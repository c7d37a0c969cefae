// readMany: the rows of each read exactly as one getAll over the same range or key returns
// them, read in pages along the primary key (page size small here so every read spans several).
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { seedYear } from '../year-fixture';
import { activeDb } from '../../../src/data/session';
import { keyPrefix, readMany } from '../../../src/data/paged';

beforeEach(() => freshUnit());

describe('readMany', () => {
  it('whole tables, key prefixes, index keys and primary keys, in pages, in one transaction', async () => {
    await seedYear(2026, 45);
    const db = await activeDb();
    const [members, roll, march, one, none] = await readMany(
      db,
      [
        { table: db.members },
        { table: db.attendance, range: keyPrefix('meeting-1:') },
        { table: db.dues, index: 'period', key: '2026-03' },
        { table: db.trainingRegistrations, key: '2026:m-0001' },
        { table: db.trainingRegistrations, key: 'nope' },
      ] as const,
      7,
    );
    expect(members).toEqual(await db.members.toArray());
    expect(members.length).toBe(45);
    expect(roll).toEqual(await db.attendance.where('eventId').equals('meeting-1').toArray());
    expect(roll.length).toBeGreaterThan(14);
    expect(march).toEqual(await db.dues.where('period').equals('2026-03').toArray());
    expect(one).toEqual([await db.trainingRegistrations.get('2026:m-0001')]);
    expect(none).toEqual([]);
    expect(await readMany(db, [])).toEqual([]);
    // A page boundary that falls exactly at the end of the range.
    expect(await readMany(db, [{ table: db.members }], 45)).toEqual([members]);
    expect(await readMany(db, [{ table: db.members }], 15)).toEqual([members]);
  });
});

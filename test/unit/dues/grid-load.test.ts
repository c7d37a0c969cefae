// The year grid's read (grid-load.ts: first rows, then the year in pages) gives exactly the
// rows of dues-queries yearView, in the same order (the member in the digests' brief, as the
// grid reads the member digests); its first rows are the top of them.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { seedYear } from '../year-fixture';
import { yearView } from '../../../src/features/dues/dues-queries';
import { HEAD, loadGridYear, type GridYear } from '../../../src/features/dues/grid-load';
import { memberBrief } from '../../../src/data/member-digest';

const Y = 2026;
beforeEach(() => freshUnit());

describe('the dues grid of a whole unit', () => {
  it('same rows as yearView; the first rows are the top of them', async () => {
    await seedYear(Y, 90);
    for (const current of ['2026-07', '2026-12']) {
      const ref = await yearView(Y, current);
      const heads: GridYear[] = [];
      const whole = await loadGridYear(Y, current, (h) => heads.push(h));
      expect(whole.complete).toBe(true);
      expect(whole.rows).toEqual(ref.rows.map((r) => ({ ...r, member: memberBrief(r.member) })));
      expect(whole.rows.length).toBeLessThan(89);
      expect(whole.rows.some((r) => r.year.owedMonths > 0 && r.year.paidMonths > 0)).toBe(true);
      expect(heads).toHaveLength(1);
      expect(heads[0].complete).toBe(false);
      expect(heads[0].rows.length).toBeGreaterThan(HEAD / 2);
      expect(heads[0].rows).toEqual(whole.rows.slice(0, heads[0].rows.length));
    }
  });
});

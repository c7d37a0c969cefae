// The dues grid's view (src/features/dues/grid-view.ts): worked out from the digests it is the
// grid's year row by row; kept in the year views it is read back as it was, and only while
// nothing was written since.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { seedYear, viewSaved } from '../year-fixture';
import { activeDb, activeUnitId } from '../../../src/data/session';
import { commit } from '../../../src/data/commit';
import { upsertRow } from '../../../src/data/outbox';
import { VIEW_TABLE, type YearViewRow } from '../../../src/data/year-views';
import { loadGridYear } from '../../../src/features/dues/grid-load';
import { GRID_VIEW_FORM, gridRowView, loadGridView } from '../../../src/features/dues/grid-view';

const Y = 2026;
const TODAY = '2026-07-15';
const CURRENT = '2026-07';
beforeEach(() => freshUnit());


describe('the dues grid view', () => {
  it('is the grid year row by row, and its columns read back the same', async () => {
    await seedYear(Y, 60);
    const view = await loadGridView(Y, CURRENT, undefined, TODAY);
    expect(view.complete).toBe(true);
    expect(view.rows).toEqual((await loadGridYear(Y, CURRENT)).rows.map(gridRowView));
    const states = new Set(view.rows.flatMap((r) => r.states));
    expect(states.size).toBeGreaterThan(2);
    expect(view.rows.some((r) => r.owedAmount > 0) && view.rows.some((r) => r.cardNumber === undefined || r.subGroup)).toBe(true);
    expect(GRID_VIEW_FORM.unpack(structuredClone(GRID_VIEW_FORM.pack(view)))).toEqual(view);
  });

  it('is read from the year views while nothing changes, and worked out again after a payment', async () => {
    await seedYear(Y, 30);
    const first = await loadGridView(Y, CURRENT, undefined, TODAY);
    const db = await activeDb();
    const kept = (await viewSaved(`grid:${Y}`)) as YearViewRow & { data: { names: string[] } };
    expect(kept.data.names).toEqual(first.rows.map((r) => r.fullName));
    await db.table(VIEW_TABLE).put({ ...kept, data: { ...kept.data, names: kept.data.names.map((n) => `${n}*`) } });
    expect((await loadGridView(Y, CURRENT, undefined, TODAY)).rows[0].fullName).toBe(`${first.rows[0].fullName}*`);
    const debtor = first.rows.find((r) => r.owedMonths > 0)!;
    const month = `${Y}-${String(debtor.states.indexOf('owed') + 1).padStart(2, '0')}`;
    const unitId = await activeUnitId();
    await commit(db, [db.dues], () => upsertRow(db, 'dues', `paid-${debtor.id}`, unitId, { memberId: debtor.id, period: month, amount: 5000, paidAt: TODAY, method: 'cash', receiptNo: 'BN-1' }));
    const after = await loadGridView(Y, CURRENT, undefined, TODAY);
    expect(after.rows).toEqual((await loadGridYear(Y, CURRENT)).rows.map(gridRowView));
    expect(after.rows.find((r) => r.id === debtor.id)!.owedMonths).toBeLessThan(debtor.owedMonths);
    // Kept again; next month works it out afresh. (After the payment: a view saved for another
    // month would otherwise be why the payment's opening missed the starred one.)
    const again = (await viewSaved(`grid:${Y}`)) as YearViewRow & { data: { names: string[] } };
    await db.table(VIEW_TABLE).put({ ...again, data: { ...again.data, names: again.data.names.map((n) => `${n}*`) } });
    expect((await loadGridView(Y, CURRENT, undefined, TODAY)).rows[0].fullName).toBe(`${first.rows[0].fullName}*`);
    expect((await loadGridView(Y, '2026-08', undefined, '2026-08-01')).rows[0].fullName).toBe(first.rows[0].fullName);
  });
});

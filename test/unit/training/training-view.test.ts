// The training screen's view (src/features/training/training-view.ts): worked out from the
// digests it equals the rows' reading; kept in the year views it is read back as it was, and
// only while nothing was written since.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { seedYear, viewSaved } from '../year-fixture';
import { activeDb, activeUnitId } from '../../../src/data/session';
import { commit } from '../../../src/data/commit';
import { upsertRow } from '../../../src/data/outbox';
import { VIEW_TABLE, type YearViewRow } from '../../../src/data/year-views';
import { createDefaultProgramme } from '../../../src/features/training/training-repo';
import { loadTrainingYear } from '../../../src/features/training/training-queries';
import { loadTrainingView, TRAINING_VIEW_FORM, type TrainingView } from '../../../src/features/training/training-view';
import { memberItemStates } from '../../../src/protocol/training-rules';

const Y = 2026;
const TODAY = '2026-12-07';
beforeEach(() => freshUnit());

/** The view's rows as the screen used to work them out, row by row, from the year. */
async function expected(): Promise<TrainingView['rows']> {
  const y = await loadTrainingYear(Y, undefined, TODAY);
  return y.roster.map((m) => {
    const reg = y.registrations.get(m.id);
    if (!reg) return { id: m.id, fullName: m.fullName, subGroup: m.subGroup, done: 0, total: 0 };
    const states = memberItemStates(reg, y.items, y.progress.get(m.id) ?? [], y.credited.get(m.id));
    return { id: m.id, fullName: m.fullName, subGroup: m.subGroup, outcome: reg.outcome, done: states.filter((s) => s.state !== 'open').length, total: states.length };
  });
}


describe('the training view', () => {
  it('gives each member’s row as worked out from the year, and its columns read back the same', async () => {
    const items = await createDefaultProgramme(Y);
    await seedYear(Y, 60, { itemIds: items.map((i) => i.id), linkedEvent: true });
    const view = await loadTrainingView(Y, undefined, TODAY);
    expect(view.complete).toBe(true);
    expect(view.rows).toEqual(await expected());
    // Every kind of row is there: not registered, not assessed, assessed, with and without a group.
    expect(new Set(view.rows.map((r) => (r.outcome === undefined ? 'none' : r.outcome === '' ? 'open' : 'assessed')))).toEqual(new Set(['none', 'open', 'assessed']));
    expect(TRAINING_VIEW_FORM.unpack(structuredClone(TRAINING_VIEW_FORM.pack(view)))).toEqual(view);
  });

  it('is read from the year views while nothing changes, and worked out again after a write', async () => {
    const items = await createDefaultProgramme(Y);
    await seedYear(Y, 30, { itemIds: items.map((i) => i.id) });
    const first = await loadTrainingView(Y, undefined, TODAY);
    const db = await activeDb();
    const kept = (await viewSaved(`training:${Y}-01-01`)) as YearViewRow & { data: { names: string[] } };
    expect(kept.data.names).toEqual(first.rows.map((r) => r.fullName));
    // A view changed behind the app's back (its table moves no token) is what the next opening
    // shows: proof that it is read, not worked out.
    await db.table(VIEW_TABLE).put({ ...kept, data: { ...kept.data, names: kept.data.names.map((n) => `${n}*`) } });
    expect((await loadTrainingView(Y, undefined, TODAY)).rows[0].fullName).toBe(`${first.rows[0].fullName}*`);
    // A member's item marked done: the new count, not the kept one.
    const target = first.rows.find((r) => r.outcome !== undefined && r.done < r.total)!;
    expect(target).toBeDefined();
    // (through the repo's own write: the fixture's ids are shorter than the form's check allows)
    const unitId = await activeUnitId();
    for (const it of items) await commit(db, [db.trainingProgress], () => upsertRow(db, 'trainingProgress', `${Y}:${target.id}:${it.id}`, unitId, { year: Y, memberId: target.id, itemId: it.id, done: true, doneAt: '2026-11-20', evidence: '' }));
    const after = await loadTrainingView(Y, undefined, TODAY);
    expect(after.rows).toEqual(await expected());
    expect(after.rows.find((r) => r.id === target.id)!.done).toBe(target.total);
    expect(after.rows[0].fullName).toBe(first.rows[0].fullName);
    // Kept again; another day works it out afresh. (After the write: a view saved for another
    // day would otherwise be why the write's opening missed the starred one.)
    const again = (await viewSaved(`training:${Y}-01-01`)) as YearViewRow & { data: { names: string[] } };
    await db.table(VIEW_TABLE).put({ ...again, data: { ...again.data, names: again.data.names.map((n) => `${n}*`) } });
    expect((await loadTrainingView(Y, undefined, TODAY)).rows[0].fullName).toBe(`${first.rows[0].fullName}*`);
    expect((await loadTrainingView(Y, undefined, '2026-12-08')).rows[0].fullName).toBe(first.rows[0].fullName);
  });
});

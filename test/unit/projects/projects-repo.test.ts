// Youth projects over real Dexie: registration (year from the date, the budget from its
// sources), the stages in order with their dates, acceptance's required fields, drop with a
// reason, undo of the last step, the log — each write with its outbox entry, a refusal with
// nothing written.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit, refusal } from '../helpers';
import { activeDb } from '../../../src/data/session';
import {
  addLogEntry,
  advanceProject,
  deleteLogEntry,
  deleteProject,
  dropProject,
  registerProject,
  undoLastStep,
  updateLogEntry,
  updateProject,
  type ProjectInput,
} from '../../../src/features/projects/projects-repo';
import { acceptedProjectsInYear, getProject, listProjectsInYear, loadProject } from '../../../src/features/projects/projects-queries';

beforeEach(() => freshUnit());

const base: ProjectInput = { title: 'Đường hoa thanh niên', kind: 'project', registeredOn: '2026-03-02', place: 'Hẻm 12, khu phố 3' };
/** The outbox entries of the projects and their log (the unit's own creation is there too). */
const outbox = async () => (await (await activeDb()).outbox.toArray()).filter((e) => e.table.startsWith('youthProject'));
const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

/** A project taken to `steps` further steps, a week apart from 02/03/2026. */
async function projectAt(steps: number) {
  const p = await registerProject(base);
  const dates = ['2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30'];
  for (let i = 0; i < steps; i++) {
    await advanceProject(p.id, i === 3 ? { date: dates[i], acceptanceDecision: '15/QĐ-ĐTN', acceptedBy: 'Ban Thường vụ Đoàn phường 7' } : { date: dates[i] });
  }
  return (await getProject(p.id))!;
}

describe('registering a project', () => {
  it('belongs to the year of its registration date, stage registered, with its outbox entry', async () => {
    const p = await registerProject({ ...base, volunteerDays: 120, beneficiaries: 300 });
    expect(p).toMatchObject({ year: 2026, stage: 'registered', registeredOn: '2026-03-02', volunteerDays: 120 });
    const [entry] = await outbox();
    expect(entry).toMatchObject({ table: 'youthProjects', rowId: p.id, op: 'upsert' });
    expect(entry.fields).toMatchObject({ title: 'Đường hoa thanh niên', stage: 'registered', year: 2026 });
  });

  it('a school-year unit files a project of May 2026 under the school year 2025–2026', async () => {
    const db = await activeDb();
    await db.unitSettings.put({ id: 'settings:unit', yearKind: 'school' } as never);
    const p = await registerProject({ ...base, registeredOn: '2026-05-04' });
    expect(p.year).toBe(2025);
    expect((await listProjectsInYear(2025)).map((x) => x.id)).toEqual([p.id]);
    expect(await listProjectsInYear(2026)).toEqual([]);
  });

  it('the total is the sum of the sources; a typed total that disagrees is refused', async () => {
    const sources = [
      { source: 'Đoàn phường', amount: 3_000_000 },
      { source: 'Doanh nghiệp tài trợ', amount: 2_500_000 },
    ];
    expect((await registerProject({ ...base, budgetSources: sources })).budget).toBe(5_500_000);
    expect((await registerProject({ ...base, budget: 5_500_000, budgetSources: sources })).budget).toBe(5_500_000);
    expect(await refusal(registerProject({ ...base, budget: 5_000_000, budgetSources: sources }))).toBe('projects.errBudgetSum');
    expect((await registerProject({ ...base, budget: 800_000 })).budget).toBe(800_000);
    expect(await refusal(registerProject({ ...base, budgetSources: [{ source: '', amount: 1000 }] }))).toBe('err.required');
  });

  it('refuses a short title, an end before the start and a registration in the future, writing nothing', async () => {
    expect(await refusal(registerProject({ ...base, title: 'A' }))).toBe('err.required');
    expect(await refusal(registerProject({ ...base, startsOn: '2026-04-10', endsOn: '2026-04-01' }))).toBe('projects.errEndBeforeStart');
    expect(await refusal(registerProject({ ...base, registeredOn: tomorrow }))).toBe('projects.errFuture');
    expect(await outbox()).toEqual([]);
  });

  it('an edit that empties a number writes 0 (an absent field would not reach the other phones)', async () => {
    const p = await registerProject({ ...base, budget: 800_000, volunteerDays: 40 });
    const edited = await updateProject(p.id, { ...base, place: '' });
    expect(edited).toMatchObject({ budget: 0, volunteerDays: 0, place: '', stage: 'registered' });
    const last = (await outbox()).at(-1)!;
    expect(last.fields).toMatchObject({ budget: 0, volunteerDays: 0, place: '' });
  });

  it('an edit may not move the registration after the plan was approved', async () => {
    const p = await projectAt(1);
    expect(await refusal(updateProject(p.id, { ...base, registeredOn: '2026-03-10' }))).toBe('projects.errBeforePrevious');
    expect((await getProject(p.id))!.registeredOn).toBe('2026-03-02');
  });
});

describe('the stages', () => {
  it('go in order, each with its date, to acceptance with its decision', async () => {
    const p = await projectAt(4);
    expect(p).toMatchObject({
      stage: 'accepted', planApprovedOn: '2026-03-09', startedOn: '2026-03-16', completedOn: '2026-03-23',
      acceptedOn: '2026-03-30', acceptanceDecision: '15/QĐ-ĐTN', acceptedBy: 'Ban Thường vụ Đoàn phường 7',
    });
    expect(await refusal(advanceProject(p.id, { date: '2026-04-01' }))).toBe('projects.errNoNextStep');
  });

  it('a step dated before the previous one, in the future or undated is refused', async () => {
    const p = await projectAt(1);
    expect(await refusal(advanceProject(p.id, { date: '2026-03-08' }))).toBe('projects.errBeforePrevious');
    expect(await refusal(advanceProject(p.id, { date: '2026-03-20' }, '2026-03-19'))).toBe('projects.errFuture');
    expect(await refusal(advanceProject(p.id, { date: '' }))).toBe('err.required');
    // the same day as the previous step is fine
    expect((await advanceProject(p.id, { date: '2026-03-09' })).stage).toBe('inProgress');
  });

  it('acceptance needs the decision number and who accepted', async () => {
    const p = await projectAt(3);
    const before = (await outbox()).length;
    expect(await refusal(advanceProject(p.id, { date: '2026-03-30', acceptedBy: 'Đoàn phường' }))).toBe('projects.errDecision');
    expect(await refusal(advanceProject(p.id, { date: '2026-03-30', acceptanceDecision: '15/QĐ', acceptedBy: '  ' }))).toBe('projects.errAcceptedBy');
    expect((await getProject(p.id))!.stage).toBe('completed');
    expect((await outbox()).length).toBe(before);
  });

  it('drop needs a reason, works from any stage before accepted, not after', async () => {
    const p = await projectAt(2);
    expect(await refusal(dropProject(p.id, { date: '2026-03-20', reason: ' ' }))).toBe('projects.errDropReason');
    expect(await refusal(dropProject(p.id, { date: '2026-03-10', reason: 'Không xin được mặt bằng' }))).toBe('projects.errBeforePrevious');
    const dropped = await dropProject(p.id, { date: '2026-03-20', reason: 'Không xin được mặt bằng' });
    expect(dropped).toMatchObject({ stage: 'dropped', droppedOn: '2026-03-20', dropReason: 'Không xin được mặt bằng', startedOn: '2026-03-16' });
    expect(await refusal(advanceProject(p.id, { date: '2026-03-21' }))).toBe('projects.errNoNextStep');
    const accepted = await projectAt(4);
    expect(await refusal(dropProject(accepted.id, { date: '2026-04-01', reason: 'x' }))).toBe('projects.errCannotDrop');
  });

  it('undo clears the last step\'s date and sends the clearing, an acceptance keeping its decision; a drop undone returns to where it was', async () => {
    const p = await projectAt(4);
    const undone = await undoLastStep(p.id);
    expect(undone).toMatchObject({ stage: 'completed', acceptedOn: '', acceptanceDecision: '15/QĐ-ĐTN', acceptedBy: 'Ban Thường vụ Đoàn phường 7', completedOn: '2026-03-23' });
    expect((await outbox()).at(-1)!.fields).toEqual({ stage: 'completed', acceptedOn: '' });
    // the kept decision counts for nothing until the project is accepted again
    expect(await acceptedProjectsInYear(2026)).toEqual([]);
    await undoLastStep(p.id);
    expect(await getProject(p.id)).toMatchObject({ stage: 'inProgress', completedOn: '' });

    const q = await projectAt(1);
    await dropProject(q.id, { date: '2026-03-12', reason: 'Trùng với kế hoạch của phường' });
    expect(await undoLastStep(q.id)).toMatchObject({ stage: 'planApproved', droppedOn: '', dropReason: '' });
    await undoLastStep(q.id);
    expect(await refusal(undoLastStep(q.id))).toBe('projects.errNothingToUndo');
  });
});

describe('the progress log', () => {
  it('adds, edits and deletes entries; the project shows them newest first', async () => {
    const p = await registerProject(base);
    const a = await addLogEntry(p.id, { date: '2026-03-10', note: 'Khảo sát hẻm 12', photos: [] });
    await addLogEntry(p.id, { date: '2026-03-15', note: 'Trồng 40 chậu hoa', photos: [] });
    expect(await refusal(addLogEntry(p.id, { date: '2026-03-16', note: '  ', photos: [] }))).toBe('projects.errLogEmpty');
    await updateLogEntry(a.id, { date: '2026-03-11', note: 'Khảo sát và đo đạc hẻm 12', photos: [] });
    let view = (await loadProject(p.id))!;
    expect(view.log.map((e) => [e.date, e.note])).toEqual([
      ['2026-03-15', 'Trồng 40 chậu hoa'],
      ['2026-03-11', 'Khảo sát và đo đạc hẻm 12'],
    ]);
    await deleteLogEntry(a.id);
    view = (await loadProject(p.id))!;
    expect(view.log.map((e) => e.note)).toEqual(['Trồng 40 chậu hoa']);
    expect((await outbox()).filter((e) => e.table === 'youthProjectLogs').map((e) => e.op)).toEqual(['upsert', 'upsert', 'upsert', 'delete']);
  });

  it('deleting a project takes its log with it', async () => {
    const p = await registerProject(base);
    await addLogEntry(p.id, { date: '2026-03-10', note: 'Khảo sát', photos: [] });
    await deleteProject(p.id);
    expect(await getProject(p.id)).toBeUndefined();
    expect(await refusal(addLogEntry(p.id, { date: '2026-03-11', note: 'x', photos: [] }))).toBe('projects.errGone');
    const db = await activeDb();
    expect((await db.youthProjectLogs.toArray()).every((e) => e.deleted)).toBe(true);
  });
});

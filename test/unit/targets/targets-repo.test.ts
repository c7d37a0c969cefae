// The year's plan writes and reads over real Dexie (fake-indexeddb): starting a year from the
// template on two phones makes the same rows; copying takes the targets, not the values;
// refusals write nothing; the computed year and Home's summary read the records.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit, refusal } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { addTarget, deleteTarget, enterValue, startYear, updateTarget } from '../../../src/features/targets/targets-repo';
import { computeInSlices, loadTarget, loadYearTargets, yearSummary } from '../../../src/features/targets/targets-queries';
import { updateUnit } from '../../../src/features/setup/unit-repo';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';
import { templateTargetId } from '../../../src/protocol/target';

const Y = 2026;
beforeEach(() => freshUnit());

async function rows(table: 'targets' | 'yearPlans') {
  const db = await activeDb();
  return (await db.table(table).toArray()).filter((r) => !r.deleted);
}

async function plainTargets() {
  return (await rows('targets')).map(({ id, title, measure, goal, source, rule, planNo, sortOrder }) => ({ id, title, measure, goal, source, rule, planNo, sortOrder })).sort((a, b) => a.id.localeCompare(b.id));
}

describe('targets repo', () => {
  it('starting from the template on two phones makes the same ids and rows', async () => {
    const plan = await startYear(Y, { kind: 'template' });
    expect(plan).toMatchObject({ id: 'year:2026', yearKind: 'calendar', consolidation: true, startedFrom: 'template' });
    const first = await plainTargets();
    expect(first).toHaveLength(9);
    expect(first.map((t) => t.id)).toContain(templateTargetId(Y, 3, 1));
    expect(first.find((t) => t.rule === 'regularMeetingsHeld')?.goal).toBe(12);
    const db = await activeDb();
    const outboxIds = (await db.outbox.filter((m) => m.table === 'targets').toArray()).map((m) => m.rowId).sort();
    await freshUnit('Chi đoàn điện thoại thứ hai');
    await startYear(Y, { kind: 'template' });
    expect(await plainTargets()).toEqual(first);
    const db2 = await activeDb();
    expect((await db2.outbox.filter((m) => m.table === 'targets').toArray()).map((m) => m.rowId).sort()).toEqual(outboxIds);
    // the same phone starting again after a sync brought the rows: nothing doubles
    await startYear(Y, { kind: 'template' });
    expect(await rows('targets')).toHaveLength(9);
  });

  it('a quarterly unit gets four regular meetings as the goal', async () => {
    await updateUnit({ meetingFrequency: 'quarterly' });
    await startYear(Y, { kind: 'template' });
    expect((await plainTargets()).find((t) => t.rule === 'regularMeetingsHeld')?.goal).toBe(4);
  });

  it('a copy takes titles, measures, goals and rules, not the values entered', async () => {
    await startYear(Y - 1, { kind: 'empty' });
    const ent = await addTarget(Y - 1, { title: 'Tổ chức 3 buổi tọa đàm', measure: 'count', goal: 3, source: 'entered' });
    await enterValue(ent.id, 3, '2025-10-01', 'Biên bản lưu ở sổ');
    await addTarget(Y - 1, { title: 'Ngày Chủ nhật xanh', measure: 'count', goal: 4, source: 'computed', rule: 'activitiesOfKind', ruleParam: 'green_sunday' });
    const plan = await startYear(Y, { kind: 'copy', year: Y - 1 });
    expect(plan.startedFrom).toBe('copy:2025');
    expect(plan.consolidation).toBe(false);
    const copied = (await rows('targets')).filter((t) => t.year === Y);
    expect(copied).toHaveLength(2);
    const c = copied.find((t) => t.source === 'entered')!;
    expect(c).toMatchObject({ title: 'Tổ chức 3 buổi tọa đàm', goal: 3 });
    expect(c.enteredValue).toBeUndefined();
    expect(c.evidenceNote).toBeFalsy();
    expect(copied.find((t) => t.rule === 'activitiesOfKind')?.ruleParam).toBe('green_sunday');
    expect(await refusal(startYear(Y, { kind: 'template' }))).toBe('targets.errStarted');
    expect(await refusal(startYear(Y + 1, { kind: 'copy', year: 2019 }))).toBe('targets.errCopyEmpty');
  });

  it('refuses bad targets and writes nothing', async () => {
    const base = { title: 'Chỉ tiêu', measure: 'percent' as const, goal: 80, source: 'computed' as const };
    expect(await refusal(addTarget(Y, { ...base, goal: 120, rule: 'goodOrBetterPct' }))).toBe('targets.errPercent');
    expect(await refusal(addTarget(Y, { ...base }))).toBe('targets.errRule');
    expect(await refusal(addTarget(Y, { ...base, measure: 'count', goal: 2, rule: 'activitiesOfKind', ruleParam: 'picnic' }))).toBe('targets.errKind');
    expect(await refusal(addTarget(Y, { ...base, title: 'x', rule: 'goodOrBetterPct' }))).toBe('err.required');
    expect(await refusal(addTarget(Y, { ...base, measure: 'level', goal: 7, source: 'entered' }))).toBe('targets.errLevel');
    expect(await rows('targets')).toEqual([]);
    expect(await rows('yearPlans')).toEqual([]);
    // the rule decides the measure
    const t = await addTarget(Y, { ...base, measure: 'count', goal: 1, rule: 'committeeComplete' });
    expect(t.measure).toBe('yesNo');
    // reports exist now (issue 10): "reports sent on time" is offered, and measured in percent
    expect((await addTarget(Y, { ...base, measure: 'count', goal: 100, rule: 'reportsOnTime' })).measure).toBe('percent');
    const e = await addTarget(Y, { ...base, source: 'entered' });
    expect(await refusal(enterValue(t.id, 1, '2026-02-01', ''))).toBe('targets.errNotEntered');
    expect(await refusal(enterValue(e.id, 101, '2026-02-01', ''))).toBe('targets.errPercent');
    expect(await refusal(enterValue(e.id, 50, '2026-02-31', ''))).toBe('err.date');
    const edited = await updateTarget(e.id, { title: 'Chỉ tiêu mới', measure: 'percent', goal: 70, source: 'entered' });
    expect(edited).toMatchObject({ title: 'Chỉ tiêu mới', goal: 70 });
    await deleteTarget(e.id);
    expect(await refusal(deleteTarget(e.id))).toBe('targets.errGone');
  });

  it('computes the year from the records, and Home sums it up', async () => {
    for (let i = 0; i < 3; i++) await createMember({ ...MEMBER_DEFAULTS, fullName: `Trần Thị Số ${i}`, admissionDate: '2020-03-26' });
    await createMeeting({ kind: 'regular', title: 'Sinh hoạt tháng 1', startsAt: '2026-01-10T19:30', place: '', guests: [], status: 'held' } as never);
    await startYear(Y, { kind: 'template' });
    const year = await loadYearTargets(Y, '2026-02-15');
    const byRule = new Map(year.results.map((r) => [r.target.rule, r]));
    expect(byRule.get('regularMeetingsHeld')?.value).toBe(1);
    expect(byRule.get('regularMeetingsHeld')?.status).toBe('onTrack');
    expect(byRule.get('trainingRegisteredPct')?.value).toBe(0);
    expect(byRule.get('trainingRegisteredPct')?.evidence.missingMembers).toHaveLength(3);
    expect(byRule.get('committeeComplete')?.evidence.why).toEqual([{ code: 'noTerm' }, { code: 'committeeMissed', params: { n: 1 } }]);
    const s = await yearSummary('2026-02-15');
    expect(s).toMatchObject({ started: true, total: 9, onPace: year.onPace });
    expect(s.worst?.status).toBe('unreachable');
    const one = await loadTarget(templateTargetId(Y, 6, 1), '2026-02-15');
    expect(one?.result.evidence.meetings).toHaveLength(1);
  });

  it("a school's unit: the year started is pinned as a school year and Home reads that span", async () => {
    const db = await activeDb();
    const { commit } = await import('../../../src/data/commit');
    const { upsertRow } = await import('../../../src/data/outbox');
    const { activeUnitId } = await import('../../../src/data/session');
    const unitId = await activeUnitId();
    await commit(db, [db.unitSettings], () => upsertRow(db, 'unitSettings', 'settings:unit', unitId, { yearKind: 'school' }));
    const plan = await startYear(2025, { kind: 'template' });
    expect(plan.yearKind).toBe('school');
    const { saveUnitRating } = await import('../../../src/features/rating/rating-repo');
    await saveUnitRating(2025, 'excellent');
    const s = await yearSummary('2026-01-15');
    expect(s.span).toMatchObject({ year: 2025, kind: 'school', from: '2025-09-01', to: '2026-08-31' });
    const y = await loadYearTargets(2025, '2026-01-15');
    expect(y.results.find((r) => r.target.rule === 'unitRatingLevel')?.status).toBe('met');
  });

  it('a year without a plan: Home says so', async () => {
    expect(await yearSummary('2026-02-15')).toMatchObject({ started: false, total: 0 });
  });

  it('no targets: nothing computed and no rules loaded, the same figures the rules give for none', async () => {
    const { computeSteps } = await import('../../../src/protocol/target-rules');
    const inputs = { span: { year: Y }, today: '2026-02-15', members: [] } as unknown as Parameters<typeof computeInSlices>[1];
    const steps = computeSteps([], inputs, {} as never);
    let r = steps.next();
    while (!r.done) r = steps.next();
    expect(await computeInSlices([], inputs)).toEqual(r.value);
    expect(await yearSummary('2026-02-15')).toEqual({ span: expect.objectContaining({ year: 2026 }), started: false, onPace: 0, total: 0, worst: undefined });
  });
});

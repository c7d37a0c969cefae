// The reports list's reads over real Dexie (fake-indexeddb): a year's periods with each one's
// standing from the rows on the phone, the unit's delay, and what Home's card reminds of.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { getReportDueDays, loadReminders, loadReportYear } from '../../../src/features/reports/report-list-queries';
import { setReportDueDays } from '../../../src/features/reports/report-settings-repo';
import { setYearKind } from '../../../src/features/settings/year-kind-repo';
import { parseReportId } from '../../../src/protocol/report-period';

const meta = { unitId: 'u', rev: {}, deleted: false, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };

/** A report's working copy, as the editor keeps it. */
async function putReport(id: string, status: 'draft' | 'submitted', version: number) {
  const p = parseReportId(id)!;
  await (await activeDb()).reports.put({ id, ...p, yearKind: 'calendar', status, version, ...meta } as never);
}
/** A sent version, frozen with the due date it was sent under. */
async function putVersion(reportId: string, version: number, submittedAt: string, dueOn?: string) {
  await (await activeDb()).reportVersions.put({ id: `${reportId}:v${version}`, reportId, version, submittedAt, dueOn, ...meta } as never);
}
async function putReview(reportId: string, version: number, decision: 'received' | 'returned') {
  await (await activeDb()).reportReviews.put({ id: `${reportId}:v${version}:review`, reportId, version, decision, reviewedAt: '2026-07-20T00:00:00Z', ...meta } as never);
}

/** The unit began in the app on `day` (its unit record's creation). */
async function beganOn(day: string) {
  const db = await activeDb();
  for (const u of await db.units.toArray()) await db.units.put({ ...u, createdAt: `${day}T08:00:00.000Z` });
}

beforeEach(async () => {
  await freshUnit();
  await beganOn('2024-06-01');
});

describe('the year list', () => {
  it('each period of 2026 with its due date and standing, as of 15/08/2026', async () => {
    await putReport('report:2026:q1', 'submitted', 1);
    await putVersion('report:2026:q1', 1, '2026-04-08T09:00:00Z', '2026-04-10');
    await putReview('report:2026:q1', 1, 'received');
    await putReport('report:2026:q2', 'draft', 2);
    await putVersion('report:2026:q2', 1, '2026-07-14T09:00:00Z', '2026-07-10');
    await putReview('report:2026:q2', 1, 'returned');
    await putReport('report:2026:h1', 'draft', 1);
    const y = await loadReportYear('2026', '2026-08-15');
    expect(y.span).toMatchObject({ year: 2026, kind: 'calendar' });
    expect(y.dueDays).toBe(10);
    expect(y.groups.map((g) => [g.kind, g.rows.map((r) => r.id)])).toEqual([
      ['quarter', ['report:2026:q1', 'report:2026:q2', 'report:2026:q3', 'report:2026:q4']],
      ['half_year', ['report:2026:h1', 'report:2026:h2']],
      ['year', ['report:2026:y']],
    ]);
    const row = (id: string) => y.groups.flatMap((g) => g.rows).find((r) => r.id === id)!;
    expect(row('report:2026:q1').standing).toMatchObject({ state: 'received', sent: 1, onTime: true, late: false, dueOn: '2026-04-10' });
    expect(row('report:2026:q2').standing).toMatchObject({ state: 'returned', sent: 1, drafting: 2, onTime: false, firstSentOn: '2026-07-14' });
    expect(row('report:2026:h1').standing).toMatchObject({ state: 'draft', sent: 0, late: true, dueOn: '2026-07-10' });
    expect(row('report:2026:q3')).toMatchObject({ begun: true, ended: false, standing: { state: 'notStarted', late: false, dueSoon: false } });
    expect(row('report:2026:q4')).toMatchObject({ begun: false, ended: false });
    expect(row('report:2026:y').standing.dueOn).toBe('2027-01-10');
  });

  it("without ?y= the unit's current year; a school unit lists its semesters and school year", async () => {
    expect((await loadReportYear(undefined, '2026-08-15')).span.year).toBe(2026);
    await setYearKind('school', '2026-08-15');
    // nothing recorded yet: nothing pinned, the school year 2025–2026 holds 15/08/2026
    const y = await loadReportYear(undefined, '2026-08-15');
    expect(y.span).toMatchObject({ year: 2025, kind: 'school' });
    expect(y.groups[0].rows.map((r) => r.id)).toEqual(['report:2025:q3', 'report:2025:q4', 'report:2026:q1', 'report:2026:q2']);
    expect(y.groups[1].rows.map((r) => [r.period.from, r.period.to])).toEqual([['2025-09-01', '2026-02-28'], ['2026-03-01', '2026-08-31']]);
  });

  it("the unit's delay moves every due date not yet frozen in a sent version", async () => {
    await putVersion('report:2026:q1', 1, '2026-04-08T09:00:00Z', '2026-04-10');
    await setReportDueDays(20);
    expect(await getReportDueDays()).toEqual({ days: 20, isSet: true });
    const y = await loadReportYear('2026', '2026-08-15');
    expect(y.dueDays).toBe(20);
    const [q1, q2] = y.groups[0].rows;
    expect(q1.standing.dueOn).toBe('2026-04-10');
    expect(q2.standing.dueOn).toBe('2026-07-20');
  });
});

describe("Home's card", () => {
  it('nothing due: no reminder', async () => {
    // 20/05/2026: every report of 2025 sent; Q1 2026 sent; Q2 not due before 10/07
    for (const id of ['report:2025:q3', 'report:2025:q4', 'report:2025:h1', 'report:2025:h2', 'report:2024:y', 'report:2025:y', 'report:2026:q1']) {
      await putVersion(id, 1, '2026-01-05T08:00:00Z');
    }
    expect(await loadReminders('2026-05-20')).toEqual([]);
  });

  it('due soon: Q2 and H1 from 03/07 (due 10/07), with the days left; gone once sent', async () => {
    for (const id of ['report:2025:q4', 'report:2025:h2', 'report:2024:y', 'report:2025:y', 'report:2026:q1']) await putVersion(id, 1, '2026-01-05T08:00:00Z');
    expect(await loadReminders('2026-07-02')).toEqual([]);
    const r = await loadReminders('2026-07-07');
    expect(r.map((i) => [i.id, i.standing.dueOn, i.standing.dueSoon])).toEqual([['report:2026:q2', '2026-07-10', true], ['report:2026:h1', '2026-07-10', true]]);
    await putVersion('report:2026:q2', 1, '2026-07-08T08:00:00Z');
    expect((await loadReminders('2026-07-08')).map((i) => i.id)).toEqual(['report:2026:h1']);
  });

  it('late: the year 2025 not sent by 10/01/2026, flagged until sent', async () => {
    for (const id of ['report:2025:q3', 'report:2025:q4', 'report:2025:h1', 'report:2025:h2', 'report:2024:y']) await putVersion(id, 1, '2026-01-05T08:00:00Z');
    await putReport('report:2025:y', 'draft', 1);
    const r = await loadReminders('2026-01-15');
    expect(r.map((i) => [i.id, i.standing.late, i.standing.dueOn])).toEqual([['report:2025:y', true, '2026-01-10']]);
    await putVersion('report:2025:y', 1, '2026-01-16T08:00:00Z');
    expect(await loadReminders('2026-01-16')).toEqual([]);
  });

  it('nothing due before the unit began in the app: those reports were sent on paper', async () => {
    // began 01/05/2026: Q1 (due 10/04) and the 2025 reports are out of sight; Q2 and H1 are not
    await beganOn('2026-05-01');
    expect((await loadReminders('2026-07-12')).map((i) => i.id)).toEqual(['report:2026:q2', 'report:2026:h1']);
    // began on a due date: that report is the app's
    await beganOn('2026-04-10');
    expect((await loadReminders('2026-07-12')).map((i) => i.id)).toEqual(['report:2026:q1', 'report:2026:q2', 'report:2026:h1']);
  });
});

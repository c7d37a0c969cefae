// The "reports sent on time" target (issue 10 item 4) over a hand-built calendar 2026 with the
// default delay (10 days): Q1 due 10/04, Q2 and H1 due 10/07, Q3 due 10/10, Q4, H2 and the
// year due 10/01/2027. Judged on 15/08/2026 unless a test moves the day: three are due.
import { describe, expect, it } from 'vitest';
import { computeTargets, type TargetLike, type YearInputs } from '../../../src/protocol/target-rules';
import type { ReportRecords } from '../../../src/protocol/report-year-rules';
import { yearSpan } from '../../../src/protocol/year';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { addTarget } from '../../../src/features/targets/targets-repo';
import { loadTarget } from '../../../src/features/targets/targets-queries';
import { setReportDueDays } from '../../../src/features/reports/report-settings-repo';

/** A year with no other records: the rule reads only the reports. */
const baseYear = (over: Partial<YearInputs>): YearInputs => ({
  span: yearSpan(2026), today: '2026-08-15', members: [], memberEvents: [], ratings: [], registrations: [], youthProjects: [], meetings: [], activities: [],
  terms: [], seats: [], remittances: [], meetingFrequency: 'monthly', committeeMeetingFrequency: 'monthly', ...over,
});
const target = (rule: TargetLike['rule'], measure: TargetLike['measure'], goal: number): TargetLike => ({ id: 't1', title: 'Báo cáo đúng hạn', measure, goal, source: 'computed', rule, sortOrder: 1 });

const sent = (reportId: string, version: number, submittedAt: string, dueOn?: string) => ({ reportId, version, submittedAt, dueOn });

function records(over: Partial<ReportRecords> = {}): ReportRecords {
  return {
    rows: [
      { id: 'report:2026:q1', status: 'submitted', version: 1 },
      { id: 'report:2026:q2', status: 'submitted', version: 2 },
      { id: 'report:2026:h1', status: 'draft', version: 1 },
    ],
    versions: [
      sent('report:2026:q1', 1, '2026-04-08T09:00:00.000Z', '2026-04-10'),
      // four days late; returned, then corrected: still late (the first version decides)
      sent('report:2026:q2', 1, '2026-07-14T09:00:00.000Z', '2026-07-10'),
      sent('report:2026:q2', 2, '2026-07-20T09:00:00.000Z', '2026-07-10'),
    ],
    reviews: [{ reportId: 'report:2026:q2', version: 1, decision: 'returned', reviewedAt: '2026-07-16' }],
    dueDays: 10,
    ...over,
  };
}

const one = (goal: number, over: Partial<YearInputs> = {}) => computeTargets([target('reportsOnTime', 'percent', goal)], baseYear({ reports: records(), ...over }))[0];

describe('reportsOnTime', () => {
  it('the share of the reports already due whose first version was sent by its due date', () => {
    const r = one(60);
    // due by 15/08: Q1 (on time), Q2 (late), H1 (not sent) → 1 of 3
    expect(r.value).toBeCloseTo(100 / 3);
    expect(r.evidence.reports).toEqual(['report:2026:q1']);
    expect(r.evidence.missingReports).toEqual(['report:2026:h1', 'report:2026:q2']);
    expect(r.evidence.why).toEqual([
      { code: 'reportsDue', params: { n: 1, total: 3 } },
      { code: 'reportsLate', params: { n: 1 } },
      { code: 'reportsNotSent', params: { n: 1 } },
    ]);
    // 4 reports to come: at best (1 + 4) / 7 = 71 % ≥ 60 %, still reachable
    expect(r.status).toBe('onTrack');
    // … but not 100 %: two misses can never be made up
    expect(one(100).status).toBe('unreachable');
  });

  it('nothing due yet is not measurable; a report sent early but not yet due is not counted', () => {
    const r = one(100, { today: '2026-04-05', reports: records({ versions: [sent('report:2026:q1', 1, '2026-04-02T08:00:00Z', '2026-04-10')] }) });
    expect(r.value).toBeUndefined();
    expect(r.status).toBe('notMeasurable');
    expect(r.evidence.why).toEqual([{ code: 'reportsDue', params: { n: 0, total: 0 } }]);
  });

  it("the unit's delay moves the due dates; a sent version keeps the due date it was sent under", () => {
    // 30 days: Q2 due 30/07 (sent 14/07: on time), H1 due 30/07 (not sent: late); Q1 sent
    // 15/04 under a due date of 20/04 frozen in it: on time though 30 days were not set then
    const versions = [sent('report:2026:q1', 1, '2026-04-15T09:00:00Z', '2026-04-20'), sent('report:2026:q2', 1, '2026-07-14T09:00:00Z')];
    const r = one(60, { reports: records({ dueDays: 30, versions, reviews: [] }) });
    expect(r.evidence.reports).toEqual(['report:2026:q1', 'report:2026:q2']);
    expect(r.evidence.missingReports).toEqual(['report:2026:h1']);
    expect(r.value).toBeCloseTo(200 / 3);
  });

  it('tombstones do not count; no reports read at all is every due report missing', () => {
    const r = one(60, { reports: records({ versions: [{ ...sent('report:2026:q1', 1, '2026-04-08T09:00:00Z'), deleted: true }] }) });
    expect(r.value).toBe(0);
    const none = one(60, { reports: undefined });
    expect(none.value).toBe(0);
    expect(none.evidence.missingReports).toEqual(['report:2026:h1', 'report:2026:q1', 'report:2026:q2']);
  });

  it('reports due before the unit began in the app are not counted', () => {
    // began 01/07/2026: Q1 (due 10/04) is out of sight; Q2 late, H1 not sent → 0 of 2
    const r = one(60, { reports: { ...records(), since: '2026-07-01' } });
    expect(r.evidence.missingReports).toEqual(['report:2026:h1', 'report:2026:q2']);
    expect(r.evidence.reports).toEqual([]);
    expect(r.value).toBe(0);
  });

  it("a school year counts its quarters, semesters and school year: Q3/2025 … Q2/2026", () => {
    // school year 2025–2026, 20/01/2026: Q3/2025 (due 10/10/2025) and Q4/2025 (due 10/01/2026)
    // are due; semester I (09/2025–02/2026) is not over
    const reports = records({ rows: [], versions: [sent('report:2025:q3', 1, '2025-10-09T09:00:00Z', '2025-10-10')], reviews: [] });
    const r = one(100, { span: yearSpan(2025, 'school'), today: '2026-01-20', reports });
    expect(r.evidence.reports).toEqual(['report:2025:q3']);
    expect(r.evidence.missingReports).toEqual(['report:2025:q4']);
    expect(r.value).toBe(50);
  });
});

describe('reportsOnTime read from the phone (targets-queries)', () => {
  it("the year's target reads the reports, the unit's delay and the versions sent", async () => {
    await freshUnit();
    const db = await activeDb();
    for (const u of await db.units.toArray()) await db.units.put({ ...u, createdAt: '2025-06-01T08:00:00.000Z' });
    const t = await addTarget(2026, { title: 'Báo cáo gửi cấp trên đúng hạn', measure: 'percent', goal: 100, source: 'computed', rule: 'reportsOnTime' });
    const meta = { unitId: 'u', rev: {}, deleted: false, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
    await db.reportVersions.put({ id: 'report:2026:q1:v1', reportId: 'report:2026:q1', version: 1, submittedAt: '2026-04-12T08:00:00Z', ...meta } as never);
    // 10 days: Q1 due 10/04, sent 12/04 → late, 0 %
    expect((await loadTarget(t.id, '2026-05-01'))!.result).toMatchObject({ value: 0, status: 'unreachable', evidence: { missingReports: ['report:2026:q1'] } });
    // 15 days: due 15/04 → on time (the version froze no due date of its own)
    await setReportDueDays(15);
    expect((await loadTarget(t.id, '2026-05-01'))!.result).toMatchObject({ value: 100, status: 'met', evidence: { reports: ['report:2026:q1'], missingReports: [] } });
    // a unit that began in the app after Q1 was due: Q1 is not the app's to judge, nothing due yet
    for (const u of await db.units.toArray()) await db.units.put({ ...u, createdAt: '2026-04-20T08:00:00.000Z' });
    expect((await loadTarget(t.id, '2026-05-01'))!.result).toMatchObject({ value: undefined, status: 'notMeasurable', evidence: { reports: [], missingReports: [] } });
  });
});

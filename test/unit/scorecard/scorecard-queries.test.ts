// A unit's scorecard row read from its own database equals what the unit's own screens show for
// the same records, and the row is cached per unit version: a second open computes nothing, a
// pulled change or an unsent write computes again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { del } from 'idb-keyval';
import { freshUnit } from '../helpers';
import { seedYear } from '../year-fixture';
import { activeDb, activeUnitId } from '../../../src/data/session';
import { loadRatingYear } from '../../../src/features/rating/rating-queries';
import { loadTrainingYear } from '../../../src/features/training/training-queries';
import { countActiveMembers } from '../../../src/features/home/home-queries';
import { listMeetingsInYear } from '../../../src/features/meetings/meeting-queries';
import { startYear } from '../../../src/features/targets/targets-repo';
import { yearSummary } from '../../../src/features/targets/targets-queries';
import { loadReportYear } from '../../../src/features/reports/report-list-queries';
import { recordRemittance } from '../../../src/features/dues/desk-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { loadScorecard, loadScorecardRow, scorecardRow, scorecardStats } from '../../../src/features/above/scorecard/scorecard-queries';
import { ratingSummary } from '../../../src/protocol/rating-rules';
import { trainingRates } from '../../../src/protocol/training-rules';
import { regularMeetingDue } from '../../../src/protocol/attendance-rules';
import { scorecardCells, scorecardGoals, type ScorecardRow } from '../../../src/protocol/scorecard-rules';

const Y = 2026;
const TODAY = '2026-12-06';
const pct1 = (x: number | undefined) => (x === undefined ? undefined : Math.round(x * 1000) / 10);

async function unitWithAYear() {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-01-02T08:00:00Z'));
  await freshUnit('Chi đoàn Khu phố 3');
  const unitId = await activeUnitId();
  await del(`scorecard:${unitId}`);
  const fx = await seedYear(Y, 60);
  await startYear(Y, { kind: 'template' });
  vi.setSystemTime(new Date(`${TODAY}T08:00:00Z`));
  const db0 = await activeDb();
  // the members' levels, as the unit's meeting decided them (the fixture's ids are too short for the repo)
  const LEVELS = ['excellent', 'good', 'good', 'completed', 'not_completed', ''] as const;
  await db0.ratings.bulkPut(fx.members.map((m, i) => ({ unitId, rev: {}, deleted: false, createdAt: TODAY, updatedAt: TODAY, id: `${Y}:${m.id}`, year: Y, memberId: m.id, level: LEVELS[i % LEVELS.length], decidedAt: TODAY })) as never);
  for (const m of ['01', '02', '03', '04', '05', '06', '07', '08', '10']) {
    await recordRemittance({ period: `${Y}-${m}`, collected: 30000, amount: 10000, paidAt: `${Y}-${m}-25`, method: 'cash', note: '' });
  }
  const db = await activeDb();
  const meta = { unitId, rev: {}, deleted: false, createdAt: '2026-10-20T08:00:00Z', updatedAt: '2026-10-20T08:00:00Z' };
  // the level above's rows, put as a pull would (no outbox)
  await db.checkIns.bulkPut([{ ...meta, id: 'ci-1', date: '2026-10-20', place: 'Văn phòng Đoàn phường', attendees: '', findings: '', byName: '' }] as never);
  await db.checkInActions.bulkPut([
    { ...meta, id: 'ac-1', checkInId: 'ci-1', what: 'Họp chi đoàn tháng 11', who: 'Bí thư', dueOn: '2026-11-30', status: 'open', followUp: '' },
    { ...meta, id: 'ac-2', checkInId: 'ci-1', what: 'Nộp đoàn phí', who: '', dueOn: '2026-12-31', status: 'open', followUp: '' },
    { ...meta, id: 'ac-3', checkInId: 'ci-1', what: 'Cũ', who: '', dueOn: '2026-11-01', status: 'done', followUp: 'Xong' },
  ] as never);
  await db.consolidations.put({ ...meta, id: `consolidation:${Y}`, year: Y, weak: true, note: '', markedOn: '2026-01-15' } as never);
  // a Q3 report sent late (due 10 October)
  await db.reportVersions.put({ ...meta, id: 'report:2026:q3:v1', reportId: 'report:2026:q3', version: 1, submittedAt: '2026-10-14T09:00:00Z', dueOn: '2026-10-10' } as never);
  return { db, unitId };
}

describe('the scorecard row of a unit', () => {
  afterEach(() => vi.useRealTimers());

  it("equals what the unit's own screens show", async () => {
    const { db, unitId } = await unitWithAYear();
    const row = await loadScorecardRow(db, unitId, TODAY);
    expect(row.name).toBe('Chi đoàn Khu phố 3');
    expect(row.weak).toBe(true);
    // Home: the head count, and this month's meeting warning
    expect(row.members.count).toBe(await countActiveMembers(TODAY));
    expect(row.meeting.current).toBe(regularMeetingDue(await listMeetingsInYear(Y), 'monthly', TODAY).state);
    // the fixture's regular meetings: January, March (twice), June, October
    expect(row.meeting.missedMonths).toEqual(['2026-02', '2026-04', '2026-05', '2026-07', '2026-08', '2026-09', '2026-11']);
    // the training screen's rates
    const ty = await loadTrainingYear(Y, undefined, TODAY);
    const rates = trainingRates(ty.roster.map((m) => m.id), [...ty.registrations.values()]);
    expect(rates.expected).toBeGreaterThan(0);
    expect(row.training.completingPct).toBeDefined();
    expect(row.training.roster).toBe(rates.expected);
    expect(row.training.registered).toBe(rates.registered);
    expect(row.training.registeredPct).toBe(pct1(rates.registeredRate));
    expect(row.training.completing).toBe(rates.completing);
    expect(row.training.completingPct).toBe(pct1(rates.completingRate));
    // the rating screen's summary
    const ry = await loadRatingYear(Y, TODAY);
    const sum = ratingSummary(ry.rows.map((r) => ({ memberId: r.member.id, eligible: r.eligibility.eligible, level: r.rating?.level, suggested: r.suggestion?.level, outstanding: r.rating?.outstanding })), ry.thresholds.excellentCapPct, ry.goal);
    expect(sum.decided).toBeGreaterThan(0);
    expect(row.rating.eligible).toBe(sum.eligible);
    expect(row.rating.goodOrBetter).toBe(sum.counts.excellent + sum.counts.good);
    expect(row.rating.goodOrBetterPct).toBeDefined();
    expect(row.rating.goodOrBetterPct).toBe(pct1(sum.goodOrBetterRate));
    // the year's targets as Home's card and /year count them
    const year = await yearSummary(TODAY);
    expect(year.total).toBeGreaterThan(0);
    expect(row.targets).toMatchObject({ onPace: year.onPace, total: year.total });
    // the reports list
    const reports = (await loadReportYear(undefined, TODAY)).groups.flatMap((g) => g.rows);
    const q3 = reports.find((r) => r.id === 'report:2026:q3')!;
    expect(row.report).toMatchObject({ id: 'report:2026:q3', state: q3.standing.state, onTime: q3.standing.onTime, sent: 1 });
    expect(row.report!.onTime).toBe(false);
    // dues remitted, check-ins and actions
    expect(row.dues).toEqual({ through: '2026-08', missing: ['2026-09', '2026-11'] });
    expect(row.checkIn).toMatchObject({ last: '2026-10-20', heldThisQuarter: 1, quarter: 4 });
    expect(row.actions).toEqual({ open: 2, overdue: 1, oldestDue: '2026-11-30' });
    const cells = scorecardCells(row, scorecardGoals(row.goals));
    expect(cells).toMatchObject({ meeting: 'bad', dues: 'bad', report: 'warn', checkIn: 'good', actions: 'bad' });
  });

  it('is cached per unit version: opened again it is not computed; a pull, a write or a new day computes it', async () => {
    const { db, unitId } = await unitWithAYear();
    const before = scorecardStats.computed;
    const first = await scorecardRow(db, unitId, TODAY);
    expect(first.fresh).toBe(true);
    expect(scorecardStats.computed).toBe(before + 1);
    const again = await scorecardRow(db, unitId, TODAY);
    expect(again).toEqual({ row: first.row, fresh: false });
    expect(scorecardStats.computed).toBe(before + 1);

    // the scorecard opened over the unit's database opened apart: the cached row, nothing computed
    const seen: [ScorecardRow, boolean][] = [];
    await loadScorecard([{ unitId, name: 'Chi đoàn Khu phố 3' }], TODAY, (r, current) => seen.push([r, current]));
    expect(seen.map(([r, c]) => [r.unitId, c])).toEqual([[unitId, false], [unitId, true]]);
    expect(scorecardStats.computed).toBe(before + 1);

    // a pull moved the cursor and brought a meeting held in November
    await db.meetings.put({ unitId, rev: {}, deleted: false, createdAt: TODAY, updatedAt: TODAY, id: 'pulled', kind: 'regular', title: 'Sinh hoạt tháng 11', startsAt: '2026-11-20T19:30', place: '', guests: [], status: 'held' } as never);
    await db.syncState.update('device', { cursor: 42 });
    const pulled = await scorecardRow(db, unitId, TODAY);
    expect(pulled.fresh).toBe(true);
    expect(scorecardStats.computed).toBe(before + 2);
    expect(pulled.row.meeting.missedMonths).not.toContain('2026-11');

    // a write on this phone, not yet pushed
    await createMeeting({ kind: 'regular', title: 'Sinh hoạt tháng 12', startsAt: '2026-12-20T19:30', place: 'Nhà văn hóa', guests: [], status: 'planned' } as never);
    const written = await scorecardRow(db, unitId, TODAY);
    expect(written.fresh).toBe(true);
    expect(written.row.meeting.current).toBe('planned');
    expect((await scorecardRow(db, unitId, TODAY)).fresh).toBe(false);
    // another day
    expect((await scorecardRow(db, unitId, '2026-12-07')).fresh).toBe(true);
    expect(scorecardStats.computed).toBe(before + 4);
  });
});

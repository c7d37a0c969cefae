// The year screens follow whose year (issue 9 item 0) and the year's goals come from its
// targets (item 2), over real Dexie: a school unit's training and rating year uses the
// September–August events, roster and six-months rule; switching the setting leaves the years
// already recorded as they were; the goals fall back to the plan's figures.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { activeDb, activeUnitId } from '../../../src/data/session';
import { createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { markAttendance } from '../../../src/features/attendance/attendance-repo';
import { createDefaultProgramme } from '../../../src/features/training/training-repo';
import { listLinkableEvents, loadTrainingYear } from '../../../src/features/training/training-queries';
import { loadRatingYear } from '../../../src/features/rating/rating-queries';
import { loadAbsenceWarnings } from '../../../src/features/meetings/AbsenceWarningsPage';
import { setYearKind } from '../../../src/features/settings/year-kind-repo';
import { loadYearGoals } from '../../../src/data/year-goals';
import { loadTrainingGoals } from '../../../src/features/training/training-queries';
import { trainingRates } from '../../../src/protocol/training-rules';
import { eligibility, ratingSummary } from '../../../src/protocol/rating-rules';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';
import { yearSpan } from '../../../src/protocol/year';
import type { Target } from '../../../src/protocol/target';

beforeEach(() => freshUnit());

const TODAY = '2026-10-05';
const meeting = (day: string, title = `Sinh hoạt ${day}`) => createMeeting({ kind: 'regular', title, startsAt: `${day}T19:30`, place: '', guests: [], status: 'held' });
const member = (fullName: string, admissionDate = '2018-03-26') => createMember({ ...MEMBER_DEFAULTS, fullName, admissionDate });

/** Meetings on both sides of the school year 2025–2026's edges. */
async function meetingsAround() {
  const days = ['2025-05-10', '2025-08-31', '2025-09-01', '2025-12-10', '2026-03-10', '2026-08-31', '2026-09-01'];
  const out = [];
  for (const d of days) out.push(await meeting(d));
  return out;
}

describe('a school unit’s year', () => {
  beforeEach(() => setYearKind('school', TODAY));

  it('training: the events to link and the roster are those of September to August', async () => {
    await meetingsAround();
    await member('Lê Thị Cũ');
    await member('Phạm Văn Mới', '2026-09-15'); // joined after school year 2025–2026 ended
    await createDefaultProgramme(2025);
    const events = await listLinkableEvents(2025);
    expect(events.map((e) => e.date)).toEqual(['2025-09-01', '2025-12-10', '2026-03-10', '2026-08-31']);
    const y = await loadTrainingYear(2025, undefined, TODAY);
    expect(y.span).toEqual(yearSpan(2025, 'school'));
    expect(y.roster.map((m) => m.fullName)).toEqual(['Lê Thị Cũ']);
    // The same members as a calendar year would give differently: the new member is on 2026's roster.
    const calendar = await loadTrainingYear(yearSpan(2026), undefined, TODAY);
    expect(calendar.roster).toHaveLength(2);
  });

  it('rating: participation counts the school year’s meetings, and six months in the unit are counted within it', async () => {
    const ms = await meetingsAround();
    const a = await member('Nguyễn Văn An');
    const late = await member('Trần Thị Bình', '2026-04-01'); // 5 months of school year 2025–2026
    // Marked at every meeting: present inside the year, absent without reason outside it.
    for (const m of ms) await markAttendance(m.id, a.id, m.startsAt >= '2025-09-01' && m.startsAt < '2026-09-01' ? 'present' : 'absent_unexcused');
    const y = await loadRatingYear(2025, TODAY);
    expect(y.span).toEqual(yearSpan(2025, 'school'));
    expect(y.eventCount).toBe(4);
    const rowA = y.rows.find((r) => r.member.id === a.id)!;
    expect(rowA.evidence).toMatchObject({ participationPct: 100, unexcusedMonths: 0, meetingsHeld: 4 });
    const rowLate = y.rows.find((r) => r.member.id === late.id)!;
    expect(rowLate.eligibility).toEqual({ eligible: false, reason: { code: 'joinedLate', date: '2026-04-01' } });
    // In a calendar year 2026 the same member has 9 months: rated.
    expect(eligibility(late, [], yearSpan(2026)).eligible).toBe(true);
  });


  it('absence warnings: three months absent without reason within September–August', async () => {
    const a = await member('Võ Văn Vắng');
    for (const d of ['2025-10-10', '2025-12-10', '2026-03-10']) await markAttendance((await meeting(d)).id, a.id, 'absent_unexcused');
    const school = await loadAbsenceWarnings(2025, TODAY);
    expect(school.rows.map((r) => [r.fullName, r.months])).toEqual([['Võ Văn Vắng', ['2025-10', '2025-12', '2026-03']]]);
    // Neither calendar year holds three of those months.
    expect((await loadAbsenceWarnings(yearSpan(2025), TODAY)).rows).toEqual([]);
    expect((await loadAbsenceWarnings(yearSpan(2026), TODAY)).rows).toEqual([]);
  });
});

describe('switching the setting', () => {
  it('leaves a year already recorded as it was: same span, same events, same roster', async () => {
    await meetingsAround();
    await member('Nguyễn Văn An');
    await createDefaultProgramme(2025);
    const before = await loadRatingYear(2025, TODAY);
    const trainingBefore = await loadTrainingYear(2025, undefined, TODAY);
    expect(before.span).toEqual(yearSpan(2025));
    await setYearKind('school', TODAY);
    const after = await loadRatingYear(2025, TODAY);
    expect(after.span).toEqual(yearSpan(2025));
    expect(after.eventCount).toBe(before.eventCount);
    expect(after.rows.map((r) => [r.member.id, r.eligibility, r.evidence])).toEqual(before.rows.map((r) => [r.member.id, r.eligibility, r.evidence]));
    expect((await loadTrainingYear(2025, undefined, TODAY)).roster.map((m) => m.id)).toEqual(trainingBefore.roster.map((m) => m.id));
    // 2026 was in progress (recorded meetings in it): pinned as calendar too.
    expect((await loadRatingYear(2026, TODAY)).span).toEqual(yearSpan(2026));
    // The next year follows the new setting.
    expect((await loadRatingYear(2027, TODAY)).span).toEqual(yearSpan(2027, 'school'));
  });
});

describe('the year’s goals', () => {
  async function target(id: string, patch: Partial<Target>) {
    const db = await activeDb();
    const now = '2026-01-02T00:00:00.000Z';
    await db.targets.put({ id, unitId: await activeUnitId(), rev: {}, deleted: false, createdAt: now, updatedAt: now, year: 2026, title: 'Chỉ tiêu', measure: 'percent', goal: 0, source: 'computed', sortOrder: 0, ...patch } as Target);
  }

  it('fall back to the plan’s figures when the year has no such target', async () => {
    expect(await loadYearGoals(2026)).toEqual({});
    expect(await loadTrainingGoals(2026)).toEqual({ registered: 1, completing: 0.9 });
    expect((await loadRatingYear(2026, TODAY)).goal).toBe(0.8);
  });

  it('come from the year’s computed targets (percent → fraction); entered, deleted and other years’ targets do not count', async () => {
    await target('t1', { rule: 'goodOrBetterPct', goal: 85 });
    await target('t2', { rule: 'trainingCompletingPct', goal: 95 });
    await target('t3', { rule: 'trainingRegisteredPct', goal: 50, source: 'entered' });
    await target('t4', { rule: 'trainingRegisteredPct', goal: 60, deleted: true });
    await target('t5', { rule: 'trainingRegisteredPct', goal: 70, year: 2025 });
    expect(await loadYearGoals(2026)).toEqual({ goodOrBetter: 0.85, completing: 0.95 });
    expect(await loadTrainingGoals(2026)).toEqual({ registered: 1, completing: 0.95 });
    expect(await loadYearGoals(2025)).toEqual({ registered: 0.7 });
  });

  it('are what the rules measure against: the rating screen’s year and the training rates', async () => {
    await target('t1', { rule: 'goodOrBetterPct', goal: 50 });
    await target('t2', { rule: 'trainingRegisteredPct', goal: 60 });
    expect((await loadRatingYear(2026, TODAY)).goal).toBe(0.5);
    const goals = await loadTrainingGoals(2026);
    const rates = trainingRates(['a', 'b', 'c'], [{ memberId: 'a', itemIds: [] }, { memberId: 'b', itemIds: [] }], goals);
    expect(rates.meetsRegistered).toBe(true); // 2/3 ≥ 60 %
    expect(trainingRates(['a', 'b', 'c'], [{ memberId: 'a', itemIds: [] }, { memberId: 'b', itemIds: [] }]).meetsRegistered).toBe(false); // the plan's 100 %
    const rows = [{ memberId: 'a', eligible: true, level: 'good' as const }, { memberId: 'b', eligible: true, level: 'completed' as const }];
    expect(ratingSummary(rows, 0, (await loadYearGoals(2026)).goodOrBetter).meetsTarget).toBe(true);
    expect(ratingSummary(rows, 0).meetsTarget).toBe(false);
  });
});

// The report loader over real Dexie (fake-indexeddb): its ranged and paged reads bring every row
// the figures depend on — the figures equal the rules run over whole tables — for each kind of
// period, while a period runs and once it is over; and the figures follow a write.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { seedYear } from '../year-fixture';
import { activeDb } from '../../../src/data/session';
import { createActivity } from '../../../src/features/activities/activities-repo';
import { markAttendance } from '../../../src/features/attendance/attendance-repo';
import { addMemberEvent, createMember } from '../../../src/features/members/members-repo';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';
import { startYear } from '../../../src/features/targets/targets-repo';
import { collectForMember, reverseEntry } from '../../../src/features/dues/dues-repo';
import { loadReportFigures, loadReportInputs, REPORT_TABLES } from '../../../src/features/reports/report-queries';
import { asOfFor, computeReportFigures, type ReportInputs } from '../../../src/protocol/report-figures';
import { reportPeriod, type ReportPeriod } from '../../../src/protocol/report-period';
import { reportFigures } from '../../../src/protocol/report-figures-schema';
import { yearSpan } from '../../../src/protocol/year';
import { reportDueDays } from '../../../src/protocol/report-year-rules';

const Y = 2026;
beforeEach(() => freshUnit());

/** The same inputs from whole tables, with nothing left out by a range. */
async function wholeTables(period: ReportPeriod, today: string): Promise<ReportInputs> {
  const db = await activeDb();
  const asOf = asOfFor(period, today);
  const span = yearSpan(Number(asOf.slice(0, 4)));
  const dues = await db.dues.toArray();
  return {
    span,
    subGroups: ['Tổ 1', 'Tổ 2'],
    meetingFrequency: 'monthly',
    committeeMeetingFrequency: 'monthly',
    members: await db.members.toArray(),
    memberEvents: await db.memberEvents.toArray(),
    meetings: await db.meetings.toArray(),
    activities: await db.activities.toArray(),
    attendance: await db.attendance.toArray(),
    youthProjects: await db.youthProjects.toArray(),
    registrations: (await db.trainingRegistrations.toArray()).filter((r) => r.year === span.year),
    ratings: (await db.ratings.toArray()).filter((r) => r.year === span.year),
    unitRating: await db.unitRatings.get(`unit:${span.year}`),
    dues,
    duesExemptions: await db.duesExemptions.toArray(),
    duesRates: await db.duesRates.toArray(),
    firstPaidAt: dues.map((d) => d.paidAt).sort()[0],
    remittances: await db.remittances.toArray(),
    targets: (await db.targets.toArray()).filter((t) => t.year === span.year),
    terms: await db.committeeTerms.toArray(),
    seats: await db.committeeSeats.toArray(),
    reports: {
      rows: (await db.reports.toArray()).filter((r) => !r.deleted),
      versions: await db.reportVersions.toArray(),
      reviews: await db.reportReviews.toArray(),
      dueDays: reportDueDays(await db.unitSettings.get('settings:unit')),
      since: (await db.units.toArray()).map((u) => u.createdAt.slice(0, 10)).sort()[0],
    },
  };
}

async function seed() {
  const f = await seedYear(Y, 90);
  const live = [];
  for (const fullName of ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Châu', 'Phạm Văn Đạt', 'Hoàng Thị Lan']) {
    live.push(await createMember({ ...MEMBER_DEFAULTS, fullName, admissionDate: '2019-03-26', subGroup: 'Tổ 1' }));
  }
  const green = await createActivity({ kind: 'green_sunday', title: 'Chủ nhật xanh', date: `${Y}-03-15`, status: 'held' });
  await markAttendance(green.id, live[0].id, 'present');
  await markAttendance(green.id, live[1].id, 'late');
  await markAttendance(green.id, live[2].id, 'absent_excused');
  await addMemberEvent({ memberId: live[3].id, kind: 'commendation', date: `${Y}-02-03` });
  const paid = await collectForMember({ memberId: live[4].id, months: [{ period: `${Y}-11`, amount: 2000 }], paidAt: `${Y}-03-20`, method: 'cash' });
  await reverseEntry(paid.entries[0].id, 'Thu nhầm tháng');
  await startYear(Y, { kind: 'template' });
  return { f, live };
}

describe('report loader', () => {
  it('reads every row the figures depend on, for every kind of period, running or over', async () => {
    await seed();
    const cases: [ReportPeriod, string][] = [
      [reportPeriod('quarter', Y, 1), `${Y}-04-05`],
      [reportPeriod('quarter', Y, 2), `${Y}-05-20`],
      [reportPeriod('quarter', Y, 4), `${Y + 1}-01-03`],
      [reportPeriod('half_year', Y, 1), `${Y}-07-01`],
      [reportPeriod('year', Y, 1), `${Y + 1}-01-08`],
    ];
    for (const [period, today] of cases) {
      const loaded = await loadReportFigures(period, today);
      expect(loaded, `${period.kind} ${period.index}`).toEqual(computeReportFigures(await wholeTables(period, today), period, asOfFor(period, today)));
      expect(reportFigures.safeParse(loaded).success).toBe(true);
    }
  });

  it('gives the quarter’s figures from the records', async () => {
    const { live } = await seed();
    const f = await loadReportFigures(reportPeriod('quarter', Y, 1), `${Y}-04-05`);
    expect(f.asOf).toBe(`${Y}-03-31`);
    // seedYear: regular meetings held 10/01, 11/03 and 12/03 → January and March; February has none
    expect(f.meetings.regularHeld).toBe(3);
    expect(f.meetings.monthsWithoutRegular).toEqual([`${Y}-02`]);
    // the activity of 15/03: present + late = 2 participants
    expect(f.activities).toEqual({ v: 1, byKind: [{ kind: 'green_sunday', count: 1, participants: 2 }], total: 1, participants: 2 });
    expect(f.recognition.commended).toBe(1);
    // the template's targets are the year's
    expect(f.targets?.items.length).toBe(9);
    expect(f.ratings).toBeUndefined();
    // the 2,000 paid on 20/03 for November is read by its day paid (the quarter's cash); its
    // reversal, recorded today (after the quarter), is not the quarter's
    const inputs = await loadReportInputs(await activeDb(), reportPeriod('quarter', Y, 1), `${Y}-04-05`);
    expect(inputs.dues.filter((d) => d.memberId === live[4].id && d.period === `${Y}-11`).map((d) => d.amount)).toEqual([2000]);
  });

  it('names the tables it reads, for live reloads', () => {
    for (const t of ['members', 'memberEvents', 'meetings', 'attendance', 'activities', 'dues', 'remittances', 'targets', 'trainingRegistrations', 'ratings', 'youthProjects']) {
      expect(REPORT_TABLES).toContain(t);
    }
  });
});

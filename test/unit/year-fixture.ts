// A unit's year written straight into the local database (no outbox), for the tests that
// check the paged, first-rows-first reads of the year screens against the plain reads:
// members with shared given names (name-order ties), some archived, left or joined late;
// meetings over several months (two in one month); roll rows with every status and some
// tombstones; registrations, progress, a year of dues with tombstones and other years' entries.
import { activeDb, activeUnitId } from '../../src/data/session';
import { MEMBER_DEFAULTS, type Member } from '../../src/protocol/member';
import { VIEW_TABLE, type YearViewRow } from '../../src/data/year-views';
import { MARK_ID } from '../../src/data/year-view-middleware';
import { breathe } from '../../src/lib/slices';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng'];
const GIVEN = ['An', 'Ánh', 'Bình', 'Châu', 'Đạt', 'Lan', 'Minh', 'Tám'];
const STATUSES = ['present', 'present', 'late', 'absent_excused', 'absent_unexcused'] as const;

export interface YearFixture {
  year: number;
  members: Member[];
  meetingIds: string[];
  itemIds: string[];
}

export async function seedYear(year: number, count: number, opts: { itemIds?: string[]; linkedEvent?: boolean } = {}): Promise<YearFixture> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  const now = '2026-01-02T00:00:00.000Z';
  const meta = { unitId, rev: {}, deleted: false, createdAt: now, updatedAt: now };
  const pad = (n: number) => String(n).padStart(2, '0');
  const id = (p: string, i: number) => `${p}-${String(i).padStart(4, '0')}`;
  const members = Array.from({ length: count }, (_, i) => ({
    ...MEMBER_DEFAULTS,
    ...meta,
    id: id('m', (i * 37) % count),
    fullName: `${FAMILY[i % FAMILY.length]} ${i % 3 ? 'Văn ' : ''}${GIVEN[(i * 5) % GIVEN.length]}`,
    subGroup: i % 2 ? 'Tổ 1' : 'Tổ 2',
    duesCategory: i % 4 ? 'unsalaried' : 'salaried',
    admissionDate: i % 11 === 0 ? `${year}-09-02` : '2019-03-26',
    status: i % 13 === 0 ? 'transferred_out' : 'active',
    archivedAt: i % 17 === 0 ? now : undefined,
    deleted: i === 5,
  })) as Member[];
  const meetings = [1, 3, 3, 6, 10].map((mo, j) => ({ ...meta, id: `meeting-${j}`, kind: 'regular', title: `Sinh hoạt ${j}`, startsAt: `${year}-${pad(mo)}-${pad(10 + j)}T19:30`, place: '', guests: [], status: 'held' }));
  const attendance = meetings.flatMap((mt, j) =>
    members.filter((_, i) => (i + j) % 7 !== 0).map((m, i) => ({ ...meta, id: `${mt.id}:${m.id}`, eventId: mt.id, memberId: m.id, status: STATUSES[(i * 3 + j) % STATUSES.length], checkedAt: now, deleted: (i + j) % 19 === 0 })),
  );
  const memberEvents = members.filter((_, i) => i % 13 === 0).map((m, i) => ({ ...meta, id: id('ev', i), memberId: m.id, kind: 'transfer_out', date: `${year}-05-20` }));
  const itemIds = opts.itemIds ?? [];
  const regs = members.filter((_, i) => i % 5 !== 1).map((m, i) => ({ ...meta, id: `${year}:${m.id}`, year, memberId: m.id, registeredAt: `${year}-02-01`, itemIds, outcome: ['excellent', 'good', 'completed', '', 'not_completed'][i % 5], assessedAt: '', note: '', deleted: i % 23 === 0 }));
  const progress = members.flatMap((m, i) => itemIds.filter((_, k) => (i + k) % 2 === 0).map((it, k) => ({ ...meta, id: `${year}:${m.id}:${it}`, year, memberId: m.id, itemId: it, done: k % 3 !== 2, doneAt: `${year}-05-19`, evidence: '' })));
  const dues = members.flatMap((m, i) =>
    Array.from({ length: i % 12 }, (_, k) => ({ ...meta, id: id(`d${pad(k)}`, i), memberId: m.id, period: `${year}-${pad(k + 1)}`, amount: 2000, paidAt: `${year}-${pad(k + 1)}-10`, method: 'cash', receiptNo: `R${i}`, deleted: (i + k) % 29 === 0 })),
  );
  const older = members.slice(0, 10).map((m, i) => ({ ...meta, id: id('old', i), memberId: m.id, period: `${year - 1}-12`, amount: 2000, paidAt: `${year - 1}-12-10`, method: 'cash', receiptNo: `O${i}` }));
  const exemptions = members.filter((_, i) => i % 20 === 3).map((m, i) => ({ ...meta, id: id('ex', i), memberId: m.id, fromPeriod: `${year}-06`, toPeriod: `${year}-08`, reason: 'Ốm', decidedAt: `${year}-06-01` }));
  await db.transaction('rw', [db.members, db.meetings, db.attendance, db.memberEvents, db.trainingRegistrations, db.trainingProgress, db.dues, db.duesExemptions], async () => {
    await db.members.bulkPut(members);
    await db.meetings.bulkPut(meetings as never);
    await db.attendance.bulkPut(attendance as never);
    await db.memberEvents.bulkPut(memberEvents as never);
    await db.trainingRegistrations.bulkPut(regs as never);
    await db.trainingProgress.bulkPut(progress as never);
    await db.dues.bulkPut([...dues, ...older] as never);
    await db.duesExemptions.bulkPut(exemptions as never);
  });
  return { year, members, meetingIds: meetings.map((m) => m.id), itemIds };
}

/**
 * The year view `id` once saved under the current token. A screen saves its view after the next
 * paint, in a transaction of its own: a fixed number of turns is not enough on a loaded machine
 * (a CI run read the view before its save).
 */
export async function viewSaved(id: string): Promise<YearViewRow> {
  const db = await activeDb();
  for (let i = 0; i < 1000; i++) {
    const [mark, row] = (await db.table(VIEW_TABLE).bulkGet([MARK_ID, id])) as (YearViewRow | undefined)[];
    if (row && mark && row.token === mark.token) return row;
    await breathe();
  }
  throw new Error(`the year view ${id} was never saved`);
}

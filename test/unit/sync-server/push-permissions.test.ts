// Per-table write permissions on the server's push (DESIGN.md "Permissions are per table and
// role", issue 11): every role that can hold a device × EVERY synced table, with the outcome
// written out here by hand — not derived from src/protocol/permissions.ts — so a wrong entry in
// that table (or a table added to SYNCED_TABLES without a decision) fails this test.
//   applied   the row is stored
//   err.role  the push is accepted but this row is refused (the role may not write that table)
//   403       the whole push is refused (a viewer's phone sends nothing)
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNCED_TABLES, type SyncedTable } from '../../../src/protocol/tables';
import { TABLE_FIELDS } from '../../../server/src/sync/fields';
import { sampleFigures } from '../reports/figures-fixture';
import { Device, expectOk, freshUnit, joinDevice, serverRows, startTestSyncServer, type TestServer } from './helpers';

type Outcome = 'applied' | 'err.role' | 403;
const ROLES = ['secretary', 'deputy', 'viewer', 'supervisor'] as const;
type DeviceRole = (typeof ROLES)[number];

const A = 'applied' as const;
const R = 'err.role' as const;
const F = 403 as const;
/** [secretary, deputy, viewer, supervisor] */
const EXPECTED: Record<SyncedTable, readonly [Outcome, Outcome, Outcome, Outcome]> = {
  units: [A, A, F, R],
  members: [A, A, F, R],
  memberEvents: [A, A, F, R],
  meetings: [A, A, F, R],
  activities: [A, A, F, R],
  attendance: [A, A, F, R],
  minutes: [A, A, F, R],
  minutesAddenda: [A, A, F, R],
  trainingItems: [A, A, F, R],
  trainingRegistrations: [A, A, F, R],
  trainingProgress: [A, A, F, R],
  dues: [A, A, F, R],
  duesExemptions: [A, A, F, R],
  duesRates: [A, A, F, R],
  remittances: [A, A, F, R],
  ratings: [A, A, F, R],
  // the unit's own proposal of its level; cấp trên's recognised level is unitRecognitions
  unitRatings: [A, A, F, R],
  unitSettings: [A, A, F, R],
  yearPlans: [A, A, F, R],
  targets: [A, A, F, R],
  youthProjects: [A, A, F, R],
  youthProjectLogs: [A, A, F, R],
  committeeTerms: [A, A, F, R],
  committeeSeats: [A, A, F, R],
  fileRefs: [A, A, F, R],
  reports: [A, A, F, R],
  reportVersions: [A, A, F, R],
  reportReviews: [R, R, F, A],
  checkIns: [R, R, F, A],
  checkInActions: [A, A, F, A],
  unitNotes: [A, A, F, A],
  unitRecognitions: [R, R, F, A],
  consolidations: [R, R, F, A],
};

const MEM = 'mem-perm-0001';
const MEET = 'meet-perm-001';
const SHA = 'a'.repeat(64);
const RID = 'report:2026:q1';
/** A whole, valid record of each table (checked against its schema below), and its row id. */
const ROWS: Record<SyncedTable, { id: string; fields: Record<string, unknown> }> = {
  units: { id: 'unit-perm-0001', fields: { name: 'Chi đoàn 12A1', kind: 'branch', parentUnit: 'Đoàn trường THPT Chu Văn An', subGroups: [] } },
  members: { id: MEM, fields: { fullName: 'Nguyễn Văn An', position: 'member', duesCategory: 'unsalaried', partyStatus: 'none', status: 'active' } },
  memberEvents: { id: 'mev-perm-0001', fields: { memberId: MEM, kind: 'admission', date: '2026-03-26' } },
  meetings: { id: MEET, fields: { kind: 'regular', title: 'Sinh hoạt tháng 3', startsAt: '2026-03-05T19:00', guests: [], status: 'held' } },
  activities: { id: 'act-perm-0001', fields: { kind: 'green_sunday', title: 'Ngày Chủ nhật xanh', date: '2026-03-15', status: 'held' } },
  attendance: { id: `${MEET}:${MEM}`, fields: { eventId: MEET, memberId: MEM, status: 'present', checkedAt: '2026-03-05T19:05:00.000Z' } },
  minutes: { id: MEET, fields: { meetingId: MEET, status: 'draft', votes: [], tasks: [] } },
  minutesAddenda: { id: 'add-perm-0001', fields: { meetingId: MEET, text: 'Bổ sung ý kiến', writtenAt: '2026-03-06T08:00:00.000Z' } },
  trainingItems: { id: 'ti-perm-00001', fields: { year: 2026, area: 'Học tập', title: 'Học Nghị quyết', sortOrder: 1, eventIds: [] } },
  trainingRegistrations: { id: 'tr-perm-00001', fields: { year: 2026, memberId: MEM, registeredAt: '2026-01-10', itemIds: ['ti-perm-00001'] } },
  trainingProgress: { id: 'tp-perm-00001', fields: { year: 2026, memberId: MEM, itemId: 'ti-perm-00001', done: true } },
  dues: { id: 'due-perm-0001', fields: { memberId: MEM, period: '2026-03', amount: 2000, paidAt: '2026-03-05', method: 'cash', receiptNo: 'PT-001' } },
  duesExemptions: { id: 'dex-perm-0001', fields: { memberId: MEM, fromPeriod: '2026-01', toPeriod: '2026-06', reason: 'Hoàn cảnh khó khăn', decidedAt: '2026-01-05' } },
  duesRates: { id: 'rate-perm-001', fields: { category: 'unsalaried', amount: 2000, fromPeriod: '2026-01' } },
  remittances: { id: 'rem-perm-0001', fields: { period: '2026-03', collected: 20000, amount: 10000, paidAt: '2026-03-31', method: 'cash' } },
  ratings: { id: 'rat-perm-0001', fields: { year: 2026, memberId: MEM } },
  unitRatings: { id: 'urt-perm-0001', fields: { year: 2026, level: 'good', decidedAt: '2026-12-10' } },
  unitSettings: { id: 'settings-perm', fields: { bankAccountName: 'CHI DOAN 12A1' } },
  yearPlans: { id: 'plan-perm-001', fields: { year: 2026, yearKind: 'calendar' } },
  targets: { id: 'tgt-perm-0001', fields: { year: 2026, title: 'Kết nạp đoàn viên mới', measure: 'count', goal: 5, source: 'entered', sortOrder: 1 } },
  youthProjects: { id: 'yp-perm-00001', fields: { year: 2026, title: 'Đường hoa thanh niên', kind: 'project', stage: 'registered', registeredOn: '2026-03-01' } },
  youthProjectLogs: { id: 'ypl-perm-0001', fields: { projectId: 'yp-perm-00001', date: '2026-03-20', photos: [] } },
  committeeTerms: { id: 'term-perm-001', fields: { label: 'Nhiệm kỳ 2025–2027', startsOn: '2025-10-01', size: 5 } },
  committeeSeats: { id: 'seat-perm-001', fields: { termId: 'term-perm-001', memberId: MEM, position: 'secretary', from: '2025-10-01' } },
  fileRefs: { id: SHA, fields: { sha256: SHA, mime: 'image/jpeg', bytes: 12345 } },
  reports: { id: RID, fields: { kind: 'quarter', year: 2026, index: 1, yearKind: 'calendar', status: 'submitted', version: 1 } },
  reportVersions: {
    id: `${RID}:v1`,
    fields: {
      reportId: RID, version: 1, kind: 'quarter', year: 2026, index: 1, yearKind: 'calendar', from: '2026-01-01', to: '2026-03-31',
      unitName: 'Chi đoàn 12A1', parentUnit: 'Đoàn phường 7', figures: JSON.parse(JSON.stringify(sampleFigures())), sections: {}, submittedAt: '2026-04-05T08:00:00.000Z',
    },
  },
  reportReviews: { id: `${RID}:v1:review`, fields: { reportId: RID, version: 1, decision: 'received', reviewedAt: '2026-04-06T08:00:00.000Z' } },
  checkIns: { id: 'ci-perm-00001', fields: { date: '2026-04-15' } },
  checkInActions: { id: 'cia-perm-0001', fields: { checkInId: 'ci-perm-00001', what: 'Sinh hoạt đủ 12 tháng', status: 'open' } },
  unitNotes: { id: 'note-perm-001', fields: { threadId: 'note-perm-001', kind: 'question', from: 'unit', body: 'Xin ý kiến', at: '2026-04-01T08:00:00.000Z' } },
  unitRecognitions: { id: 'recognition:2026', fields: { year: 2026, level: 'good', recognisedOn: '2026-12-15' } },
  consolidations: { id: 'consolidation:2026', fields: { year: 2026, weak: true, markedOn: '2026-01-10' } },
};

let t: TestServer;
const devices = {} as Record<DeviceRole, Device>;
let admin: string;

beforeAll(async () => {
  t = await startTestSyncServer();
  admin = (await freshUnit(t.api)).admin;
  const username = `sup-${randomUUID().slice(0, 8)}`;
  // each role in a unit of its own: no role's rows meet another's
  const units = {} as Record<DeviceRole, string>;
  for (const role of ROLES) units[role] = expectOk(await t.api.post('/units', { name: `Chi đoàn của ${role}` }, admin), 201).id;
  expectOk(await t.api.post('/accounts', { username, password: 'mat-khau-dai', role: 'supervisor', unitIds: [units.supervisor] }, admin), 201);
  const account = expectOk(await t.api.post('/login', { username, password: 'mat-khau-dai' })).token as string;
  for (const role of ROLES.filter((r) => r !== 'supervisor')) devices[role] = await joinDevice(t.api, admin, units[role], role);
  const deviceId = `sup-${randomUUID()}`;
  const enrolled = expectOk(await t.api.post(`/units/${units.supervisor}/enroll`, { deviceId, deviceName: 'Điện thoại cấp trên' }, account));
  devices.supervisor = new Device(t.api, units.supervisor, deviceId, enrolled.deviceToken, 'supervisor');
});
afterAll(async () => t?.close());

describe('per-table write permissions on push', () => {
  it('the expected table names every synced table, and every fixture is a whole valid record', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...SYNCED_TABLES].sort());
    for (const table of SYNCED_TABLES) {
      const parsed = TABLE_FIELDS[table].safeParse(ROWS[table].fields);
      expect({ table, ok: parsed.success, issues: parsed.error?.issues }).toEqual({ table, ok: true, issues: undefined });
    }
  });

  it.each(ROLES.map((r, i) => [r, i] as const))('a %s device', async (role, column) => {
    const dev = devices[role];
    const got: Record<string, Outcome> = {};
    if (role === 'viewer') {
      // one push per table: each is refused as a whole
      for (const table of SYNCED_TABLES) {
        const m = dev.queue({ table, rowId: ROWS[table].id, op: 'upsert', fields: { ...ROWS[table].fields, createdAt: '2026-04-01T00:00:00.000Z' }, base: {} });
        const res = await dev.pushRaw([m]);
        got[table] = res.status === 200 ? (res.body.results[0].error ?? res.body.results[0].status) as Outcome : (res.status as Outcome);
        dev.seq--;
        dev.outbox = [];
      }
    } else {
      for (const table of SYNCED_TABLES) dev.upsert(table, ROWS[table].id, ROWS[table].fields);
      const results = await dev.sync();
      SYNCED_TABLES.forEach((table, i) => (got[table] = (results[i].error ?? results[i].status) as Outcome));
    }
    const want = Object.fromEntries(SYNCED_TABLES.map((table) => [table, EXPECTED[table][column]]));
    expect(got).toEqual(want);

    // what was applied is on the server; what was refused is not
    const stored = await serverRows(t.api, admin, dev.unitId);
    for (const table of SYNCED_TABLES) expect({ table, stored: stored.has(`${table}/${ROWS[table].id}`) }).toEqual({ table, stored: want[table] === 'applied' });
  });
});

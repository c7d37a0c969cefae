// The level above over HTTP (issue 11): a supervisor account enrolls its phone in each unit it
// supervises (and, through the tree, their children), pulls the unit, and pushes only the
// level above's tables (src/protocol/permissions.ts); the unit's phones write their book and
// answer the shared tables, never cấp trên's own.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Device, expectOk, freshUnit, joinDevice, startTestSyncServer, type TestServer } from './helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestSyncServer();
});
afterAll(async () => t?.close());

async function supervisorOf(admin: string, unitIds: string[]): Promise<string> {
  const username = `sup-${randomUUID().slice(0, 8)}`;
  expectOk(await t.api.post('/accounts', { username, password: 'mat-khau-dai', role: 'supervisor', unitIds }, admin), 201);
  return expectOk(await t.api.post('/login', { username, password: 'mat-khau-dai' })).token as string;
}

async function enroll(token: string, unitId: string): Promise<Device> {
  const deviceId = `sup-${randomUUID()}`;
  const r = expectOk(await t.api.post(`/units/${unitId}/enroll`, { deviceId, deviceName: 'Điện thoại cấp trên' }, token));
  expect(r.role).toBe('supervisor');
  return new Device(t.api, unitId, deviceId, r.deviceToken, 'supervisor');
}

const checkIn = { date: '2026-10-15', place: 'Hội trường phường', attendees: 'Bí thư, phó bí thư', findings: 'Sinh hoạt đều' };

describe('a supervisor phone', () => {
  it('writes check-ins, reviews and the recognised rating, never the unit book; the unit answers actions and notes', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const sup = await enroll(await supervisorOf(admin, [unitId]), unitId);
    sup.upsert('checkIns', 'ci-0000001', checkIn);
    sup.upsert('checkInActions', 'act-000001', { checkInId: 'ci-0000001', what: 'Tổ chức sinh hoạt tháng 11', status: 'open', dueOn: '2026-11-30' });
    sup.upsert('reportReviews', 'report:2026:q3:v1:review', { reportId: 'report:2026:q3', version: 1, decision: 'returned', comment: 'Bổ sung số liệu', reviewedAt: '2026-10-16T08:00:00.000Z' });
    sup.upsert('unitRecognitions', 'recognition:2026', { year: 2026, level: 'good', recognisedOn: '2026-12-05' });
    sup.upsert('consolidations', 'consolidation:2026', { year: 2026, weak: true, markedOn: '2026-01-10' });
    sup.upsert('members', 'mem-000001', { fullName: 'Không được', status: 'active' });
    sup.upsert('meetings', 'meet-00001', { title: 'Không được' });
    const results = await sup.sync();
    expect(results.map((r) => r.error ?? r.status)).toEqual(['applied', 'applied', 'applied', 'applied', 'applied', 'err.role', 'err.role']);

    const sec = await joinDevice(t.api, admin, unitId, 'secretary');
    await sec.pullAll();
    sec.upsert('checkInActions', 'act-000001', { status: 'done', followUp: 'Đã họp ngày 20/11', followedBy: 'unit' });
    sec.upsert('unitNotes', 'note-00001', { threadId: 'note-00001', kind: 'question', from: 'unit', body: 'Xin ý kiến về kết nạp', at: '2026-11-01T08:00:00.000Z' });
    sec.upsert('checkIns', 'ci-0000002', checkIn);
    sec.upsert('unitRecognitions', 'recognition:2025', { year: 2025, level: 'excellent', recognisedOn: '2025-12-05' });
    expect((await sec.sync()).map((r) => r.error ?? r.status)).toEqual(['applied', 'applied', 'err.role', 'err.role']);

    const viewer = await joinDevice(t.api, admin, unitId, 'viewer');
    expect((await t.api.post(`/units/${unitId}/push`, { protocol: 1, schemaVersion: 3, deviceId: viewer.deviceId, mutations: [{ mid: 'm-00000001', seq: 1 }] }, viewer.token)).status).toBe(403);
  });

  it('reaches the children of its units through the tree, and no other unit', async () => {
    const admin = (await freshUnit(t.api)).admin;
    const parent = expectOk(await t.api.post('/units', { name: 'Đoàn phường 7' }, admin), 201).id as string;
    const child = expectOk(await t.api.post('/units', { name: 'Chi đoàn khu phố 3', parentId: parent }, admin), 201).id as string;
    const other = expectOk(await t.api.post('/units', { name: 'Chi đoàn khác' }, admin), 201).id as string;
    const token = await supervisorOf(admin, [parent]);
    const listed = expectOk(await t.api.get('/units', token)) as { id: string; parentId?: string }[];
    expect(listed.map((u) => u.id).sort()).toEqual([parent, child].sort());
    expect(listed.find((u) => u.id === child)?.parentId).toBe(parent);
    await enroll(token, child);
    expect((await t.api.post(`/units/${other}/enroll`, { deviceId: `sup-${randomUUID()}`, deviceName: 'x' }, token)).status).toBe(403);
    // a unit's own device cannot enroll anywhere
    const sec = await joinDevice(t.api, admin, child, 'secretary');
    expect((await t.api.post(`/units/${child}/enroll`, { deviceId: `sup-${randomUUID()}`, deviceName: 'x' }, sec.token)).status).toBe(403);
  });

  it('enrolling again gives the same device a new token and keeps its place in the queue', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const token = await supervisorOf(admin, [unitId]);
    const sup = await enroll(token, unitId);
    sup.upsert('checkIns', 'ci-0000003', checkIn);
    await sup.sync();
    const again = expectOk(await t.api.post(`/units/${unitId}/enroll`, { deviceId: sup.deviceId, deviceName: 'Điện thoại mới tên' }, token));
    expect(again.deviceToken).not.toBe(sup.token);
    sup.token = again.deviceToken;
    sup.upsert('checkIns', 'ci-0000004', checkIn);
    expect((await sup.sync()).map((r) => r.status)).toEqual(['applied']);
  });
});

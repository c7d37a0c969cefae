// The unit tree and supervisor assignment over HTTP (issue 11): the admin lists accounts
// (never a password hash), replaces a supervisor's units (effective on its next request, its
// phones in units it lost revoked), and renames or moves units — never under themselves.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, adminToken, serverRows, startTestSyncServer, type TestServer } from './helpers';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestSyncServer();
  admin = await adminToken(t.api);
});
afterAll(async () => t?.close());

const patch = (id: string, body: unknown, token = admin) => t.api.request('PATCH', `/units/${id}`, { token, body });
const assign = (id: string, unitIds: string[], token = admin) => t.api.request('PUT', `/accounts/${id}/units`, { token, body: { unitIds } });
const unit = async (name: string, parentId?: string) => expectOk(await t.api.post('/units', parentId ? { name, parentId } : { name }, admin), 201).id as string;

async function supervisor(unitIds: string[]): Promise<{ id: string; token: string; username: string }> {
  const username = `sup-${randomUUID().slice(0, 8)}`;
  const { id } = expectOk(await t.api.post('/accounts', { username, password: 'mat-khau-dai', role: 'supervisor', unitIds }, admin), 201);
  return { id, username, token: expectOk(await t.api.post('/login', { username, password: 'mat-khau-dai' })).token };
}
const seen = async (token: string) => ((expectOk(await t.api.get('/units', token)) as { id: string }[]).map((u) => u.id)).sort();

describe('accounts', () => {
  it('lists every account with its assigned units, never a password hash', async () => {
    const u = await unit('Đoàn phường 1');
    const s = await supervisor([u]);
    const list = expectOk(await t.api.get('/accounts', admin)) as Record<string, unknown>[];
    const mine = list.find((a) => a.id === s.id);
    expect(mine).toEqual({ id: s.id, username: s.username, role: 'supervisor', unitIds: [u], createdAt: expect.any(String) });
    expect(list.find((a) => a.role === 'admin')).toMatchObject({ username: 'admin', unitIds: [] });
    expect(JSON.stringify(list)).not.toMatch(/hash|scrypt|argon|password/i);
  });

  it('replaces a supervisor’s units, taking effect on its next request with their children', async () => {
    const ward = await unit('Đoàn phường 7');
    const child = await unit('Chi đoàn khu phố 3', ward);
    const grandchild = await unit('Tổ thanh niên 3A', child);
    const other = await unit('Chi đoàn khác');
    const s = await supervisor([other]);
    expect(await seen(s.token)).toEqual([other]);
    expect(expectOk(await assign(s.id, [ward]))).toMatchObject({ id: s.id, unitIds: [ward] });
    expect(await seen(s.token)).toEqual([ward, child, grandchild].sort());
    expect((await t.api.post(`/units/${other}/pull`, { cursor: 0 }, s.token)).status).toBe(403);
    expect((await t.api.post(`/units/${grandchild}/pull`, { cursor: 0 }, s.token)).status).toBe(200);
    expect(expectOk(await assign(s.id, []))).toMatchObject({ unitIds: [] });
    expect(await seen(s.token)).toEqual([]);
  });

  it('refuses unknown units, an admin account, an unknown account and a malformed body', async () => {
    const u = await unit('Chi đoàn 10A');
    const s = await supervisor([u]);
    const bad = await assign(s.id, [u, 'no-such-unit-01']);
    expect([bad.status, bad.body.error.code]).toEqual([400, 'unknown_unit']);
    expect((expectOk(await t.api.get('/accounts', admin)) as { id: string; unitIds: string[] }[]).find((a) => a.id === s.id)?.unitIds).toEqual([u]);
    const adminId = (expectOk(await t.api.get('/accounts', admin)) as { id: string; role: string }[]).find((a) => a.role === 'admin')!.id;
    const toAdmin = await assign(adminId, [u]);
    expect([toAdmin.status, toAdmin.body.error.code]).toEqual([400, 'not_supervisor']);
    expect((await assign('no-such-account', [u])).status).toBe(404);
    const extra = await t.api.request('PUT', `/accounts/${s.id}/units`, { token: admin, body: { unitIds: [u], role: 'admin' } });
    expect([extra.status, extra.body.error.code]).toEqual([400, 'invalid_body']);
    expect((await t.api.request('PUT', `/accounts/${s.id}/units`, { token: admin, body: { unitIds: 'x' } })).status).toBe(400);
  });

  it('revokes the supervisor’s phone in a unit it no longer covers', async () => {
    const ward = await unit('Đoàn phường 9');
    const child = await unit('Chi đoàn khu phố 1', ward);
    const s = await supervisor([ward]);
    const deviceId = `sup-${randomUUID()}`;
    const enrolled = expectOk(await t.api.post(`/units/${child}/enroll`, { deviceId, deviceName: 'Điện thoại' }, s.token));
    expect((await t.api.post(`/units/${child}/pull`, { cursor: 0 }, enrolled.deviceToken)).status).toBe(200);
    // the child moves to the top: out from under the supervisor's unit
    expectOk(await patch(child, { parentId: null }));
    const after = await t.api.post(`/units/${child}/pull`, { cursor: 0 }, enrolled.deviceToken);
    expect([after.status, after.body.error.code]).toEqual([401, 'token_revoked']);
    expect((await t.api.post(`/units/${child}/enroll`, { deviceId, deviceName: 'Điện thoại' }, s.token)).status).toBe(403);
    // assigned again, the same phone enrolls again
    expectOk(await assign(s.id, [ward, child]));
    const again = expectOk(await t.api.post(`/units/${child}/enroll`, { deviceId, deviceName: 'Điện thoại' }, s.token));
    expect((await t.api.post(`/units/${child}/pull`, { cursor: 0 }, again.deviceToken)).status).toBe(200);
    // unassigning revokes it too; a phone of another unit of the account is left alone
    const wardPhone = expectOk(await t.api.post(`/units/${ward}/enroll`, { deviceId: `sup-${randomUUID()}`, deviceName: 'Điện thoại' }, s.token));
    expectOk(await assign(s.id, [ward]));
    expect((await t.api.post(`/units/${child}/pull`, { cursor: 0 }, again.deviceToken)).status).toBe(401);
    expect((await t.api.post(`/units/${ward}/pull`, { cursor: 0 }, wardPhone.deviceToken)).status).toBe(200);
  });
});

describe('the tree', () => {
  it('moves a unit under another and names its phụ trách; the unit’s own record is untouched', async () => {
    const ward = await unit('Đoàn phường 5');
    const branch = await unit('Chi đoàn khu phố 2');
    const s = await supervisor([ward]);
    expect(await seen(s.token)).toEqual([ward]);
    const moved = expectOk(await patch(branch, { parentId: ward, inCharge: 'Đ/c Lê Thị Mai', name: 'Chi đoàn khu phố 2 mới' }));
    expect(moved).toMatchObject({ id: branch, parentId: ward, parentUnit: 'Đoàn phường 5', inCharge: 'Đ/c Lê Thị Mai', name: 'Chi đoàn khu phố 2 mới' });
    expect(await seen(s.token)).toEqual([ward, branch].sort());
    const record = (await serverRows(t.api, admin, branch, { withUnitRecord: true })).get(`units/${branch}`)!;
    expect(record.fields.name).toBe('Chi đoàn khu phố 2');
    expect(record.fields.parentUnit).toBeUndefined();
    // '' clears phụ trách; parentUnit may be set apart from the tree
    const cleared = expectOk(await patch(branch, { inCharge: '', parentUnit: 'Đoàn phường 5, quận 3' }));
    expect(cleared.inCharge).toBeUndefined();
    expect(cleared.parentUnit).toBe('Đoàn phường 5, quận 3');
    const top = expectOk(await patch(branch, { parentId: null }));
    expect(top.parentId).toBeUndefined();
    expect(await seen(s.token)).toEqual([ward]);
  });

  it('refuses a parent that is the unit itself or below it, and an unknown parent', async () => {
    const a = await unit('Tỉnh đoàn');
    const b = await unit('Đoàn phường 2', a);
    const c = await unit('Chi đoàn 2A', b);
    for (const [id, parentId] of [[a, a], [a, b], [a, c], [b, c]]) {
      const res = await patch(id, { parentId });
      expect([res.status, res.body.error.code]).toEqual([400, 'unit_cycle']);
    }
    const unknown = await patch(b, { parentId: 'no-such-unit-01' });
    expect([unknown.status, unknown.body.error.code]).toEqual([400, 'unknown_unit']);
    expect((await patch('no-such-unit-01', { name: 'Chi đoàn ma' })).status).toBe(404);
    // nothing moved
    const units = expectOk(await t.api.get('/units', admin)) as { id: string; parentId?: string }[];
    expect([a, b, c].map((id) => units.find((u) => u.id === id)?.parentId)).toEqual([undefined, a, b]);
    // moving within the tree the other way is fine
    expect(expectOk(await patch(c, { parentId: a })).parentId).toBe(a);
  });

  it('refuses an empty or malformed patch', async () => {
    const a = await unit('Chi đoàn 11B');
    for (const body of [{}, { name: 'x' }, { colour: 'red' }, { parentId: 5 }, { inCharge: 'x'.repeat(101) }]) {
      const res = await patch(a, body);
      expect({ body, status: res.status, code: res.body.error.code }).toEqual({ body, status: 400, code: 'invalid_body' });
    }
  });
});

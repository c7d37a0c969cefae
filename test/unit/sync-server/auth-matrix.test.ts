// RELIABILITY.md 20: every endpoint × every role × own unit / other unit. Only what the role
// allows; a token for unit A never reads or writes unit B; revoked tokens fail with 401.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/lib/ids';
import { expectOk, freshUnit, joinDevice, memberId, newMember, startTestSyncServer, type Device, type TestServer } from './helpers';

let t: TestServer;
let unitA: string;
let unitB: string;
let admin: string;
let conflictId: string;
/** targets of the admin's tree endpoints, apart from A and B so the matrix does not move them */
let unitC: string;
let accountC: string;
const tokens: Record<string, string | undefined> = {};
const devices: Record<string, Device> = {};

const PRINCIPALS = ['none', 'garbage', 'admin', 'supervisorAccountA', 'supervisorAccountB', 'secretaryA', 'deputyA', 'viewerA', 'supervisorDeviceA', 'secretaryB', 'revokedA'] as const;
type Principal = (typeof PRINCIPALS)[number];

beforeAll(async () => {
  t = await startTestSyncServer();
  ({ admin, unitId: unitA } = await freshUnit(t.api));
  unitB = expectOk(await t.api.post('/units', { name: 'Chi đoàn 12A2' }, admin), 201).id;
  const account = async (username: string, units: string[]) => {
    expectOk(await t.api.post('/accounts', { username, password: 'giám sát 2025', role: 'supervisor', unitIds: units }, admin), 201);
    return expectOk(await t.api.post('/login', { username, password: 'giám sát 2025' })).token as string;
  };
  tokens.none = undefined;
  tokens.garbage = 'x'.repeat(43);
  tokens.admin = admin;
  tokens.supervisorAccountA = await account('giam.sat.a', [unitA]);
  tokens.supervisorAccountB = await account('giam.sat.b', [unitB]);
  unitC = expectOk(await t.api.post('/units', { name: 'Chi đoàn 12A3' }, admin), 201).id;
  accountC = expectOk(await t.api.post('/accounts', { username: 'giam.sat.c', password: 'giám sát 2025', role: 'supervisor', unitIds: [unitC] }, admin), 201).id;
  for (const [name, unit, role] of [
    ['secretaryA', unitA, 'secretary'],
    ['deputyA', unitA, 'deputy'],
    ['viewerA', unitA, 'viewer'],
    ['supervisorDeviceA', unitA, 'supervisor'],
    ['secretaryB', unitB, 'secretary'],
    ['revokedA', unitA, 'secretary'],
  ] as const) {
    devices[name] = await joinDevice(t.api, admin, unit, role);
    tokens[name] = devices[name].token;
  }
  expectOk(await t.api.post(`/units/${unitA}/devices/${devices.revokedA.deviceId}/revoke`, {}, admin));
  // one conflict in unit A to resolve
  const id = memberId();
  const [s, d] = [devices.secretaryA, devices.deputyA];
  s.upsert('members', id, newMember('Hoàng Văn Giang'));
  await s.sync();
  await d.pullAll();
  s.upsert('members', id, { phone: '0901111111' });
  d.upsert('members', id, { phone: '0902222222' });
  await s.sync();
  await d.sync();
  conflictId = expectOk(await t.api.get(`/units/${unitA}/conflicts`, admin))[0].id;
});
afterAll(async () => t?.close());

interface Endpoint {
  name: string;
  call(p: Principal): Promise<{ status: number; body: any }>;
  /** expected status per principal; anything not listed is 403, none/garbage/revoked are 401 */
  allowed: Partial<Record<Principal, number>>;
}

const req = (p: Principal, method: string, path: string, body?: unknown) => t.api.request(method, path, { token: tokens[p], body });

const pushBody = (p: Principal) => {
  const dev = devices[p];
  const deviceId = dev?.deviceId ?? 'not-a-device-0000';
  const m = { mid: uuidv7(), seq: (dev?.seq ?? 0) + 1, table: 'members', rowId: uuidv7(), op: 'upsert', fields: newMember(`Người của ${p}`), base: {}, hlc: `${Date.now()}:0000:${deviceId}` };
  if (dev) dev.seq++;
  return { protocol: 1, schemaVersion: 2, deviceId, mutations: [m] };
};

const ENDPOINTS: Endpoint[] = [
  { name: 'GET /units', call: (p) => req(p, 'GET', '/units'), allowed: { admin: 200, supervisorAccountA: 200, supervisorAccountB: 200, supervisorDeviceA: 200 } },
  { name: 'POST /units', call: (p) => req(p, 'POST', '/units', { name: `Chi đoàn ${p}` }), allowed: { admin: 201 } },
  { name: 'POST /accounts', call: (p) => req(p, 'POST', '/accounts', { username: `u-${randomUUID()}`, password: '12345678x', role: 'supervisor', unitIds: [unitA] }), allowed: { admin: 201 } },
  { name: 'GET /accounts', call: (p) => req(p, 'GET', '/accounts'), allowed: { admin: 200 } },
  { name: 'PUT /accounts/:id/units', call: (p) => req(p, 'PUT', `/accounts/${accountC}/units`, { unitIds: [unitC] }), allowed: { admin: 200 } },
  { name: 'PATCH /units/C', call: (p) => req(p, 'PATCH', `/units/${unitC}`, { inCharge: `Đ/c ${p}` }), allowed: { admin: 200 } },
  {
    // a supervisor ACCOUNT enrolls its phone in a unit it supervises; nobody else, not even an admin
    name: 'POST /units/A/enroll',
    call: (p) => req(p, 'POST', `/units/${unitA}/enroll`, { deviceId: `sup-${randomUUID()}`, deviceName: 'Điện thoại cấp trên' }),
    allowed: { supervisorAccountA: 200 },
  },
  { name: 'POST /units/A/invites', call: (p) => req(p, 'POST', `/units/${unitA}/invites`, { role: 'deputy' }), allowed: { admin: 201, secretaryA: 201 } },
  { name: 'GET /units/A/devices', call: (p) => req(p, 'GET', `/units/${unitA}/devices`), allowed: { admin: 200, secretaryA: 200 } },
  {
    name: 'POST /units/A/devices/:id/revoke',
    call: async (p) => {
      const victim = await joinDevice(t.api, admin, unitA, 'viewer');
      return req(p, 'POST', `/units/${unitA}/devices/${victim.deviceId}/revoke`, {});
    },
    allowed: { admin: 200, secretaryA: 200 },
  },
  {
    name: 'POST /units/A/push',
    // a supervisor's phone may push (the level above's tables): its member row is refused inside
    call: async (p) => {
      const res = await req(p, 'POST', `/units/${unitA}/push`, pushBody(p));
      if (p === 'supervisorDeviceA') expect(res.body.results.map((r: { error?: string }) => r.error)).toEqual(['err.role']);
      return res;
    },
    allowed: { secretaryA: 200, deputyA: 200, supervisorDeviceA: 200 },
  },
  {
    name: 'POST /units/A/pull',
    call: (p) => req(p, 'POST', `/units/${unitA}/pull`, { cursor: 0, limit: 10 }),
    allowed: { admin: 200, supervisorAccountA: 200, secretaryA: 200, deputyA: 200, viewerA: 200, supervisorDeviceA: 200 },
  },
  {
    name: 'GET /units/A/conflicts',
    call: (p) => req(p, 'GET', `/units/${unitA}/conflicts?status=all`),
    allowed: { admin: 200, supervisorAccountA: 200, secretaryA: 200, deputyA: 200, viewerA: 200, supervisorDeviceA: 200 },
  },
  { name: 'POST /units/A/conflicts/:id/resolve', call: (p) => req(p, 'POST', `/units/${unitA}/conflicts/${conflictId}/resolve`, {}), allowed: { secretaryA: 200, deputyA: 200 } },
];

function expected(e: Endpoint, p: Principal): number {
  if (p === 'none' || p === 'garbage' || p === 'revokedA') return 401;
  return e.allowed[p] ?? 403;
}

describe('RELIABILITY 20: auth matrix', () => {
  for (const e of ENDPOINTS) {
    it.each(PRINCIPALS.map((p) => [p]))(`${e.name} as %s`, async (p) => {
      const res = await e.call(p);
      expect({ principal: p, status: res.status }).toEqual({ principal: p, status: expected(e, p) });
      if (res.status >= 400) {
        expect(typeof res.body.error.code).toBe('string');
        expect(typeof res.body.error.message).toBe('string');
      }
      if (p === 'revokedA') expect(res.body.error.code).toBe('token_revoked');
    });
  }

  it('what each caller sees of the units list', async () => {
    const names = async (p: Principal) => (expectOk(await req(p, 'GET', '/units')) as { id: string }[]).map((u) => u.id);
    expect(await names('admin')).toEqual(expect.arrayContaining([unitA, unitB]));
    expect(await names('supervisorAccountA')).toEqual([unitA]);
    expect(await names('supervisorAccountB')).toEqual([unitB]);
    expect(await names('supervisorDeviceA')).toEqual([unitA]);
  });

  it('unit A tokens never read or write unit B, whatever the unit id', async () => {
    for (const p of ['secretaryA', 'deputyA', 'viewerA', 'supervisorDeviceA', 'supervisorAccountA'] as const) {
      for (const unit of [unitB, 'no-such-unit-0001']) {
        expect((await req(p, 'POST', `/units/${unit}/pull`, { cursor: 0 })).status).toBe(403);
        expect((await req(p, 'POST', `/units/${unit}/push`, pushBody(p))).status).toBe(403);
        expect((await req(p, 'GET', `/units/${unit}/conflicts`)).status).toBe(403);
      }
    }
    // an admin gets 404 for a unit that does not exist
    expect((await req('admin', 'POST', '/units/no-such-unit-0001/pull', { cursor: 0 })).status).toBe(404);
    // B's rows never reach A's pull
    const b = await joinDevice(t.api, admin, unitB, 'deputy');
    b.upsert('members', memberId(), newMember('Chỉ của B'));
    await b.sync();
    const rowsA = expectOk(await req('admin', 'POST', `/units/${unitA}/pull`, { cursor: 0 })).rows;
    expect(rowsA.some((r: any) => r.fields.fullName === 'Chỉ của B')).toBe(false);
  });

  it('a push must name the token’s own device', async () => {
    const body = pushBody('secretaryA');
    body.deviceId = devices.deputyA.deviceId;
    const res = await req('secretaryA', 'POST', `/units/${unitA}/push`, body);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('device_mismatch');
  });

  it('a secretary may not invite a supervisor, a revoke is listed and the revoked token stays out', async () => {
    expect((await req('secretaryA', 'POST', `/units/${unitA}/invites`, { role: 'supervisor' })).status).toBe(403);
    const list = expectOk(await req('secretaryA', 'GET', `/units/${unitA}/devices`)) as any[];
    const revoked = list.find((d) => d.deviceId === devices.revokedA.deviceId);
    expect(revoked).toMatchObject({ role: 'secretary', revokedAt: expect.any(String), lastSeq: 0 });
    expect((await req('revokedA', 'POST', `/units/${unitA}/pull`, { cursor: 0 })).status).toBe(401);
    expect((await req('secretaryA', 'POST', `/units/${unitA}/devices/no-such-device/revoke`, {})).status).toBe(404);
  });
});

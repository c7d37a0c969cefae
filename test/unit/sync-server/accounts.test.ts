// Accounts, invites and joining, and RELIABILITY.md 23 (login and invite redemption are
// rate-limited). Secrets are stored hashed: the database file holds no token or code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVITE_ALPHABET } from '../../../server/src/auth/tokens';
import { Api, adminToken, createUnit, expectOk, invite, scalar, startTestSyncServer, type TestServer } from './helpers';

const DAY = 86_400_000;

describe('first run, sign-in, hashed secrets', () => {
  let t: TestServer;
  let admin: string;
  beforeAll(async () => {
    t = await startTestSyncServer();
  });
  afterAll(async () => t?.close());

  it('creates exactly one first admin, even when two setups race', async () => {
    expect(expectOk(await t.api.get('/setup-status'))).toEqual({ needsAdmin: true });
    expect((await t.api.post('/setup', { username: 'ad', password: 'short' })).body.error.code).toBe('invalid_body');
    const racing = await Promise.all([0, 1, 2, 3].map((i) => t.api.post('/setup', { username: `Admin${i}`, password: 'mật khẩu dài' })));
    expect(racing.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect(expectOk(await t.api.get('/setup-status'))).toEqual({ needsAdmin: false });
    const winner = racing.findIndex((r) => r.status === 201);
    admin = racing[winner].body.token;
    const login = expectOk(await t.api.post('/login', { username: ` ADMIN${winner} `, password: 'mật khẩu dài' }));
    expect(login).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), role: 'admin' });
    const wrong = await t.api.post('/login', { username: `admin${winner}`, password: 'mật khẩu sai' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('bad_credentials');
    expect((await t.api.post('/login', { username: 'nobody', password: 'whatever1' })).status).toBe(401);
  });

  it('stores passwords as scrypt and tokens and invite codes only as sha256', async () => {
    const unitId = await createUnit(t.api, admin);
    const code = await invite(t.api, admin, unitId, 'deputy');
    const joined = expectOk(await t.api.post('/join', { code, deviceName: 'Máy phó bí thư', deviceId: 'device-hashing-1' }));
    const tables = await Promise.all(['accounts', 'sessions', 'devices', 'invites'].map((table) => t.query(`SELECT * FROM ${table}`)));
    const dump = JSON.stringify(tables.map((rows) => rows.map((row) => Object.values(row).map((v) => (Buffer.isBuffer(v) ? v.toString('hex') : v)))));
    for (const secret of [admin, joined.deviceToken, code, code.replace(/-/g, '')]) expect(dump).not.toContain(secret);
    expect(dump).not.toContain('mật khẩu dài');
    expect(await scalar(t.query('SELECT password_hash FROM accounts LIMIT 1'))).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect((await scalar<Buffer>(t.query('SELECT token_hash FROM devices'))).length).toBe(32);
  });
});

describe('invite codes and joining', () => {
  let t: TestServer;
  let clock = Date.now();
  let admin: string;
  let unitId: string;
  beforeAll(async () => {
    t = await startTestSyncServer({ now: () => clock });
    admin = await adminToken(t.api);
    unitId = await createUnit(t.api, admin, 'Chi đoàn Khoa Toán');
  });
  afterAll(async () => t?.close());

  it('is short, typable, one-time and valid 7 days', async () => {
    const res = expectOk(await t.api.post(`/units/${unitId}/invites`, { role: 'viewer' }, admin), 201);
    const letter = `[${INVITE_ALPHABET}]`;
    expect(res.code).toMatch(new RegExp(`^${letter}{4}-${letter}{4}-${letter}{2}$`));
    expect(Date.parse(res.expiresAt) - clock).toBe(7 * DAY);
    expect(res.role).toBe('viewer');
    const typed = ` ${res.code.toLowerCase().replace(/-/g, ' ')} `;
    const joined = expectOk(await t.api.post('/join', { code: typed, deviceName: 'Máy xem', deviceId: 'device-viewer-1' }));
    expect(joined).toEqual({ unitId, unitName: 'Chi đoàn Khoa Toán', role: 'viewer', deviceToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    const again = await t.api.post('/join', { code: res.code, deviceName: 'Máy khác', deviceId: 'device-viewer-2' });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('invalid_code');
  });

  it('two phones racing one code: exactly one wins', async () => {
    const code = await invite(t.api, admin, unitId, 'deputy');
    const racing = await Promise.all([1, 2, 3, 4, 5].map((i) => t.api.post('/join', { code, deviceName: `Máy ${i}`, deviceId: `device-race-${i}` })));
    expect(racing.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400]);
    const devices = expectOk(await t.api.get(`/units/${unitId}/devices`, admin)) as any[];
    expect(devices.filter((d) => d.deviceId.startsWith('device-race-'))).toHaveLength(1);
  });

  it('an expired code is refused', async () => {
    const code = await invite(t.api, admin, unitId, 'deputy');
    clock += 7 * DAY + 1;
    const res = await t.api.post('/join', { code, deviceName: 'Máy trễ', deviceId: 'device-late-1' });
    expect(res.body.error.code).toBe('invalid_code');
  });

  it('a device id cannot take over another device; a revoked device re-joins keeping its lastSeq', async () => {
    const code = await invite(t.api, admin, unitId, 'secretary');
    const first = expectOk(await t.api.post('/join', { code, deviceName: 'Máy bí thư', deviceId: 'device-secretary-1' }));
    const m = { mid: 'mid-rejoin-0001', seq: 1, table: 'members', rowId: 'member-rejoin-0001', op: 'upsert', fields: { fullName: 'Ngô Văn Hải', position: 'member', duesCategory: 'unsalaried', partyStatus: 'none', status: 'active' }, base: {}, hlc: `${clock}:0000:device-secretary-1` };
    expectOk(await t.api.post(`/units/${unitId}/push`, { protocol: 1, schemaVersion: 2, deviceId: 'device-secretary-1', mutations: [m] }, first.deviceToken));
    const taken = await t.api.post('/join', { code: await invite(t.api, admin, unitId, 'viewer'), deviceName: 'Kẻ lạ', deviceId: 'device-secretary-1' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('device_exists');
    expectOk(await t.api.post(`/units/${unitId}/devices/device-secretary-1/revoke`, {}, admin));
    const back = expectOk(await t.api.post('/join', { code: await invite(t.api, admin, unitId, 'secretary'), deviceName: 'Máy bí thư', deviceId: 'device-secretary-1' }));
    expect((await t.api.post(`/units/${unitId}/pull`, { cursor: 0 }, first.deviceToken)).status).toBe(401);
    const page = expectOk(await t.api.post(`/units/${unitId}/pull`, { cursor: 0 }, back.deviceToken));
    expect(page.deviceLastSeq).toBe(1);
  });
});

describe('RELIABILITY 23: rate limits on sign-in and invite redemption', () => {
  let t: TestServer;
  let clock = Date.now();
  beforeAll(async () => {
    // the real limits (5 per IP+username, 10 joins per IP in 15 min); behind a proxy for per-IP keys
    t = await startTestSyncServer({ now: () => clock, rateLimits: {}, trustProxy: ['127.0.0.1'] });
    await adminToken(t.api, 'admin', 'đúng mật khẩu');
  });
  afterAll(async () => t?.close());

  const from = (ip: string, api: Api, path: string, body: unknown) => api.request('POST', path, { body, headers: { 'X-Forwarded-For': `203.0.113.9, ${ip}` } });

  it('5 wrong passwords per IP and username, then 429 with Retry-After — even for the right one; another IP is not affected', async () => {
    for (let i = 0; i < 5; i++) expect((await from('198.51.100.1', t.api, '/login', { username: 'admin', password: `sai ${i} lần` })).status).toBe(401);
    const limited = await from('198.51.100.1', t.api, '/login', { username: 'admin', password: 'đúng mật khẩu' });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(800);
    expect(limited.headers.get('Content-Security-Policy')).toBeTruthy();
    expect((await from('198.51.100.2', t.api, '/login', { username: 'admin', password: 'đúng mật khẩu' })).status).toBe(200);
    clock += 15 * 60_000 + 1;
    expect((await from('198.51.100.1', t.api, '/login', { username: 'admin', password: 'đúng mật khẩu' })).status).toBe(200);
  });

  it('10 wrong invite codes per IP, then 429 — a valid code too, until the window passes', async () => {
    const admin = expectOk(await t.api.post('/login', { username: 'admin', password: 'đúng mật khẩu' })).token;
    const unitId = await createUnit(t.api, admin);
    const code = await invite(t.api, admin, unitId, 'deputy');
    for (let i = 0; i < 10; i++) {
      const res = await from('198.51.100.7', t.api, '/join', { code: `AAAA-BBBB-${String(i).padStart(2, '2')}`, deviceName: 'Máy đoán', deviceId: `guesser-${i}-000` });
      expect(res.status).toBe(400);
    }
    const limited = await from('198.51.100.7', t.api, '/join', { code, deviceName: 'Máy thật', deviceId: 'device-real-0001' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    clock += 15 * 60_000 + 1;
    expect((await from('198.51.100.7', t.api, '/join', { code, deviceName: 'Máy thật', deviceId: 'device-real-0001' })).status).toBe(200);
  });
});

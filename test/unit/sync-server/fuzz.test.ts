// RELIABILITY.md 21: property-based fuzzing of every endpoint with malformed JSON, wrong
// types, unknown fields, deep nesting, non-UTF-8, wrong media types and encodings, huge and
// gzip-bomb bodies: always a 4xx with {error:{code,message}}, never a 500 or a crash, and
// nothing stored (every table's row count, unit versions and device seqs unchanged).
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FC_SEED, expectOk, freshUnit, joinDevice, scalar, startTestSyncServer, type Device, type TestServer } from './helpers';

let t: TestServer;
let admin: string;
let unitId: string;
let secretary: Device;
let tried = 0;

beforeAll(async () => {
  t = await startTestSyncServer();
  ({ admin, unitId } = await freshUnit(t.api));
  secretary = await joinDevice(t.api, admin, unitId, 'secretary');
});
afterAll(async () => {
  console.log(`[fuzz] ${tried} malformed requests tried, all answered 4xx, nothing stored`);
  await t?.close();
});

async function snapshot() {
  const tables = ['accounts', 'sessions', 'units', 'account_units', 'devices', 'invites', 'rows', 'mutation_results', 'conflicts'];
  const counts = Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await scalar(t.query(`SELECT count(*) FROM ${table}`))])));
  return {
    counts,
    versions: await t.query('SELECT id, version FROM units ORDER BY id'),
    seqs: await t.query('SELECT id, last_seq, revoked_at FROM devices ORDER BY id'),
    invitesUsed: await scalar(t.query('SELECT count(*) FROM invites WHERE used_at IS NOT NULL')),
  };
}

interface Target {
  name: string;
  method: 'POST' | 'GET';
  path: () => string;
  token?: () => string;
  /** the keys a valid body has: generated objects using only these keys are skipped */
  keys: string[];
  /** keys that may be left out */
  optional?: string[];
  /** a valid body, broken by the generators */
  valid: () => Record<string, unknown>;
}

const TARGETS: Target[] = [
  { name: 'setup', method: 'POST', path: () => '/setup', keys: ['username', 'password'], valid: () => ({ username: 'someone', password: '12345678' }) },
  { name: 'login', method: 'POST', path: () => '/login', keys: ['username', 'password'], valid: () => ({ username: 'admin', password: 'wrong-password' }) },
  { name: 'accounts', method: 'POST', path: () => '/accounts', token: () => admin, keys: ['username', 'password', 'role', 'unitIds'], optional: ['unitIds'], valid: () => ({ username: 'sup', password: '12345678', role: 'supervisor', unitIds: [unitId] }) },
  { name: 'units', method: 'POST', path: () => '/units', token: () => admin, keys: ['name', 'parentUnit'], optional: ['parentUnit'], valid: () => ({ name: 'Chi đoàn mới', parentUnit: 'Đoàn xã' }) },
  { name: 'invites', method: 'POST', path: () => `/units/${unitId}/invites`, token: () => admin, keys: ['role'], valid: () => ({ role: 'deputy' }) },
  { name: 'join', method: 'POST', path: () => '/join', keys: ['code', 'deviceName', 'deviceId'], valid: () => ({ code: 'AAAA-BBBB-CC', deviceName: 'Máy', deviceId: 'fuzz-device-1' }) },
  // a device that does not exist: an empty body is a valid revoke, which must still change nothing
  { name: 'revoke', method: 'POST', path: () => `/units/${unitId}/devices/no-such-device-1/revoke`, token: () => admin, keys: [], valid: () => ({}) },
  {
    name: 'push',
    method: 'POST',
    path: () => `/units/${unitId}/push`,
    token: () => secretary.token,
    keys: ['protocol', 'schemaVersion', 'deviceId', 'mutations'],
    valid: () => ({
      protocol: 1,
      schemaVersion: 2,
      deviceId: secretary.deviceId,
      mutations: [{ mid: 'fuzz-mid-00001', seq: 1, table: 'members', rowId: 'fuzz-row-00001', op: 'upsert', fields: { fullName: 'An An' }, base: {}, hlc: `${Date.now()}:0000:x` }],
    }),
  },
  { name: 'pull', method: 'POST', path: () => `/units/${unitId}/pull`, token: () => secretary.token, keys: ['cursor', 'limit', 'schemaVersion'], optional: ['limit', 'schemaVersion'], valid: () => ({ cursor: 0, limit: 10 }) },
  { name: 'resolve', method: 'POST', path: () => `/units/${unitId}/conflicts/no-such-conflict/resolve`, token: () => secretary.token, keys: ['keep'], optional: ['keep'], valid: () => ({ keep: 'winner' }) },
];

type Body = { bytes: Uint8Array; contentType?: string; encoding?: string; label: string };
const utf8 = (s: string) => new TextEncoder().encode(s);

/** Ways to break a valid body. Each result is guaranteed not to be a valid request body. */
function badBodies(target: Target): fc.Arbitrary<Body> {
  const json = (v: unknown, label: string): Body => ({ bytes: utf8(JSON.stringify(v)), label });
  const onlyKnownKeys = (v: unknown) => !!v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).every((k) => target.keys.includes(k));
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  // a value of another JSON type than the valid one, or a string no field accepts
  const anyValue = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.array(fc.jsonValue(), { maxLength: 3 }), fc.object({ maxDepth: 2 }));
  const wrongFor = (key: string) => {
    const good = target.valid()[key];
    const typed = anyValue.filter((v) => kind(v) !== kind(good));
    return typeof good === 'string' ? fc.oneof(typed, fc.constantFrom('', 'x'.repeat(5000))) : typeof good === 'number' ? fc.oneof(typed, fc.constantFrom(-1, 1.5)) : typed;
  };
  const arbitraries: fc.Arbitrary<Body>[] = [
    // bytes, mostly not UTF-8 and not JSON
    fc.uint8Array({ minLength: 1, maxLength: 300 }).map((b) => ({ bytes: b, label: 'random bytes' })),
    fc.constantFrom(new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]), new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d]), new Uint8Array([0xed, 0xa0, 0x80])).map((b) => ({ bytes: b, label: 'invalid UTF-8' })),
    // text that is not JSON
    fc.string({ maxLength: 200 }).filter((s) => { try { JSON.parse(s); return false; } catch { return true; } }).map((s) => ({ bytes: utf8(s), label: 'not JSON' })),
    fc.constantFrom('', ' ', '{', '{"a":', '[1,2', '{"x":1}}', 'NaN', "{'single':'quotes'}").map((s) => ({ bytes: utf8(s), label: 'malformed JSON' })),
    // JSON of the wrong shape
    fc.jsonValue({ maxDepth: 4 }).filter((v) => !onlyKnownKeys(v)).map((v) => json(v, 'random JSON')),
    // a valid body with one known key set to a wrong value (or removed)
    fc
      .constantFrom(...(target.keys.length ? target.keys : ['x']))
      .chain((key) => fc.tuple(fc.constant(key), wrongFor(key), fc.boolean()))
      .map(([key, value, remove]) => {
        const body = target.valid();
        if (remove && target.keys.includes(key) && !target.optional?.includes(key)) delete body[key];
        else body[key] = value;
        return body;
      })
      .map((b) => json(b, 'wrong type')),
    // a valid body plus unknown fields
    fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !target.keys.includes(k)), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 }).map((extra) => json({ ...target.valid(), ...extra }, 'unknown field')),
    // deep nesting, in the body and inside a known field
    fc.integer({ min: 65, max: 20_000 }).map((n) => ({ bytes: utf8('['.repeat(n) + ']'.repeat(n)), label: 'deep array' })),
    fc.integer({ min: 65, max: 2_000 }).map((n) => {
      const key = target.keys[0] ?? 'x';
      return { bytes: utf8(JSON.stringify({ ...target.valid() }).replace(/}$/, `${Object.keys(target.valid()).length ? ',' : ''}"${key}z":${'{"a":'.repeat(n)}1${'}'.repeat(n)}}`)), label: 'deep object' };
    }),
    // a valid body sent with the wrong media type or an unknown encoding
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', '').map((ct) => ({ ...json(target.valid(), 'wrong type header'), contentType: ct })),
    fc.constantFrom('br', 'deflate', 'compress', 'gzip, br').map((enc) => ({ ...json(target.valid(), 'unknown encoding'), encoding: enc })),
  ];
  return fc.oneof(...arbitraries);
}

async function send(target: Target, body: Body) {
  const headers: Record<string, string> = {};
  const token = target.token?.();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body.contentType !== '') headers['Content-Type'] = body.contentType ?? 'application/json';
  if (body.encoding) headers['Content-Encoding'] = body.encoding;
  const res = await fetch(`${t.url}/api/v1${target.path()}`, { method: target.method, headers, body: new Uint8Array(body.bytes) });
  const text = await res.text();
  tried++;
  return { status: res.status, text };
}

function expectClearError(status: number, text: string, label: string) {
  expect({ label, status: status >= 400 && status < 500 }).toEqual({ label, status: true });
  const body = JSON.parse(text);
  expect(typeof body.error.code).toBe('string');
  expect(body.error.message.length).toBeGreaterThan(3);
}

describe('RELIABILITY 21: bad input never gets past the door', () => {
  for (const target of TARGETS) {
    it(`${target.method} ${target.name}: always a clear 4xx, nothing stored`, async () => {
      const before = await snapshot();
      await fc.assert(
        fc.asyncProperty(badBodies(target), async (body) => {
          const { status, text } = await send(target, body);
          expectClearError(status, text, body.label);
        }),
        { seed: FC_SEED, numRuns: 80 },
      );
      expect(await snapshot()).toEqual(before);
    });
  }

  it('GET conflicts with a bad status and any unit id in the path: 4xx', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.string({ minLength: 1, maxLength: 80 }), async (status, unit) => {
        fc.pre(!['open', 'resolved', 'all'].includes(status));
        const a = await t.api.get(`/units/${unitId}/conflicts?status=${encodeURIComponent(status)}`, secretary.token);
        tried++;
        expectClearError(a.status, JSON.stringify(a.body), 'status query');
        const b = await t.api.request('POST', `/units/${encodeURIComponent(unit)}/pull`, { token: admin, body: { cursor: 0 } });
        tried++;
        if (unit !== unitId) expectClearError(b.status, JSON.stringify(b.body), 'unit id');
      }),
      { seed: FC_SEED, numRuns: 80 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('huge bodies and a gzip bomb are refused with 413', async () => {
    const before = await snapshot();
    const big = (n: number) => new Uint8Array(n).fill(0x20);
    const cases: [Target, Body][] = [
      [TARGETS[3], { bytes: big(1024 * 1024 + 1), label: '1 MB + 1 to /units' }],
      [TARGETS[7], { bytes: big(4 * 1024 * 1024 + 1), label: '4 MB + 1 to push' }],
      [TARGETS[7], { bytes: gzipSync(big(64 * 1024 * 1024)), encoding: 'gzip', label: 'gzip bomb to push' }],
      [TARGETS[8], { bytes: gzipSync(big(2 * 1024 * 1024)), encoding: 'gzip', label: 'gzip 2 MB to pull' }],
    ];
    for (const [target, body] of cases) {
      const { status, text } = await send(target, body);
      expect({ label: body.label, status }).toEqual({ label: body.label, status: 413 });
      expect(JSON.parse(text).error.code).toBe('payload_too_large');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('push: a well-formed envelope with malformed entries rejects each entry (recorded), stores no row, never wedges', async () => {
    const rowsBefore = (await snapshot()).counts.rows;
    let seq = Number(await scalar(t.query('SELECT last_seq FROM devices WHERE id = ?', [secretary.deviceId])));
    const junk = fc.record(
      {
        table: fc.oneof(fc.constantFrom('members', 'checkIns', 'minutes', 'units'), fc.jsonValue()),
        rowId: fc.oneof(fc.string(), fc.jsonValue()),
        op: fc.oneof(fc.constantFrom('upsert', 'delete', 'merge'), fc.jsonValue()),
        fields: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue(), { maxKeys: 4 })),
        base: fc.oneof(fc.jsonValue(), fc.dictionary(fc.string({ maxLength: 10 }), fc.integer())),
        hlc: fc.oneof(fc.string(), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(junk, { minLength: 1, maxLength: 5 }), async (entries) => {
        const mutations = entries.map((e) => ({ ...e, mid: `junk-${seq + 1}-${Math.random().toString(36).slice(2, 10)}`, seq: ++seq }));
        const res = await t.api.request('POST', `/units/${unitId}/push`, { token: secretary.token, body: { protocol: 1, schemaVersion: 2, deviceId: secretary.deviceId, mutations } });
        tried++;
        expect(res.status).toBe(200);
        expect(res.body.lastSeq).toBe(seq);
        for (const r of res.body.results) {
          expect(r.status).toBe('rejected');
          expect(r.error).toMatch(/^err\.[A-Za-z]+$/);
        }
      }),
      { seed: FC_SEED, numRuns: 150 },
    );
    expect((await snapshot()).counts.rows).toBe(rowsBefore);
    // and the device goes on
    secretary.seq = seq;
    const ok = secretary.upsert('members', 'member-after-fuzz', { fullName: 'Sau cơn bão', position: 'member', duesCategory: 'unsalaried', partyStatus: 'none', status: 'active' });
    expect(expectOk(await secretary.pushRaw([ok])).results[0].status).toBe('applied');
  });

  it('the server is still healthy afterwards', async () => {
    expect(expectOk(await t.api.get('/health'))).toMatchObject({ ok: true });
  });
});

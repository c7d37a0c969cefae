// B11 (issue 11): a supervisor with 50 units × 100 members and one of 5,000 — the first sync of
// every unit to the supervisor's phone (time and bytes received) and the scorecard over the 50
// units, cold and cached.
//   npx tsx test/perf/scorecard-sync.ts [--units 50] [--members 100] [--big 5000] [--json FILE]
// The real server runs as a child process on loopback with a real SQLite file (as B6); secretary
// devices seed each unit over HTTP (not timed): generated members (test/fixtures), 11 regular
// meetings held, a roll on 4 of them, 6 months of dues, 10 remittances, training registrations
// and ratings for everyone (the 5,000-member unit: one roll, 3 months of dues). The supervisor's
// phone is the app's own sync engine (src/sync/engine.ts runCycle) over fake-indexeddb, one
// database per unit opened apart, as on the phone; the bytes are those on the wire (gzip).
// The scorecard is features/above/scorecard loadScorecard over the synced databases.
// Node, unthrottled, on this machine; the ×4 line multiplies by 4 as a stand-in for Chromium at
// 4× CPU (both V8; test/perf/targets-compute.ts does the same) — fake-indexeddb is slower than
// Chromium's IndexedDB, so the figure is pessimistic for the reads and says nothing of painting.
import 'fake-indexeddb/auto';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
// @ts-expect-error: plain ESM fixture generator without types
import { generateMembers } from '../fixtures/generate-members.mjs';
import { openUnitDbApart } from '../../src/data/db';
import { createMemoryLocks, runCycle } from '../../src/sync/engine';
import { loadScorecard, scorecardStats } from '../../src/features/above/scorecard/scorecard-queries';
import { PROTOCOL_VERSION, SCHEMA_VERSION } from '../../src/protocol/sync';
// @ts-expect-error: plain ESM bench helpers without types
import { cleanupAll, ensureDist, launch, tempDir, throttle } from './helpers.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = Object.fromEntries(process.argv.slice(2).reduce<[string, string][]>((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const UNITS = Number(args.units ?? 50);
const MEMBERS = Number(args.members ?? 100);
const BIG = Number(args.big ?? 5000);
const TODAY = '2026-12-06';
const pad = (n: number) => String(n).padStart(2, '0');

// --- the wire: every answer's bytes as received (gzip), then decoded for the caller -------------
let wireBytes = 0;
function post(url: string, body: unknown, token?: string): Promise<any> {
  const json = Buffer.from(JSON.stringify(body));
  const payload = json.length > 2048 ? gzipSync(json) : json;
  const headers: Record<string, string | number> = { 'Content-Type': 'application/json', 'Content-Length': payload.length, 'Accept-Encoding': 'gzip' };
  if (payload !== json) headers['Content-Encoding'] = 'gzip';
  if (token) headers.Authorization = `Bearer ${token}`;
  return new Promise((res, rej) => {
    const req = request(url, { method: 'POST', headers }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => {
        const wire = Buffer.concat(chunks);
        const text = (r.headers['content-encoding'] === 'gzip' ? gunzipSync(wire) : wire).toString('utf8');
        if ((r.statusCode ?? 500) >= 300) return rej(new Error(`${url}: ${r.statusCode} ${text.slice(0, 300)}`));
        res(text ? JSON.parse(text) : undefined);
      });
    });
    req.on('error', rej);
    req.end(payload);
  });
}

/** The engine's fetch: node:http, counting the answer's wire bytes. */
function countingFetch(input: string, init?: RequestInit): Promise<Response> {
  const headers: Record<string, string> = { ...(init?.headers as Record<string, string>), 'Accept-Encoding': 'gzip' };
  const body = init?.body === undefined ? undefined : typeof init.body === 'string' ? Buffer.from(init.body) : Buffer.from(init.body as Uint8Array);
  if (body) headers['Content-Length'] = String(body.length);
  return new Promise((res, rej) => {
    const req = request(input, { method: init?.method ?? 'GET', headers }, (r) => {
      const chunks: Buffer[] = [];
      r.on('data', (c) => chunks.push(c));
      r.on('end', () => {
        const wire = Buffer.concat(chunks);
        wireBytes += wire.length;
        const decoded = r.headers['content-encoding'] === 'gzip' ? gunzipSync(wire) : wire;
        const h = new Headers();
        for (const [k, v] of Object.entries(r.headers)) if (typeof v === 'string' && k !== 'content-encoding' && k !== 'content-length') h.set(k, v);
        res(new Response(decoded, { status: r.statusCode, headers: h }));
      });
    });
    req.on('error', rej);
    req.end(body);
  });
}

async function startChildServer(builtApp?: string) {
  const root = mkdtempSync(join(tmpdir(), 'scd-b11-'));
  let distDir = join(root, 'dist');
  if (builtApp) distDir = builtApp;
  else {
    mkdirSync(distDir, { recursive: true });
    writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>b11</title>');
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(root, 'data'), DIST_DIR: distDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((res, rej) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (m) res(m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => rej(new Error(`server exited:\n${output}`)));
  });
  return {
    url,
    stop: async () => {
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(root, { recursive: true, force: true });
    },
  };
}

// --- seeding: a secretary's device pushes a unit's year (not timed) ----------------------------
function uuid() {
  return randomUUID();
}

async function seedUnit(api: string, admin: string, name: string, count: number, seed: number, big: boolean): Promise<string> {
  const unitId = (await post(`${api}/units`, { name }, admin)).id as string;
  const { code } = await post(`${api}/units/${unitId}/invites`, { role: 'secretary' }, admin);
  const deviceId = uuid();
  const { deviceToken } = await post(`${api}/join`, { code, deviceName: 'Bí thư', deviceId });
  const createdAt = new Date().toISOString();
  let seq = 0;
  let hlc = 0;
  const muts: unknown[] = [];
  const up = (table: string, rowId: string, fields: Record<string, unknown>) => {
    const base = Object.fromEntries(Object.keys(fields).map((k) => [k, 0]));
    muts.push({ mid: uuid(), seq: ++seq, table, rowId, op: 'upsert', fields: { ...fields, createdAt }, base: { ...base, createdAt: 0 }, hlc: `${String(Date.now()).padStart(13, '0')}:${String(hlc++ % 10000).padStart(4, '0')}:${deviceId}` });
  };
  const members = (generateMembers({ count, seed }) as { id: string }[]).map((m) => ({ ...m, duesCategory: 'unsalaried' }));
  for (const m of members) {
    const { id, ...fields } = m;
    up('members', id, fields);
  }
  const meetings = Array.from({ length: 11 }, (_, i) => ({ id: uuid(), month: i + 1 }));
  for (const m of meetings) up('meetings', m.id, { kind: 'regular', title: `Sinh hoạt chi đoàn tháng ${m.month}`, startsAt: `2026-${pad(m.month)}-10T19:30`, place: 'Hội trường', guests: [], status: 'held' });
  const rolls = big ? meetings.slice(-1) : meetings.filter((_, i) => i % 3 === 0);
  const STATUSES = ['present', 'present', 'present', 'late', 'absent_excused', 'absent_unexcused'];
  for (const mt of rolls) members.forEach((m, i) => up('attendance', `${mt.id}:${m.id}`, { eventId: mt.id, memberId: m.id, status: STATUSES[(i + mt.month) % 6], checkedAt: `2026-${pad(mt.month)}-10T19:45:00.000Z` }));
  const duesMonths = big ? 3 : 6;
  members.forEach((m, i) => {
    for (let k = 1; k <= duesMonths; k++) if ((i + k) % 9) up('dues', uuid(), { memberId: m.id, period: `2026-${pad(k)}`, amount: 2000, paidAt: `2026-${pad(k)}-12`, method: 'cash', receiptNo: `BL${i}-${k}` });
  });
  for (let k = 1; k <= 10; k++) up('remittances', `remittance:2026-${pad(k)}`, { period: `2026-${pad(k)}`, collected: 2000 * count, amount: Math.round((2000 * count) / 3), paidAt: `2026-${pad(k)}-25`, method: 'cash' });
  const LEVELS = ['excellent', 'good', 'good', 'completed', 'not_completed'];
  members.forEach((m, i) => {
    up('trainingRegistrations', `2026:${m.id}`, { year: 2026, memberId: m.id, registeredAt: '2026-02-01', itemIds: [], outcome: i % 4 ? 'good' : '' });
    up('ratings', `2026:${m.id}`, { year: 2026, memberId: m.id, level: LEVELS[i % 5], decidedAt: '2026-12-01' });
  });
  for (let i = 0; i < muts.length; i += 1000) {
    const res = await post(`${api}/units/${unitId}/push`, { protocol: PROTOCOL_VERSION, schemaVersion: SCHEMA_VERSION, deviceId, mutations: muts.slice(i, i + 1000) }, deviceToken);
    const bad = res.results.filter((r: { status: string }) => r.status !== 'applied');
    if (bad.length) throw new Error(`${name}: ${bad.length} not applied, e.g. ${JSON.stringify(bad[0])}`);
  }
  return unitId;
}

// --- the supervisor's phone --------------------------------------------------------------------
async function firstSync(base: string, account: string, unitId: string, name: string): Promise<{ ms: number; bytes: number; rows: number }> {
  const deviceId = `sup-${uuid()}`;
  const { deviceToken } = await post(`${base}/api/v1/units/${unitId}/enroll`, { deviceId, deviceName: 'Điện thoại cấp trên' }, account);
  const db = openUnitDbApart(unitId);
  await db.syncState.put({
    key: 'device', deviceId, nextSeq: 1, hlcMs: 0, hlcCounter: 0, cursor: 0, lastAckedSeq: 0,
    server: { baseUrl: base, unitId, unitName: name, role: 'supervisor', deviceToken, joinedAt: new Date().toISOString() },
  } as never);
  const before = wireBytes;
  const t0 = performance.now();
  const r = await runCycle({ db, localUnitId: unitId, locks: createMemoryLocks(), fetch: countingFetch as never, timeoutMs: 120_000 });
  const ms = performance.now() - t0;
  db.close();
  if (r.kind !== 'done') throw new Error(`${name}: sync ${r.kind}`);
  return { ms, bytes: wireBytes - before, rows: r.pulled };
}

const round = (x: number, d = 0) => Math.round(x * 10 ** d) / 10 ** d;
const results: { name: string; value: number; unit: string; note: string }[] = [];
const line = (name: string, value: number, unit: string, note: string) => {
  results.push({ name, value, unit, note });
  console.log(`info ${name} ${value} ${unit} (${note})`);
};

// The browser phase serves the built app (npm run bench builds dist/ first; --no-browser skips it).
const BROWSER = args.browser !== 'no' && !process.argv.includes('--no-browser');
const server = await startChildServer(BROWSER ? ensureDist(join(ROOT, 'dist')) : undefined);
try {
  const api = `${server.url}/api/v1`;
  const { token: admin } = await post(`${api}/setup`, { username: 'admin', password: 'b11-benchmark' });
  const t0 = performance.now();
  const small: { unitId: string; name: string }[] = [];
  for (let u = 0; u < UNITS; u++) {
    const name = `Chi đoàn Khu phố ${u + 1}`;
    small.push({ unitId: await seedUnit(api, admin, name, MEMBERS, 1000 + u, false), name });
  }
  const bigName = 'Đoàn cơ sở Trường Đại học';
  const bigUnit = { unitId: await seedUnit(api, admin, bigName, BIG, 77, true), name: bigName };
  console.log(`seeded ${UNITS} × ${MEMBERS} + 1 × ${BIG} in ${round((performance.now() - t0) / 1000, 1)} s`);
  const username = 'can-bo-phuong';
  await post(`${api}/accounts`, { username, password: 'mat-khau-dai', role: 'supervisor', unitIds: [...small, bigUnit].map((u) => u.unitId) }, admin);
  const { token: account } = await post(`${api}/login`, { username, password: 'mat-khau-dai' });

  let ms = 0;
  let bytes = 0;
  let rows = 0;
  for (const u of small) {
    const s = await firstSync(server.url, account, u.unitId, u.name);
    ms += s.ms;
    bytes += s.bytes;
    rows += s.rows;
  }
  line(`B11 first sync, ${UNITS} units × ${MEMBERS} members`, round(ms / 1000, 1), 's', `${rows} rows, ${round(ms / UNITS)} ms a unit, Node + fake-indexeddb, units one after another`);
  line(`B11 first sync bytes, ${UNITS} units × ${MEMBERS} members`, round(bytes / 1e6, 2), 'MB', `received on the wire (gzip), ${round(bytes / rows, 1)} B a row`);
  const b = await firstSync(server.url, account, bigUnit.unitId, bigUnit.name);
  line(`B11 first sync, one unit of ${BIG} members`, round(b.ms / 1000, 1), 's', `${b.rows} rows`);
  line(`B11 first sync bytes, one unit of ${BIG} members`, round(b.bytes / 1e6, 2), 'MB', `received on the wire (gzip), ${round(b.bytes / b.rows, 1)} B a row`);

  const open = async () => {
    const c0 = scorecardStats.computed;
    const t = performance.now();
    let n = 0;
    let cached = 0;
    let shownMs = NaN;
    await loadScorecard(small, TODAY, (_, current) => {
      if (current) n++;
      else if (++cached === small.length) shownMs = performance.now() - t;
    });
    return { ms: performance.now() - t, computed: scorecardStats.computed - c0, rows: n, shownMs };
  };
  const cold = await open();
  if (cold.computed !== UNITS || cold.rows !== UNITS) throw new Error(`cold scorecard computed ${cold.computed} of ${UNITS}`);
  line(`B11 scorecard open, ${UNITS} units, cold`, round(cold.ms), 'ms', `every row computed (${cold.computed}); ×4 ≈ ${round((cold.ms * 4) / 1000, 1)} s as a stand-in for 4× CPU`);
  const warm = await open();
  if (warm.computed !== 0) throw new Error(`cached scorecard computed ${warm.computed}`);
  line(`B11 scorecard open, ${UNITS} units, cached rows shown`, round(warm.shownMs), 'ms', `every row from the cache in one read, before any unit's database is opened; ×4 ≈ ${round(warm.shownMs * 4)} ms`);
  line(`B11 scorecard open, ${UNITS} units, cached, all versions checked`, round(warm.ms), 'ms', `no row computed; each unit's database opened apart for its version (cursor, outbox count); ×4 ≈ ${round(warm.ms * 4)} ms`);
  const bigCold = performance.now();
  await loadScorecard([bigUnit], TODAY, () => {});
  line(`B11 scorecard row of the ${BIG}-member unit, cold`, round(performance.now() - bigCold), 'ms', 'its year figures, targets and reports');
  if (BROWSER) {
    // The same on a real phone's engine: Debian Chromium at 4× CPU, the built app, a fresh
    // supervisor account of the 50 units signing in at /above (its first sync, bytes on the wire
    // for /api/), the scorecard computed after it, and the scorecard opened again (cached).
    const user = 'can-bo-phuong-2';
    await post(`${api}/accounts`, { username: user, password: 'mat-khau-dai', role: 'supervisor', unitIds: small.map((u) => u.unitId) }, admin);
    const b = await above4x(server.url, user, 'mat-khau-dai', UNITS);
    line(`B11 in Chromium at 4×: first sync, ${UNITS} units × ${MEMBERS} members`, round(b.syncMs / 1000, 1), 's', 'from tapping Đăng nhập to "Đã đồng bộ" (enrol and pull every unit, one after another)');
    line(`B11 in Chromium at 4×: first sync bytes`, round(b.bytes / 1e6, 2), 'MB', 'encoded bytes of every /api/ answer');
    line(`B11 in Chromium at 4×: scorecard after the first sync`, round(b.coldMs / 1000, 1), 's', 'from "Đã đồng bộ" to every row computed');
    line(`B11 in Chromium at 4×: scorecard opened again, rows on screen`, round(b.warmShownMs), 'ms', 'from navigation to every unit row shown, from the cache');
    line(`B11 in Chromium at 4×: scorecard opened again, every row checked`, round(b.warmMs), 'ms', 'the same open, until each unit\'s version was checked (nothing recomputed) while the page\'s own sync round runs');
  }
  if (args.json) writeFileSync(resolve(args.json), JSON.stringify(results, null, 2) + '\n');
} finally {
  await cleanupAll();
  await server.stop();
}

async function above4x(base: string, username: string, password: string, units: number) {
  const { page, context } = await launch(tempDir('b11'));
  const cdp = await throttle(context, page, 4);
  await cdp.send('Network.enable');
  const apiRequests = new Set<string>();
  let bytes = 0;
  cdp.on('Network.responseReceived', (e: { requestId: string; response: { url: string } }) => {
    if (e.response.url.includes('/api/')) apiRequests.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    if (apiRequests.has(e.requestId)) bytes += e.encodedDataLength;
  });
  const done = (text: string) => /^Đã đồng bộ lúc/.test(text);
  const computed = async () => {
    const rows = await page.locator('.sc-table tbody tr').count();
    return rows === units && !/Đang tính|Đang cập nhật/.test(await page.locator('.sc-table').innerText());
  };
  const until = async (check: () => Promise<boolean>, timeoutMs = 600_000) => {
    const end = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('B11 browser: timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
    return performance.now();
  };
  await page.goto(`${base}/above`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  const t0 = performance.now();
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const synced = await until(async () => done(await page.getByTestId('above-sync').innerText().catch(() => '')));
  const coldDone = await until(computed);
  const t1 = performance.now();
  await page.reload();
  const warmShown = await until(async () => (await page.locator('.sc-table tbody tr th a').count()) === units);
  const warmDone = await until(computed);
  return { syncMs: synced - t0, bytes, coldMs: coldDone - synced, warmShownMs: warmShown - t1, warmMs: warmDone - t1 };
}

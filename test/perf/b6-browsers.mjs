// B6 (and B7's "peak JS heap during B6 apply") with two real phones: the built app (dist/) on
// the real server, phone A and phone B each in its own Chromium. A joins a unit with a
// secretary invite, B joins the same unit with a deputy invite (both through /join, as a
// secretary does). A then holds 10,000 new members — generated Vietnamese records
// (test/fixtures/generate-members.mjs), stored as the app's repo stores them (row + outbox
// entry, src/data/outbox.ts upsertRows) — and the app's own "sync now" runs on A, then on B.
//
// How each figure is taken:
//   A→B            Both phones are offline while A gets its members (neither syncs on its own
//                  timer half-way). A's push: from A's `online` event (the app's own trigger;
//                  "sync now" is sent too) to the engine's 'scd:sync-pushed' mark; plus B's pull:
//                  from B's `online` event to its 'scd:sync-pulled' mark (every page applied).
//                  The hand-over between the phones is not counted. A's own pull of what it just
//                  pushed runs before B comes online (two phones, one CPU here).
//   Slow 4G        the same with CDP Network.emulateNetworkConditions on both phones
//                  (latency 562.5 ms, 1474.56 kbit/s down, 675 kbit/s up).
//   bytes          from each phone's network log (CDP): push request bodies as sent
//                  (Content-Encoding: gzip) and pull answers as received (encodedDataLength,
//                  headers included), per change.
//   phone time     each phase minus its requests (request sent → answer's last byte), per
//                  1,000 changes: what the phone does between requests.
//   heap           B's JS heap (CDP Runtime.getHeapUsage, every 25 ms) during its pull; peak.
//   cut at 50 %    A's 6th push answer is dropped (ConnectionReset) after the server stored it;
//                  the app retries on its own. B's 6th pull answer likewise. Counted: changes
//                  sent again, pages read again; then A's and B's members compared field by
//                  field with their versions.
// Floors, in the same run: push = the same requests' own time (server + loopback, or the
// throttled link), no phone work; pull = a bare page (no app) on the same browser fetching the
// same pages and putting each into IndexedDB in one transaction with raw IDB; bytes = the same
// records in the most compact JSON this module can write (per page: field names once, versions
// only where they differ from the row's), gzip level 9.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';
import { generateMembers } from '../fixtures/generate-members.mjs';
import { launch, median, percentile, round, startServer, waitForQuietCpu } from './helpers.mjs';
import { loadBudgets } from './size-check.mjs';


const WAIT = { timeout: 120_000 };
/** What the app's pulls ask for (src/protocol/sparse-versions.ts, pull-pages.ts, pull-columns.ts); the floor asks the same. */
const PULL_HEADERS = { 'X-Scd-Versions': 'sparse', 'X-Scd-Page-Bytes': String(2 * 1024 * 1024), 'X-Scd-Pull-Form': 'field-columns' };
export const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1000) / 8, uploadThroughput: (675 * 1000) / 8 };
const budgets = loadBudgets();
const CHANGES = budgets.B6.changes;
export const B6_BUDGETS = { ...budgets.B6, heapMB: budgets.B7.b6ApplyPeakHeapMB };

async function api(base, path, body, token) {
  const res = await fetch(`${base}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** A phone: its own Chromium, joined to the unit through /join; a CDP session logs its network. */
async function phone(base, code, name) {
  const b = await launch((await import('./helpers.mjs')).tempDir(`b6-${name}`));
  const { page } = b;
  await page.goto(base + '/');
  await page.getByRole('heading', { name: 'Thiết lập đơn vị' }).waitFor(WAIT);
  await page.getByRole('link', { name: 'Tham gia đơn vị bằng mã mời' }).click();
  await page.getByLabel('Mã mời').fill(code);
  await page.getByLabel('Tên máy').fill(`Điện thoại ${name}`);
  await page.getByRole('button', { name: 'Tham gia' }).click();
  // a new phone lands on its unit's home; the bench works from the sync screen
  await page.waitForURL((u) => u.pathname === '/', WAIT);
  await page.goto(base + '/sync');
  await page.getByRole('heading', { name: 'Đồng bộ' }).waitFor(WAIT);
  await page.waitForFunction(() => /^\d{2}:\d{2}$/.test(document.querySelector('[data-testid="last-synced"]')?.textContent ?? ''), null, WAIT);
  const cdp = await b.context.newCDPSession(page);
  const log = networkLog(cdp);
  await cdp.send('Network.enable', { maxPostDataSize: 64 * 1024 * 1024 });
  return { ...b, cdp, log, name };
}

/** Requests to /push and /pull as the phone sent and received them. */
function networkLog(cdp) {
  const byId = new Map();
  const list = [];
  cdp.on('Network.requestWillBeSent', (e) => {
    const kind = /\/api\/v1\/units\/[^/]+\/(push|pull)$/.exec(e.request.url)?.[1];
    if (!kind || e.request.method !== 'POST') return;
    const r = { kind, t0: e.timestamp, t1: NaN, received: 0, sentBytes: NaN, body: e.request.postDataEntries, failed: false, serverMs: NaN };
    byId.set(e.requestId, r);
    list.push(r);
  });
  cdp.on('Network.requestWillBeSentExtraInfo', (e) => {
    const r = byId.get(e.requestId);
    const len = Object.entries(e.headers ?? {}).find(([k]) => k.toLowerCase() === 'content-length')?.[1];
    if (r && len) r.sentBytes = Number(len);
  });
  cdp.on('Network.responseReceived', (e) => {
    const r = byId.get(e.requestId);
    const timing = Object.entries(e.response.headers ?? {}).find(([k]) => k.toLowerCase() === 'server-timing')?.[1];
    if (r && timing) r.serverMs = Number(/store;dur=([\d.]+)/.exec(timing)?.[1] ?? NaN);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = byId.get(e.requestId);
    if (r) Object.assign(r, { t1: e.timestamp, received: e.encodedDataLength });
  });
  cdp.on('Network.loadingFailed', (e) => {
    const r = byId.get(e.requestId);
    if (r) Object.assign(r, { t1: e.timestamp, failed: true });
  });
  return {
    since(i) {
      return list.slice(i);
    },
    get size() {
      return list.length;
    },
  };
}

// The app's own reading of a push in the columns form (src/protocol/push-columns.ts), through tsx.
const { expandColumns } = await tsImport('../../src/protocol/push-columns.ts', import.meta.url);

/** The decoded JSON of a logged request body (gzip or plain); a columns push as the plain batch it stands for. */
function requestJson(r) {
  if (!r.body?.length) return undefined;
  const buf = Buffer.concat(r.body.map((e) => Buffer.from(e.bytes ?? '', 'base64')));
  const text = buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf).toString('utf8') : buf.toString('utf8');
  const json = JSON.parse(text);
  return { json: json.form === 'columns' || json.form === 'field-columns' ? expandColumns(json) : json, form: json.form ?? 'plain', bytes: buf.length };
}

/** Runs in A's page: new members written as upsertRows writes them (row + outbox entry), one transaction. */
async function seedMembers(members) {
  const req = (r) => new Promise((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
  const kv = await req(indexedDB.open('keyval-store'));
  const unitId = await req(kv.transaction('keyval').objectStore('keyval').get('currentUnitId'));
  kv.close();
  const db = await req(indexedDB.open(`scd-${unitId}`));
  const tx = db.transaction(['members', 'outbox', 'syncState'], 'readwrite');
  const done = new Promise((res, rej) => ((tx.oncomplete = res), (tx.onerror = () => rej(tx.error)), (tx.onabort = () => rej(tx.error))));
  const dev = await req(tx.objectStore('syncState').get('device'));
  const now = new Date().toISOString();
  let seq = dev.nextSeq;
  const ms = Math.max(Date.now(), dev.hlcMs);
  let counter = ms === dev.hlcMs ? dev.hlcCounter : -1;
  for (const { id, ...fields } of members) {
    tx.objectStore('members').put({ ...fields, id, unitId, rev: {}, deleted: false, createdAt: now, updatedAt: now });
    counter++;
    const hlc = `${String(ms).padStart(13, '0')}:${String(counter).padStart(4, '0')}:${dev.deviceId}`;
    const base = Object.fromEntries(Object.keys(fields).map((k) => [k, 0]));
    // the mid as lib/hlc.ts midOf makes it: the stamp itself
    tx.objectStore('outbox').add({ mid: hlc.length <= 64 ? hlc : crypto.randomUUID(), seq: seq++, table: 'members', rowId: id, op: 'upsert', fields: { ...fields, createdAt: now }, base, hlc });
  }
  tx.objectStore('syncState').put({ ...dev, nextSeq: seq, hlcMs: ms, hlcCounter: counter });
  await done;
  db.close();
}

/** Runs in a phone's page before it goes online: notes when the browser says it is online. */
function armOnline() {
  window.__onlineAt = undefined;
  window.addEventListener('online', () => (window.__onlineAt = performance.now()), { once: true });
}

/**
 * Runs in a phone's page once it is online again: the app's own `online` trigger starts a cycle
 * (the "sync now" event is sent too, as the button would, and joins it). Resolves with the times
 * from the `online` event to the engine's marks of the first cycle that gets through (after a
 * cut, the runner's own retry).
 */
async function waitForCycle(which) {
  window.dispatchEvent(new Event('scd:sync-now'));
  const deadline = performance.now() + 600_000;
  for (;;) {
    await new Promise((r) => setTimeout(r, 5));
    const t0 = window.__onlineAt;
    const pushed = performance.getEntriesByName('scd:sync-pushed')[0];
    const pulled = performance.getEntriesByName('scd:sync-pulled')[0];
    if (t0 !== undefined && pulled && pulled.startTime > t0 && (which === 'pull' || (pushed && pushed.startTime > t0))) {
      return { pushMs: pushed && pushed.startTime > t0 ? pushed.startTime - t0 : NaN, pullMs: pulled.startTime - t0 };
    }
    if (performance.now() > deadline) throw new Error('sync did not end in 10 minutes');
  }
}

/** Runs in a phone's page: the members as the app stores them, minus what is local to a phone. */
async function memberDigest() {
  const req = (r) => new Promise((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
  const kv = await req(indexedDB.open('keyval-store'));
  const unitId = await req(kv.transaction('keyval').objectStore('keyval').get('currentUnitId'));
  kv.close();
  const db = await req(indexedDB.open(`scd-${unitId}`));
  const rows = await req(db.transaction('members').objectStore('members').getAll());
  const outbox = await req(db.transaction('outbox').objectStore('outbox').count());
  const dev = await req(db.transaction('syncState').objectStore('syncState').get('device'));
  db.close();
  const canon = (v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canon(v[k])])) : v);
  const text = rows
    .map(({ unitId: _u, updatedAt: _t, ...r }) => JSON.stringify(canon(r)))
    .sort()
    .join('\n');
  const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return { count: rows.length, outbox, digest: [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join(''), token: dev.server.deviceToken, unitId: dev.server.unitId };
}

/** Peak of B's JS heap while `work` runs (CDP, every 25 ms). */
async function peakHeap(cdp, work) {
  await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const before = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  let peak = before;
  let on = true;
  const poll = (async () => {
    while (on) {
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      peak = Math.max(peak, usedSize);
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  try {
    return { result: await work(), before, peak };
  } finally {
    on = false;
    await poll;
  }
}

/** Drops the n-th answer of `kind` requests (after the server handled it): a connection cut. */
async function cutNth(p, kind, n) {
  let seen = 0;
  const handler = (e) => {
    const hit = new RegExp(`/${kind}$`).test(e.request.url) && e.request.method === 'POST' && ++seen === n;
    if (hit) void p.cdp.send('Fetch.failRequest', { requestId: e.requestId, errorReason: 'ConnectionReset' });
    else void p.cdp.send('Fetch.continueRequest', { requestId: e.requestId });
  };
  p.cdp.on('Fetch.requestPaused', handler);
  await p.cdp.send('Fetch.enable', { patterns: [{ urlPattern: `*/api/v1/units/*/${kind}`, requestStage: 'Response' }] });
  return async () => {
    await p.cdp.send('Fetch.disable');
    p.cdp.off('Fetch.requestPaused', handler);
    return seen >= n;
  };
}

/** The cursor B's first pull of a sync started from. */
const firstCursor = (s) => requestJson(s.pulls[0]).json.cursor;

/** BENCH_CPU_PROFILE=DIR: a CPU profile of A's cycle and of B's (open in DevTools → Performance). */
async function startProfile(cdp) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}
async function stopProfile(cdp, file) {
  const { profile } = await cdp.send('Profiler.stop');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(profile));
}

const net = (reqs) => reqs.reduce((s, r) => s + (r.t1 - r.t0) * 1000, 0);

/** The phone's network: offline, or online as `conditions` (Slow 4G) or unthrottled. */
async function setNetwork(p, { offline = false, conditions } = {}) {
  const online = conditions ?? { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 };
  await p.cdp.send('Network.emulateNetworkConditions', offline ? { ...online, offline: true } : online);
}

/**
 * One A → B sync of 10,000 new members; both phones' logs and times. Both phones are offline
 * while A gets its members (so neither syncs on its own timer half-way); A comes online and
 * syncs; when A's cycle is over, B comes online and syncs.
 */
async function oneSync(a, b, members, { cut = false, conditions } = {}) {
  for (const p of [a, b]) await setNetwork(p, { offline: true, conditions });
  await new Promise((r) => setTimeout(r, 200));
  await a.page.evaluate(seedMembers, members);
  const ia = a.log.size;
  const ib = b.log.size;
  const uncutA = cut ? await cutNth(a, 'push', cut.pushAt) : null;
  const profile = process.env.BENCH_CPU_PROFILE;
  if (profile) for (const p of [a, b]) await startProfile(p.cdp);
  // A's cycle: push, then its own pull of what it pushed (waited for, not counted).
  await a.page.evaluate(armOnline);
  await setNetwork(a, { conditions });
  const sa = await a.page.evaluate(waitForCycle, 'push');
  if (profile) await stopProfile(a.cdp, join(profile, `b6-a-push-${Date.now()}.cpuprofile`));
  const cutA = uncutA ? await uncutA() : false;
  await new Promise((r) => setTimeout(r, 300));
  const uncutB = cut ? await cutNth(b, 'pull', cut.pullAt) : null;
  await b.page.evaluate(armOnline);
  const { result: sb, before, peak } = await peakHeap(b.cdp, async () => {
    await setNetwork(b, { conditions });
    return b.page.evaluate(waitForCycle, 'pull');
  });
  const cutB = uncutB ? await uncutB() : false;
  if (profile) await stopProfile(b.cdp, join(profile, `b6-b-pull-${Date.now()}.cpuprofile`));
  await new Promise((r) => setTimeout(r, 300));
  const pushes = a.log.since(ia).filter((r) => r.kind === 'push');
  const pulls = b.log.since(ib).filter((r) => r.kind === 'pull');
  const pushJson = pushes.map(requestJson);
  return { sa, sb, pushes, pulls, pushJson, heapBefore: before, heapPeak: peak, cutA, cutB };
}

/** The same pulled records, as the server sends them and in the most compact JSON we can write. */
async function bytesFloor(base, unitId, token, fromCursor) {
  let cursor = fromCursor;
  let asSent = 0;
  let compact = 0;
  let sameShape = 0;
  let rows = 0;
  for (;;) {
    const res = await fetch(`${base}/api/v1/units/${unitId}/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ cursor, limit: 1000 }),
    });
    const text = await res.text();
    const page = JSON.parse(text);
    asSent += gzipSync(text, { level: 9 }).length;
    compact += gzipSync(compactPage(page), { level: 9 }).length;
    sameShape += gzipSync(pageWithoutEqualVersions(page), { level: 9 }).length;
    rows += page.rows.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return { rows, asSentL9: asSent / rows, compact: compact / rows, sameShape: sameShape / rows };
}

/**
 * A page with the field names once per table and each row as an array of values; versions only
 * where they differ from the row's version. (What a columnar pull format would send.)
 */
export function compactPage(page) {
  const tables = {};
  for (const r of page.rows) {
    const t = (tables[r.table] ??= { fields: [], index: new Map(), rows: [] });
    for (const k of Object.keys(r.fields)) if (!t.index.has(k)) t.index.set(k, t.fields.push(k) - 1);
    const values = t.fields.map((k) => (k in r.fields ? r.fields[k] : null));
    while (values.length && values[values.length - 1] === null) values.pop();
    const odd = Object.fromEntries(Object.entries(r.versions).filter(([, v]) => v !== r.version));
    const row = [r.id, r.version, values];
    if (r.deleted || Object.keys(odd).length) row.push(r.deleted ? 1 : 0, odd);
    t.rows.push(row);
  }
  return JSON.stringify({ t: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, { f: v.fields, r: v.rows }])), c: page.cursor, m: page.hasMore });
}

/**
 * A push batch the compact way: field names once per table, each entry as an array, seq and
 * HLC milliseconds as differences, a base only where it is not 0. `withMid` false drops the
 * random mid (the server would key idempotency on deviceId + seq, which is unique already).
 */
export function compactPush(body, { withMid = true } = {}) {
  const tables = {};
  let prevSeq = 0;
  let prevMs = 0;
  for (const m of body.mutations) {
    const t = (tables[m.table] ??= { fields: [], index: new Map(), rows: [] });
    for (const k of Object.keys(m.fields)) if (!t.index.has(k)) t.index.set(k, t.fields.push(k) - 1);
    const values = t.fields.map((k) => (k in m.fields ? m.fields[k] : null));
    while (values.length && values[values.length - 1] === null) values.pop();
    const base = Object.fromEntries(Object.entries(m.base ?? {}).filter(([, v]) => v !== 0));
    const [ms, counter] = m.hlc.split(':');
    const row = [m.seq - prevSeq, m.rowId, values, Number(ms) - prevMs, Number(counter)];
    if (withMid) row.unshift(m.mid);
    if (m.op !== 'upsert' || Object.keys(base).length) row.push(m.op, base);
    prevSeq = m.seq;
    prevMs = Number(ms);
    t.rows.push(row);
  }
  return JSON.stringify({ p: body.protocol, v: body.schemaVersion, d: body.deviceId, t: Object.fromEntries(Object.entries(tables).map(([k, v]) => [k, { f: v.fields, r: v.rows }])) });
}

/** Pulled pages with versions left out where they equal the row's, rows otherwise as today. */
export function pageWithoutEqualVersions(page) {
  return JSON.stringify({
    ...page,
    rows: page.rows.map((r) => {
      const odd = Object.fromEntries(Object.entries(r.versions).filter(([, v]) => v !== r.version));
      return { ...r, versions: odd };
    }),
  });
}

function figures(s) {
  const pushNet = net(s.pushes);
  const pullNet = net(s.pulls);
  const sentChanges = s.pushJson.reduce((n, x) => n + (x?.json.mutations.length ?? 0), 0);
  const pushBytes = s.pushJson.reduce((n, x) => n + (x?.bytes ?? 0), 0);
  const pullBytes = s.pulls.reduce((n, r) => n + r.received, 0);
  const pulledRows = CHANGES; // checked by the caller against B's store
  return {
    aToB: s.sa.pushMs + s.sb.pullMs,
    pushMs: s.sa.pushMs,
    pullMs: s.sb.pullMs,
    pushNet,
    pullNet,
    serverMs: s.pushes.reduce((n, r) => n + (Number.isFinite(r.serverMs) ? r.serverMs : 0), 0),
    pushPhonePer1k: (s.sa.pushMs - pushNet) / (CHANGES / 1000),
    pullPhonePer1k: (s.sb.pullMs - pullNet) / (CHANGES / 1000),
    pushBytesPerChange: pushBytes / sentChanges,
    pullBytesPerChange: pullBytes / pulledRows,
    sentChanges,
    pushRequests: s.pushes.length,
    pullRequests: s.pulls.length,
    heapPeakMB: s.heapPeak / 1e6,
    heapBeforeMB: s.heapBefore / 1e6,
  };
}

/**
 * Runs B6 with two browsers: `runs` unthrottled syncs, one on Slow 4G, one cut at 50 %.
 * Returns bench lines ({ name, value, unit, budget, floor?, … }).
 */
export async function runB6Browsers({ runs = 3, distDir, log = console.log, slow4g = true, cutRun = true } = {}) {
  const server = await startServer({ distDir });
  const base = server.url;
  const lines = [];
  const { token } = await api(base, '/setup', { username: 'admin-phuong-7', password: 'mat-khau-cap-tren' });
  const unit = await api(base, '/units', { name: 'Chi đoàn Công ty May da xuất khẩu 30/4', parentUnit: 'Đoàn phường 7' }, token);
  const invite = async (role) => (await api(base, `/units/${unit.id}/invites`, { role }, token)).code;
  const a = await phone(base, await invite('secretary'), 'A');
  const b = await phone(base, await invite('deputy'), 'B');
  const total = runs + (slow4g ? 1 : 0) + (cutRun ? 1 : 0);
  const all = generateMembers({ count: CHANGES * total });
  let batch = 0;
  const nextMembers = () => all.slice(CHANGES * batch, CHANGES * ++batch);
  const bInfo = await b.page.evaluate(memberDigest);
  const floorOrigin = base.replace('127.0.0.1', 'localhost');

  const check = async (s) => {
    const [da, db] = [await a.page.evaluate(memberDigest), await b.page.evaluate(memberDigest)];
    if (db.count !== da.count) throw new Error(`B has ${db.count} members, A ${da.count}`);
    if (da.outbox) throw new Error(`A still has ${da.outbox} changes waiting`);
    return { same: da.digest === db.digest, count: db.count };
  };

  try {
    // Unthrottled: `runs` syncs, each of 10,000 new members; floors measured after each.
    const measured = [];
    let lastRun;
    for (let i = 0; i < runs; i++) {
      await waitForQuietCpu(log);
      const s = await oneSync(a, b, nextMembers());
      const end = await check(s);
      if (!end.same) throw new Error('A and B hold different members after the sync');
      const floor = await pullFloorFrom(b.context, floorOrigin, bInfo, firstCursor(s));
      measured.push({ ...figures(s), floor });
      lastRun = s;
      log(`B6 browsers run ${i + 1}: A→B ${round(measured.at(-1).aToB)} ms (push ${round(s.sa.pushMs)}, pull ${round(s.sb.pullMs)}), floor ${round(measured.at(-1).pushNet + floor.ms)} ms`);
    }
    const m = (k) => median(measured.map((x) => (typeof k === 'function' ? k(x) : x[k])));
    const p95 = (k) => percentile(measured.map((x) => x[k]), 95);
    const floorAB = m((x) => x.pushNet + x.floor.ms);
    lines.push(
      { name: `B6 A→B, 10,000 member changes, two browsers, unthrottled (median)`, value: round(m('aToB')), unit: 'ms', budget: B6_BUDGETS.unthrottledMs, floor: round(floorAB), floorNote: 'push requests alone + bare-page pull into raw IDB', p95: round(p95('aToB')), runs },
      { name: `B6 A's push of 10,000 (median)`, value: round(m('pushMs')), unit: 'ms', budget: null, floor: round(m('pushNet')), floorNote: "the push requests' own time", note: `server transactions ${round(m('serverMs'))} ms` },
      { name: `B6 B's pull and apply of 10,000 (median)`, value: round(m('pullMs')), unit: 'ms', budget: null, floor: round(m((x) => x.floor.ms)), floorNote: 'bare page: same pages, raw IDB put, one transaction each' },
      { name: `B6 phone time per 1,000 changes, push (A, median)`, value: round(m('pushPhonePer1k')), unit: 'ms', budget: null, floor: 0, note: 'push phase minus its requests' },
      { name: `B6 phone time per 1,000 changes, pull + apply (B, median)`, value: round(m('pullPhonePer1k')), unit: 'ms', budget: null, floor: round(m((x) => (x.floor.ms - x.floor.netMs) / 10)), floorNote: 'bare page: parse + raw put per 1,000' },
      { name: `B6 push bytes per change, gzip, real members (A's network log)`, value: round(m('pushBytesPerChange')), unit: 'B', budget: B6_BUDGETS.bytesPerChange, note: `forms sent: ${[...new Set(lastRun.pushJson.filter(Boolean).map((x) => x.form))].join(', ')}` },
      { name: `B7 B's peak JS heap during B6 apply (median)`, value: round(m('heapPeakMB')), unit: 'MB', budget: B6_BUDGETS.heapMB, note: `${round(m('heapBeforeMB'))} MB before the sync` },
    );
    // Bytes: B's pull answers on the wire, beside the same records re-encoded compactly.
    const bf = await bytesFloor(base, bInfo.unitId, bInfo.token, 0);
    lines.push({
      name: `B6 pull bytes per change, gzip, real members (B's network log)`,
      value: round(m('pullBytesPerChange')),
      unit: 'B',
      budget: B6_BUDGETS.bytesPerChange,
      floor: round(bf.compact),
      floorNote: 'the same records, columnar JSON, versions only where they differ, gzip -9',
      note: `as sent, at gzip -9: ${round(bf.asSentL9)} B; rows as today but versions only where they differ from the row's: ${round(bf.sameShape)} B`,
    });
    // Push: the bodies A sent, re-encoded.
    const last = lastRun.pushJson.filter(Boolean);
    const n = last.reduce((k, x) => k + x.json.mutations.length, 0);
    const gz = (f) => last.reduce((k, x) => k + gzipSync(f(x.json), { level: 9 }).length, 0) / n;
    lines.push({
      name: 'B6 push bytes per change, floor of the format (gzip -9)',
      value: round(gz((j) => JSON.stringify(j))),
      unit: 'B',
      budget: null,
      floor: round(gz((j) => compactPush(j, { withMid: false }))),
      floorNote: 'columnar, base only where not 0, seq and HLC as differences, no mid (idempotency on deviceId + seq)',
      note: `columnar with the mid: ${round(gz((j) => compactPush(j)))} B`,
    });

    if (slow4g) {
      await waitForQuietCpu(log);
      let s;
      try {
        s = await oneSync(a, b, nextMembers(), { conditions: SLOW_4G });
      } finally {
        for (const p of [a, b]) await setNetwork(p);
      }
      const end = await check(s);
      if (!end.same) throw new Error('A and B hold different members after the Slow 4G sync');
      const f = figures(s);
      const floor = await pullFloorFrom(b.context, floorOrigin, bInfo, firstCursor(s), async (page) => {
        const c = await b.context.newCDPSession(page);
        await c.send('Network.enable');
        await c.send('Network.emulateNetworkConditions', SLOW_4G);
      });
      lines.push({ name: 'B6 A→B, 10,000 member changes, two browsers, Slow 4G', value: round(f.aToB), unit: 'ms', budget: B6_BUDGETS.slow4gMs, floor: round(f.pushNet + floor.ms), floorNote: 'push requests alone + bare-page pull, both throttled', note: `push ${round(f.pushMs)} ms (its ${f.pushRequests} requests ${round(f.pushNet)} ms), pull ${round(f.pullMs)} ms (its ${f.pullRequests} requests ${round(f.pullNet)} ms, bare page ${round(floor.ms)} ms)` });
    }

    if (cutRun) {
      await waitForQuietCpu(log);
      // Half-way through B's pages as the last unthrottled run read them (pages are filled by
      // bytes, src/protocol/pull-pages.ts, so their count is not 10,000 / 1,000).
      const pages = measured.at(-1)?.pullRequests ?? 10;
      const pullAt = Math.floor(pages / 2) + 1;
      const s = await oneSync(a, b, nextMembers(), { cut: { pushAt: 6, pullAt } });
      if (!s.cutA || !s.cutB) throw new Error('the connection was not cut');
      const end = await check(s);
      const f = figures(s);
      const resentBatches = (f.sentChanges - CHANGES) / 1000;
      // a page read again is a pull asked from a cursor already asked from in this sync (the
      // page count itself moves a little from run to run: pages are filled by bytes)
      const cursors = s.pulls.map((r) => requestJson(r)?.json.cursor);
      const reread = cursors.length - new Set(cursors).size;
      lines.push(
        { name: 'B6 cut at 50 % (A\'s 6th push answer lost): batches sent again', value: round(resentBatches, 2), unit: 'batches', budget: B6_BUDGETS.resentBatches, note: `${f.sentChanges} changes in ${f.pushRequests} requests` },
        { name: 'B6 cut at 50 % (B\'s middle pull answer lost): pages read again', value: reread, unit: 'pages', budget: B6_BUDGETS.resentBatches, note: `answer ${pullAt} of ${pages} lost; ${f.pullRequests} pull requests` },
        { name: 'B6 cut at 50 %: A and B end identical (members, fields, versions)', value: end.same ? 1 : 0, unit: 'yes', budget: 1, atLeast: true, note: `${end.count} members each` },
      );
    }
  } finally {
    await a.close();
    await b.close();
    await server.stop();
  }
  return lines;
}

/** The bare-page floor: the pages B just read (from its first pull's cursor), each put into IndexedDB in one raw transaction. */
async function pullFloorFrom(context, origin, info, cursor, cdpSetup) {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/api/v1/health`);
    if (cdpSetup) await cdpSetup(page);
    return await page.evaluate(
      async ({ unitId, token, from, headers }) => {
        const req = (r) => new Promise((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
        const open = indexedDB.open(`floor-${Date.now()}`, 1);
        open.onupgradeneeded = () => open.result.createObjectStore('rows', { keyPath: 'id' });
        const db = await req(open);
        const t0 = performance.now();
        let rows = 0;
        let netMs = 0;
        // The same pages the app asks for (byte-filled, sparse versions), the next one read
        // while this one is put: the app's own way, without the app.
        const ask = async (cursor) => {
          const tn = performance.now();
          const res = await fetch(`/api/v1/units/${unitId}/pull`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
            body: JSON.stringify({ cursor, limit: 1000 }),
          });
          const text = await res.text();
          netMs += performance.now() - tn;
          const page = JSON.parse(text);
          if (!page.cols) return page;
          // the field-columns form (src/protocol/pull-columns.ts), read back into rows without the app
          const { names, shapes, rows, values } = page.cols;
          const taken = shapes.map(() => 0);
          let version = 0;
          page.rows = rows.map(([table, id, s, dv, deleted = 0, versions = {}], i) => {
            const at = taken[s]++;
            const fields = {};
            shapes[s].forEach((k, j) => (fields[names[k]] = values[s][j][at]));
            version = i ? version + dv : dv;
            return { table, id, fields, versions, deleted: deleted === 1, version };
          });
          return page;
        };
        let next = ask(from);
        for (;;) {
          const page = await next;
          if (page.hasMore) next = ask(page.cursor);
          const tx = db.transaction('rows', 'readwrite');
          const store = tx.objectStore('rows');
          for (const r of page.rows) store.put({ ...r.fields, id: r.id, rev: r.versions, deleted: r.deleted });
          await new Promise((res, rej) => ((tx.oncomplete = res), (tx.onerror = () => rej(tx.error))));
          rows += page.rows.length;
          if (!page.hasMore) break;
        }
        const ms = performance.now() - t0;
        db.close();
        indexedDB.deleteDatabase(db.name);
        return { ms, rows, netMs };
      },
      { unitId: info.unitId, token: info.token, from: cursor, headers: PULL_HEADERS },
    );
  } finally {
    await page.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { ensureDist, cleanupAll, ROOT } = await import('./helpers.mjs');
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
  const dist = ensureDist(args.includes('--dist') ? args[args.indexOf('--dist') + 1] : join(ROOT, 'dist'));
  try {
    const lines = await runB6Browsers({ runs, distDir: dist, slow4g: !args.includes('--no-slow'), cutRun: !args.includes('--no-cut') });
    for (const l of lines) console.log(JSON.stringify(l));
  } finally {
    await cleanupAll();
  }
}

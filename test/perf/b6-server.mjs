#!/usr/bin/env node
// B6 (server part) of PERFORMANCE.md: ingest of 10,000 changes (10 pushes of 1,000) into the
// real server — a child process on loopback with a real SQLite file (WAL, synchronous=FULL),
// and the same on Postgres (a throwaway cluster, test/pg/cluster.ts, with its durability on:
// fsync and synchronous_commit as a production server has them) — and bytes per change on the
// wire, gzip.
//
//   node test/perf/b6-server.mjs [--out FILE] [--runs N] [--stores sqlite,postgres]
//
// Workload (what a secretary's phone sends after a day offline): 5,000 single-field edits of
// members the unit already has (phone numbers) and 5,000 attendance ticks (new rows, id
// eventId:memberId), mixed, shaped exactly as src/data/outbox.ts makes them (changed fields
// only, a base per field, createdAt on a new row, UUIDv7 mids, HLC stamps). 5,000 members are
// seeded first (not timed), and a second device B pulls them first, so its later pull of the
// 10,000 changed rows is the A → server → B delivery of exactly those changes.
//
// Figures:
//   ingest       10,000 / the summed time of the 10 sequential push requests, from sending the
//                (pre-encoded) body to the last byte of the answer: HTTP + gunzip + JSON +
//                validation + merge + one fsync'd transaction per batch + the answer; median of runs
//   transaction  (info) the same, counting only the time inside the store's transaction
//                (the Server-Timing header of each push answer)
//   push bytes   request bodies gzip-compressed as the client sends them (Content-Encoding: gzip)
//   answer bytes the push answers as they cross the wire (the server gzips them)
//   pull bytes   B's pull answers (limit 1,000) as they cross the wire
//   p95 push     (info) the 95th percentile of the 10 push requests' times (with 10, the slowest
//                but one … in practice the slowest)
//   RSS (B7)     the built server's peak resident memory (VmHWM) after B6, and after 20 phones
//                sync at once (each pushes 500 edits and pulls the whole unit); floor: the same
//                server idle
// Budgets: ingest ≥ 20,000 changes/s; push and pull ≤ 60 bytes per change each; RSS ≤ 150 MB.
// The server is dist-server/index.mjs run as `npm start` runs it: node with the flags of
// scripts/server-flags.mjs (the bench stops if package.json's start script lacks them).
// Env: B6_CPU_PROFILE=DIR (a CPU profile of each server), B6_SERVER_NODE_OPTIONS (NODE_OPTIONS for
// the server only), B6_SERVER_FLAGS (node flags instead of the production ones; "" = none),
// B6_CROWD=push|pull (only that half of the 20-phone load: which one holds memory).
// B6_PULL_AS_APP=1: every pull asks as the app does (byte-filled 2 MiB pages, sparse versions,
// the field-columns form) instead of 1,000 rows a page; pages then come as `cols`.
// B6_PULL_AS_APP=rows: the same without the field-columns form.
// Prints one line per check; exits 1 when one fails. `measureB6Server()` is exported for bench.mjs.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os, { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { tsImport } from 'tsx/esm/api';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const BUDGETS = JSON.parse(readFileSync(join(ROOT, 'test/perf/budgets.json'), 'utf8'));
export const B6_SERVER_BUDGETS = { ingestChangesPerSecond: 20_000, bytesPerChange: BUDGETS.B6.bytesPerChange, rssMb: BUDGETS.B7.serverRssMB };
const CHANGES = 10_000;
const BATCH = 1_000;

function uuidv7(now = Date.now()) {
  const b = randomBytes(16);
  let t = now;
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The bytes a client sends: JSON, gzip-compressed when asked (as the app does for pushes). */
function encode(body, gzip) {
  const json = Buffer.from(JSON.stringify(body));
  return gzip ? gzipSync(json) : json;
}

/**
 * POST JSON (or a body already encoded with encode()); resolves when the whole answer has
 * arrived, with the answer's wire bytes and `ms` from sending to the last answer byte (the
 * answer is decoded and parsed after that).
 */
// The app's own reading of a page in the field-columns form (src/protocol/pull-columns.ts), through tsx.
const { fromPullColumns } = await tsImport('../../src/protocol/pull-columns.ts', import.meta.url);

/** The app's pull headers (src/sync/transport.ts), when B6_PULL_AS_APP=1. */
const PULL_AS_APP = process.env.B6_PULL_AS_APP
  ? { 'X-Scd-Versions': 'sparse', 'X-Scd-Page-Bytes': String(2 * 1024 * 1024), ...(process.env.B6_PULL_AS_APP === 'rows' ? {} : { 'X-Scd-Pull-Form': 'field-columns' }) }
  : {};

function post(base, path, body, { token, gzip = false, agent = keepAlive, extra = {} } = {}) {
  const payload = Buffer.isBuffer(body) ? body : encode(body, gzip);
  const headers = { 'Content-Type': 'application/json', 'Accept-Encoding': 'gzip', 'Content-Length': payload.length, ...extra };
  if (gzip) headers['Content-Encoding'] = 'gzip';
  if (token) headers.Authorization = `Bearer ${token}`;
  return new Promise((resolvePost, reject) => {
    const t0 = performance.now();
    const req = request(`${base}/api/v1${path}`, { method: 'POST', headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const ms = performance.now() - t0;
        const wire = Buffer.concat(chunks);
        const text = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(wire) : wire).toString('utf8');
        const parsed = text ? JSON.parse(text) : undefined;
        if (res.statusCode >= 300) return reject(new Error(`${path}: HTTP ${res.statusCode} ${text.slice(0, 300)}`));
        const timing = (name) => Number(new RegExp(`${name};dur=([\\d.]+)`).exec(res.headers['server-timing'] ?? '')?.[1] ?? NaN);
        resolvePost({ body: parsed, requestBytes: payload.length, answerBytes: wire.length, ms, storeMs: timing('store'), cpuMs: timing('cpu') });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });
}
let keepAlive;

/**
 * The built server started as `npm start` and a production install start it (README): plain
 * node with SERVER_NODE_FLAGS on dist-server/index.mjs, rebuilt first when its sources are
 * newer (as scripts/start.mjs does). B6_SERVER_FLAGS replaces those flags for an experiment
 * ("" = none, to measure without them).
 */
async function serverCommand() {
  const { SERVER_NODE_FLAGS } = await import(pathToFileURL(join(ROOT, 'scripts/server-flags.mjs')).href);
  const start = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.start;
  if (start !== `node ${[...SERVER_NODE_FLAGS, 'scripts/start.mjs'].join(' ')}`) {
    throw new Error(`package.json "start" (${start}) does not start the server with SERVER_NODE_FLAGS: the figure would not be what npm start runs`);
  }
  const { staleServerReason } = await import(pathToFileURL(join(ROOT, 'scripts/start.mjs')).href);
  const { buildServer, SERVER_OUTFILE } = await import(pathToFileURL(join(ROOT, 'scripts/build-server.mjs')).href);
  if (staleServerReason(ROOT)) await buildServer({ root: ROOT });
  const flags = process.env.B6_SERVER_FLAGS === undefined ? SERVER_NODE_FLAGS : process.env.B6_SERVER_FLAGS.split(/\s+/).filter(Boolean);
  serverStarted = `node ${[...flags, SERVER_OUTFILE].join(' ')}`;
  return [...flags, join(ROOT, SERVER_OUTFILE)];
}
let serverStarted = '';

/** Resident set size of a process, current and peak (VmHWM), in MB. */
function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** CPU time (user + system) a process has used, in ms: /proc/PID/stat utime + stime, in Linux's 100 Hz ticks. */
function cpuMsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function startChildServer(databaseUrl) {
  const { Agent } = await import('node:http');
  keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
  const root = mkdtempSync(join(tmpdir(), 'scd-b6-'));
  const dataDir = join(root, 'data');
  const distDir = join(root, 'dist');
  mkdirSync(distDir, { recursive: true });
  writeFileSync(join(distDir, 'index.html'), '<!doctype html><title>b6</title>');
  // B6_CPU_PROFILE=DIR: a V8 CPU profile of each server process, for finding where a push goes
  const prof = process.env.B6_CPU_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', resolve(process.env.B6_CPU_PROFILE)] : [];
  const child = spawn(process.execPath, [...prof, ...(await serverCommand())], {
    cwd: ROOT,
    env: { ...process.env, ...(process.env.B6_SERVER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.B6_SERVER_NODE_OPTIONS } : {}), NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise((res, rej) => {
    const onData = (d) => {
      output += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (m) res(m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', () => rej(new Error(`server exited:\n${output}`)));
  });
  serverRss = () => rssOf(child.pid).peak;
  serverCpuMs = () => cpuMsOf(child.pid);
  return {
    url,
    rss: () => rssOf(child.pid),
    stop: async () => {
      keepAlive.destroy();
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
      rmSync(root, { recursive: true, force: true });
    },
  };
}

class Phone {
  constructor(base, unitId, deviceId, token, agent = keepAlive) {
    Object.assign(this, { base, unitId, deviceId, token, agent, seq: 0, cursor: 0, hlcMs: 0, hlcCounter: 0 });
  }
  hlc() {
    const now = Date.now();
    if (now > this.hlcMs) [this.hlcMs, this.hlcCounter] = [now, 0];
    else this.hlcCounter++;
    return `${String(this.hlcMs).padStart(13, '0')}:${String(this.hlcCounter).padStart(4, '0')}:${this.deviceId}`;
  }
  mutation(table, rowId, fields, base) {
    return { mid: uuidv7(), seq: ++this.seq, table, rowId, op: 'upsert', fields, base, hlc: this.hlc() };
  }
  body(mutations) {
    return { protocol: 1, schemaVersion: 2, deviceId: this.deviceId, mutations };
  }
  push(mutations) {
    return post(this.base, `/units/${this.unitId}/push`, this.body(mutations), { token: this.token, gzip: true, agent: this.agent });
  }
  /** A push whose body was encoded beforehand (the phone's own JSON and gzip work is not the server's). */
  pushEncoded(payload) {
    return post(this.base, `/units/${this.unitId}/push`, payload, { token: this.token, gzip: true });
  }
  async pullAll() {
    const pages = [];
    for (;;) {
      const page = await post(this.base, `/units/${this.unitId}/pull`, { cursor: this.cursor, limit: BATCH }, { token: this.token, agent: this.agent, extra: PULL_AS_APP });
      if (page.body.cols) page.body.rows = fromPullColumns(page.body.cols);
      pages.push(page);
      this.cursor = page.body.cursor;
      if (!page.body.hasMore) return pages;
    }
  }
}

async function oneRun(databaseUrl) {
  const server = await startChildServer(databaseUrl);
  try {
    const base = server.url;
    const idleRss = server.rss().rss;
    const { token: admin } = (await post(base, '/setup', { username: 'admin', password: 'b6-benchmark' })).body;
    const unitId = (await post(base, '/units', { name: 'Chi đoàn B6' }, { token: admin })).body.id;
    const join = async (role) => {
      const { code } = (await post(base, `/units/${unitId}/invites`, { role }, { token: admin })).body;
      const deviceId = uuidv7();
      const { deviceToken } = (await post(base, '/join', { code, deviceName: `B6 ${role}`, deviceId })).body;
      return new Phone(base, unitId, deviceId, deviceToken);
    };
    const a = await join('secretary');
    const b = await join('deputy');

    // Seed 5,000 members (untimed), then both phones know them and their field versions.
    const members = Array.from({ length: 5_000 }, (_, i) => ({ id: uuidv7(), phone: `09${String(10_000_000 + i)}` }));
    const createdAt = new Date().toISOString();
    for (let i = 0; i < members.length; i += BATCH) {
      const batch = members.slice(i, i + BATCH).map((m, j) =>
        a.mutation('members', m.id, { fullName: `Đoàn viên ${i + j}`, phone: m.phone, position: 'member', duesCategory: 'unsalaried', partyStatus: 'none', status: 'active', createdAt }, {}),
      );
      await a.push(batch);
    }
    const seeded = await a.pullAll();
    const phoneVersion = new Map(seeded.flatMap((p) => p.body.rows.map((r) => [r.id, r.versions.phone])));
    await b.pullAll();

    // 10,000 changes made offline: 5,000 phone edits and 5,000 roll ticks (10 meetings × 500), interleaved.
    const meetings = Array.from({ length: 10 }, () => uuidv7());
    const changes = [];
    for (let i = 0; i < CHANGES / 2; i++) {
      const m = members[i];
      changes.push(a.mutation('members', m.id, { phone: `08${String(20_000_000 + i)}` }, { phone: phoneVersion.get(m.id) }));
      const meetingId = meetings[i % meetings.length];
      const memberId = members[(i * 7) % members.length].id;
      const now = new Date().toISOString();
      const status = i % 5 === 0 ? 'late' : 'present';
      changes.push(a.mutation('attendance', `${meetingId}:${memberId}`, { eventId: meetingId, memberId, status, checkedAt: now, createdAt: now }, { eventId: 0, memberId: 0, status: 0, checkedAt: 0 }));
    }

    let pushMs = 0;
    let storeMs = 0;
    let cpuMs = 0;
    let requestBytes = 0;
    let answerBytes = 0;
    const batchMs = [];
    const payloads = [];
    for (let i = 0; i < CHANGES; i += BATCH) payloads.push(encode(a.body(changes.slice(i, i + BATCH)), true));
    const cpuBefore = serverCpuMs();
    for (const [n, payload] of payloads.entries()) {
      const res = await a.pushEncoded(payload);
      const i = n * BATCH;
      const ms = res.ms;
      pushMs += ms;
      storeMs += res.storeMs;
      cpuMs += res.cpuMs;
      batchMs.push(ms);
      requestBytes += res.requestBytes;
      answerBytes += res.answerBytes;
      const notApplied = res.body.results.filter((r) => r.status !== 'applied');
      if (notApplied.length) throw new Error(`batch ${i / BATCH}: ${notApplied.length} not applied, e.g. ${JSON.stringify(notApplied[0])}`);
    }
    const cpuPerPush = (serverCpuMs() - cpuBefore) / payloads.length;
    const pages = await b.pullAll();
    const pulledRows = pages.reduce((n, p) => n + p.body.rows.length, 0);
    if (pulledRows !== CHANGES) throw new Error(`B pulled ${pulledRows} rows, expected ${CHANGES}`);
    const pullBytes = pages.reduce((n, p) => n + p.answerBytes, 0);
    const peakRss = server.rss().peak;
    const crowdRss = await twentyPhones(base, admin, unitId, members);
    return {
      idleRss,
      peakRss,
      crowdRss,
      ingest: CHANGES / (pushMs / 1000),
      cpuPerPush,
      storeIngest: CHANGES / (storeMs / 1000),
      cpuIngest: CHANGES / (cpuMs / 1000),
      batchMs: batchMs.sort((x, y) => x - y)[Math.floor(batchMs.length / 2)],
      p95Ms: batchMs[Math.min(batchMs.length - 1, Math.ceil(batchMs.length * 0.95) - 1)],
      pushBytes: requestBytes / CHANGES,
      answerBytes: answerBytes / CHANGES,
      pullBytes: pullBytes / CHANGES,
    };
  } finally {
    await server.stop();
  }
}

/**
 * 20 phones of the unit at once, each on its own connection: each pushes 500 member edits (one
 * request) and pulls the whole unit (15,000+ rows in pages of 1,000) — the load of a district
 * meeting where every phone syncs together. Returns the server's peak RSS after it (MB).
 */
async function twentyPhones(base, admin, unitId, members) {
  const { Agent } = await import('node:http');
  const phones = [];
  for (let i = 0; i < 20; i++) {
    const { code } = (await post(base, `/units/${unitId}/invites`, { role: 'secretary' }, { token: admin })).body;
    const deviceId = uuidv7();
    const { deviceToken } = (await post(base, '/join', { code, deviceName: `B7 phone ${i}`, deviceId })).body;
    phones.push(new Phone(base, unitId, deviceId, deviceToken, new Agent({ keepAlive: true, maxSockets: 1 })));
  }
  await Promise.all(
    phones.map(async (p, i) => {
      const edits = members.slice(i * 250, i * 250 + 500).map((m, j) => p.mutation('members', m.id, { notes: `Ghi chú ${i}-${j}` }, {}));
      const res = process.env.B6_CROWD === 'pull' ? { body: { results: [] } } : await p.push(edits);
      if (res.body.results.some((r) => r.status === 'rejected')) throw new Error(`phone ${i}: a change was rejected: ${JSON.stringify(res.body.results.find((r) => r.status === 'rejected'))}`);
      if (process.env.B6_CROWD !== 'push') await p.pullAll();
      p.agent.destroy();
    }),
  );
  return serverRss();
}
let serverRss = () => NaN;
let serverCpuMs = () => NaN;

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** A Postgres cluster for the runs on Postgres (test/pg/cluster.ts, loaded through tsx). */
async function startPostgres() {
  const { register } = await import('tsx/esm/api');
  const unregister = register();
  const { startPgCluster } = await import('../pg/cluster.ts');
  unregister();
  // durable like a production server: the tests' cluster turns fsync off, the bench must not
  return startPgCluster({ durable: true });
}

const STORE_LABEL = { sqlite: 'SQLite', postgres: 'Postgres' };

/**
 * Runs B6 (server part) `runs` times on each store; returns checks as {name, value, unit,
 * budget, pass, note}, SQLite's and Postgres's side by side.
 */
export async function measureB6Server({ runs = 3, stores = ['sqlite', 'postgres'] } = {}) {
  const checks = [];
  for (const store of stores) {
    const cluster = store === 'postgres' ? await startPostgres() : null;
    try {
      const all = [];
      for (let i = 0; i < runs; i++) all.push(await oneRun(cluster ? await cluster.createDatabase() : undefined));
      checks.push(...toChecks(all, runs, STORE_LABEL[store]));
    } finally {
      await cluster?.stop();
    }
  }
  return checks;
}

function toChecks(all, runs, label) {
  const m = (k) => median(all.map((r) => r[k]));
  const { ingestChangesPerSecond: minIngest, bytesPerChange, rssMb } = B6_SERVER_BUDGETS;
  return [
    { name: `B6 server ingest (${label})`, value: Math.round(m('ingest')), unit: 'changes/s', budget: minIngest, atLeast: true, pass: m('ingest') >= minIngest, note: `median of ${runs} runs, 10 batches of 1,000, median batch ${round(m('batchMs'))} ms` },
    { name: `B6 server p95 push (${label})`, value: round(m('p95Ms')), unit: 'ms', budget: null, pass: null, note: 'a push of 1,000 changes, request to answer; median over runs of the p95 of 10' },
    { name: `B6 server CPU per push (${label})`, value: round(m('cpuPerPush')), unit: 'ms', budget: null, pass: null, note: 'CPU time of the whole server process over the 10 timed pushes / 10 (steadier than wall time on a shared box)' },
    { name: `B6 server transaction rate (${label})`, value: Math.round(m('storeIngest')), unit: 'changes/s', budget: null, pass: null, note: 'inside the push transactions only (Server-Timing), without HTTP, gzip and JSON' },
    { name: `B6 server transaction CPU rate (${label})`, value: Math.round(m('cpuIngest')), unit: 'changes/s', budget: null, pass: null, note: `per CPU-second of the server process inside the transactions; load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores` },
    { name: `B6 push bytes per change, gzip (${label})`, value: round(m('pushBytes')), unit: 'B', budget: bytesPerChange, pass: m('pushBytes') <= bytesPerChange, note: 'request bodies, Content-Encoding: gzip' },
    { name: `B6 pull bytes per change, gzip (${label})`, value: round(m('pullBytes')), unit: 'B', budget: bytesPerChange, pass: m('pullBytes') <= bytesPerChange, note: "B's pull answers, limit 1,000" },
    { name: `B7 server RSS peak under B6 (${label})`, value: round(m('peakRss')), unit: 'MB', budget: rssMb, pass: m('peakRss') <= rssMb, floor: round(m('idleRss')), floorNote: 'the same server idle, just started', note: `VmHWM of the server process (${serverStarted}), seeding 5,000 members, 10 pushes of 1,000, two full pulls` },
    { name: `B7 server RSS peak with 20 phones syncing at once (${label})`, value: round(m('crowdRss')), unit: 'MB', budget: rssMb, pass: m('crowdRss') <= rssMb, floor: round(m('idleRss')), floorNote: 'idle', note: 'after B6: 20 phones each push 500 edits and pull the whole unit, concurrently' },
    { name: `B6 push answer bytes per change, gzip (${label})`, value: round(m('answerBytes')), unit: 'B', budget: null, pass: null, note: 'results echo each mid' },
  ];
}

export function printCheck(c) {
  if (c.pass === null) return console.log(`info B6 ${c.name.replace(/^B6 /, '')} ${c.value} ${c.unit} (${c.note})`);
  const cmp = c.atLeast ? '≥' : '≤';
  const floor = c.floor !== undefined ? `; floor ${c.floor} ${c.unit} (${c.floorNote})` : '';
  console.log(`${c.pass ? 'PASS' : 'FAIL'} ${c.name} ${c.value} ${c.unit} (budget ${cmp} ${c.budget}${floor}; ${c.note})`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const runs = Number(args[args.indexOf('--runs') + 1]) || 3;
  const out = args.includes('--out') ? resolve(args[args.indexOf('--out') + 1]) : null;
  const stores = args.includes('--stores') ? args[args.indexOf('--stores') + 1].split(',') : undefined;
  const checks = await measureB6Server({ runs, stores });
  checks.forEach(printCheck);
  if (out) writeFileSync(out, JSON.stringify(checks, null, 2) + '\n');
  const failed = checks.filter((c) => c.pass === false).length;
  console.log(`${checks.filter((c) => c.pass !== null).length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

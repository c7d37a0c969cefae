#!/usr/bin/env node
// How fast the server answers after it is started, and how much memory it holds (issue 12
// item 10): each run starts a fresh process on a temp DATA_DIR, times the spawn to the first
// 200 from /api/v1/health (polled every 5 ms), reads its RSS (/proc/<pid>/status) once
// started and again after a small load (first admin, a unit, a phone joining, 1,000 members
// pushed in 5 batches and pulled back, 200 /health calls), then stops it. Prints the median
// of each figure per way of starting, and the runs.
//
//   node test/perf/start-time.mjs [--runs 5] [--modes tsx,bundle,start]
//
//   tsx     node --import tsx server/src/index.ts   (the sources through tsx, as npm start did)
//   bundle  node dist-server/index.mjs             (the built server; npm run build first)
//   start   node scripts/start.mjs                  (npm start itself; dist/ must be up to date)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, median, ROOT } from './helpers.mjs';
import { SERVER_NODE_FLAGS } from '../../scripts/server-flags.mjs';

// Each started as production starts it: with the server's V8 flags (scripts/server-flags.mjs).
const MODES = {
  tsx: [...SERVER_NODE_FLAGS, '--import', 'tsx', 'server/src/index.ts'],
  bundle: [...SERVER_NODE_FLAGS, 'dist-server/index.mjs'],
  start: [...SERVER_NODE_FLAGS, 'scripts/start.mjs'],
};

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const runs = Number(option('runs', '5'));
const modes = option('modes', 'tsx,bundle').split(',');

/** Resident memory of a process, in MB. */
function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

async function api(url, method, pathname, body, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${url}/api/v1${pathname}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const answer = await res.json();
  if (!res.ok) throw new Error(`${method} ${pathname}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
}

async function smallLoad(url) {
  const { token } = await api(url, 'POST', '/setup', { username: 'admin', password: 'mật khẩu an toàn' });
  const { id: unitId } = await api(url, 'POST', '/units', { name: 'Chi đoàn 12A1', parentUnit: 'Đoàn trường' }, token);
  const { code } = await api(url, 'POST', `/units/${unitId}/invites`, { role: 'secretary' }, token);
  const deviceId = 'device-start-time-1';
  const { deviceToken } = await api(url, 'POST', '/join', { code, deviceName: 'Điện thoại', deviceId });
  let seq = 0;
  for (let batch = 0; batch < 5; batch++) {
    const mutations = Array.from({ length: 200 }, () => {
      seq++;
      const id = `member-${String(seq).padStart(6, '0')}`;
      const fields = { fullName: `Nguyễn Văn ${seq}`, position: 'member', duesCategory: 'unsalaried', partyStatus: 'none', status: 'active', createdAt: new Date().toISOString() };
      return { mid: `mid-${id}`, seq, table: 'members', rowId: id, op: 'upsert', fields, base: {}, hlc: `${String(Date.now()).padStart(13, '0')}:${String(seq).padStart(4, '0')}:${deviceId}` };
    });
    await api(url, 'POST', `/units/${unitId}/push`, { protocol: 1, schemaVersion: 2, deviceId, mutations }, deviceToken);
  }
  for (let cursor = 0, hasMore = true; hasMore; ) {
    const page = await api(url, 'POST', `/units/${unitId}/pull`, { cursor, limit: 300 }, deviceToken);
    ({ cursor, hasMore } = page);
  }
  for (let i = 0; i < 20; i++) await Promise.all(Array.from({ length: 10 }, () => fetch(`${url}/api/v1/health`).then((r) => r.arrayBuffer())));
}

async function once(mode) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'scd-start-time-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, MODES[mode], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    let firstAnswerMs;
    while (firstAnswerMs === undefined) {
      if (child.exitCode !== null) throw new Error(`${mode}: the server exited with ${child.exitCode}`);
      try {
        const res = await fetch(`${url}/api/v1/health`);
        if (res.status === 200) firstAnswerMs = performance.now() - started;
        await res.arrayBuffer();
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
    const startedRss = rssMb(child.pid);
    await smallLoad(url);
    return { firstAnswerMs, startedRss, loadedRss: rssMb(child.pid) };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const fixed = (n, digits = 0) => n.toFixed(digits);
for (const mode of modes) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await once(mode));
  const pick = (key) => results.map((r) => r[key]);
  console.log(
    `${mode.padEnd(6)} first /health answer ${fixed(median(pick('firstAnswerMs')))} ms, RSS started ${fixed(median(pick('startedRss')))} MB, after load ${fixed(median(pick('loadedRss')))} MB` +
      `  (median of ${runs}; answers ${pick('firstAnswerMs').map((v) => fixed(v)).join('/')} ms)`,
  );
}

// Benchmark helpers (plain Node ESM, no TypeScript loader): build, the real server as a child
// process, Chromium with CPU throttling, statistics. The browser tests have their own
// TypeScript harness (test/e2e/harness.ts) with the same rules.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];
export const VIEWPORT = { width: 360, height: 740 };

const cleanups = [];
const children = new Set();
process.once('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

export async function cleanupAll() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (e) {
      console.warn('cleanup:', e?.message ?? e);
    }
  }
}

export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), `scd-bench-${prefix}-`));
  if (!process.env.BENCH_KEEP_TMP) cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** dist/ must hold a build; built when missing (or always with BENCH_BUILD=1). */
export function ensureDist(distDir) {
  if (process.env.BENCH_BUILD === '1' || !existsSync(join(distDir, 'index.html')) || !existsSync(join(distDir, 'sw.js'))) {
    const t = Date.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', distDir, '--emptyOutDir', '--logLevel', 'warn'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
    console.log(`built ${distDir} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  return distDir;
}

export async function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/** The real server (node --import tsx server/src/index.ts) on a free port with a temp DATA_DIR. */
export async function startServer({ distDir, dataDir = tempDir('data'), port } = {}) {
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: distDir, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.stdout.on('data', (d) => (log = (log + d).slice(-20_000)));
  child.stderr.on('data', (d) => (log = (log + d).slice(-20_000)));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(t);
  };
  cleanups.push(stop);
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${log}`);
    try {
      const r = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server not healthy at ${url}:\n${log}`);
    await new Promise((r) => setTimeout(r, 150));
  }
  return { url, port, stop, logs: () => log };
}

/** Chromium on a (persistent) profile: same profile across launches = a phone reopening the app. */
export async function launch(userDataDir, { offline = false } = {}) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    serviceWorkers: 'allow',
    offline,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
  };
  cleanups.push(close);
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page, close };
}

export async function throttle(context, page, rate) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

export function percentile(values, p) {
  if (!values.length) return NaN;
  const s = [...values].sort((a, b) => a - b);
  // nearest rank
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, Math.max(1, rank)) - 1];
}
export const median = (v) => {
  if (!v.length) return NaN;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const round = (v, d = 1) => (Number.isFinite(v) ? Math.round(v * 10 ** d) / 10 ** d : v);

/**
 * This box is shared (2 cores; other builds and tests run beside the benchmarks): wait until
 * the CPU is mostly idle (busy ≤ limit, BENCH_QUIET_BUSY, 0.25) for at most maxWaitS
 * (BENCH_QUIET_WAIT_S, 120 s), so a run measures the app and not its neighbours. Returns the
 * busy share last seen (0–1).
 */
export async function waitForQuietCpu(
  log = console.log,
  { limit = Number(process.env.BENCH_QUIET_BUSY ?? 0.25), maxWaitS = Number(process.env.BENCH_QUIET_WAIT_S ?? 120) } = {},
) {
  const { cpus } = await import('node:os');
  const t0 = Date.now();
  let warned = false;
  for (;;) {
    const a = cpus();
    await new Promise((r) => setTimeout(r, 1000));
    const b = cpus();
    let idle = 0;
    let total = 0;
    b.forEach((c, i) => {
      const d = (k) => c.times[k] - a[i].times[k];
      idle += d('idle');
      total += d('idle') + d('user') + d('nice') + d('sys') + d('irq');
    });
    const busy = total ? 1 - idle / total : 0;
    if (busy <= limit || Date.now() - t0 > maxWaitS * 1000) return Math.round(busy * 100) / 100;
    if (!warned) {
      log(`waiting for a quieter CPU (${Math.round(busy * 100)} % busy)…`);
      warned = true;
    }
  }
}

/** What a result line gives beside its value: "  (floor …, p95 …, median …, N samples, N runs, note)". */
export function extraText(e) {
  const parts = [];
  if (e.floor !== undefined) parts.push(`floor ${e.floor}${e.floorNote ? ` (${e.floorNote})` : ''}`);
  if (e.p95 !== undefined) parts.push(`p95 ${e.p95}`);
  if (e.median !== undefined) parts.push(`median ${e.median}`);
  if (e.samples !== undefined) parts.push(`${e.samples} samples`);
  if (e.runs !== undefined) parts.push(`${e.runs} runs`);
  if (e.note) parts.push(e.note);
  return parts.length ? `  (${parts.join(', ')})` : '';
}

/** First run in a bench browser, as a secretary does it on /setup; returns once the service worker is ready. */
export async function setUpUnit(page, url) {
  await page.goto(url + '/');
  await page.getByRole('heading', { name: 'Thiết lập đơn vị' }).waitFor({ timeout: 30_000 });
  await page.getByLabel('Tên đơn vị').fill('Chi đoàn Công ty May da xuất khẩu 30/4');
  await page.getByLabel('Cấp trên').fill('Đoàn phường 7');
  await page.getByRole('button', { name: 'Bắt đầu sử dụng' }).click();
  await page.waitForURL((u) => new URL(u).pathname !== '/setup', { timeout: 30_000 });
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
}

/** The year's plan from the consolidation plan's template (6 targets), made on /year. */
export async function makeYearPlan(page, url) {
  await page.goto(`${url}/year`);
  await page.getByRole('button', { name: 'Theo kế hoạch củng cố (9 chỉ tiêu)' }).click();
  await page.locator('a.tcard').first().waitFor({ timeout: 30_000 });
}

/**
 * Runs `fn(db, arg, req, unitId)` in the page on the current unit's IndexedDB, opened plainly (past
 * the app's Dexie); `req` turns an IDBRequest into a promise. `fn` must be self-contained: it
 * goes to the page as source text, with `arg` as JSON.
 */
export function inUnitDb(page, fn, arg) {
  return page.evaluate(`(async () => {
    const req = (r) => new Promise((res, rej) => ((r.onsuccess = () => res(r.result)), (r.onerror = () => rej(r.error))));
    const kv = await req(indexedDB.open('keyval-store'));
    const unitId = await req(kv.transaction('keyval').objectStore('keyval').get('currentUnitId'));
    kv.close();
    if (!unitId) throw new Error('no current unit in idb-keyval');
    const db = await req(indexedDB.open('scd-' + unitId));
    try {
      return await (${fn})(db, ${JSON.stringify(arg ?? null)}, req, unitId);
    } finally {
      db.close();
    }
  })()`);
}

/**
 * Waits for a performance mark in the page without Playwright's injected script: waitForFunction
 * first evaluates that script in the page (a task of ~36 ms at 4× on a bare page, ~110 ms on a
 * cold one), inside the very window being measured. A plain evaluate runs only Playwright's small
 * utility script; the page answers when the mark is made.
 */
export async function waitForMark(page, mark, { timeout = 60_000 } = {}) {
  let timer;
  const late = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no performance mark "${mark}" within ${timeout} ms`)), timeout)));
  const marked = page.evaluate(
    (m) =>
      new Promise((resolve) => {
        if (performance.getEntriesByName(m).length) return resolve();
        const o = new PerformanceObserver((list) => {
          if (list.getEntriesByName(m).length) o.disconnect(), resolve();
        });
        o.observe({ type: 'mark', buffered: true });
      }),
    mark,
  );
  try {
    await Promise.race([marked, late]);
  } finally {
    clearTimeout(timer);
  }
}

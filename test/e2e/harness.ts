// Browser test harness: the built app (dist/) served by the real server as a child process,
// driven through playwright-core in Debian Chromium (never a downloaded browser).
//
//   const server = await startServer();              // free port, temp DATA_DIR, dist/
//   const b = await launchBrowser();                 // fresh temp profile, 360×740
//   await b.page.goto(server.url);
//   await b.setOffline(true);
//   const b2 = await b.relaunch();                   // same profile, browser restarted
//   await cleanupAll();                              // afterAll: browsers, servers, temp dirs
//
// Everything started here is registered and torn down by cleanupAll(), and child servers are
// SIGKILLed if the test process itself exits.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { SERVER_NODE_FLAGS } from '../../scripts/server-flags.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The build under test: dist/ (E2E_DIST=… tests another build folder). */
export const DIST = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, 'dist');
export const RESULTS_DIR = join(ROOT, 'test-results');
export const FIXTURES = join(ROOT, 'test/fixtures');
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

// ---------------------------------------------------------------------------------------
// Cleanup registry

type Disposer = () => Promise<void> | void;
const disposers: Disposer[] = [];
const children = new Set<ChildProcess>();

function onCleanup(fn: Disposer): void {
  disposers.push(fn);
}

/** Closes browsers, stops servers and removes temp dirs, newest first. Call in afterAll. */
export async function cleanupAll(): Promise<void> {
  const errors: unknown[] = [];
  while (disposers.length) {
    const fn = disposers.pop()!;
    try {
      await fn();
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length) console.warn('[e2e] cleanup errors:', errors);
}

process.once('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `scd-e2e-${prefix}-`));
  if (!process.env.E2E_KEEP_TMP) onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// ---------------------------------------------------------------------------------------
// Build

/**
 * Makes sure a build exists. `npm test` builds right before the browser tests; a local
 * `npm run test:e2e` builds only when dist/ is missing (E2E_BUILD=1 forces a fresh build).
 */
export function ensureDist(distDir = DIST): string {
  if (process.env.E2E_BUILD === '1' || !existsSync(join(distDir, 'index.html')) || !existsSync(join(distDir, 'sw.js'))) {
    buildApp({ outDir: distDir });
  }
  return distDir;
}

/**
 * The server under test is the built one, dist-server/index.mjs, as `npm start` and a
 * production install run it (plain node, no tsx at run time). `npm test` builds it right
 * before; a local run rebuilds it when server/src or src changed since (or E2E_BUILD=1).
 */
export async function ensureServerBuild(): Promise<void> {
  const { staleServerReason } = (await import(pathToFileURL(join(ROOT, 'scripts/start.mjs')).href)) as { staleServerReason(root: string): string | null };
  const { buildServer } = (await import(pathToFileURL(join(ROOT, 'scripts/build-server.mjs')).href)) as { buildServer(o: { root: string }): Promise<unknown> };
  if (process.env.E2E_BUILD === '1' || staleServerReason(ROOT)) await buildServer({ root: ROOT });
}
const SERVER_BUNDLE = join(ROOT, 'dist-server/index.mjs');

/** Runs `vite build` (optionally with another config file and extra env) into outDir. */
export function buildApp({ outDir, env = {}, configFile }: { outDir: string; env?: Record<string, string>; configFile?: string }): void {
  const args = [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  if (configFile) args.push('--config', configFile);
  const started = Date.now();
  // E2E_BUILD_CWD builds another checkout of the app (e.g. a copy with unfinished screens stubbed).
  const cwd = process.env.E2E_BUILD_CWD ? resolve(process.env.E2E_BUILD_CWD) : ROOT;
  const r = spawnSync(process.execPath, args, {
    cwd,
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true', ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`vite build into ${outDir} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  console.log(`[e2e] built ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// ---------------------------------------------------------------------------------------
// Server

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolvePort(port));
    });
  });
}

export interface AppServer {
  url: string;
  port: number;
  dataDir: string;
  distDir: string;
  /** last lines the server printed (for failure messages) */
  logs(): string;
  /** SIGTERM, then SIGKILL after 10 s */
  stop(): Promise<void>;
  /** SIGKILL at once (a crash) */
  kill(): Promise<void>;
  isRunning(): boolean;
  /** Stops and starts again on the same port and data dir, optionally serving another build. */
  restart(opts?: { distDir?: string }): Promise<void>;
}

export async function startServer(opts: { distDir?: string; dataDir?: string; port?: number; env?: Record<string, string> } = {}): Promise<AppServer> {
  const distDir = opts.distDir ?? DIST;
  const dataDir = opts.dataDir ?? tempDir('data');
  const port = opts.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let proc: ChildProcess | undefined;
  let log: string[] = [];
  let current = { distDir };

  const spawnOnce = async (dist: string) => {
    log = [];
    // started as production starts it (npm start): with the server's V8 flags
    const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, SERVER_BUNDLE], {
      cwd: ROOT,
      env: { ...process.env, ...opts.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: dist, NODE_ENV: 'production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    child.once('exit', () => children.delete(child));
    const push = (chunk: Buffer) => {
      log.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (log.length > 200) log = log.slice(-200);
    };
    child.stdout!.on('data', push);
    child.stderr!.on('data', push);
    proc = child;
    await waitForHealth(url, child, () => log.join('\n'));
  };

  const stopProc = async (signal: NodeJS.Signals) => {
    const p = proc;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    const exited = new Promise<void>((r) => p.once('exit', () => r()));
    p.kill(signal);
    const timer = setTimeout(() => p.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  await spawnOnce(distDir);
  const server: AppServer = {
    url,
    port,
    dataDir,
    get distDir() {
      return current.distDir;
    },
    logs: () => log.join('\n'),
    stop: () => stopProc('SIGTERM'),
    kill: () => stopProc('SIGKILL'),
    isRunning: () => !!proc && proc.exitCode === null && proc.signalCode === null,
    restart: async (o = {}) => {
      await stopProc('SIGTERM');
      current = { distDir: o.distDir ?? current.distDir };
      await spawnOnce(current.distDir);
    },
  };
  onCleanup(() => server.stop());
  return server;
}

async function waitForHealth(url: string, child: ChildProcess, logs: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before /api/v1/health answered:\n${logs()}`);
    }
    try {
      const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
      lastError = new Error(`health answered ${res.status}`);
    } catch (e) {
      lastError = e;
    }
    await sleep(150);
  }
  child.kill('SIGKILL');
  throw new Error(`server at ${url} did not become healthy in ${timeoutMs} ms (${String(lastError)}):\n${logs()}`);
}

// ---------------------------------------------------------------------------------------
// Browser

export interface BrowserSession {
  context: BrowserContext;
  /** the first page of the (persistent) context */
  page: Page;
  userDataDir: string;
  /** console errors and uncaught page errors, for diagnostics */
  errors: string[];
  setOffline(offline: boolean): Promise<void>;
  newPage(): Promise<Page>;
  /** Closes the browser (the profile stays on disk). */
  close(): Promise<void>;
  /** Closes this browser and starts a new one on the same profile. */
  relaunch(opts?: { offline?: boolean }): Promise<BrowserSession>;
}

export async function launchBrowser(opts: { userDataDir?: string; offline?: boolean } = {}): Promise<BrowserSession> {
  const userDataDir = opts.userDataDir ?? tempDir('profile');
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
    offline: !!opts.offline,
    acceptDownloads: true,
  });
  const errors: string[] = [];
  const watch = (p: Page) => {
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    p.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await context.close().catch(() => undefined);
  };
  onCleanup(close);
  const page = context.pages()[0] ?? (await context.newPage());
  const session: BrowserSession = {
    context,
    page,
    userDataDir,
    errors,
    setOffline: (offline) => context.setOffline(offline),
    newPage: () => context.newPage(),
    close,
    relaunch: async (o = {}) => {
      await close();
      return launchBrowser({ userDataDir, offline: o.offline });
    },
  };
  return session;
}

/** Full-page-width screenshot of the 360×740 viewport into test-results/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

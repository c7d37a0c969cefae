#!/usr/bin/env node
// B4 (PERFORMANCE.md): ticking attendance, 100 taps on a 5,000-member roll.
//   tap → painted p95 ≤ 50 ms at 4×; tap → row + outbox committed p95 ≤ 30 ms at 4×;
//   no long task > 50 ms while ticking. 10× is reported beside it.
//
//   node test/perf/b4-roll.mjs                       (builds dist/ if missing)
//   node test/perf/b4-roll.mjs --runs 3 --rates 4 --taps 100 --count 5000 --dist /tmp/dist
//   import { runB4 } from './b4-roll.mjs'            (bench.mjs: returns the checks)
//
// How it is measured:
//   Setup  the built app on the real server; /setup through its form ("Tên đơn vị", "Cấp
//          trên", "Bắt đầu sử dụng"); then, in the page, COUNT generated members
//          (test/fixtures/generate-members.mjs, every one participating so the roll really has
//          COUNT people) and one meeting are written straight into the unit's IndexedDB with
//          the shape the repos write (src/data/outbox.ts upsertRow: row with rev/deleted/
//          createdAt/updatedAt, one outbox entry each, syncState advanced). Then the server
//          stops: every run is offline, a phone on site with no signal.
//   Run    Chromium relaunched on that profile, /meetings/:id/roll opened, the list scrolled
//          into view, CPU throttled (CDP Emulation.setCPUThrottlingRate), then TAPS touch taps
//          on visible rows (touchscreen, as a thumb), scrolling on every few taps. After each
//          tap the harness leaves the page alone for 60 ms × the slowdown (no harness script
//          runs in the page while a tap is timed), then checks its commit and waits two frames.
//   Figures from pointerup (PERFORMANCE.md "B4 times from pointerup": the timeStamp of the tap's
//          pointerup event, caught on window in the capture phase before the app sees it) →
//          painted: requestAnimationFrame + setTimeout(0) scheduled at the app's 'scd:roll-tap'
//          mark in its click handler (the frame holding the change has been produced);
//          committed: 'scd:roll-committed' (the transaction holding the attendance row and its
//          outbox entry completed). Pointerup → the click handler is printed beside them. Long
//          tasks: PerformanceObserver('longtask') from the first tap to the last commit.
//   Floor  a bare page (floors.mjs) tapped the same way: a button repainted and one IndexedDB
//          transaction (row, outbox entry, device state), timed from pointerup.
//   p95 and median over all taps of all runs (nearest rank); each run's p95 is in `perRun`.
//   B4_PROFILE=/tmp/b4 writes a CPU profile of the tapping (/tmp/b4-4x.cpuprofile, …);
//   B4_TRACE=/tmp/b4 a Chromium trace (/tmp/b4-4x.json, opens in DevTools → Performance).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadBudgets } from './size-check.mjs';
import { ROOT, cleanupAll, ensureDist, extraText, inUnitDb, launch, median, percentile, round, setUpUnit, startServer, tempDir, throttle, waitForQuietCpu } from './helpers.mjs';
import { generateMembers } from '../fixtures/generate-members.mjs';
import { stopFloors, tapFloor } from './floors.mjs';

export const B4_DEFAULTS = { members: 5000, taps: 100, paintP95MsAt4x: 50, commitP95MsAt4x: 30, longTaskMsAt4x: 50 };
const PARTICIPATING = new Set(['active', 'temporary']);
const MEETING_TITLE = 'Sinh hoạt chi đoàn tháng 3';

function fmt(v) {
  return typeof v === 'number' ? String(v) : String(v);
}

/** One line per check, the format of bench.mjs: "PASS  name: value unit / budget unit  (…)". */
export function formatB4(r) {
  const extra = extraText(r);
  if (r.pass === null) return `info  ${r.name}: ${fmt(r.value)} ${r.unit}${extra}`;
  if (r.value === null) return `FAIL  ${r.name}: ${r.error}`;
  return `${r.pass ? 'PASS' : 'FAIL'}  ${r.name}: ${fmt(r.value)} ${r.unit} / ${fmt(r.budget)} ${r.unit}${extra}`;
}

/**
 * Runs B4 and returns its checks ({name, value, unit, budget, pass, …}); prints each line as it
 * is taken (log = console.log). Browsers and servers it starts are closed before it returns.
 */
export async function runB4(opts = {}) {
  const budgets = loadBudgets();
  const b4 = { ...B4_DEFAULTS, ...(budgets.B4 ?? {}) };
  const runs = opts.runs ?? budgets.harness?.runs ?? 7;
  const rates = opts.rates ?? budgets.harness?.cpuThrottlingRates ?? [4, 10];
  const count = opts.count ?? b4.members;
  const taps = opts.taps ?? b4.taps;
  const distDir = resolve(opts.distDir ?? join(ROOT, 'dist'));
  const log = opts.log ?? console.log;
  const results = [];
  const push = (r) => {
    results.push(r);
    log(formatB4(r));
  };
  const check = (name, value, unit, budget, extra = {}) =>
    push({ name, value: round(value, 1), unit, budget, pass: Number.isFinite(value) && value <= budget, ...extra });
  const info = (name, value, unit, extra = {}) => push({ name, value: round(value, 1), unit, budget: null, pass: null, ...extra });

  try {
    ensureDist(distDir);
    const app = await prepareProfile(distDir, count, log);
    for (const rate of rates) {
      const tag = `${count} members, ${rate}×`;
      try {
        const all = { paint: [], commit: [], inHandler: [], longest: [], longCount: 0, perRun: [], load: [] };
        const busy = [];
        for (let run = 0; run < runs; run++) {
          busy.push(await waitForQuietCpu(log, { limit: Number(process.env.B4_QUIET_BUSY ?? 0.25), maxWaitS: Number(process.env.B4_QUIET_WAIT_S ?? 180) }));
          const r = await tapRun(app, rate, taps);
          all.paint.push(...r.paint);
          all.commit.push(...r.commit);
          all.inHandler.push(...r.inHandler);
          all.longest.push(r.longest);
          all.longCount += r.longTasks.length;
          all.load.push(r.loadMs);
          all.perRun.push({ paintP95: round(percentile(r.paint, 95)), commitP95: round(percentile(r.commit, 95)), longest: round(r.longest) });
        }
        const stat = (v) => ({ median: round(median(v)), p95: round(percentile(v, 95)), samples: v.length, runs });
        // The floor: a bare page doing the tap's work (floors.mjs), same rate, pace and count.
        const fl = await tapFloor(rate, taps, TAP_GAP_MS * rate);
        const floorNote = 'bare page: one button, one IndexedDB transaction';
        const paint = { ...stat(all.paint), floor: round(percentile(fl.paint, 95)), floorNote };
        const commit = { ...stat(all.commit), floor: round(percentile(fl.commit, 95)), floorNote };
        const longest = Math.max(0, ...all.longest);
        const perRun = { perRun: all.perRun, cpuBusyBeforeRuns: busy };
        const longNote = { note: `${all.longCount} long tasks in ${runs} runs of ${taps} taps`, runs, ...perRun };
        if (rate === 4) {
          check(`B4 tap (pointerup) → painted, ${tag} (p95)`, paint.p95, 'ms', b4.paintP95MsAt4x, { ...paint, ...perRun });
          check(`B4 tap (pointerup) → row + outbox committed, ${tag} (p95)`, commit.p95, 'ms', b4.commitP95MsAt4x, { ...commit, ...perRun });
          check(`B4 longest task while ticking, ${tag}`, longest, 'ms', b4.longTaskMsAt4x, longNote);
        } else {
          info(`B4 tap (pointerup) → painted, ${tag} (p95)`, paint.p95, 'ms', { ...paint, ...perRun });
          info(`B4 tap (pointerup) → row + outbox committed, ${tag} (p95)`, commit.p95, 'ms', { ...commit, ...perRun });
          info(`B4 longest task while ticking, ${tag}`, longest, 'ms', longNote);
        }
        info(`B4 pointerup → the app's click handler, ${tag} (p95)`, percentile(all.inHandler, 95), 'ms', stat(all.inHandler));
        info(`B4 roll opened (rows on screen, unthrottled load), ${count} members (median)`, median(all.load), 'ms', { p95: round(percentile(all.load, 95)), runs, note: `before ${rate}× throttling` });
      } catch (e) {
        push({ name: `B4 ticking attendance at ${rate}×`, value: null, unit: '', budget: null, pass: false, error: String(e?.stack ?? e) });
      }
    }
  } catch (e) {
    push({ name: 'B4 ticking attendance', value: null, unit: '', budget: null, pass: false, error: String(e?.stack ?? e) });
  } finally {
    if (!opts.keepOpen) await cleanupAll();
    if (!opts.keepOpen) await stopFloors();
  }
  return results;
}

// ---------------------------------------------------------------------------------------
/** A profile with a unit, COUNT members and one meeting, made online once; the server then stops. */
async function prepareProfile(distDir, count, log) {
  const t0 = Date.now();
  const server = await startServer({ distDir });
  const profile = tempDir('b4-profile');
  const b = await launch(profile);
  try {
    const { page } = b;
    await setUpUnit(page, server.url);
    const members = generateMembers({ count }).map(({ id, ...m }) => ({ id, ...m, status: PARTICIPATING.has(m.status) ? m.status : 'active' }));
    const meeting = { kind: 'regular', title: MEETING_TITLE, startsAt: '2026-03-15T19:30', place: 'Hội trường công ty', guests: [], status: 'planned' };
    const seeded = await inUnitDb(page, seedIndexedDb, { members, meeting });
    if (seeded.members !== count) throw new Error(`seeded ${seeded.members} of ${count} members`);
    // Open the roll once online: its chunk is precached, and it must show the whole roster.
    await page.goto(`${server.url}/meetings/${seeded.meetingId}/roll`);
    await page.getByText(`${count} người trong danh sách`, { exact: false }).waitFor({ timeout: 120_000 });
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
    log(`B4 profile ready: unit + ${count} members + 1 meeting (written to IndexedDB as the repos write them) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return { url: server.url, profile, meetingId: seeded.meetingId };
  } finally {
    await b.close();
    await server.stop();
  }
}

/** Runs in the page: members and a meeting, each row + its outbox entry, in one transaction. */
async function seedIndexedDb(db, { members, meeting }, req, unitId) {
  const tx = db.transaction(['members', 'meetings', 'outbox', 'syncState'], 'readwrite');
  const done = new Promise((res, rej) => ((tx.oncomplete = res), (tx.onerror = () => rej(tx.error)), (tx.onabort = () => rej(tx.error))));
  const dev = await req(tx.objectStore('syncState').get('device'));
  if (!dev) throw new Error('no device state: the unit was not saved through the repo');
  const now = new Date().toISOString();
  let seq = dev.nextSeq;
  const ms = Math.max(Date.now(), dev.hlcMs);
  let counter = ms === dev.hlcMs ? dev.hlcCounter : -1;
  const put = (table, id, fields) => {
    tx.objectStore(table).put({ ...fields, id, unitId, rev: {}, deleted: false, createdAt: now, updatedAt: now });
    counter++;
    const hlc = `${String(ms).padStart(13, '0')}:${String(counter).padStart(4, '0')}:${dev.deviceId}`;
    const base = Object.fromEntries(Object.keys(fields).map((k) => [k, 0]));
    tx.objectStore('outbox').add({ mid: crypto.randomUUID(), seq: seq++, table, rowId: id, op: 'upsert', fields: { ...fields, createdAt: now }, base, hlc });
  };
  for (const { id, ...fields } of members) put('members', id, fields);
  const meetingId = crypto.randomUUID();
  put('meetings', meetingId, meeting);
  tx.objectStore('syncState').put({ ...dev, nextSeq: seq, hlcMs: ms, hlcCounter: counter });
  await done;
  return { members: members.length, meetingId };
}

// ---------------------------------------------------------------------------------------
/** Page-side probe, installed before the app runs: wraps performance.mark to time each tap. */
function installRollProbe() {
  const probe = { t0: {}, paint: {}, commit: {}, inHandler: {}, longTasks: [], recording: false, commits: 0, waiters: [], pointerUp: undefined };
  // The finger leaves the glass: the time the browser stamped on the pointerup event (a real
  // touch from CDP's Input.dispatchTouchEvent), before any of the app's handlers ran.
  addEventListener('pointerup', (e) => (probe.pointerUp = e.timeStamp), { capture: true });
  // The harness awaits commits through a promise: no polling in the page while a write is timed.
  probe.waitCommits = (n) => new Promise((resolve) => (probe.commits >= n ? resolve(true) : probe.waiters.push([n, resolve])));
  window.__b4 = probe;
  const mark = performance.mark.bind(performance);
  performance.mark = function (name, options) {
    const entry = mark(name, options);
    const seq = options?.detail?.seq;
    if (probe.recording && seq !== undefined) {
      if (name === 'scd:roll-tap') {
        const t0 = probe.pointerUp ?? entry.startTime;
        probe.pointerUp = undefined;
        probe.t0[seq] = t0;
        probe.inHandler[seq] = entry.startTime - t0;
        requestAnimationFrame(() => setTimeout(() => (probe.paint[seq] = performance.now() - t0), 0));
      } else if (name === 'scd:roll-committed' && probe.t0[seq] !== undefined) {
        probe.commit[seq] = entry.startTime - probe.t0[seq];
        probe.commits++;
        probe.waiters = probe.waiters.filter(([n, resolve]) => (probe.commits >= n ? (resolve(true), false) : true));
      }
    }
    return entry;
  };
  try {
    new PerformanceObserver((list) => {
      if (probe.recording) for (const e of list.getEntries()) probe.longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  } catch {
    probe.noLongTask = true;
  }
}

async function tapRun(app, rate, taps) {
  const b = await launch(app.profile, { offline: true });
  try {
    const { page, context } = b;
    await page.addInitScript(installRollProbe);
    const t0 = Date.now();
    await page.goto(`${app.url}/meetings/${app.meetingId}/roll`);
    await page.locator('.roll-row .roll-tap').first().waitFor({ timeout: 120_000 });
    const loadMs = Date.now() - t0;
    // Bring the list under the sticky counts, as a secretary scrolls to the names.
    await page.evaluate(() => {
      const list = document.querySelector('ul.vlist');
      const sticky = document.querySelector('.roll-sticky');
      window.scrollTo(0, list.getBoundingClientRect().top + window.scrollY - sticky.getBoundingClientRect().bottom - 4);
    });
    await settle(page);
    const cdp = await throttle(context, page, rate);
    await settle(page);
    const trace = [];
    if (process.env.B4_TRACE) {
      cdp.on('Tracing.dataCollected', (e) => trace.push(...e.value));
      await cdp.send('Tracing.start', { categories: process.env.B4_TRACE_CATS || 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing', transferMode: 'ReportEvents' });
    }
    if (process.env.B4_PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.evaluate(() => (window.__b4.recording = true));

    let done = 0;
    let row = 0;
    for (let i = 0; i < taps; i++) {
      const targets = await visibleRows(page);
      if (!targets.length) throw new Error('no row fully in view to tap');
      if (row >= targets.length) {
        // Every row in view tapped once: move on down the roll (a fling of about a screen).
        await page.evaluate(() => window.scrollBy(0, Math.round(window.innerHeight * 0.6)));
        await settle(page);
        row = 0;
        i--;
        continue;
      }
      const t = targets[row++];
      await page.touchscreen.tap(t.x, t.y);
      done++;
      // A thumb's pace, and no harness script in the page while the tap is being timed.
      await sleep(TAP_GAP_MS * rate);
      await page.evaluate((n) => window.__b4.waitCommits(n), done);
      await settle(page);
    }
    await page.waitForFunction((n) => Object.keys(window.__b4.paint).length >= n, done, { timeout: 30_000 });
    const probe = await page.evaluate(() => {
      const p = window.__b4;
      p.recording = false;
      return { paint: p.paint, commit: p.commit, inHandler: p.inHandler, longTasks: p.longTasks, noLongTask: p.noLongTask };
    });
    if (process.env.B4_TRACE) {
      const complete = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.end');
      await complete;
      writeFileSync(`${process.env.B4_TRACE}-${rate}x.json`, JSON.stringify({ traceEvents: trace }));
    }
    if (process.env.B4_PROFILE) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(`${process.env.B4_PROFILE}-${rate}x.cpuprofile`, JSON.stringify(profile));
    }
    if (probe.noLongTask) throw new Error('this Chromium has no longtask entries');
    const paint = Object.values(probe.paint);
    const commit = Object.values(probe.commit);
    if (paint.length !== taps || commit.length !== taps) throw new Error(`measured ${paint.length} paints and ${commit.length} commits of ${taps} taps`);
    return { paint, commit, inHandler: Object.values(probe.inHandler), longTasks: probe.longTasks, longest: Math.max(0, ...probe.longTasks), loadMs };
  } finally {
    await b.close();
  }
}

/** ms between taps per unit of CPU slowdown (240 ms at 4×: a brisk secretary). */
const TAP_GAP_MS = 60;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Two frames and a task: the page is idle enough for the next tap. */
async function settle(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))));
}

/** Centres of the name part of rows fully visible between the sticky counts and the undo bar. */
async function visibleRows(page) {
  return page.evaluate(() => {
    const top = document.querySelector('.roll-sticky')?.getBoundingClientRect().bottom ?? 0;
    const undo = document.querySelector('.undo-bar')?.getBoundingClientRect().top;
    const nav = document.querySelector('.bottomnav')?.getBoundingClientRect().top;
    const bottom = Math.min(window.innerHeight, undo ?? Infinity, nav ?? Infinity);
    const out = [];
    for (const el of document.querySelectorAll('.roll-row .roll-tap')) {
      const r = el.getBoundingClientRect();
      if (r.top >= top + 2 && r.bottom <= bottom - 2) out.push({ x: Math.round(r.left + Math.min(80, r.width / 3)), y: Math.round(r.top + r.height / 2), top: r.top });
    }
    return out.sort((a, b) => a.top - b.top);
  });
}

// ---------------------------------------------------------------------------------------
function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = () => argv[++i];
    if (a === '--runs') o.runs = Number(v());
    else if (a === '--rates') o.rates = v().split(',').map(Number);
    else if (a === '--count') o.count = Number(v());
    else if (a === '--taps') o.taps = Number(v());
    else if (a === '--dist') o.distDir = v();
    else if (a === '--out') o.out = v();
    else if (a === '--help' || a === '-h') {
      console.log('usage: b4-roll.mjs [--runs 7] [--rates 4,10] [--count 5000] [--taps 100] [--dist dist] [--out FILE]');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return o;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const o = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const results = await runB4(o);
  if (o.out) {
    mkdirSync(resolve(o.out, '..'), { recursive: true });
    writeFileSync(resolve(o.out), JSON.stringify(results, null, 2) + '\n');
  }
  const checks = results.filter((r) => r.pass !== null);
  const failed = checks.filter((r) => !r.pass).length;
  console.log(`B4 done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`${checks.length - failed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

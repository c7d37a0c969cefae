// B2 (PERFORMANCE.md): Lighthouse 12 mobile (npm lighthouse@12.2.3, its default mobile config:
// Moto G Power screen, simulated Slow 4G and 4× CPU), median of 5 runs, on two pages:
//   first run   "/" of a phone that has never opened the app (a fresh profile per run, storage
//               reset by Lighthouse as usual): the shell must go straight to the first-run
//               screen (/setup).
//   home        "/" of a phone with a unit (set up through /setup with playwright-core, then
//               Lighthouse on that profile with storage reset disabled, so the unit, the
//               service worker and its precache stay, as on a phone reopening the app).
// Floor: the same Lighthouse run on a bare static page of the same size class, served by the
// same server program: index.html with the first-run screen's text, the app's stylesheet and
// a script of the shell's gzip size that does nothing (its bytes sit in a comment).
// Chromium is Debian's (/usr/bin/chromium), started by chrome-launcher with chromePath:
// nothing downloads a browser.
//
//   node test/perf/b2-lighthouse.mjs [--runs 5] [--dist dist]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_PATH, ROOT, cleanupAll, launch, median, percentile, round, setUpUnit, startServer, tempDir, waitForQuietCpu } from './helpers.mjs';
import { loadBudgets, measureB1 } from './size-check.mjs';

/** The metrics of one Lighthouse report, in the units the budgets use. */
function metrics(lhr) {
  const a = (id) => lhr.audits[id]?.numericValue;
  return {
    performance: lhr.categories.performance.score * 100,
    fcp: a('first-contentful-paint'),
    lcp: a('largest-contentful-paint'),
    tbt: a('total-blocking-time'),
    cls: a('cumulative-layout-shift'),
    accessibility: lhr.categories.accessibility.score * 100,
    // Lighthouse's own CPU benchmark of this machine at the time of the run: low when the box
    // is busy (its 4× is applied on top of whatever the page got), so it is printed beside.
    benchmarkIndex: lhr.environment?.benchmarkIndex,
  };
}

/** One Lighthouse run in a Chromium of its own on userDataDir. */
async function lighthouseOnce(url, { userDataDir, keepStorage }) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    userDataDir,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      disableStorageReset: keepStorage,
    });
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    return { ...metrics(lhr), finalUrl: lhr.finalDisplayedUrl ?? lhr.finalUrl };
  } finally {
    await chrome.kill();
  }
}

async function series(label, url, runs, opts, log) {
  const out = [];
  for (let i = 0; i < runs; i++) {
    await waitForQuietCpu(log);
    // Lighthouse itself sometimes fails to record a trace (NO_NAVSTART): that run is made again, once.
    const once = () => lighthouseOnce(url, { ...opts, userDataDir: opts.userDataDir ?? tempDir('lh') });
    const r = await once().catch((e) => {
      if (!/^Lighthouse: /.test(e.message)) throw e;
      log(`  ${label} #${i + 1}: ${e.message.slice(0, 80)}; again`);
      return once();
    });
    log(`  ${label} #${i + 1}: benchmarkIndex ${round(r.benchmarkIndex, 0)}, perf ${round(r.performance, 0)}, FCP ${round(r.fcp, 0)} ms, LCP ${round(r.lcp, 0)} ms, TBT ${round(r.tbt, 0)} ms, CLS ${round(r.cls, 3)}, a11y ${round(r.accessibility, 0)} → ${r.finalUrl}`);
    out.push(r);
  }
  return out;
}

/** The bare static page: the first-run screen's words, the app's CSS, a do-nothing script of the shell's gzip size. */
function floorDist(distDir) {
  const dir = tempDir('b2-floor');
  mkdirSync(join(dir, 'assets'));
  const b1 = measureB1(distDir).checks;
  const shellFiles = b1[0].files;
  const css = readdirSync(join(distDir, 'assets')).find((f) => /^index-.*\.css$/.test(f));
  writeFileSync(join(dir, 'assets/floor.css'), css ? readFileSync(join(distDir, 'assets', css)) : '');
  const shellText = shellFiles.map((f) => readFileSync(join(distDir, f), 'utf8')).join('\n');
  writeFileSync(join(dir, 'assets/floor.js'), `/*${shellText.replaceAll('*/', '* /')}*/\ndocument.documentElement.dataset.floor = '1';\n`);
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="Sổ Chi Đoàn — trang tĩnh làm mốc so sánh."><title>Sổ Chi Đoàn</title>
<script type="module" src="/assets/floor.js"></script><link rel="stylesheet" href="/assets/floor.css"></head>
<body><div class="shell"><header class="topbar"><a href="/" class="brand">Sổ Chi Đoàn</a></header><div class="content"><main class="page">
<h1>Thiết lập đơn vị</h1><p>Nhập tên chi đoàn để bắt đầu. Mọi dữ liệu nằm trên điện thoại này, dùng được cả khi không có mạng.</p>
</main></div></div></body></html>\n`,
  );
  const gz = (f) => gzipSync(readFileSync(join(dir, f)), { level: 9 }).length;
  return { dir, jsBytes: gz('assets/floor.js'), shellBytes: b1[0].bytes };
}

/** A profile with a unit, set up through /setup the way a secretary does it; the service worker installed. */
async function setUpProfile(url) {
  const profile = tempDir('b2-unit');
  const b = await launch(profile);
  const { page } = b;
  await setUpUnit(page, url);
  await page.goto(url + '/');
  await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 20_000 });
  await b.close();
  return profile;
}

const BUDGET_KEYS = [
  ['performance', 'Performance score', 'points', 'performance', true],
  ['fcp', 'FCP', 'ms', 'fcpMs', false],
  ['lcp', 'LCP', 'ms', 'lcpMs', false],
  ['tbt', 'TBT', 'ms', 'tbtMs', false],
  ['cls', 'CLS', '', 'cls', false],
  ['accessibility', 'Accessibility score', 'points', 'accessibility', true],
];

/** Lines for bench.mjs: each metric of each page (median of the runs), with the floor's median beside it. */
export async function runB2({ runs, distDir = join(ROOT, 'dist'), log = console.log } = {}) {
  const budgets = loadBudgets().B2;
  runs ??= budgets.runs;
  const server = await startServer({ distDir });
  const floor = floorDist(distDir);
  const floorServer = await startServer({ distDir: floor.dir });
  log(`B2 Lighthouse ${JSON.parse(readFileSync(join(ROOT, 'node_modules/lighthouse/package.json'), 'utf8')).version} mobile, ${runs} runs per page; floor: static page, script ${floor.jsBytes} B gz (shell JS ${floor.shellBytes} B gz)`);
  const floorRuns = await series('floor', floorServer.url + '/', runs, { keepStorage: false }, log);
  const firstRuns = await series('first run', server.url + '/', runs, { keepStorage: false }, log);
  const profile = await setUpProfile(server.url);
  const homeRuns = await series('home', server.url + '/', runs, { keepStorage: true, userDataDir: profile }, log);
  // A run that did not end where it should measured another page: said beside the figure.
  const strays = (res, path) => res.filter((r) => new URL(r.finalUrl).pathname !== path).length;
  const notes = [`${strays(firstRuns, '/setup')} of ${runs} runs did not end on /setup`, `${strays(homeRuns, '/')} of ${runs} runs did not stay on /`];
  await floorServer.stop();
  await server.stop();

  const lines = [];
  for (const [page, res, stray] of [
    ['first run (/ → /setup, new phone)', firstRuns, notes[0]],
    ['home (/ of a set-up unit)', homeRuns, notes[1]],
  ]) {
    for (const [key, label, unit, budgetKey, atLeast] of BUDGET_KEYS) {
      const values = res.map((r) => r[key]);
      const fl = floorRuns.map((r) => r[key]);
      const digits = key === 'cls' ? 3 : 0;
      lines.push({
        name: `B2 Lighthouse mobile ${label}, ${page}`,
        value: round(median(values), digits),
        unit,
        budget: budgets[budgetKey],
        ...(atLeast ? { atLeast: true, p95: round(percentile(values.map((v) => -v), 95) * -1, digits) } : { p95: round(percentile(values, 95), digits) }),
        floor: round(median(fl), digits),
        floorNote: 'bare static page, same size class, same server',
        runs: values.length,
        note: [`CPU benchmarkIndex ${round(median(res.map((r) => r.benchmarkIndex)), 0)} (floor's ${round(median(floorRuns.map((r) => r.benchmarkIndex)), 0)})`, ...(stray.startsWith('0 ') ? [] : [stray])].join('; '),
      });
    }
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const at = (k) => (args.includes(k) ? args[args.indexOf(k) + 1] : undefined);
  try {
    const lines = await runB2({ runs: at('--runs') ? Number(at('--runs')) : undefined, distDir: resolve(at('--dist') ?? join(ROOT, 'dist')) });
    for (const l of lines) console.log(JSON.stringify(l));
  } finally {
    await cleanupAll();
  }
}

// B1 by network log (PERFORMANCE.md "How a check counts"): the bytes a browser actually
// fetches before the member list is searchable, on a cold load of /members on a phone with a
// unit. size-check.mjs's "first interactive member list" follows static imports; this counts
// what Chromium's network log says arrived, so eager imports, modulepreloads, CSS and the
// shell's after-paint loads (sync chip, PWA banners) are all in it when they come first.
//
// How: a profile gets a unit through /setup; then its HTTP cache, service worker and Cache
// Storage are cleared (IndexedDB and localStorage stay: the unit is still there) and /members
// is opened in a fresh launch. CDP Network events give each response's body bytes as sent
// (compressed as the server sends them — Brotli to Chromium since the build writes each file's
// Brotli form, scripts/precompress.ts: loadingFinished.encodedDataLength less the headers'
// bytes; the same files in gzip -9 are printed beside it); a request counts when it was sent before the app's 'scd:members-searchable'
// mark. Floor: gzip -9 of what the list needs by its import graph (size-check.mjs measureB1),
// the least a browser could fetch for it.
//
//   node test/perf/b1-network.mjs [--runs 3] [--dist dist] [--verbose]
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { ROOT, cleanupAll, launch, median, round, setUpUnit, startServer, tempDir } from './helpers.mjs';
import { loadBudgets, measureB1 } from './size-check.mjs';

async function setUpProfile(url) {
  const profile = tempDir('b1net');
  const b = await launch(profile);
  const { page } = b;
  await setUpUnit(page, url);
  await page.getByRole('heading', { name: 'Đoàn viên', exact: true }).waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => performance.getEntriesByName('scd:members-searchable').length > 0, null, { timeout: 30_000 });
  await b.close();
  return profile;
}

/** One cold load of /members: every request with its body bytes and whether it was sent before the list was searchable. */
async function coldLoad(url, profile) {
  // The HTTP cache, worker and Cache Storage are cleared in a launch of their own: cleared in
  // the measuring launch, the worker that the last run's boot registered could still answer
  // part of the load (seen: 3–9 requests "from a cache", 30 KB fewer).
  const clearing = await launch(profile);
  const cc = await clearing.context.newCDPSession(clearing.page);
  await cc.send('Network.clearBrowserCache');
  await cc.send('Storage.clearDataForOrigin', { origin: url, storageTypes: 'service_workers,cache_storage' });
  await clearing.close();
  const b = await launch(profile);
  const { context, page } = b;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const reqs = new Map();
  cdp.on('Network.requestWillBeSent', (e) => reqs.set(e.requestId, { url: e.request.url, sentAt: e.wallTime * 1000, headers: 0, bytes: 0, type: e.type }));
  cdp.on('Network.responseReceived', (e) => {
    const r = reqs.get(e.requestId);
    if (r) Object.assign(r, { headers: e.response.encodedDataLength, fromCache: e.response.fromDiskCache || e.response.fromServiceWorker || e.response.fromPrefetchCache, encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = reqs.get(e.requestId);
    if (r) Object.assign(r, { bytes: e.encodedDataLength - r.headers, total: e.encodedDataLength, done: true });
  });
  await page.goto(url + '/members');
  const markAt = await page.evaluate(async () => {
    for (;;) {
      const m = performance.getEntriesByName('scd:members-searchable')[0];
      if (m) return performance.timeOrigin + m.startTime;
      await new Promise((r) => setTimeout(r, 20));
    }
  });
  await page.waitForTimeout(1500); // let what was sent before the mark finish arriving
  await b.close();
  const before = [...reqs.values()].filter((r) => r.sentAt <= markAt && r.url.startsWith(url) && !r.url.startsWith('data:'));
  return { before, all: [...reqs.values()] };
}

/** The fetched files' bytes in gzip -9 (a navigation is index.html), for the line's note. */
function gzipOf(distDir, requests) {
  let total = 0;
  for (const r of requests) {
    const path = new URL(r.url).pathname;
    const file = join(distDir, path.includes('.') ? path : 'index.html');
    if (r.bytes && existsSync(file)) total += gzipSync(readFileSync(file), { level: 9 }).byteLength;
  }
  return total;
}

/** Lines for bench.mjs: bytes fetched before the list is searchable (median of the runs), with the import-graph floor. */
export async function runB1Network({ runs = 3, distDir = join(ROOT, 'dist'), log = console.log, verbose = false } = {}) {
  const budgets = loadBudgets();
  const KB = budgets.kilobyte ?? 1000;
  const floor = measureB1(distDir).checks.find((c) => c.name.startsWith('B1 first interactive'));
  const server = await startServer({ distDir });
  const profile = await setUpProfile(server.url);
  const samples = [];
  let last;
  for (let i = 0; i < runs; i++) {
    last = await coldLoad(server.url, profile);
    const body = last.before.reduce((s, r) => s + r.bytes, 0);
    const wire = last.before.reduce((s, r) => s + (r.total ?? 0), 0);
    const cached = last.before.filter((r) => r.fromCache).length;
    samples.push({ body, wire, n: last.before.length, cached, gzip: gzipOf(distDir, last.before) });
    log(`  B1 network #${i + 1}: ${last.before.length} requests before searchable, ${body} B body, ${wire} B with headers${cached ? `, ${cached} from a cache (!)` : ''}`);
  }
  await server.stop();
  if (verbose || process.env.BENCH_B1_FILES) {
    for (const r of [...last.before].sort((a, b) => b.bytes - a.bytes)) log(`      ${String(r.bytes).padStart(7)} B  ${r.encoding ?? '-'}  ${r.url.replace(server.url, '')}`);
  }
  const bodyKB = median(samples.map((s) => s.body)) / KB;
  return [
    {
      name: 'B1 first interactive member list, fetched by the browser before searchable (network log, compressed as served)',
      value: round(bodyKB, 2),
      unit: 'KB',
      budget: budgets.B1.firstMemberListKB,
      floor: round(floor.bytes / KB, 2),
      floorNote: 'what the list needs by its import graph, gzip -9',
      runs: samples.length,
      note: `${median(samples.map((s) => s.n))} requests, ${round(median(samples.map((s) => s.wire)) / KB, 2)} KB with headers; the same files in gzip -9: ${round(median(samples.map((s) => s.gzip)) / KB, 2)} KB`,
    },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const at = (k) => (args.includes(k) ? args[args.indexOf(k) + 1] : undefined);
  try {
    const lines = await runB1Network({ runs: at('--runs') ? Number(at('--runs')) : undefined, distDir: resolve(at('--dist') ?? join(ROOT, 'dist')), verbose: args.includes('--verbose') });
    for (const l of lines) console.log(JSON.stringify(l));
  } finally {
    await cleanupAll();
  }
}

// Issue 12 item 8: with no sign-in, 20 clients at once send 1 MB deeply nested bodies to
// /login, round after round. Sign-in has a small body limit and JSON is checked while it is
// read, so the server never builds those values and /health keeps answering quickly.
// (Before: each body was parsed whole, then measured; /health took up to 2.5 s.)
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/src/server';
import { makeWorkspace, startTestServer, type TempWorkspace } from './helpers';

let workspace: TempWorkspace;
let server: RunningServer;

beforeAll(async () => {
  workspace = makeWorkspace();
  server = await startTestServer(workspace);
});

afterAll(async () => {
  await server?.close();
  workspace?.remove();
});

const ATTACKERS = 20;
const ATTACK_MS = 4000;

// The attackers run in a worker thread, as they would on other machines: the main thread is
// the server and the /health prober, so what is measured is the server's own event loop.
// Each body is exactly 1 MB of nesting, which the old default limit let through to JSON.parse.
const ATTACK = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, attackers, ms } = workerData;
const half = 512 * 1024;
const body = Buffer.from('['.repeat(half) + ']'.repeat(half));
const statuses = {};
(async () => {
  const started = Date.now();
  while (Date.now() - started < ms) {
    const answers = await Promise.all(Array.from({ length: attackers }, async () => {
      const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      await res.arrayBuffer();
      return res.status;
    }));
    for (const s of answers) statuses[s] = (statuses[s] ?? 0) + 1;
  }
  parentPort.postMessage(statuses);
})();
`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

describe('a flood of deeply nested bodies to /login', () => {
  it('leaves /health answering within 500 ms (p95) and every body refused', async () => {
    const worker = new Worker(ATTACK, { eval: true, workerData: { url: `${server.url}/api/v1/login`, attackers: ATTACKERS, ms: ATTACK_MS } });
    let statuses: Record<string, number> | undefined;
    const attack = new Promise<void>((resolve, reject) => {
      worker.once('message', (m: Record<string, number>) => resolve(void (statuses = m)));
      worker.once('error', reject);
    });

    const latencies: number[] = [];
    while (!statuses) {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/v1/health`);
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      expect(res.status).toBe(200);
      await Promise.race([attack, new Promise((resolve) => setTimeout(resolve, 20))]);
    }
    await worker.terminate();
    const p95 = percentile(latencies, 95);
    const sent = Object.values(statuses).reduce((a, b) => a + b, 0);
    console.log(`[body-flood] ${sent} bodies ${JSON.stringify(statuses)}; /health ×${latencies.length}: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, max ${Math.max(...latencies).toFixed(0)} ms`);
    // 2.5–3.1 s before; 70–210 ms measured after on the shared 2-core VM: room for a busy CI run
    expect(p95).toBeLessThan(500);
    expect(Object.keys(statuses)).toEqual(['413']);
  }, 30_000);
});

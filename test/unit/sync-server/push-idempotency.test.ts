// RELIABILITY.md 3, 4, 5 over a real server and SQLite file: a response lost after the commit,
// duplicated/reordered/concurrent deliveries of the same batches, and gaps.
import net from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Mutation } from '../../../src/protocol/outbox';
import type { PushResponse } from '../../../src/protocol/sync';
import { FC_SEED, expectOk, freshUnit, joinDevice, memberId, newMember, serverRows, startTestSyncServer, type Device, type TestServer } from './helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestSyncServer();
});
afterAll(async () => t?.close());

/** Creates, edits and deletes of a few members, as one device makes them offline. */
function offlineWork(d: Device, n: number): Mutation[] {
  const ids = Array.from({ length: Math.max(2, Math.ceil(n / 4)) }, () => memberId());
  const out: Mutation[] = [];
  for (let i = 0; i < n; i++) {
    const id = ids[i % ids.length];
    const row = d.row('members', id);
    if (!row) out.push(d.upsert('members', id, newMember(`Đoàn viên ${i}`)));
    else if (i % 7 === 6) out.push(d.delete('members', id));
    else out.push(d.upsert('members', id, { phone: `09${String(10_000_000 + i)}`, notes: `ghi chú ${i}` }));
  }
  return out;
}

async function unitVersion(unitId: string, token: string): Promise<number> {
  let cursor = 0;
  for (;;) {
    const page = expectOk(await t.api.post(`/units/${unitId}/pull`, { cursor, limit: 1000 }, token));
    cursor = page.cursor;
    if (!page.hasMore) return cursor;
  }
}

/** A loopback TCP proxy that forwards requests and, while `drop` is on, cuts the connection instead of delivering the answer. */
async function lossyProxy(target: string) {
  const { port, hostname } = new URL(target);
  let drop = true;
  let dropped = 0;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    client.pipe(upstream);
    upstream.on('data', (chunk) => {
      if (drop) {
        dropped++;
        client.destroy();
        upstream.destroy();
      } else client.write(chunk);
    });
    upstream.on('end', () => client.end());
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    get dropped() {
      return dropped;
    },
    deliver() {
      drop = false;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('RELIABILITY 3: response lost after commit', () => {
  it('the retry answers duplicate and the batch took effect exactly once', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId);
    const batch = offlineWork(a, 40);
    const proxy = await lossyProxy(t.url);
    try {
      const body = JSON.stringify(a.pushBody(batch));
      const lost = await fetch(`${proxy.url}/api/v1/units/${unitId}/push`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${a.token}` },
        body,
      }).then(
        () => 'answered',
        () => 'connection cut',
      );
      expect(lost).toBe('connection cut');
      expect(proxy.dropped).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
    // The server committed before answering: the retry is all duplicates with the same versions.
    const retry = expectOk(await a.pushRaw(batch));
    expect(retry.lastSeq).toBe(40);
    expect(retry.results.every((r) => r.status === 'duplicate')).toBe(true);
    const version = await unitVersion(unitId, admin);
    expect(version).toBe(Math.max(...retry.results.map((r) => r.version ?? 0)));
    // Exactly one effect: a second unit fed once by another device ends identical.
    const ref = await freshUnit(t.api);
    const b = await joinDevice(t.api, ref.admin, ref.unitId);
    expectOk(await t.api.request('POST', `/units/${ref.unitId}/push`, { token: b.token, body: { ...a.pushBody(batch), deviceId: b.deviceId } }));
    expect(await serverRows(t.api, admin, unitId)).toEqual(await serverRows(t.api, ref.admin, ref.unitId));
  });
});

describe('RELIABILITY 4: duplicated and reordered pushes', () => {
  it('the same batch sent 5 times at once: each mutation applied exactly once', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId);
    const batch = offlineWork(a, 200);
    const answers = await Promise.all(Array.from({ length: 5 }, () => a.pushRaw(batch)));
    const bodies = answers.map((x) => expectOk(x));
    for (const m of batch) {
      const statuses = bodies.map((b) => b.results.find((r) => r.mid === m.mid)!.status);
      expect(statuses.filter((s) => s === 'applied' || s === 'conflict')).toHaveLength(1);
      expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(4);
    }
    const applied = bodies.flatMap((b) => b.results).filter((r) => r.status !== 'duplicate');
    // + 1: the unit's own record, seeded when the admin created the unit
    expect(await unitVersion(unitId, admin)).toBe(new Set(applied.map((r) => r.version)).size + 1);
  });

  it('property: any split, duplication, reordering and concurrency of deliveries ends as one delivery', async () => {
    const admin = (await freshUnit(t.api)).admin;
    const N = 30;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.tuple(fc.nat(N - 1), fc.integer({ min: 1, max: N })), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        async (rounds) => {
          const unit = (await freshUnit(t.api)).unitId;
          const ref = (await freshUnit(t.api)).unitId;
          const a = await joinDevice(t.api, admin, unit);
          const r = await joinDevice(t.api, admin, ref);
          const batch = offlineWork(a, N);
          expectOk(await r.pushRaw(batch.map((m) => ({ ...m }))));
          // each round: several slices of the outbox delivered concurrently, in any order
          for (const slices of rounds) {
            const answers = await Promise.all(slices.map(([from, len]) => a.pushRaw(batch.slice(from, from + len))));
            for (const ans of answers) expect(ans.status).toBe(200);
          }
          // then the device does what the client does: resend from lastSeq + 1 until acknowledged
          let lastSeq = 0;
          for (;;) {
            const res: PushResponse = expectOk(await a.pushRaw(batch.slice(lastSeq)));
            lastSeq = res.lastSeq;
            if (lastSeq === N) break;
          }
          expect(await serverRows(t.api, admin, unit)).toEqual(await serverRows(t.api, admin, ref));
          const conflicts = expectOk(await t.api.get(`/units/${unit}/conflicts`, admin));
          expect(conflicts).toEqual([]);
        },
      ),
      { seed: FC_SEED, numRuns: 25 },
    );
  });
});

describe('RELIABILITY 5: gap', () => {
  it('seq = lastSeq + 2 is refused as a gap, nothing after it applied; resending from lastSeq + 1 works', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId);
    const batch = offlineWork(a, 10);
    expectOk(await a.pushRaw(batch.slice(0, 3)));
    const gap = expectOk(await a.pushRaw(batch.slice(4)));
    expect(gap).toEqual({ results: [{ mid: batch[4].mid, status: 'gap' }], lastSeq: 3, pushForms: ['columns', 'field-columns'] });
    const before = await serverRows(t.api, admin, unitId);
    expect([...before.values()].every((r) => r.version <= 4)).toBe(true); // 1 is the unit's record
    const resend = expectOk(await a.pushRaw(batch.slice(3)));
    expect(resend.lastSeq).toBe(10);
    expect(resend.results.map((r) => r.status).every((s) => s === 'applied')).toBe(true);
  });

  it('a batch that starts right but jumps in the middle applies up to the jump only', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const a = await joinDevice(t.api, admin, unitId);
    const batch = offlineWork(a, 6);
    const res = expectOk(await a.pushRaw([batch[0], batch[1], batch[3], batch[4]]));
    expect(res.results.map((r) => r.status)).toEqual(['applied', 'applied', 'gap']);
    expect(res.lastSeq).toBe(2);
  });
});

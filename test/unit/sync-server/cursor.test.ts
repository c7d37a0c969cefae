// RELIABILITY.md 7: the pull cursor never skips a row while other devices push concurrently.
// Writers only create rows here, so every unit version belongs to exactly one row forever and
// a puller that never skips must see every version 1..V exactly once, in order.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PulledRow } from '../../../src/protocol/sync';
import { expectOk, freshUnit, joinDevice, memberId, newMember, serverRows, startTestSyncServer, type TestServer } from './helpers';

let t: TestServer;
beforeAll(async () => {
  t = await startTestSyncServer();
});
afterAll(async () => t?.close());

describe('RELIABILITY 7: cursor never skips', () => {
  it('a viewer pulling in small pages during 4 concurrent pushers sees every version once, in order', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const writers = await Promise.all(['secretary', 'deputy', 'deputy', 'secretary'].map((role) => joinDevice(t.api, admin, unitId, role as 'deputy')));
    const viewer = await joinDevice(t.api, admin, unitId, 'viewer');
    const BATCHES = 15;
    const PER_BATCH = 40;
    let writing = true;
    const pushers = Promise.all(
      writers.map(async (w, wi) => {
        for (let b = 0; b < BATCHES; b++) {
          const batch = Array.from({ length: PER_BATCH }, (_, i) => w.upsert('members', memberId(), newMember(`Máy ${wi} lô ${b} số ${i}`)));
          const res = expectOk(await w.pushRaw(batch));
          expect(res.results.every((r) => r.status === 'applied')).toBe(true);
          w.outbox = [];
        }
      }),
    ).finally(() => (writing = false));

    const seen: number[] = [];
    const rows: PulledRow[] = [];
    let cursor = 0;
    let pages = 0;
    const pullPage = async () => {
      const page = expectOk(await t.api.post(`/units/${unitId}/pull`, { cursor, limit: 37 }, viewer.token));
      pages++;
      let previous = cursor;
      for (const r of page.rows as PulledRow[]) {
        expect(r.version).toBeGreaterThan(previous);
        previous = r.version;
        seen.push(r.version);
        rows.push(r);
      }
      expect(page.cursor).toBe(page.rows.length ? previous : cursor);
      cursor = page.cursor;
      return page.hasMore as boolean;
    };
    while (writing) await pullPage();
    await pushers;
    while (await pullPage());

    const total = writers.length * BATCHES * PER_BATCH;
    // version 1 is the unit's own record, seeded when the admin created the unit
    expect(seen).toEqual(Array.from({ length: total + 1 }, (_, i) => i + 1));
    expect(pages).toBeGreaterThan(total / 37);
    const server = await serverRows(t.api, admin, unitId, { withUnitRecord: true });
    expect(new Map(rows.map((r) => [`${r.table}/${r.id}`, r]))).toEqual(server);
  });

  it('a cursor ahead of the unit (a server restored from an older backup) is told to reset', async () => {
    const { admin, unitId } = await freshUnit(t.api);
    const page = expectOk(await t.api.post(`/units/${unitId}/pull`, { cursor: 500 }, admin));
    expect(page).toEqual({ rows: [], cursor: 500, hasMore: false, resetRequired: true, pushForms: ['columns', 'field-columns'] });
  });
});

// Several server processes on one database (issue 12): started together they migrate once; 20
// phones pushing through both, alternating (and some batches delivered twice, once to each),
// converge exactly, with every change applied once and the unit's versions 1…N without a gap;
// a viewer pulling in small pages all along misses nothing. Failed sign-ins count across both. And a push that holds the unit in an
// open transaction on one process makes a push of the same unit on the other wait: it can
// never commit a later version first, which a pull would then skip past.
// On Postgres (the way to run several processes) and on SQLite (WAL lets two processes share
// the file; its write lock serialises them the same way).
import { afterEach, describe, expect, it } from 'vitest';
import type { PulledRow } from '../../../src/protocol/sync';
import { makeWorkspace, type TempWorkspace } from '../server/helpers';
import { Api, Device, expectOk, freshUnit, joinDevice, memberId, newMember, queryDatabase, scalar, serverRows, testDatabaseUrl } from './helpers';
import { killSpawned, spawnServer } from '../server/spawn';

let workspace: TempWorkspace | undefined;
afterEach(() => {
  killSpawned();
  workspace?.remove();
});

const DEVICES = 20;
const ROWS_PER_DEVICE = 60;
const BATCH = 15;

describe('two server processes on one database', () => {
  it('20 phones through both: exact convergence, each change once, versions without a gap, pulls skip nothing', async () => {
    workspace = makeWorkspace();
    const databaseUrl = await testDatabaseUrl();
    const db = { dataDir: workspace.dataDir, databaseUrl };
    // started at the same moment on an empty database: one of them migrates, the other waits
    const procs = await Promise.all([spawnServer(workspace, databaseUrl), spawnServer(workspace, databaseUrl)]);
    const apis = procs.map((p) => new Api(p.url));
    const versions = await queryDatabase<{ version: number }>(db, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));

    const { admin, unitId } = await freshUnit(apis[0]);
    const phones: Device[] = [];
    for (let i = 0; i < DEVICES; i++) phones.push(await joinDevice(apis[i % 2], admin, unitId, 'secretary', `Máy ${i}`));
    const viewer = await joinDevice(apis[1], admin, unitId, 'viewer', 'Máy xem');

    // Every phone adds its members and edits a few shared ones (concurrent edits → conflicts).
    const shared = Array.from({ length: 5 }, () => memberId());
    for (const id of shared) phones[0].upsert('members', id, newMember(`Chung ${id.slice(-4)}`));
    await pushVia(phones[0], apis, 0);
    for (const p of phones.slice(1)) await p.pullAll();
    phones.forEach((p, i) => {
      for (let r = 0; r < ROWS_PER_DEVICE; r++) p.upsert('members', memberId(), newMember(`Đoàn viên ${i}-${r}`));
      for (const id of shared) p.upsert('members', id, { ...newMember(`Chung ${id.slice(-4)}`), phone: `09${String(i).padStart(8, '0')}` });
    });

    // the viewer pulls in pages of 7 through the second process while everyone pushes
    let pushing = true;
    const seen = new Map<string, PulledRow>();
    let lastVersion = 0;
    const watcher = (async () => {
      let cursor = 0;
      for (;;) {
        const done = !pushing;
        const page = expectOk(await apis[1].post(`/units/${unitId}/pull`, { cursor, limit: 7 }, viewer.token));
        for (const r of page.rows as PulledRow[]) {
          expect(r.version).toBeGreaterThan(lastVersion);
          lastVersion = r.version;
          seen.set(`${r.table}/${r.id}`, r);
        }
        cursor = page.cursor;
        if (done && !page.hasMore) return;
      }
    })();
    await Promise.all(phones.map((p, i) => pushVia(p, apis, i)));
    pushing = false;
    await watcher;

    // Exact convergence: what the server holds, what the watcher saw, what each phone pulls.
    const server = await serverRows(apis[0], admin, unitId, { withUnitRecord: true });
    expect(server.size).toBe(1 + shared.length + DEVICES * ROWS_PER_DEVICE);
    expect(seen).toEqual(server);
    for (const p of phones.slice(0, 3)) {
      await p.pullAll();
      const mine = [...server.values()].filter((r) => r.table === 'members').every((r) => JSON.stringify(p.row('members', r.id)?.fields) === JSON.stringify(r.fields));
      expect(mine).toBe(true);
    }
    // Each change once: one stored result per seq per phone, nothing more.
    const perDevice = await queryDatabase<{ device_id: string; n: number; max: number }>(
      db,
      'SELECT device_id, count(*) AS n, max(seq) AS max FROM mutation_results WHERE unit_id = ? GROUP BY device_id',
      [unitId],
    );
    for (const p of phones) expect(perDevice.find((d) => d.device_id === p.deviceId)).toMatchObject({ n: p.seq, max: p.seq });
    // The unit's versions: 1 (its own record) and one per change, without a gap or a repeat.
    const unitVersion = await scalar<number>(queryDatabase(db, 'SELECT version FROM units WHERE id = ?', [unitId]));
    const results = await queryDatabase<{ result: string }>(db, 'SELECT result FROM mutation_results WHERE unit_id = ?', [unitId]);
    const given = new Set([1, ...results.map((r) => (JSON.parse(r.result) as { version?: number }).version).filter((v): v is number => v !== undefined)]);
    expect([...given].sort((a, b) => a - b)).toEqual(Array.from({ length: unitVersion }, (_, i) => i + 1));
    await Promise.all(procs.map((p) => p.stop()));
  }, 120_000);

  it('counts failed sign-ins together: 5 wrong passwords spread over both, then both answer 429', async () => {
    workspace = makeWorkspace();
    const databaseUrl = await testDatabaseUrl();
    const procs = await Promise.all([spawnServer(workspace, databaseUrl), spawnServer(workspace, databaseUrl)]);
    const apis = procs.map((p) => new Api(p.url));
    expectOk(await apis[0].post('/setup', { username: 'admin', password: 'mật khẩu an toàn' }), 201);
    for (let i = 0; i < 5; i++) expect((await apis[i % 2].post('/login', { username: 'admin', password: `mật khẩu sai ${i}` })).status).toBe(401);
    for (const api of apis) {
      const refused = await api.post('/login', { username: 'admin', password: 'mật khẩu an toàn' });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    await Promise.all(procs.map((p) => p.stop()));
  }, 60_000);

  it('a push holding the unit on one process makes the other wait: no later version commits first', async () => {
    workspace = makeWorkspace();
    const databaseUrl = await testDatabaseUrl();
    const first = await spawnServer(workspace, databaseUrl);
    const { admin, unitId } = await freshUnit(new Api(first.url));
    await first.stop();
    // The first process blocks inside every push transaction (the crash test's fault switch).
    const stalling = await spawnServer(workspace, databaseUrl, { SCD_FAULT_STALL_MID_BATCH: '1' });
    const other = await spawnServer(workspace, databaseUrl);
    const [slowApi, api] = [new Api(stalling.url), new Api(other.url)];
    const a = await joinDevice(api, admin, unitId, 'secretary', 'A');
    const b = await joinDevice(api, admin, unitId, 'secretary', 'B');
    a.api = slowApi;
    for (let i = 0; i < 10; i++) a.upsert('members', memberId(), newMember(`A ${i}`));
    for (let i = 0; i < 10; i++) b.upsert('members', memberId(), newMember(`B ${i}`));

    const held = a.pushRaw(a.outbox.slice()).then(
      (r) => `answered ${r.status}`,
      () => 'connection cut',
    );
    await stalling.waitFor(/\[fault\] stalled mid-batch/);
    // B's push waits for A's transaction (Postgres: the unit's row lock; SQLite: the write lock)
    // until its lock timeout, and then answers 503 with nothing applied; a pull meanwhile shows neither.
    const started = Date.now();
    const blocked = await b.pushRaw(b.outbox.slice());
    expect(blocked.status).toBe(503);
    expect(blocked.headers.get('retry-after')).toBeTruthy();
    expect(Date.now() - started).toBeGreaterThan(3000);
    expect((await serverRows(api, admin, unitId)).size).toBe(0);

    // A's process dies: its transaction rolls back, B goes through with the next versions.
    await stalling.kill9();
    expect(await held).toBe('connection cut');
    const applied = expectOk(await b.pushRaw(b.outbox.slice()));
    expect(applied.results.map((r) => r.status)).toEqual(Array(10).fill('applied'));
    const rows = await serverRows(api, admin, unitId);
    expect([...rows.values()].map((r) => r.version).sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => i + 2));
    await other.stop();
  }, 60_000);
});

/** Pushes a phone's outbox in batches, alternating processes; every third batch is delivered to both. */
async function pushVia(phone: Device, apis: Api[], start: number): Promise<void> {
  let turn = start;
  while (phone.outbox.length) {
    const batch = phone.outbox.slice(0, BATCH);
    const api = apis[turn++ % apis.length];
    phone.api = api;
    const res = expectOk(await phone.pushRaw(batch));
    if (turn % 3 === 0) {
      // the answer was lost: the phone sends the same batch again, this time to the other process
      phone.api = apis[turn % apis.length];
      const again = expectOk(await phone.pushRaw(batch));
      expect(again.results.map((r) => r.status)).toEqual(res.results.map(() => 'duplicate'));
    }
    const done = new Set(res.results.map((r) => r.mid));
    phone.outbox = phone.outbox.filter((m) => !done.has(m.mid));
  }
}

// RELIABILITY.md 6: the server process killed with SIGKILL in the middle of a push batch
// (inside its open transaction, made deterministic by the SCD_FAULT_STALL_MID_BATCH switch,
// which blocks halfway through each batch): nothing of that batch is applied, the earlier
// acknowledged batch survives, and after a restart the cursor and lastSeq are what they were.
import { afterEach, describe, expect, it } from 'vitest';
import { makeWorkspace, type TempWorkspace } from '../server/helpers';
import { spawnServer, killSpawned } from '../server/spawn';
import { Api, expectOk, freshUnit, joinDevice, memberId, newMember, queryDatabase, scalar, serverRows, testDatabaseUrl } from './helpers';

let workspace: TempWorkspace | undefined;

afterEach(() => {
  killSpawned();
  workspace?.remove();
});

describe('RELIABILITY 6: server killed mid-batch', () => {
  it('nothing half-applied; after restart the cursor and lastSeq are those of the last acknowledged batch', async () => {
    workspace = makeWorkspace();
    const databaseUrl = await testDatabaseUrl();
    const db = { dataDir: workspace.dataDir, databaseUrl };
    // 1. A first batch is acknowledged, then the process dies hard.
    let proc = await spawnServer(workspace, databaseUrl);
    let api = new Api(proc.url);
    const { admin, unitId } = await freshUnit(api);
    const a = await joinDevice(api, admin, unitId);
    for (let i = 0; i < 100; i++) a.upsert('members', memberId(), newMember(`Đoàn viên ${i}`));
    const first = await a.sync();
    expect(first.every((r) => r.status === 'applied')).toBe(true);
    const acknowledged = await serverRows(api, admin, unitId);
    await proc.kill9();

    // 2. With the fault switch on, the next batch blocks halfway inside its transaction: kill it there.
    proc = await spawnServer(workspace, databaseUrl, { SCD_FAULT_STALL_MID_BATCH: '1' });
    api = new Api(proc.url);
    a.api = api;
    for (let i = 0; i < 1000; i++) a.upsert('members', memberId(), newMember(`Đoàn viên mới ${i}`));
    const batch = a.outbox.slice();
    const pending = a.pushRaw(batch).then(
      (r) => `answered ${r.status}`,
      () => 'connection cut',
    );
    await proc.waitFor(/\[fault\] stalled mid-batch/);
    await proc.kill9();
    expect(await pending).toBe('connection cut');

    // The database: intact, and holding nothing of the killed batch.
    if (!databaseUrl) expect(await scalar(queryDatabase(db, 'PRAGMA integrity_check'))).toBe('ok');
    // 100 members and the unit's own record (seeded at version 1)
    expect(await scalar(queryDatabase(db, 'SELECT count(*) FROM rows WHERE unit_id = ?', [unitId]))).toBe(101);
    expect(await scalar(queryDatabase(db, 'SELECT count(*) FROM mutation_results WHERE device_id = ?', [a.deviceId]))).toBe(100);
    expect(await scalar(queryDatabase(db, 'SELECT last_seq FROM devices WHERE id = ?', [a.deviceId]))).toBe(100);
    expect(await scalar(queryDatabase(db, 'SELECT version FROM units WHERE id = ?', [unitId]))).toBe(101);

    // 3. Restart normally: same rows, same cursor, same lastSeq; the retry applies the whole batch.
    proc = await spawnServer(workspace, databaseUrl);
    api = new Api(proc.url);
    a.api = api;
    const page = expectOk(await api.post(`/units/${unitId}/pull`, { cursor: 0, limit: 1000 }, a.token));
    expect(page.deviceLastSeq).toBe(100);
    expect(page.cursor).toBe(101);
    expect(await serverRows(api, admin, unitId)).toEqual(acknowledged);
    const retry = expectOk(await a.pushRaw(batch));
    expect(retry.lastSeq).toBe(1100);
    expect(retry.results.every((r) => r.status === 'applied')).toBe(true);
    expect((await serverRows(api, admin, unitId)).size).toBe(1100);
    await proc.kill9();
  }, 60_000);
});

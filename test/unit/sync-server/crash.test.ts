// RELIABILITY.md 6: the server process killed with SIGKILL in the middle of a push batch
// (inside its open transaction, made deterministic by the SCD_FAULT_STALL_MID_BATCH switch,
// which blocks halfway through each batch): nothing of that batch is applied, the earlier
// acknowledged batch survives, and after a restart the cursor and lastSeq are what they were.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../../server/src/store/sqlite';
import { makeWorkspace, type TempWorkspace } from '../server/helpers';
import { Api, expectOk, freshUnit, joinDevice, memberId, newMember, serverRows } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
let workspace: TempWorkspace | undefined;
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  workspace?.remove();
});

interface Proc {
  child: ChildProcess;
  url: string;
  output: () => string;
  waitFor(pattern: RegExp): Promise<void>;
  kill9(): Promise<void>;
}

async function spawnServer(ws: TempWorkspace, env: Record<string, string> = {}): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: ws.dataDir, DIST_DIR: ws.distDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const onData = (d: Buffer) => {
    output += d.toString();
    for (const w of [...waiters]) if (w.pattern.test(output)) (waiters.splice(waiters.indexOf(w), 1), w.resolve());
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve, reject) => {
      if (pattern.test(output)) return resolve();
      waiters.push({ pattern, resolve });
      void exited.then(() => reject(new Error(`server exited before ${pattern}:\n${output}`)));
    });
  await waitFor(/running at http:\/\/\S+/);
  const url = /running at (http:\/\/\S+)/.exec(output)![1];
  return {
    child,
    url,
    output: () => output,
    waitFor,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

describe('RELIABILITY 6: server killed mid-batch', () => {
  it('nothing half-applied; after restart the cursor and lastSeq are those of the last acknowledged batch', async () => {
    workspace = makeWorkspace();
    // 1. A first batch is acknowledged, then the process dies hard.
    let proc = await spawnServer(workspace);
    let api = new Api(proc.url);
    const { admin, unitId } = await freshUnit(api);
    const a = await joinDevice(api, admin, unitId);
    for (let i = 0; i < 100; i++) a.upsert('members', memberId(), newMember(`Đoàn viên ${i}`));
    const first = await a.sync();
    expect(first.every((r) => r.status === 'applied')).toBe(true);
    const acknowledged = await serverRows(api, admin, unitId);
    await proc.kill9();

    // 2. With the fault switch on, the next batch blocks halfway inside its transaction: kill it there.
    proc = await spawnServer(workspace, { SCD_FAULT_STALL_MID_BATCH: '1' });
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

    // The file on disk: intact, and holding nothing of the killed batch.
    const db = new Database(path.join(workspace.dataDir, SQLITE_FILE_NAME));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      // 100 members and the unit's own record (seeded at version 1)
      expect(db.prepare('SELECT count(*) FROM rows WHERE unit_id = ?').pluck().get(unitId)).toBe(101);
      expect(db.prepare('SELECT count(*) FROM mutation_results WHERE device_id = ?').pluck().get(a.deviceId)).toBe(100);
      expect(db.prepare('SELECT last_seq FROM devices WHERE id = ?').pluck().get(a.deviceId)).toBe(100);
      expect(db.prepare('SELECT version FROM units WHERE id = ?').pluck().get(unitId)).toBe(101);
    } finally {
      db.close();
    }

    // 3. Restart normally: same rows, same cursor, same lastSeq; the retry applies the whole batch.
    proc = await spawnServer(workspace);
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

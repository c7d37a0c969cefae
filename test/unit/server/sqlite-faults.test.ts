// Issue 12 item 6: a damaged file, a full disk and a read-only database are said plainly.
// /health answers 503 with db_corrupt / db_disk_full / db_read_only, every request that needs
// the database answers 503 with the same code (never a generic 500), a damaged file is logged
// once with its path and never written again, and a batch that met a full disk left nothing.
// Real SQLite files throughout; the full disk is a real ENOSPC: the WAL is made a /dev/full
// device node (root only: mknod), and /health's free space is faked through its option.
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MIN_FREE_BYTES } from '../../../server/src/routes/health';
import { startServer, type RunningServer, type ServerOptions } from '../../../server/src/server';
import { SQLITE_FILE_NAME, type SqliteStore } from '../../../server/src/store/sqlite';
import { Api, expectOk, freshUnit, joinDevice, memberId, newMember, RELAXED_LIMITS, type Device } from '../sync-server/helpers';
import { makeWorkspace, type TempWorkspace } from './helpers';

let workspace: TempWorkspace;
let server: RunningServer | undefined;
let errors: string[];

beforeEach(() => {
  workspace = makeWorkspace();
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(' ')));
});

afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.restoreAllMocks();
  workspace.remove();
});

async function start(options: Partial<ServerOptions> = {}): Promise<Api> {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: workspace.dataDir, distDir: workspace.distDir, rateLimits: RELAXED_LIMITS, ...options });
  return new Api(server.url);
}

async function stop(): Promise<void> {
  await server?.close();
  server = undefined;
}

const dbFile = () => path.join(workspace.dataDir, SQLITE_FILE_NAME);

/** A unit with 300 members pushed by one phone: enough pages for damage in the middle of the file. */
async function seed(api: Api): Promise<{ admin: string; unitId: string; device: Device }> {
  const { admin, unitId } = await freshUnit(api);
  const device = await joinDevice(api, admin, unitId);
  for (let i = 0; i < 300; i++) device.upsert('members', memberId(), { ...newMember(`Đoàn viên số ${i}`), notes: 'Ghi chú '.repeat(40) });
  await device.sync();
  return { admin, unitId, device };
}

/** The error code of an answer that is not the happy shape. */
const errorCode = (a: { body: unknown }) => (a.body as { error?: { code?: string } }).error?.code;

/** Writes a fixed non-SQLite pattern over `pages` 4 KiB pages from page `first` (1-based). */
function garble(first: number, pages: number): void {
  const fd = openSync(dbFile(), 'r+');
  const junk = Buffer.alloc(pages * 4096, 0);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 7) & 255;
  writeSync(fd, junk, 0, junk.length, (first - 1) * 4096);
  closeSync(fd);
}

async function expectHealth(api: Api, code: string | undefined) {
  const health = await api.get('/health');
  expect(health.status).toBe(code ? 503 : 200);
  if (code) expect(health.body.error.code).toBe(code);
  return health.body;
}

/** The store's own line: the file, what SQLite said, what to do. */
const damagedLines = () => errors.filter((line) => line.includes(`${dbFile()} is damaged (`) && line.includes('Nothing more is read or written'));
const generic500s = () => errors.filter((line) => / failed:/.test(line));

describe('a damaged database file', () => {
  it('damaged while stopped: the server starts, /health and every request answer 503 db_corrupt, logged once with the path', async () => {
    const api = await start();
    const { admin, unitId, device } = await seed(api);
    await stop();
    expect(statSync(dbFile()).size).toBeGreaterThan(40 * 4096);
    garble(5, 30);

    const again = await start();
    const health = await expectHealth(again, 'db_corrupt');
    expect(health.database).toMatchObject({ integrity: 'corrupt', writable: false });
    const answers = [
      await again.post('/login', { username: 'admin', password: 'mật khẩu an toàn' }),
      await again.post(`/units/${unitId}/pull`, { cursor: 0 }, device.token),
      await again.request('POST', `/units/${unitId}/push`, { token: device.token, body: device.pushBody([device.upsert('members', memberId(), newMember('Mới'))]) }),
      await again.get('/units', admin),
    ];
    for (const a of answers) {
      expect(a.status).toBe(503);
      expect(a.body.error.code).toBe('db_corrupt');
    }
    await expectHealth(again, 'db_corrupt');
    expect(damagedLines()).toHaveLength(1);
    expect(damagedLines()[0]).toMatch(/restore the file from a backup/);
    expect(generic500s()).toEqual([]);
  });

  it('a file whose header is not SQLite: the server starts and answers 503 db_corrupt', async () => {
    await start();
    await stop();
    garble(1, 1);
    const api = await start();
    await expectHealth(api, 'db_corrupt');
    const login = await api.post('/login', { username: 'admin', password: 'x'.repeat(10) });
    expect(login.status).toBe(503);
    expect(login.body.error.code).toBe('db_corrupt');
    expect(damagedLines()).toHaveLength(1);
    expect(damagedLines()[0]).toMatch(/SQLITE_NOTADB/);
  });

  it('damaged while running: the next statement that meets it answers 503 db_corrupt, and nothing is written after', async () => {
    const api = await start();
    const { unitId, device } = await seed(api);
    await expectHealth(api, undefined);
    // The server has run a while: its idle checkpoint moved the rows from the WAL into the file.
    (server!.store as SqliteStore).db.pragma('wal_checkpoint(TRUNCATE)');
    garble(5, 30);
    // What a busy server's cache turnover would do: the next read comes from the disk.
    (server!.store as SqliteStore).db.pragma('shrink_memory');
    const pull = await api.post(`/units/${unitId}/pull`, { cursor: 0 }, device.token);
    expect(pull.status).toBe(503);
    expect(pull.body.error.code).toBe('db_corrupt');
    const size = statSync(dbFile()).size;
    const push = await device.pushRaw([device.upsert('members', memberId(), newMember('Sau khi hỏng'))]);
    expect(errorCode(push)).toBe('db_corrupt');
    await expectHealth(api, 'db_corrupt');
    expect(statSync(dbFile()).size).toBe(size);
    expect(damagedLines()).toHaveLength(1);
    expect(generic500s()).toEqual([]);
  });
});

describe('a full disk', () => {
  it('/health reports the free space, and 503 db_disk_full below the floor', async () => {
    let free = 10 * 1024 * 1024 * 1024;
    const api = await start({ freeBytes: () => free });
    expect((await expectHealth(api, undefined)).database).toEqual({ answers: true, writable: true, spaceBytes: free, integrity: 'ok' });
    free = MIN_FREE_BYTES - 1;
    const body = await expectHealth(api, 'db_disk_full');
    expect(body.database.spaceBytes).toBe(free);
    expect(errors.filter((l) => l.includes('db_disk_full'))).toHaveLength(1);
    expect(errors.find((l) => l.includes('db_disk_full'))).toContain(workspace.dataDir);
  });

  it('/health measures the real free space of the data folder by default', async () => {
    const api = await start();
    const body = await expectHealth(api, undefined);
    expect(body.database.spaceBytes).toBeGreaterThan(0);
  });

  // mknod needs root (CI runs as root); elsewhere the case cannot be made without it.
  const isRoot = process.getuid?.() === 0;
  it.skipIf(!isRoot)('SQLITE_FULL during a push (the WAL on a device that answers ENOSPC): 503 db_disk_full, nothing applied, the batch goes through later', async () => {
    const api = await start();
    const { admin, unitId, device } = await seed(api);
    await stop();
    const wal = `${dbFile()}-wal`;
    expect(existsSync(wal)).toBe(false);
    execFileSync('mknod', [wal, 'c', '1', '7']); // /dev/full's numbers: every write fails with ENOSPC

    const full = await start();
    device.api = full;
    const batch = Array.from({ length: 5 }, (_, i) => device.upsert('members', memberId(), newMember(`Khi đầy đĩa ${i}`)));
    const refused = await device.pushRaw(batch);
    expect(refused.status).toBe(503);
    expect(errorCode(refused)).toBe('db_disk_full');
    expect(refused.headers.get('Retry-After')).toBeTruthy();
    expect(errors.filter((l) => l.includes('db_disk_full'))).toHaveLength(1);
    await stop();
    rmSync(wal, { force: true });

    const later = await start();
    device.api = later;
    const pulled = expectOk(await later.post(`/units/${unitId}/pull`, { cursor: device.cursor }, admin));
    expect(pulled.rows).toEqual([]);
    const results = expectOk(await device.pushRaw(batch)).results;
    expect(results.map((r) => r.status)).toEqual(Array(5).fill('applied'));
    expect(generic500s()).toEqual([]);
  });
});

describe('a database that cannot be written', () => {
  it('read-only while running: a push answers 503 db_read_only (not a 500), and /health says db_read_only', async () => {
    const api = await start();
    const { unitId, device } = await seed(api);
    // What SQLite answers for a file it may only read (SQLITE_READONLY), on the live connection.
    (server!.store as SqliteStore).db.pragma('query_only = 1');
    const push = await device.pushRaw([device.upsert('members', memberId(), newMember('Không ghi được'))]);
    expect(push.status).toBe(503);
    expect(errorCode(push)).toBe('db_read_only');
    const body = await expectHealth(api, 'db_read_only');
    expect(body.database.writable).toBe(false);
    (server!.store as SqliteStore).db.pragma('query_only = 0');
    await expectHealth(api, undefined);
    expect(expectOk(await api.post(`/units/${unitId}/pull`, { cursor: 0 }, device.token)).rows.length).toBeGreaterThan(0);
    expect(generic500s()).toEqual([]);
  });
});

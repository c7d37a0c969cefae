// The real entry point as a child process: it logs its URL, serves, and on SIGTERM shuts down
// cleanly (exit 0, SQLite closed so its -wal file is checkpointed away).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../../server/src/store/sqlite';
import { makeWorkspace, type TempWorkspace } from './helpers';
import { killSpawned, spawnServer } from './spawn';

let workspace: TempWorkspace | undefined;

afterEach(() => {
  killSpawned();
  workspace?.remove();
});

describe('server/src/index.ts', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('serves, then exits 0 on %s with the database closed', async (signal) => {
    workspace = makeWorkspace();
    const server = await spawnServer(workspace, undefined);
    const url = server.url;

    const health = await fetch(`${url}/api/v1/health`);
    expect(await health.json()).toMatchObject({ ok: true, db: 'sqlite' });
    expect(existsSync(path.join(workspace.dataDir, `${SQLITE_FILE_NAME}-wal`))).toBe(true);

    expect(await server.stop(signal)).toBe(0);
    expect(existsSync(path.join(workspace.dataDir, SQLITE_FILE_NAME))).toBe(true);
    expect(existsSync(path.join(workspace.dataDir, `${SQLITE_FILE_NAME}-wal`))).toBe(false);
  });
});

// The real entry point as a child process: it logs its URL, serves, and on SIGTERM shuts down
// cleanly (exit 0, SQLite closed so its -wal file is checkpointed away).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE_NAME } from '../../../server/src/store/sqlite';
import { makeWorkspace, type TempWorkspace } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
let workspace: TempWorkspace | undefined;

afterEach(() => workspace?.remove());

describe('server/src/index.ts', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('serves, then exits 0 on %s with the database closed', async (signal) => {
    workspace = makeWorkspace();
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: workspace.dataDir, DIST_DIR: workspace.distDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString();
        const match = /running at (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]);
      });
      child.on('exit', () => reject(new Error(`server exited early:\n${output}`)));
    });

    const health = await fetch(`${url}/api/v1/health`);
    expect(await health.json()).toMatchObject({ ok: true, db: 'sqlite' });
    expect(existsSync(path.join(workspace.dataDir, `${SQLITE_FILE_NAME}-wal`))).toBe(true);

    child.kill(signal);
    expect(await exited).toBe(0);
    expect(existsSync(path.join(workspace.dataDir, SQLITE_FILE_NAME))).toBe(true);
    expect(existsSync(path.join(workspace.dataDir, `${SQLITE_FILE_NAME}-wal`))).toBe(false);
  });
});

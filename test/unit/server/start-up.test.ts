// Issue 12 item 7: a data folder or database file the server cannot use stops the start with
// one line in plain words — which folder or file, the cause, what to do — instead of
// "ENOENT … mkdir", "unable to open database file", or (under /proc) a start that never ends.
// Tests run as root on CI, and root writes anything chmod forbids: the unwritable cases run the
// server as the unprivileged user `nobody` when root, and use chmod otherwise.
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startServer } from '../../../server/src/server';
import { StartupError } from '../../../server/src/startup-error';
import { SQLITE_FILE_NAME } from '../../../server/src/store/sqlite';
import { makeWorkspace, type TempWorkspace } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;
let workspace: TempWorkspace;

beforeEach(() => {
  workspace = makeWorkspace();
  // `nobody` must reach the workspace (mkdtemp makes it 0700).
  chmodSync(workspace.root, 0o755);
});
afterEach(() => workspace.remove());

async function startIn(dataDir: string): Promise<Error> {
  try {
    const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, distDir: workspace.distDir });
    await server.close();
  } catch (error) {
    return error as Error;
  }
  throw new Error(`the server started with DATA_DIR=${dataDir}`);
}

/** `npm start`'s entry point as a child process; killed after 15 s (a start that hangs fails the test). */
function runServer(dataDir: string, opts: { unprivileged?: boolean } = {}): Promise<{ code: number | null; stderr: string; hung: boolean }> {
  const asNobody = opts.unprivileged && isRoot;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DIST_DIR: workspace.distDir, ...(asNobody ? { HOME: workspace.root } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(asNobody ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    // It started after all: stop it so the test can say so.
    if (/running at/.test(d.toString())) child.kill('SIGTERM');
  });
  let hung = false;
  const timer = setTimeout(() => {
    hung = true;
    child.kill('SIGKILL');
  }, 15_000);
  return new Promise((resolve) => {
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, hung });
    });
  });
}

/** One line, no stack trace, and the words that matter. */
function expectPlainRefusal(result: { code: number | null; stderr: string; hung: boolean }, ...words: string[]) {
  expect(result.hung).toBe(false);
  expect(result.code).toBe(1);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^\[server\] cannot start\. /);
  for (const w of words) expect(lines[0]).toContain(w);
}

/** A folder the server (nobody when root) may not write in. */
function unwritableFolder(): string {
  const dir = path.join(workspace.root, 'locked');
  mkdirSync(dir, { mode: 0o755 });
  if (!isRoot) chmodSync(dir, 0o555);
  return dir;
}

describe('start-up on a data folder it cannot use (startServer)', () => {
  it('DATA_DIR under a regular file: names that file, the cause and what to do', async () => {
    const file = path.join(workspace.root, 'notes.txt');
    writeFileSync(file, 'not a folder');
    const error = await startIn(path.join(file, 'data'));
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toBe(
      `Cannot use the data folder ${path.join(file, 'data')}: ${file} is a file, not a folder, so no folder can be made under it. ` +
        'Set DATA_DIR to a folder this server can write (it is created if missing), or fix the permissions of this one (e.g. chown it to the user running the server).',
    );
  });

  it('DATA_DIR that is a file', async () => {
    const file = path.join(workspace.root, 'data.sqlite');
    writeFileSync(file, '');
    const error = await startIn(file);
    expect(error).toBeInstanceOf(StartupError);
    expect(error.message).toContain(`${file} is a file, not a folder.`);
  });
});

describe('start-up on a data folder it cannot use (the process)', () => {
  it('DATA_DIR under a regular file: exit 1 with one plain line, no stack trace', async () => {
    const file = path.join(workspace.root, 'notes.txt');
    writeFileSync(file, 'not a folder');
    expectPlainRefusal(await runServer(path.join(file, 'data')), `${file} is a file, not a folder`, 'Set DATA_DIR');
  });

  it('DATA_DIR under /proc, where no folder can be made: exit 1 at once (it used to spin forever)', async () => {
    expectPlainRefusal(await runServer('/proc/so-chi-doan-test/data'), '/proc/so-chi-doan-test cannot be created: /proc does not allow folders to be made in it', 'Set DATA_DIR');
  }, 20_000);

  it('a data folder this server may not write in', async () => {
    const dir = unwritableFolder();
    expectPlainRefusal(await runServer(dir, { unprivileged: true }), `Cannot use the data folder ${dir}: this server (user id `, `may not write in ${dir}`, 'Set DATA_DIR');
  }, 20_000);

  it('a missing data folder whose parent this server may not write in', async () => {
    const dir = path.join(unwritableFolder(), 'data');
    expectPlainRefusal(await runServer(dir, { unprivileged: true }), `${dir} cannot be created: this server (user id `, `may not create folders in ${path.dirname(dir)}`);
  }, 20_000);

  it('a database file that is read-only for this server', async () => {
    const dir = path.join(workspace.root, 'data');
    const server = await startServer({ port: 0, host: '127.0.0.1', dataDir: dir, distDir: workspace.distDir });
    await server.close();
    const file = path.join(dir, SQLITE_FILE_NAME);
    // The folder is the server's, the file is not: root's file for nobody, or a chmod 444 file.
    if (isRoot) chownSync(dir, NOBODY, NOBODY);
    else chmodSync(file, 0o444);
    expectPlainRefusal(await runServer(dir, { unprivileged: true }), `The database file ${file} is read-only for this server`, 'write permission');
  }, 20_000);
});

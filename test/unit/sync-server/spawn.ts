// A real server process (node + tsx, as `npm start` runs it) for the tests that kill one or run
// several: on the test project's store (DATA_DIR's SQLite file, or DATABASE_URL).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { TempWorkspace } from '../server/helpers';

const ROOT = path.resolve(__dirname, '../../..');

export interface Proc {
  child: ChildProcess;
  url: string;
  output: () => string;
  waitFor(pattern: RegExp): Promise<void>;
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit */
  stop(): Promise<void>;
}

const children: ChildProcess[] = [];

/** Kills every process a test started and left running (call in afterEach). */
export function killSpawned(): void {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export async function spawnServer(ws: TempWorkspace, databaseUrl: string | undefined, env: Record<string, string> = {}): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: ws.dataDir, DIST_DIR: ws.distDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...env },
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
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

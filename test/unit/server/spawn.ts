// A real server process for the tests that start, kill or run several of them: the sources
// through tsx by default (or another entry, e.g. the built bundle), on a temp DATA_DIR and,
// when given, a Postgres DATABASE_URL. Resolves once the server logs its URL.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { TempWorkspace } from './helpers';

const ROOT = path.resolve(__dirname, '../../..');

export interface Proc {
  child: ChildProcess;
  url: string;
  /** the exit code (null when killed by a signal) */
  exited: Promise<number | null>;
  output: () => string;
  waitFor(pattern: RegExp): Promise<void>;
  kill9(): Promise<void>;
  /** a signal (SIGTERM by default) and the exit code */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface SpawnOptions {
  /** node's arguments (default: the sources through tsx) */
  args?: string[];
  cwd?: string;
  /** start from an empty environment (PATH only) instead of this process's */
  cleanEnv?: boolean;
}

const children: ChildProcess[] = [];

/** Kills every process a test started and left running (call in afterEach). */
export function killSpawned(): void {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}

export async function spawnServer(ws: TempWorkspace, databaseUrl: string | undefined, env: Record<string, string> = {}, options: SpawnOptions = {}): Promise<Proc> {
  const base = options.cleanEnv ? { PATH: process.env.PATH } : process.env;
  const child = spawn(process.execPath, options.args ?? ['--import', 'tsx', 'server/src/index.ts'], {
    cwd: options.cwd ?? ROOT,
    env: { ...base, PORT: '0', HOST: '127.0.0.1', DATA_DIR: ws.dataDir, DIST_DIR: ws.distDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...env },
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
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
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
    exited,
    output: () => output,
    waitFor,
    kill9: async () => {
      child.kill('SIGKILL');
      await exited;
    },
    stop: async (signal = 'SIGTERM') => {
      child.kill(signal);
      return exited;
    },
  };
}

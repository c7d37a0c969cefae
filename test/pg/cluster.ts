// A throwaway Postgres cluster for tests and benchmarks: initdb in a temp folder, one postgres
// process on a free loopback port, fsync off (nothing here must survive a power cut), stopped
// and deleted afterwards. Uses Debian's `postgresql` package (.ci/run installs it when initdb
// is missing); as root it runs as the `postgres` user (Postgres refuses to run as root).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface PgCluster {
  /** postgres://scd@127.0.0.1:PORT/postgres — the maintenance database */
  adminUrl: string;
  /** A new empty database; its URL. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Where initdb and postgres are: PG_BIN, the PATH, or Debian's /usr/lib/postgresql/<newest>/bin. */
export function findPgBin(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'postgres'))) return dir;
  }
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (existsSync(path.join(root, v, 'bin', 'initdb'))) return path.join(root, v, 'bin');
  throw new Error('Postgres is not installed: no initdb on PATH or in /usr/lib/postgresql/*/bin. Install it with `apt-get install -y postgresql` (.ci/run does), or set PG_BIN.');
}

/** The user to run Postgres as: ourselves, or (as root) `postgres` / `nobody`. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n').map((l) => l.split(':'));
  const user = passwd.find((f) => f[0] === 'postgres') ?? passwd.find((f) => f[0] === 'nobody');
  if (!user) throw new Error('running as root and there is no postgres or nobody user to run Postgres as');
  return { uid: Number(user[2]), gid: Number(user[3]) };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface PgClusterOptions {
  /** fsync and synchronous commits on, as a production server runs (benchmarks); tests turn them off */
  durable?: boolean;
}

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const bin = findPgBin();
  const user = runAs();
  const root = mkdtempSync(path.join(tmpdir(), 'scd-pg-'));
  const data = path.join(root, 'data');
  if (user) chownSync(root, user.uid, user.gid);
  const asUser = user ? { uid: user.uid, gid: user.gid } : {};
  const init = spawnSync(path.join(bin, 'initdb'), ['-D', data, '-U', 'scd', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'], { ...asUser, encoding: 'utf8', cwd: root });
  if (init.status !== 0) throw new Error(`initdb failed (${init.status}): ${init.stderr || init.stdout || init.error}`);

  const port = await freePort();
  const speed = options.durable ? [] : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off'];
  const settings = [...speed, 'max_connections=400', 'shared_buffers=64MB', 'listen_addresses=127.0.0.1'];
  const child: ChildProcess = spawn(path.join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', root, ...settings.flatMap((s) => ['-c', s])], {
    ...asUser,
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const adminUrl = `postgres://scd@127.0.0.1:${port}/postgres`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited (${child.exitCode}): ${log}`);
    const client = new pg.Client({ connectionString: adminUrl });
    try {
      await client.connect();
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 30 s: ${(error as Error).message}\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  let n = 0;
  return {
    adminUrl,
    createDatabase: (name = `scd_${process.pid}_${Date.now().toString(36)}_${n++}`) => createDatabaseAt(adminUrl, name),
    async stop() {
      process.off('exit', killOnExit);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT'); // fast shutdown
        await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A new database on a cluster another process started (its admin URL). */
export async function createDatabaseAt(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

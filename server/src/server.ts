// Starts one server process: open the store, build the app, listen. Used by index.ts (npm start)
// and by tests, which listen on port 0 with a temporary DATA_DIR.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createApp, type AppOptions } from './app';
import { openStore } from './store/open';
import type { SqliteStoreOptions } from './store/sqlite';
import type { Store } from './store/types';

export interface ServerOptions {
  port: number;
  host: string;
  dataDir: string;
  distDir: string;
  maxBodyBytes?: number;
  pushMaxBodyBytes?: number;
  /** bytes of photos one unit may keep (UNIT_FILE_QUOTA_MB) */
  fileQuotaBytes?: number;
  now?: AppOptions['now'];
  rateLimits?: AppOptions['rateLimits'];
  /** TRUST_PROXY: the reverse proxies whose X-Forwarded-For is believed */
  trustProxy?: readonly string[];
  /** Postgres instead of SQLite (DATABASE_URL) */
  databaseUrl?: string;
  poolMax?: number;
  /** fault injection for the crash test only (see SqliteStoreOptions.stallMidBatch) */
  stallMidBatch?: boolean;
  /** free bytes where the database lives (SqliteStoreOptions.freeBytes); tests fake a full disk */
  freeBytes?: SqliteStoreOptions['freeBytes'];
}

export interface RunningServer {
  /** Base URL to reach the server, e.g. http://127.0.0.1:8080 */
  url: string;
  port: number;
  store: Store;
  /** Stops accepting connections, lets in-flight requests finish, then closes the store. */
  close(): Promise<void>;
}

/** How long in-flight requests get to finish before their connections are cut. */
const SHUTDOWN_GRACE_MS = 5_000;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const store = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl, poolMax: options.poolMax, stallMidBatch: options.stallMidBatch, freeBytes: options.freeBytes });
  const app = createApp({
    store,
    distDir: options.distDir,
    filesDir: path.join(options.dataDir, 'files'),
    fileQuotaBytes: options.fileQuotaBytes,
    maxBodyBytes: options.maxBodyBytes,
    pushMaxBodyBytes: options.pushMaxBodyBytes,
    now: options.now,
    rateLimits: options.rateLimits,
    trustProxy: options.trustProxy,
  });
  let server: ServerType;
  try {
    server = await listen(app.fetch, options.port, options.host);
  } catch (error) {
    await store.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost(options.host)}:${port}`,
    port,
    store,
    close: () => (closing ??= shutdown(server, store)),
  };
}

function listen(fetch: (request: Request) => Response | Promise<Response>, port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    // overrideGlobalObjects: false keeps the platform Response. The adapter's lightweight
    // Response drops headers that middleware set after the fact once another middleware
    // (compress) rewraps it (honojs/node-server#104); it would also leak into tests' fetch.
    const server = serve({ fetch, port, hostname, overrideGlobalObjects: false }, () => {
      server.off('error', reject);
      resolve(server);
    });
    server.once('error', reject);
  });
}

async function shutdown(server: ServerType, store: Store): Promise<void> {
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => closeConnections(server, 'closeAllConnections'), SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      clearTimeout(force);
      resolve();
    });
    closeConnections(server, 'closeIdleConnections');
  });
  await store.close();
}

function closeConnections(server: ServerType, method: 'closeIdleConnections' | 'closeAllConnections'): void {
  const fn = (server as Partial<Record<typeof method, () => void>>)[method];
  fn?.call(server);
}

/** Where a person on this machine can open the app (0.0.0.0 / :: listen on every interface). */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

// Wires the HTTP surface: security headers and compression for everything, JSON-only /api/v1
// with a body size limit, and the built PWA (dist/) for every other GET.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { bodyLimit } from './http/body-limit';
import { smallRouteLimit } from './http/body-limits';
import { onError, onNotFound } from './http/errors';
import { securityHeaders } from './http/security-headers';
import { serveApp } from './http/static-files';
import { healthRoutes } from './routes/health';
import { authRoutes } from './routes/auth';
import { accountRoutes } from './routes/accounts';
import { unitRoutes } from './routes/units';
import { inviteRoutes } from './routes/invites';
import { deviceRoutes } from './routes/devices';
import { syncRoutes } from './routes/sync';
import { conflictRoutes } from './routes/conflicts';
import { fileRoutes } from './routes/files';
import { BlobFiles } from './files/blob-files';
import { MAX_FILE_BYTES } from '../../src/protocol/file-ref';
import type { ApiDeps } from './routes/deps';
import { DEFAULT_RATE_LIMITS, FailureLimiter, type RateLimits } from './auth/rate-limit';
import { TrustedProxies } from './auth/client-ip';
import type { Store } from './store/types';
import { APP_VERSION } from './version';

/** Default request body limit for /api. Sync routes may set their own, larger, limit. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** Push carries up to 1,000 mutations: its own limit (after gzip decompression too). */
export const PUSH_MAX_BODY_BYTES = 4 * 1024 * 1024;
const PUSH_PATH = /^\/api\/v1\/units\/[^/]+\/push$/;
/** A photo upload carries the JPEG itself, up to MAX_FILE_BYTES. */
const FILE_PATH = /^\/api\/v1\/units\/[^/]+\/files\/[^/]+$/;
/** Photos one unit may keep on the server, unless UNIT_FILE_QUOTA_MB says otherwise. */
export const DEFAULT_FILE_QUOTA_BYTES = 1024 * 1024 * 1024;

export interface AppOptions {
  store: Store;
  /** Folder holding the built PWA (vite build output). It may not exist yet. */
  distDir: string;
  /** Folder of the photos (<dataDir>/files) */
  filesDir: string;
  /** bytes of photos one unit may keep; default DEFAULT_FILE_QUOTA_BYTES */
  fileQuotaBytes?: number;
  version?: string;
  maxBodyBytes?: number;
  pushMaxBodyBytes?: number;
  /** server clock (tests move it); default Date.now */
  now?: () => number;
  rateLimits?: Partial<RateLimits>;
  /** addresses and CIDR ranges of the reverse proxies whose X-Forwarded-For is believed */
  trustProxy?: readonly string[];
}

export function createApp(options: AppOptions): Hono {
  const { store, distDir, version = APP_VERSION, maxBodyBytes = DEFAULT_MAX_BODY_BYTES, pushMaxBodyBytes = PUSH_MAX_BODY_BYTES } = options;
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  const deps: ApiDeps = {
    store,
    now: options.now ?? Date.now,
    limiters: {
      loginPerUser: new FailureLimiter(store, 'login-user', limits.loginPerUser),
      loginPerIp: new FailureLimiter(store, 'login-ip', limits.loginPerIp),
      joinPerIp: new FailureLimiter(store, 'join-ip', limits.joinPerIp),
    },
    trustProxy: new TrustedProxies(options.trustProxy),
    maxBodyBytes,
    pushMaxBodyBytes,
  };
  const app = new Hono();
  app.onError(onError);
  app.notFound(onNotFound);

  app.use('*', securityHeaders());
  // From 512 bytes, not hono's 1,024: the built index.html (~1,000 bytes) went whole, 1,001
  // bytes where gzip sends 549, on every first load (issue 13, B1 by network log).
  app.use('*', compress({ threshold: 512 }));

  app.use('/api/*', async (c, next) => {
    await next();
    // Sync answers are per device and per moment: no browser or proxy may cache them.
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  const defaultLimit = bodyLimit(maxBodyBytes);
  const pushLimit = bodyLimit(pushMaxBodyBytes);
  const fileLimit = bodyLimit(MAX_FILE_BYTES);
  const limitFor = (method: string, pathname: string) => {
    if (PUSH_PATH.test(pathname)) return pushLimit;
    if (FILE_PATH.test(pathname)) return fileLimit;
    const small = smallRouteLimit(method, pathname);
    return small === undefined ? defaultLimit : bodyLimit(small);
  };
  app.use('/api/*', (c, next) => limitFor(c.req.method, c.req.path)(c, next));

  app.route('/api/v1', healthRoutes(store, version));
  app.route('/api/v1', authRoutes(deps));
  app.route('/api/v1', accountRoutes(deps));
  app.route('/api/v1', unitRoutes(deps));
  app.route('/api/v1', inviteRoutes(deps));
  app.route('/api/v1', deviceRoutes(deps));
  app.route('/api/v1', syncRoutes(deps));
  app.route('/api/v1', conflictRoutes(deps));
  app.route('/api/v1', fileRoutes({ ...deps, files: new BlobFiles(options.filesDir), fileQuotaBytes: options.fileQuotaBytes ?? DEFAULT_FILE_QUOTA_BYTES }));
  app.all('/api/*', onNotFound);

  app.get('*', serveApp(distDir));
  return app;
}

// Wires the HTTP surface: security headers and compression for everything, JSON-only /api/v1
// with a body size limit, and the built PWA (dist/) for every other GET.
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { bodyLimit } from './http/body-limit';
import { onError, onNotFound } from './http/errors';
import { securityHeaders } from './http/security-headers';
import { serveApp } from './http/static-files';
import { healthRoutes } from './routes/health';
import type { Store } from './store/types';
import { APP_VERSION } from './version';

/** Default request body limit for /api. Sync routes may set their own, larger, limit. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface AppOptions {
  store: Store;
  /** Folder holding the built PWA (vite build output). It may not exist yet. */
  distDir: string;
  version?: string;
  maxBodyBytes?: number;
}

export function createApp(options: AppOptions): Hono {
  const { store, distDir, version = APP_VERSION, maxBodyBytes = DEFAULT_MAX_BODY_BYTES } = options;
  const app = new Hono();
  app.onError(onError);
  app.notFound(onNotFound);

  app.use('*', securityHeaders());
  app.use('*', compress());

  app.use('/api/*', async (c, next) => {
    await next();
    // Sync answers are per device and per moment: no browser or proxy may cache them.
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
  });
  app.use('/api/*', bodyLimit(maxBodyBytes));

  app.route('/api/v1', healthRoutes(store, version));
  app.all('/api/*', onNotFound);

  app.get('*', serveApp(distDir));
  return app;
}

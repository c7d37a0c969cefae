// The HTTP surface over a real socket: health, JSON errors, security headers, body limit,
// caching of the built PWA, SPA fallback and path traversal.
import { request as httpRequest } from 'node:http';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningServer } from '../../../server/src/server';
import { CONTENT_SECURITY_POLICY } from '../../../server/src/http/security-headers';
import { INDEX_HTML, SECRET_TEXT, makeWorkspace, startTestServer, type TempWorkspace } from './helpers';

let workspace: TempWorkspace;
let server: RunningServer;

beforeAll(async () => {
  workspace = makeWorkspace();
  symlinkSync(path.join(workspace.root, 'secret.txt'), path.join(workspace.distDir, 'linked-secret.txt'));
  server = await startTestServer(workspace);
});

afterAll(async () => {
  await server?.close();
  workspace?.remove();
});

const get = (pathname: string, init?: RequestInit) => fetch(server.url + pathname, init);

/** Sends the path byte for byte (fetch would normalise "/../"). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}/`, { path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('GET /api/v1/health', () => {
  it('answers JSON with ok, the package version and the database kind', async () => {
    const res = await get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, version: expect.stringMatching(/^\d+\.\d+\.\d+/), db: 'sqlite', database: { answers: true, writable: true } });
  });
});

describe('API errors', () => {
  it.each(['/api/v1/nope', '/api/nope', '/api', '/api/v2/health'])('unknown route %s is a JSON 404', async (p) => {
    const res = await get(p);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.error.code).toBe('not_found');
    expect(typeof body.error.message).toBe('string');
  });

  it('a known path with the wrong method is a JSON 404, not the app shell', async () => {
    const res = await get('/api/v1/health', { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
  });
});

describe('request body limit (1 MB on /api)', () => {
  it.each([1024 * 1024 + 1, 8 * 1024 * 1024])('refuses a %i-byte body with Content-Length with a JSON 413', async (size) => {
    const res = await get('/api/v1/anything', { method: 'POST', body: new Uint8Array(size) });
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.error.code).toBe('payload_too_large');
  });

  it.each([2, 8])('refuses a %i MB chunked body (no Content-Length) with a JSON 413', async (megabytes) => {
    const res = await get('/api/v1/anything', { method: 'POST', body: chunkedBody(megabytes * 1024 * 1024), duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('payload_too_large');
  });

  it('lets a body under the limit through to routing', async () => {
    const res = await get('/api/v1/anything', { method: 'POST', body: 'x'.repeat(1024) });
    expect(res.status).toBe(404);
  });

  it('the connection keeps serving after a refused body', async () => {
    await get('/api/v1/anything', { method: 'POST', body: chunkedBody(2 * 1024 * 1024), duplex: 'half' } as RequestInit);
    expect((await get('/api/v1/health')).status).toBe(200);
  });
});

function chunkedBody(totalBytes: number): ReadableStream<Uint8Array> {
  const chunk = new Uint8Array(64 * 1024).fill(120);
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent >= totalBytes) return controller.close();
      sent += chunk.length;
      controller.enqueue(chunk);
    },
  });
}

describe('security headers', () => {
  it.each(['/', '/api/v1/health', '/api/nope', '/assets/index-AbC123.js', '/assets/missing.js', '/sw.js'])(
    'are on %s',
    async (p) => {
      const res = await get(p);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('permissions-policy')).toContain('microphone=()');
    },
  );

  it('the CSP allows no inline script and no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self';");
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });
});

describe('static files from dist/', () => {
  it.each([
    ['/sw.js', 'text/javascript'],
    ['/index.html', 'text/html'],
    ['/registerSW.js', 'text/javascript'],
    ['/manifest.webmanifest', 'application/manifest+json'],
    ['/workbox-1a2b3c4d.js', 'text/javascript'],
  ])('%s is served with Cache-Control: no-cache and %s', async (p, type) => {
    const res = await get(p);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('content-type')).toContain(type);
  });

  it.each([
    ['/assets/index-AbC123.js', 'text/javascript'],
    ['/assets/index-DeF456.css', 'text/css'],
  ])('hashed %s is immutable for a year (%s)', async (p, type) => {
    const res = await get(p);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toContain(type);
  });

  it.each([
    ['/favicon.svg', 'image/svg+xml'],
    ['/icons/icon-192.png', 'image/png'],
  ])('%s has content type %s', async (p, type) => {
    const res = await get(p);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  it('revalidation with the ETag answers 304 without a body', async () => {
    const first = await get('/sw.js');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const second = await get('/sw.js', { headers: { 'If-None-Match': etag! } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
  });

  it('HEAD answers headers without a body', async () => {
    const res = await get('/sw.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe('');
  });

  it('compresses a page of about a kilobyte too (the built index.html is ~1,000 bytes)', async () => {
    writeFileSync(path.join(workspace.distDir, 'assets/page-Kb1000.css'), `.a{color:red}${' .b{margin:0}'.repeat(70)}`);
    const res = await get('/assets/page-Kb1000.css', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toContain('.b{margin:0}');
  });

  it('compresses large text files for clients that accept gzip', async () => {
    const res = await get('/assets/index-AbC123.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(await res.text()).toContain('xxxx');
  });
});

describe('SPA fallback', () => {
  it.each(['/', '/members', '/members/01J9Z3K6R8', '/meetings/abc/attendance'])('%s serves index.html, no-cache', async (p) => {
    const res = await get(p);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it('a navigation (Accept: text/html) to a dotted path still gets the app', async () => {
    const res = await get('/members/nguyen.van.a', { headers: { Accept: 'text/html' } });
    expect(await res.text()).toBe(INDEX_HTML);
  });

  it.each(['/assets/index-Old999.js', '/assets/', '/missing.png', '/old-chunk.js'])('missing file %s is a 404, not HTML', async (p) => {
    const res = await get(p);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('<html');
  });
});

describe('path traversal', () => {
  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e/%2e%2e/secret.txt',
    '/secret.txt%00.js',
    '/linked-secret.txt',
    '/.env',
    '/%E0%A4%A',
  ])('%s never reaches a file outside dist/', async (p) => {
    const res = await rawGet(p);
    expect(res.body).not.toContain(SECRET_TEXT);
    expect(res.body).not.toContain('SECRET=dotfile');
    expect([400, 404]).toContain(res.status);
  });
});

describe('app not built yet', () => {
  it('API works and app pages answer 503 with a hint', async () => {
    const empty = makeWorkspace();
    const other = await startTestServer({ ...empty, distDir: path.join(empty.root, 'no-dist') });
    try {
      expect((await fetch(`${other.url}/api/v1/health`)).status).toBe(200);
      const page = await fetch(`${other.url}/members`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npm run build');
    } finally {
      await other.close();
      empty.remove();
    }
  });
});

describe('database down', () => {
  it('health answers a JSON 503 without internals', async () => {
    const ws = makeWorkspace();
    const other = await startTestServer(ws);
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await other.store.close();
      const res = await fetch(`${other.url}/api/v1/health`);
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toMatchObject({ ok: false, error: { code: 'db_unavailable', message: 'The database is not answering' } });
      expect(text).not.toMatch(/at .*\.ts|better-sqlite3/);
      expect(log).toHaveBeenCalled(); // the cause goes to the server log instead
    } finally {
      log.mockRestore();
      await other.close();
      ws.remove();
    }
  });
});

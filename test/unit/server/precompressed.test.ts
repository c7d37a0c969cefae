// Text files go out in the compressed form the build wrote beside them (scripts/precompress.ts):
// Brotli when the browser takes it, else gzip -9, else the file as it is (gzipped on the fly by
// the compress middleware, as before). Requests are made with node:http, which does not inflate,
// so the bytes on the wire are what is checked.
import { request } from 'node:http';
import { existsSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/src/server';
import { precompress } from '../../../scripts/precompress';
import { makeWorkspace, startTestServer, type TempWorkspace } from './helpers';

let workspace: TempWorkspace;
let server: RunningServer;
const JS = 'assets/index-AbC123.js';

beforeAll(async () => {
  workspace = makeWorkspace();
  writeFileSync(path.join(workspace.distDir, 'assets/stale-Zz9.js'), `export const s = ${JSON.stringify('y'.repeat(3000))};`);
  precompress(workspace.distDir);
  // a form older than its file (the file replaced after the build) must not be sent
  const old = new Date(Date.now() - 60_000);
  utimesSync(path.join(workspace.distDir, 'assets/stale-Zz9.js.br'), old, old);
  utimesSync(path.join(workspace.distDir, 'assets/stale-Zz9.js.gz'), old, old);
  server = await startTestServer(workspace);
});

afterAll(async () => {
  await server?.close();
  workspace?.remove();
});

function get(pathname: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(server.url + pathname, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const original = (relative: string) => readFileSync(path.join(workspace.distDir, relative));

describe('the build writes the forms', () => {
  it('a Brotli and a gzip form beside each text file big enough to gain, none beside small files or images', () => {
    const dist = workspace.distDir;
    expect(brotliDecompressSync(readFileSync(path.join(dist, JS + '.br')))).toEqual(original(JS));
    expect(gunzipSync(readFileSync(path.join(dist, JS + '.gz')))).toEqual(original(JS));
    expect(existsSync(path.join(dist, 'assets/index-DeF456.css.br'))).toBe(false); // 19 bytes
    expect(existsSync(path.join(dist, 'icons/icon-192.png.br'))).toBe(false);
  });
});

describe('a text file is sent in the form the browser accepts', () => {
  it('Chromium (gzip, deflate, br, zstd): Brotli, varying by Accept-Encoding', async () => {
    const res = await get('/' + JS, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toContain('Accept-Encoding');
    expect(res.headers['content-type']).toContain('text/javascript');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(res.body.byteLength);
    expect(brotliDecompressSync(res.body)).toEqual(original(JS));
  });

  it('gzip only, or br refused with q=0: the gzip -9 form', async () => {
    for (const accept of ['gzip', 'br;q=0, gzip']) {
      const res = await get('/' + JS, { 'Accept-Encoding': accept });
      expect(res.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(res.body)).toEqual(original(JS));
    }
  });

  it('no Accept-Encoding: the file as it is', async () => {
    const res = await get('/' + JS);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toEqual(original(JS));
  });

  it('each form has its own ETag, and revalidates with it', async () => {
    const br = await get('/' + JS, { 'Accept-Encoding': 'br' });
    const gz = await get('/' + JS, { 'Accept-Encoding': 'gzip' });
    expect(br.headers.etag).not.toBe(gz.headers.etag);
    const again = await get('/' + JS, { 'Accept-Encoding': 'br', 'If-None-Match': String(br.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.body.byteLength).toBe(0);
  });

  it('a form older than its file is never sent', async () => {
    const res = await get('/assets/stale-Zz9.js', { 'Accept-Encoding': 'br' });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toEqual(original('assets/stale-Zz9.js'));
  });

  it('a form that is a symlink is not followed out of dist/', async () => {
    writeFileSync(path.join(workspace.distDir, 'robots-big.txt'), 'User-agent: *\n'.repeat(100));
    symlinkSync(path.join(workspace.root, 'secret.txt'), path.join(workspace.distDir, 'robots-big.txt.br'));
    const res = await get('/robots-big.txt', { 'Accept-Encoding': 'br' });
    expect(res.headers['content-encoding']).not.toBe('br');
    expect(res.body.toString()).not.toContain(readFileSync(path.join(workspace.root, 'secret.txt'), 'utf8'));
  });
});

// @vitest-environment node
// The precache pack (src/pwa/pack.ts, scripts/precache-pack.ts): what the build writes, the
// service worker reads back byte for byte, with the server's Content-Type, and only the files
// its own manifest wants (a pack from a newer deploy may hold others).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../../scripts/precache-pack';
import { readPack } from '../../../src/pwa/pack';
import { matchesAny } from '../../../scripts/precache-plan';

const ORIGIN = 'https://app.example';
let dir: string;
const files: Record<string, string | Buffer> = {
  'assets/f-home-AbC12345.js': 'export const home = "Trang chủ – Chi đoàn";\n'.repeat(50),
  'assets/f-home-Zz_9-xYw.css': '.home{color:#0b5cad}',
  'assets/icon-Qq11Ww22.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  'index.html': '<!doctype html><title>x</title>',
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'scd-pack-'));
  mkdirSync(join(dir, 'assets'));
  for (const [f, body] of Object.entries(files)) writeFileSync(join(dir, f), body);
  (globalThis as { location?: unknown }).location = { href: ORIGIN + '/' };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

class FakeCache {
  puts = new Map<string, Response>();
  async put(url: string, res: Response) {
    this.puts.set(url, res);
  }
}

const entries = Object.keys(files).map((url) => ({ url, size: 0, revision: url === 'index.html' ? 'abc' : null }));

describe('precache pack', () => {
  it('holds the hashed files only, and reads back what the manifest wants, byte for byte, with its Content-Type', async () => {
    const { raw, files: packed } = buildPack(dir, entries);
    expect(packed.map((f) => f.url)).toEqual(['/assets/f-home-AbC12345.js', '/assets/f-home-Zz_9-xYw.css', '/assets/icon-Qq11Ww22.svg']);
    const cache = new FakeCache();
    const wanted = new Set([`${ORIGIN}/assets/f-home-AbC12345.js`, `${ORIGIN}/assets/icon-Qq11Ww22.svg`]);
    const n = await readPack(Promise.resolve(new Response(new Uint8Array(raw))), cache as unknown as Cache, wanted);
    expect(n).toBe(2);
    expect([...cache.puts.keys()]).toEqual([...wanted]);
    const js = cache.puts.get(`${ORIGIN}/assets/f-home-AbC12345.js`)!;
    expect(await js.text()).toBe(files['assets/f-home-AbC12345.js']);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await cache.puts.get(`${ORIGIN}/assets/icon-Qq11Ww22.svg`)!.text()).toBe(files['assets/icon-Qq11Ww22.svg']);
  });

  it('refuses a failed response and a truncated pack (the worker then fetches file by file)', async () => {
    const cache = new FakeCache();
    await expect(readPack(Promise.resolve(new Response('gone', { status: 404 })), cache as unknown as Cache, new Set())).rejects.toThrow('404');
    const cut = buildPack(dir, entries).raw.subarray(0, -5);
    await expect(readPack(Promise.resolve(new Response(new Uint8Array(cut))), cache as unknown as Cache, new Set())).rejects.toThrow('the index says');
  });

  it('a node_modules/ prefix on the not-precached list matches the package wherever it is installed', () => {
    const isLeftOut = matchesAny(['node_modules/workbox-window/', 'src/features/setup/SetupPage.tsx']);
    expect(isLeftOut('/work/main/node_modules/workbox-window/build/workbox-window.prod.es5.mjs')).toBe(true);
    expect(isLeftOut('node_modules/workbox-window/build/workbox-window.prod.es5.mjs')).toBe(true);
    expect(isLeftOut('/work/main/node_modules/workbox-core/index.mjs')).toBe(false);
    expect(isLeftOut('src/features/setup/SetupPage.tsx')).toBe(true);
  });
});

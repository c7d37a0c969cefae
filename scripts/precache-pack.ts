// Writes dist/precache.pack (src/pwa/pack.ts): the precache's hashed files in one file, which
// the service worker fetches in one request at install (PERFORMANCE.md B8); the build's
// precompress step (scripts/precompress.ts) writes its Brotli and gzip forms beside it. Runs as a
// workbox manifestTransform, after the precache plan has dropped what is not precached, so the
// pack holds exactly the precache's hashed entries. Revisioned entries (index.html, the web
// manifest, the favicon: no hash in their names) stay out: the worker fetches them beside it,
// with the server's own headers.
import { readFileSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { PACK_URL, type PackedFile } from '../src/pwa/pack.ts';

/** The server's Content-Type for each kind of hashed file (server/src/http/static-files.ts). */
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
};

type Entry = { url: string; size: number; revision: string | null };

/** The pack of `entries` (urls relative to distDir), as written to disk. */
export function buildPack(distDir: string, entries: Entry[]): { raw: Buffer; files: PackedFile[] } {
  const hashed = entries.filter((e) => e.revision === null);
  const bodies = hashed.map((e) => readFileSync(join(distDir, e.url)));
  const files = hashed.map((e, i) => {
    const type = TYPES[extname(e.url)];
    if (!type) throw new Error(`precache pack: no Content-Type known for ${e.url}`);
    return { url: '/' + e.url.replace(/^\//, ''), type, size: bodies[i].byteLength };
  });
  return { raw: Buffer.concat([Buffer.from(JSON.stringify(files) + '\n'), ...bodies]), files };
}

/** The vite side: knows outDir; its manifestTransform writes the pack and leaves the manifest as it is. */
export function precachePack(): {
  plugin: Plugin;
  manifestTransform: (entries: Entry[]) => { manifest: Entry[]; warnings: string[] };
} {
  let outDir = '';
  return {
    plugin: {
      name: 'scd:precache-pack',
      apply: 'build',
      configResolved(config) {
        outDir = resolve(config.root, config.build.outDir);
      },
    },
    manifestTransform: (entries) => {
      if (!outDir) return { manifest: entries, warnings: ['precache pack: outDir unknown; no pack written'] };
      writeFileSync(join(outDir, PACK_URL.slice(1)), buildPack(outDir, entries).raw);
      return { manifest: entries, warnings: [] };
    },
  };
}

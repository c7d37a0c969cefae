// Writes beside each text file of dist/ its Brotli (.br, quality 11) and gzip (.gz, level 9)
// forms, once at build time; the server sends the one the browser asks for
// (server/src/http/static-files.ts) instead of gzipping every answer on the fly at its default
// level. Brotli at its best is ~10 % smaller than gzip on the member list's first load and
// ~17 % on the precache pack (docs/decisions.md, "Files sent compressed at build time").
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Kinds of file worth compressing (images and fonts are compressed already). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.webmanifest', '.svg', '.txt', '.xml', '.wasm', '.pack']);
/** Below this, headers outweigh the saving (the server's compress threshold). */
export const MIN_BYTES = 512;

/** Every file of `dir` (recursively) that gets compressed forms. */
function compressible(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...compressible(full));
    else if (entry.isFile() && COMPRESSIBLE.has(extname(entry.name).toLowerCase()) && statSync(full).size >= MIN_BYTES) found.push(full);
  }
  return found;
}

export function brotli(body: Buffer): Buffer {
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
      // a window as large as the file (up to 16 MiB): the pack repeats across its 400 KB
      [constants.BROTLI_PARAM_LGWIN]: Math.min(24, Math.max(16, Math.ceil(Math.log2(body.byteLength + 1)))),
    },
  });
}

/** Writes `f.br` and `f.gz` beside each compressible file of `dir`; returns how many files. */
export function precompress(dir: string): number {
  const files = compressible(resolve(dir));
  for (const f of files) {
    const body = readFileSync(f);
    writeFileSync(f + '.br', brotli(body));
    writeFileSync(f + '.gz', gzipSync(body, { level: 9 }));
  }
  return files.length;
}

/** The vite side: after everything else has written dist/ (the service worker and the pack too). */
export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'scd:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      sequential: true,
      order: 'post',
      handler() {
        precompress(outDir);
      },
    },
  };
}

// Serves the built PWA from dist/. Caching follows the service worker's needs (DESIGN.md, PWA):
// - /assets/* carry a content hash in their name → cached for a year, immutable;
// - everything else (sw.js, index.html, registerSW.js, manifest.webmanifest, workbox-*.js,
//   icons) → `no-cache`: the browser revalidates (ETag) each time, so a deploy is seen at once.
// - a text file is sent in the Brotli or gzip form the build wrote beside it (scripts/
//   precompress.ts) when the browser accepts it, with Vary: Accept-Encoding; without such a
//   form the compress middleware gzips it on the fly as before.
// Any other GET that looks like an app route gets index.html (SPA fallback). A missing
// /assets/ file or a missing file with an extension is a 404, never index.html, so a stale
// chunk fails loudly instead of being parsed as HTML.
import { lstat, realpath, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context, Handler } from 'hono';

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.wasm': 'application/wasm',
};

type RequestPath =
  | { kind: 'file'; relative: string } // '' means the root
  | { kind: 'hidden' } // a dot-file or dot-folder: never served
  | { kind: 'bad' }; // traversal, NUL, backslash or broken %-encoding

interface FoundFile {
  absolute: string;
  size: number;
  mtime: Date;
}

export function serveApp(distDir: string): Handler {
  const root = path.resolve(distDir);
  return async function serveAppFile(c) {
    const requested = parseRequestPath(new URL(c.req.url).pathname);
    if (requested.kind === 'bad') return c.text('Bad Request', 400);
    if (requested.kind === 'file' && requested.relative !== '') {
      const file = await findFile(root, requested.relative);
      if (file) return sendFile(c, file, requested.relative);
    }
    if (requested.kind === 'file' && isAppRoute(requested.relative, c.req.header('Accept'))) {
      const index = await findFile(root, 'index.html');
      if (!index) return c.text('The app is not built yet. Run: npm run build (or npm start).', 503);
      return sendFile(c, index, 'index.html');
    }
    return c.text('Not Found', 404);
  };
}

/** Decodes the URL path and refuses anything that could step outside dist/. */
export function parseRequestPath(pathname: string): RequestPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: 'bad' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'bad' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return { kind: 'bad' };
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'hidden' };
  return { kind: 'file', relative: segments.join('/') };
}

function isAppRoute(relative: string, accept: string | undefined): boolean {
  if (relative === 'assets' || relative.startsWith('assets/')) return false;
  const last = relative.split('/').at(-1) ?? '';
  return !last.includes('.') || (accept ?? '').includes('text/html');
}

async function findFile(root: string, relative: string): Promise<FoundFile | null> {
  const candidate = path.resolve(root, relative);
  if (!candidate.startsWith(root + path.sep)) return null;
  try {
    // realpath: a symlink inside dist/ must not lead outside it either.
    const [absolute, realRoot] = await Promise.all([realpath(candidate), realpath(root)]);
    if (!absolute.startsWith(realRoot + path.sep)) return null;
    const info = await stat(absolute);
    return info.isFile() ? { absolute, size: info.size, mtime: info.mtime } : null;
  } catch {
    return null;
  }
}

function cacheControlFor(relative: string): string {
  return relative.startsWith('assets/') ? IMMUTABLE_CACHE : REVALIDATE_CACHE;
}

async function sendFile(c: Context, file: FoundFile, relative: string): Promise<Response> {
  const compressed = await compressedForm(file, c.req.header('Accept-Encoding'));
  const sent = compressed?.file ?? file;
  const etag = `W/"${sent.size.toString(16)}-${Math.floor(sent.mtime.getTime()).toString(16)}${compressed ? `-${compressed.encoding}` : ''}"`;
  const headers: Record<string, string> = {
    'Cache-Control': cacheControlFor(relative),
    ETag: etag,
    'Last-Modified': file.mtime.toUTCString(),
  };
  if (compressed) {
    headers['Content-Encoding'] = compressed.encoding;
    headers.Vary = 'Accept-Encoding';
  }
  if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304, headers);
  const body = await readFile(sent.absolute);
  headers['Content-Type'] = CONTENT_TYPES[path.extname(relative).toLowerCase()] ?? 'application/octet-stream';
  headers['Content-Length'] = String(body.byteLength);
  return c.body(body, 200, headers);
}

/** Encodings the build writes beside a file, best first (scripts/precompress.ts). */
const FORMS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

/**
 * A form written this long before its file is stale (the file was replaced after the build):
 * never sent. Not "any older": a copy of dist/ (cp -r) dates each file by when it was copied,
 * a form sometimes a moment before its file.
 */
const STALE_MS = 1000;

/** The build's compressed form of `file` that the browser accepts (q > 0), unless stale. */
async function compressedForm(file: FoundFile, acceptEncoding: string | undefined): Promise<{ file: FoundFile; encoding: string } | null> {
  if (!acceptEncoding) return null;
  const accepted = new Set<string>();
  for (const part of acceptEncoding.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name.trim());
  }
  for (const form of FORMS) {
    if (!accepted.has(form.encoding)) continue;
    try {
      const info = await lstat(file.absolute + form.suffix); // lstat: a symlink is not followed out of dist/
      if (info.isFile() && info.mtimeMs > file.mtime.getTime() - STALE_MS) return { file: { absolute: file.absolute + form.suffix, size: info.size, mtime: info.mtime }, encoding: form.encoding };
    } catch {
      // no such form: the next, or the file as it is
    }
  }
  return null;
}

function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

// Test fixtures for the server: a temporary DATA_DIR, a fake built PWA (dist/) and a real
// server listening on a random loopback port.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '../../../server/src/server';

export const SECRET_TEXT = 'TOP-SECRET-OUTSIDE-DIST';
export const INDEX_HTML = '<!doctype html><html lang="vi"><head><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="app"></div></body></html>';

export interface TempWorkspace {
  root: string;
  dataDir: string;
  distDir: string;
  remove(): void;
}

/** A temp folder with data/, dist/ (a fake build) and secret.txt beside dist/. */
export function makeWorkspace(): TempWorkspace {
  const root = mkdtempSync(path.join(tmpdir(), 'scd-server-'));
  const dataDir = path.join(root, 'data');
  const distDir = path.join(root, 'dist');
  const files: Record<string, string> = {
    'index.html': INDEX_HTML,
    'sw.js': 'self.addEventListener("install", () => {});',
    'registerSW.js': 'navigator.serviceWorker.register("/sw.js");',
    'manifest.webmanifest': JSON.stringify({ name: 'Sổ Chi Đoàn', start_url: '/' }),
    'workbox-1a2b3c4d.js': 'self.workbox = {};',
    'assets/index-AbC123.js': `export const big = ${JSON.stringify('x'.repeat(4000))};`,
    'assets/index-DeF456.css': 'body { margin: 0; }',
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'icons/icon-192.png': '\x89PNG fake',
    'robots.txt': 'User-agent: *',
    '.env': 'SECRET=dotfile',
  };
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(distDir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  writeFileSync(path.join(root, 'secret.txt'), SECRET_TEXT);
  return { root, dataDir, distDir, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function startTestServer(workspace: TempWorkspace, maxBodyBytes?: number): Promise<RunningServer> {
  return startServer({ port: 0, host: '127.0.0.1', dataDir: workspace.dataDir, distDir: workspace.distDir, maxBodyBytes });
}

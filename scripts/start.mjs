// `npm start`: build the PWA if dist/ is missing or older than its sources, then run the server
// (TypeScript through tsx, in this same process so signals reach it directly).
// Works on a fresh clone after `npm install`; nothing else to install.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the built app depends on; a change to any of them means dist/ is stale. */
export const BUILD_INPUTS = ['src', 'index.html', 'vite.config.ts', 'public'];

/**
 * Why dist/ must be rebuilt, or null when it is up to date.
 * @param {string} root project folder
 * @returns {string | null}
 */
export function staleBuildReason(root) {
  const builtIndex = path.join(root, 'dist', 'index.html');
  if (!existsSync(builtIndex)) return 'dist/index.html does not exist';
  const builtAt = statSync(builtIndex).mtimeMs;
  for (const input of BUILD_INPUTS) {
    const newer = findNewerThan(path.join(root, input), builtAt);
    if (newer) return `${path.relative(root, newer)} changed after the last build`;
  }
  return null;
}

/** @returns {string | null} the first file under `target` modified after `time` */
function findNewerThan(target, time) {
  if (!existsSync(target)) return null;
  const info = statSync(target);
  if (info.isFile()) return info.mtimeMs > time ? target : null;
  if (!info.isDirectory()) return null;
  for (const entry of readdirSync(target)) {
    const found = findNewerThan(path.join(target, entry), time);
    if (found) return found;
  }
  return null;
}

function buildApp() {
  const viteBin = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(viteBin)) {
    console.error('[start] vite is not installed. Run: npm install');
    process.exit(1);
  }
  const result = spawnSync(process.execPath, [viteBin, 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[start] the app build failed (exit ${result.status ?? result.signal}); not starting the server.`);
    process.exit(result.status || 1);
  }
}

async function main() {
  process.chdir(ROOT);
  const reason = staleBuildReason(ROOT);
  if (reason) {
    console.log(`[start] building the app: ${reason}`);
    buildApp();
  } else {
    console.log('[start] dist/ is up to date');
  }
  const { register } = await import('tsx/esm/api');
  register();
  await import(pathToFileURL(path.join(ROOT, 'server', 'src', 'index.ts')).href);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}

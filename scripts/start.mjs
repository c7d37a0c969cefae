// `npm start`: build the PWA if dist/ is missing or older than its sources, and the server if
// dist-server/index.mjs is, then run the built server in this same process (plain node, so
// signals reach it directly). Works on a fresh clone after `npm install`; nothing else to
// install. A production install (`npm ci --omit=dev` beside a copied dist/ and dist-server/)
// has no build tools: it serves what was built, and says so if the sources look newer.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { SERVER_BUILD_INPUTS, SERVER_OUTFILE, buildServer } from './build-server.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What the built app depends on; a change to any of them means dist/ is stale. */
export const BUILD_INPUTS = ['src', 'index.html', 'vite.config.ts', 'public'];

/**
 * Why a build must be redone, or null when it is up to date.
 * @param {string} root project folder
 * @param {string} output the built file, relative to root (default: the app's dist/index.html)
 * @param {string[]} inputs what it is built from
 * @returns {string | null}
 */
export function staleBuildReason(root, output = 'dist/index.html', inputs = BUILD_INPUTS) {
  const built = path.join(root, output);
  if (!existsSync(built)) return `${output} does not exist`;
  const builtAt = statSync(built).mtimeMs;
  for (const input of inputs) {
    const newer = findNewerThan(path.join(root, input), builtAt);
    if (newer) return `${path.relative(root, newer)} changed after the last build`;
  }
  return null;
}

/** Why dist-server/index.mjs must be rebuilt, or null when it is up to date. */
export function staleServerReason(root) {
  return staleBuildReason(root, SERVER_OUTFILE, SERVER_BUILD_INPUTS);
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

const hasVite = () => existsSync(path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'));
const hasEsbuild = () => existsSync(path.join(ROOT, 'node_modules', 'esbuild', 'package.json'));

function buildApp() {
  const viteBin = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [viteBin, 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`[start] the app build failed (exit ${result.status ?? result.signal}); not starting the server.`);
    process.exit(result.status || 1);
  }
}

/**
 * Builds `output` when `reason` says it is stale. Without the build tools an existing build is
 * served as it is (a production install); a missing one stops here with what to do.
 */
async function ensureBuilt(what, output, reason, canBuild, build) {
  if (!reason) return void console.log(`[start] ${output} is up to date`);
  if (!canBuild()) {
    if (existsSync(path.join(ROOT, output))) {
      return void console.warn(`[start] ${reason}, but the build tools are not installed (npm ci --omit=dev?): running the ${what} built before.`);
    }
    console.error(
      `[start] ${output} is missing and the build tools are not installed. Run: npm install (npm start then builds it), ` +
        'or build on a build machine (npm ci && npm run build) and copy dist/ and dist-server/ here.',
    );
    process.exit(1);
  }
  console.log(`[start] building the ${what}: ${reason}`);
  await build();
}

async function main() {
  process.chdir(ROOT);
  await ensureBuilt('app', 'dist/index.html', staleBuildReason(ROOT), hasVite, buildApp);
  await ensureBuilt('server', SERVER_OUTFILE, staleServerReason(ROOT), hasEsbuild, () => buildServer({ root: ROOT }));
  await import(pathToFileURL(path.join(ROOT, SERVER_OUTFILE)).href);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  await main();
}

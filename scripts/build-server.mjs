// Builds the server into one file, dist-server/index.mjs, that plain node runs: `npm run build`
// (after the app) and `npm start` (when it is missing or older than its sources) call it.
// Our TypeScript, hono and zod are bundled in; what must be installed beside it stays an
// import: better-sqlite3 (a native addon) and pg (the Postgres client, loaded only with
// DATABASE_URL). Both are in package.json "dependencies", so `npm ci --omit=dev` installs
// everything the built server needs, and neither tsx nor esbuild is needed at run time
// (issue 12: through tsx the server took 0.5–1.4 s to answer and ~113 MB).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Packages the bundle imports at run time instead of containing them. */
export const SERVER_EXTERNALS = ['better-sqlite3', 'pg', 'pg-native'];
/** What the built server is made of; a change to any of them means dist-server/ is stale. */
export const SERVER_BUILD_INPUTS = ['server/src', 'src', 'package.json', 'scripts/build-server.mjs', 'scripts/server-flags.mjs'];
export const SERVER_OUTFILE = 'dist-server/index.mjs';

/**
 * Bundles server/src/index.ts into `outfile` (default dist-server/index.mjs under `root`).
 * @param {{ root?: string, outfile?: string }} [options]
 * @returns {Promise<import('esbuild').Metafile>} what went into the bundle and what it imports
 */
export async function buildServer({ root = ROOT, outfile = path.join(root, SERVER_OUTFILE) } = {}) {
  const { build } = await import('esbuild');
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const result = await build({
    entryPoints: [path.join(root, 'server/src/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: SERVER_EXTERNALS,
    // server/src/version.ts reads package.json beside the sources; the bundle carries it instead
    define: { SCD_APP_VERSION: JSON.stringify(version) },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  return result.metafile;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const started = performance.now();
  await buildServer();
  console.log(`[build-server] ${SERVER_OUTFILE} built in ${Math.round(performance.now() - started)} ms`);
}

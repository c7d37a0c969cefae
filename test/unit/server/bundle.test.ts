// The built server (scripts/build-server.mjs → dist-server/index.mjs) is what npm start and a
// production install run with plain node. Guard what `npm ci --omit=dev` relies on: the bundle
// imports nothing but Node built-ins and packages of "dependencies", and it starts without tsx,
// answers /health with the package's version and stops cleanly.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, type TempWorkspace } from './helpers';
import { killSpawned, spawnServer } from './spawn';

const ROOT = path.resolve(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; dependencies: Record<string, string> };

type Metafile = { outputs: Record<string, { imports: { path: string; external?: boolean }[] }> };
type BuildScript = { buildServer(options: { root?: string; outfile?: string }): Promise<Metafile>; SERVER_EXTERNALS: string[] };

// Inside the project (.tmp/ is ignored by git), so the bundle finds node_modules as it would in dist-server/.
let buildDir: string;
let outfile: string;
let metafile: Metafile;
let workspace: TempWorkspace;

beforeAll(async () => {
  const script = (await import(pathToFileURL(path.join(ROOT, 'scripts/build-server.mjs')).href)) as BuildScript;
  mkdirSync(path.join(ROOT, '.tmp'), { recursive: true });
  buildDir = mkdtempSync(path.join(ROOT, '.tmp', 'bundle-test-'));
  outfile = path.join(buildDir, 'index.mjs');
  metafile = await script.buildServer({ root: ROOT, outfile });
  workspace = makeWorkspace();
}, 60_000);

afterAll(() => {
  killSpawned();
  rmSync(buildDir, { recursive: true, force: true });
  workspace?.remove();
});

/** `pg/lib/x` → `pg`, `@hono/node-server/conninfo` → `@hono/node-server` */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

describe('the built server', () => {
  it('imports only Node built-ins and packages listed in "dependencies"', () => {
    const imports = Object.values(metafile.outputs).flatMap((o) => o.imports);
    const packages = [...new Set(imports.filter((i) => i.external && !isBuiltin(i.path)).map((i) => packageOf(i.path)))];
    expect(packages.length).toBeGreaterThan(0);
    for (const name of packages) expect(pkg.dependencies, `the bundle imports ${name}`).toHaveProperty([name]);
    expect(packages).toContain('better-sqlite3');
    expect(packages).not.toContain('tsx');
  });

  it('starts with plain node on a fresh DATA_DIR, answers /health with the package version, and stops on SIGTERM', async () => {
    const server = await spawnServer(workspace, undefined, {}, { args: [outfile], cwd: workspace.root, cleanEnv: true });
    const url = server.url;
    const health = await fetch(`${url}/api/v1/health`);
    expect(await health.json()).toMatchObject({ ok: true, version: pkg.version, db: 'sqlite' });
    expect(await (await fetch(`${url}/`)).text()).toContain('<div id="app">');
    expect(await server.stop('SIGTERM')).toBe(0);
  }, 30_000);
});

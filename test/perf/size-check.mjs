#!/usr/bin/env node
// B1 (PERFORMANCE.md): bytes for first load, gzip level 9, read from the build in dist/.
//
//   npm run test:size            (after npm run build; part of npm test)
//   node test/perf/size-check.mjs --dist other/dist --verbose
//
// What each check counts (unique files, each gzipped on its own, as a browser fetches them):
//   shell JS            the entry script(s) of dist/index.html + every chunk they import
//                       statically (+ <link rel=modulepreload>); lazy import() is not followed
//   shell HTML+CSS      dist/index.html + the stylesheets it links
//   first member list   shell JS + shell HTML+CSS + the MembersPage route chunk, its static
//                       imports (Dexie among them) and the CSS vite attaches to them
//   precache            every URL in the precache manifest of dist/sw.js
// and, not a size: the precache holds the field screens and none of the screens left out of
// it (test/perf/precache-policy.json; the build decides, scripts/precache-plan.ts).
// The module graph comes from dist/.vite/manifest.json when the build writes one, otherwise
// from the built files themselves (static `import … from "./x.js"` statements and vite's
// __vite__mapDeps preload lists).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, resolve, posix } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');

export function loadBudgets() {
  return JSON.parse(readFileSync(join(HERE, 'budgets.json'), 'utf8'));
}

const gzCache = new Map();
function gzipSize(file) {
  if (!gzCache.has(file)) gzCache.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzCache.get(file);
}

/** dist-relative posix path of a URL found in index.html or a chunk ("/assets/x.js" → "assets/x.js"). */
function toDistPath(url, fromDistPath = '') {
  const clean = url.split(/[?#]/)[0];
  if (/^[a-z]+:/i.test(clean)) return null; // absolute URL: not ours
  if (clean.startsWith('/')) return clean.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromDistPath), clean));
}

/** Static import specifiers of a built ES module (import … from, import "x", export … from). */
export function staticImports(code) {
  const out = new Set();
  // `import{a as b}from"./x.js"`, `import x from './x.js'`, `import*as x from"./x.js"`, `export{a}from"./x.js"`
  const re = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$]+\s*,?\s*)?(?:\*\s*as\s*[\w$]+|\*|\{[^}]*\})?\s*from\s*(["'`])([^"'`]+)\1/g;
  // `import"./x.js"` (side effect)
  const bare = /(?:^|[^\w$.])import\s*(["'`])([^"'`]+)\1/g;
  for (const m of code.matchAll(re)) out.add(m[2]);
  for (const m of code.matchAll(bare)) out.add(m[2]);
  return [...out];
}

function staticClosure(distDir, roots) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length) {
    const p = stack.pop();
    if (!p || seen.has(p)) continue;
    const abs = join(distDir, p);
    if (!existsSync(abs)) throw new Error(`${p} is referenced but not in ${distDir}`);
    seen.add(p);
    if (!p.endsWith('.js')) continue;
    for (const spec of staticImports(readFileSync(abs, 'utf8'))) {
      if (!spec.startsWith('.') && !spec.startsWith('/')) continue; // bare specifier: not emitted by vite
      stack.push(toDistPath(spec, p));
    }
  }
  return seen;
}

function parseIndexHtml(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const attrs = (tag) => Object.fromEntries([...tag.matchAll(/([\w-]+)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => [m[1].toLowerCase(), m[3] ?? m[4] ?? m[5]]));
  const scripts = [];
  const css = [];
  const preloads = [];
  for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
    const a = attrs(m[0]);
    if (a.src && a.type === 'module') scripts.push(toDistPath(a.src));
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const a = attrs(m[0]);
    const rel = (a.rel ?? '').toLowerCase();
    if (!a.href) continue;
    if (rel === 'stylesheet') css.push(toDistPath(a.href));
    if (rel === 'modulepreload') preloads.push(toDistPath(a.href));
  }
  if (/<script\b(?![^>]*\bsrc=)[^>]*>\s*\S/i.test(html)) {
    // inline script: counted inside index.html already; noted because CSP forbids it (RELIABILITY.md 23)
  }
  return { scripts: scripts.filter(Boolean), css: css.filter(Boolean), preloads: preloads.filter(Boolean) };
}

/** Route chunk of the member list + its CSS, from vite's preload map in the chunk that imports it. */
function membersRouteFromBuild(distDir, candidatesFrom) {
  // Find `import("./MembersPage-xxx.js")` in any emitted chunk (the routes table lives in the shell).
  const re = /import\(\s*(["'`])([^"'`]*\/MembersPage-[\w-]+\.js)\1\s*\)(\s*,\s*([\w$]+)\(\s*\[([\d,\s]*)\]\s*\))?/;
  for (const p of candidatesFrom) {
    if (!p.endsWith('.js')) continue;
    const code = readFileSync(join(distDir, p), 'utf8');
    const m = re.exec(code);
    if (!m) continue;
    const chunk = toDistPath(m[2], p);
    const deps = [];
    if (m[3]) {
      // const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/a.js",…])))=>i.map(i=>d[i]);
      const table = /\.f\s*=\s*\[([^\]]*)\]/.exec(code);
      if (table) {
        const files = [...table[1].matchAll(/(["'`])([^"'`]+)\1/g)].map((x) => x[2]);
        for (const i of m[5].split(',').map((s) => s.trim()).filter(Boolean)) if (files[+i]) deps.push(toDistPath('/' + files[+i]));
      }
    }
    return { chunk, deps };
  }
  return null;
}

/** dist-relative paths of every URL in the precache manifest of dist/sw.js. */
export function precacheManifest(distDir = join(ROOT, 'dist')) {
  const swFile = join(distDir, 'sw.js');
  if (!existsSync(swFile)) throw new Error('dist/sw.js not found (vite-plugin-pwa injectManifest, src/sw.ts)');
  const sw = readFileSync(swFile, 'utf8');
  // the manifest workbox injects into src/sw.ts (a JSON array), or generateSW's precacheAndRoute([…])
  const start = sw.search(/\[\{"(revision|url)"|precacheAndRoute\(/);
  if (start < 0) throw new Error('dist/sw.js has no precache manifest');
  const end = sw.indexOf(']', start);
  const list = sw.slice(start, end + 1);
  return new Set([...list.matchAll(/\burl\s*:\s*(["'`])([^"'`]+)\1|"url"\s*:\s*"([^"]+)"/g)].map((m) => toDistPath(m[2] ?? m[3])));
}

/**
 * The precache against test/perf/precache-policy.json: every "precached" chunk name has a
 * file in it, no "notPrecached" one has (and each of those exists in the build, so a renamed
 * module cannot pass unnoticed).
 */
export function checkPrecacheContents(distDir = join(ROOT, 'dist')) {
  distDir = resolve(distDir);
  const policy = JSON.parse(readFileSync(join(HERE, 'precache-policy.json'), 'utf8'));
  const precache = precacheManifest(distDir);
  const built = readdirSync(join(distDir, 'assets')).map((f) => `assets/${f}`);
  const modules = readModuleMap(distDir);
  // A source module ("src/features/home/HomePage.tsx"): the chunk the build put it in (route
  // chunks are grouped by feature). Otherwise vite's chunk name: <name>-<8-character hash>.js
  const filesOf = (name) =>
    name.includes('/')
      ? modules[name]
        ? [modules[name]]
        : []
      : built.filter((f) => f.startsWith(`assets/${name}-`) && /^-[\w-]{8}\.js$/.test(f.slice(`assets/${name}`.length)));
  const problems = [];
  for (const name of policy.precached) {
    const files = filesOf(name);
    if (!files.length) problems.push(`${name}: no such chunk in the build`);
    else if (!files.some((f) => precache.has(f))) problems.push(`${name}: not precached (${files.join(', ')})`);
  }
  for (const name of policy.notPrecached) {
    const files = filesOf(name);
    if (!files.length) problems.push(`${name}: no such chunk in the build`);
    for (const f of files) if (precache.has(f)) problems.push(`${name}: precached (${f})`);
  }
  return {
    name: `B1 precache holds the ${policy.precached.length} field screens, none of the ${policy.notPrecached.length} left out`,
    pass: problems.length === 0,
    problems,
  };
}

/** Source module → output chunk, written by scripts/precache-plan.ts ({} for other builds). */
function readModuleMap(distDir) {
  const file = join(distDir, '.vite', 'modules.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
}

/** Every check of B1 with the files it counted. */
export function measureB1(distDir = join(ROOT, 'dist')) {
  distDir = resolve(distDir);
  if (!existsSync(join(distDir, 'index.html'))) throw new Error(`${relative(process.cwd(), distDir) || distDir}/index.html not found: run npm run build first`);
  const manifestFile = join(distDir, '.vite', 'manifest.json');
  let shellJs;
  let shellCss;
  let listFiles;
  let source;
  const index = parseIndexHtml(distDir);
  if (existsSync(manifestFile)) {
    source = 'dist/.vite/manifest.json';
    const man = JSON.parse(readFileSync(manifestFile, 'utf8'));
    const closure = (keys, into = { js: new Set(), css: new Set() }) => {
      for (const k of keys) {
        const e = man[k];
        if (!e || into.js.has(e.file)) continue;
        into.js.add(e.file);
        for (const c of e.css ?? []) into.css.add(c);
        closure(e.imports ?? [], into);
      }
      return into;
    };
    const entries = Object.keys(man).filter((k) => man[k].isEntry);
    const shell = closure(entries);
    shellJs = new Set([...shell.js, ...index.scripts, ...index.preloads]);
    shellCss = new Set([...shell.css, ...index.css]);
    // The member list's chunk: its own manifest entry, or the feature group that holds it.
    const listModule = 'src/features/members/MembersPage.tsx';
    const listChunk = readModuleMap(distDir)[listModule];
    const routeKey = man[listModule] ? listModule : Object.keys(man).find((k) => man[k].file === listChunk);
    if (!routeKey) throw new Error('MembersPage not found in dist/.vite/manifest.json');
    const route = closure([routeKey]);
    listFiles = new Set([...shellJs, ...shellCss, 'index.html', ...route.js, ...route.css]);
  } else {
    source = 'dist/index.html + built chunks';
    if (!index.scripts.length) throw new Error('no <script type="module" src> in dist/index.html');
    shellJs = staticClosure(distDir, [...index.scripts, ...index.preloads]);
    shellCss = new Set(index.css);
    const route = membersRouteFromBuild(distDir, [...shellJs]);
    if (!route) throw new Error('no import("./MembersPage-….js") found in the shell chunks: is the member list a lazy route?');
    const routeJs = staticClosure(distDir, [route.chunk, ...route.deps.filter((d) => d.endsWith('.js'))]);
    const routeCss = route.deps.filter((d) => d.endsWith('.css'));
    listFiles = new Set([...shellJs, ...shellCss, 'index.html', ...routeJs, ...routeCss]);
  }

  const precache = precacheManifest(distDir);

  const sum = (files) => [...files].reduce((s, f) => s + gzipSize(join(distDir, f)), 0);
  const htmlCss = new Set(['index.html', ...shellCss]);
  const b = loadBudgets();
  const KB = b.kilobyte ?? 1000;
  const mk = (name, files, budgetKB) => {
    const bytes = sum(files);
    const sized = [...files].map((f) => ({ file: f, gzip: gzipSize(join(distDir, f)) })).sort((a, b) => b.gzip - a.gzip);
    return { name, value: +(bytes / KB).toFixed(2), unit: 'KB', budget: budgetKB, pass: bytes <= budgetKB * KB, bytes, files: [...files].sort(), sized };
  };
  return {
    source,
    distDir,
    checks: [
      mk('B1 shell JS (gzip)', shellJs, b.B1.shellJsKB),
      mk('B1 shell HTML+CSS (gzip)', htmlCss, b.B1.shellHtmlCssKB),
      mk('B1 first interactive member list (gzip)', listFiles, b.B1.firstMemberListKB),
      mk('B1 whole precache (gzip)', precache, b.B1.precacheKB),
    ],
  };
}

export function formatCheck(c) {
  const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(2)) : String(v));
  return `${c.pass ? 'PASS' : 'FAIL'}  ${c.name}: ${fmt(c.value)} ${c.unit} / ${fmt(c.budget)} ${c.unit}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const di = args.indexOf('--dist');
  const verbose = args.includes('--verbose') || args.includes('-v');
  try {
    const { checks, source } = measureB1(di >= 0 ? args[di + 1] : undefined);
    console.log(`B1 bytes for first load, gzip -9, from ${source}`);
    for (const c of checks) {
      console.log(formatCheck(c) + `  (${c.bytes} B, ${c.files.length} files)`);
      // Largest first: all of them with --verbose, the ten largest when over budget.
      const show = verbose ? c.sized : c.pass ? [] : c.sized.slice(0, 10);
      for (const f of show) console.log(`        ${(f.gzip / 1000).toFixed(2).padStart(7)} KB  ${f.file}`);
      if (!verbose && !c.pass && c.sized.length > show.length) console.log(`        … ${c.sized.length - show.length} more (--verbose lists all)`);
    }
    const contents = checkPrecacheContents(di >= 0 ? args[di + 1] : undefined);
    console.log(`${contents.pass ? 'PASS' : 'FAIL'}  ${contents.name}`);
    for (const p of contents.problems) console.log(`        ${p}`);
    const failed = checks.filter((c) => !c.pass).length + (contents.pass ? 0 : 1);
    console.log(`${checks.length + 1 - failed} passed, ${failed} failed`);
    process.exit(failed ? 1 : 0);
  } catch (e) {
    console.error(`size-check: ${e?.message ?? e}`);
    console.log('0 passed, 5 failed');
    process.exit(1);
  }
}

// Which built files the service worker precaches, decided from the build's module graph
// (docs/decisions.md "What is precached"). Used by vite.config.ts at build time.
//
// The precache holds what a secretary needs with no signal: the shell and every chunk it
// can reach. Reaching stops at a dynamic import() of a module on the "not precached" list
// (English, import/export, backup, .docx, online-only screens): that chunk, everything only
// it leads to, its CSS and the files only its code names (the import worker) are left out.
// The service worker caches them at runtime the first time they load (CacheFirst).
// Nothing else is left out, and no file name pattern is involved: a file that field screens
// also reach stays precached.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export interface BuiltChunk {
  /** output file, relative to outDir ("assets/ImportPage-x.js") */
  file: string;
  isEntry: boolean;
  /** the module the chunk is the entry of, root-relative ("src/features/import/ImportPage.tsx") */
  entryModule: string | null;
  /** every module in the chunk, root-relative */
  modules: string[];
  /** output files imported statically / dynamically */
  imports: string[];
  dynamicImports: string[];
  /** CSS files vite attaches to the chunk */
  css: string[];
  code: string;
}

/** The list of left-out files, served beside index.html (not precached itself). */
export const OFFLINE_EXTRAS_FILE = 'offline-extras.json';

export interface PrecachePlan {
  /** output files left out of the precache, sorted */
  leftOut: string[];
  /** "module (matched as not precached) is in precached chunk X": the policy cannot hold */
  conflicts: string[];
}

/**
 * @param chunks     every JS chunk of the build
 * @param assets     every other emitted file (CSS, workers, html, …)
 * @param isLeftOut  is this root-relative module id on the "not precached" list?
 */
export function planPrecache(chunks: BuiltChunk[], assets: string[], isLeftOut: (moduleId: string) => boolean): PrecachePlan {
  const byFile = new Map(chunks.map((c) => [c.file, c]));
  const reached = new Set<string>();
  const stack = chunks.filter((c) => c.isEntry).map((c) => c.file);
  while (stack.length) {
    const file = stack.pop()!;
    const chunk = byFile.get(file);
    if (!chunk || reached.has(file)) continue;
    reached.add(file);
    stack.push(...chunk.imports);
    for (const d of chunk.dynamicImports) {
      const target = byFile.get(d);
      if (target?.entryModule && isLeftOut(target.entryModule)) continue;
      stack.push(d);
    }
  }

  // Files a chunk brings along: its CSS, and other assets its code names (a worker's URL).
  // CSS is taken from vite's metadata only: a chunk's code also names, in its preload lists,
  // the CSS of the chunks it imports lazily.
  const scripts = assets.filter((a) => !/\.(css|html)$/.test(a));
  const named = (c: BuiltChunk) => [...c.css, ...scripts.filter((a) => c.code.includes(a.slice(a.lastIndexOf('/') + 1)))];
  const kept = new Set<string>(reached);
  for (const f of reached) for (const a of named(byFile.get(f)!)) kept.add(a);
  const leftOut = new Set<string>();
  for (const c of chunks) {
    if (reached.has(c.file)) continue;
    leftOut.add(c.file);
    for (const a of named(c)) if (!kept.has(a)) leftOut.add(a);
  }

  const conflicts: string[] = [];
  for (const f of reached) {
    for (const m of byFile.get(f)!.modules) if (isLeftOut(m)) conflicts.push(`${m} is in ${f}, which is precached`);
  }
  return { leftOut: [...leftOut].sort(), conflicts };
}

/**
 * Root-relative path prefixes → predicate over root-relative module ids. A "node_modules/x/"
 * prefix matches that package wherever it is installed (a worktree's node_modules may be a
 * link, and module ids are real paths).
 */
export function matchesAny(prefixes: readonly string[]): (moduleId: string) => boolean {
  return (id) => prefixes.some((p) => id === p || (p.endsWith('/') && (id.startsWith(p) || (p.startsWith('node_modules/') && id.includes('/' + p)))));
}

/**
 * The vite side: plans in generateBundle and hands workbox a manifestTransform that drops
 * the left-out files. The build fails when a module on the list ends up in a precached
 * chunk (a field screen imports it statically): import it lazily, or take it off the list.
 */
export function precachePlan(
  notPrecached: readonly string[],
  /** public/ files also left out of the precache that the app still needs offline (the manifest icons), as URLs */
  publicExtras: readonly string[] = [],
): {
  plugin: Plugin;
  manifestTransform: (entries: { url: string; size: number; revision: string | null }[]) => { manifest: typeof entries; warnings: string[] };
  plan: () => PrecachePlan | undefined;
} {
  let plan: PrecachePlan | undefined;
  let root = '';
  let publicDir = '';
  const rel = (id: string) => (id.startsWith(root + '/') ? id.slice(root.length + 1) : id);
  const isLeftOut = matchesAny(notPrecached);
  const plugin: Plugin = {
    name: 'scd:precache-plan',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root.replace(/\\/g, '/').replace(/\/$/, '');
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const chunks: BuiltChunk[] = [];
      const assets: string[] = [];
      for (const out of Object.values(bundle)) {
        if (out.type === 'asset') {
          assets.push(out.fileName);
          continue;
        }
        chunks.push({
          file: out.fileName,
          isEntry: out.isEntry,
          entryModule: out.facadeModuleId ? rel(out.facadeModuleId) : null,
          modules: out.moduleIds.map(rel),
          imports: out.imports,
          dynamicImports: out.dynamicImports,
          css: [...(out.viteMetadata?.importedCss ?? [])],
          code: out.code,
        });
      }
      plan = planPrecache(chunks, assets, isLeftOut);
      // Which chunk holds each source module: vite's manifest names only chunks with an entry
      // module, not the feature groups (vite.config.ts); test/perf/size-check.mjs reads this.
      const modules: Record<string, string> = {};
      for (const c of chunks) for (const m of c.modules) if (!m.startsWith('\0')) modules[m] = c.file;
      this.emitFile({ type: 'asset', fileName: '.vite/modules.json', source: JSON.stringify(modules, null, 1) });
      // What Settings → "Tải tất cả về máy" fetches so the service worker keeps it (src/pwa/offline-extras.ts).
      const sizes = new Map<string, number>();
      for (const out of Object.values(bundle)) sizes.set(out.fileName, out.type === 'chunk' ? out.code.length : typeof out.source === 'string' ? out.source.length : out.source.byteLength);
      const extras = plan.leftOut.map((f) => ({ url: `/${f}`, bytes: sizes.get(f) ?? 0 }));
      for (const url of publicExtras) extras.push({ url, bytes: statSync(join(publicDir, url)).size });
      this.emitFile({ type: 'asset', fileName: OFFLINE_EXTRAS_FILE, source: JSON.stringify(extras) });
      if (plan.conflicts.length) this.error(`precache plan: ${plan.conflicts.join('; ')}`);
    },
  };
  const manifestTransform = (entries: { url: string; size: number; revision: string | null }[]) => {
    if (!plan) return { manifest: entries, warnings: ['precache plan: the bundle was never planned; everything is precached'] };
    const out = new Set(plan.leftOut);
    return { manifest: entries.filter((e) => !out.has(e.url.replace(/^\//, ''))), warnings: [] };
  };
  return { plugin, manifestTransform, plan: () => plan };
}

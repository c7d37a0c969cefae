// A chunk the precache leaves out names every chunk it reaches (scripts/hoist-imports.ts), so the
// browser fetches them together instead of one level of imports after another (issue 13, B9).
// The imports are added after the chunk's own: what is evaluated, and in which order, stays.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import type { Rollup } from 'vite';
import { hoistTransitiveImports } from '../../../scripts/hoist-imports';

/** A bundle of chunks in assets/: each imports the ones named, and records that it ran. */
function bundleOf(graph: Record<string, string[]>): Rollup.OutputBundle {
  const bundle: Record<string, unknown> = {};
  for (const [name, imports] of Object.entries(graph)) {
    const file = `assets/${name}.js`;
    const code = `${imports.map((i) => `import "./${i}.js";`).join('\n')}\nglobalThis.__order.push(${JSON.stringify(name)});\n`;
    bundle[file] = { type: 'chunk', fileName: file, imports: imports.map((i) => `assets/${i}.js`), code };
  }
  return bundle as Rollup.OutputBundle;
}
const codeOf = (b: Rollup.OutputBundle, name: string) => (b[`assets/${name}.js`] as Rollup.OutputChunk).code;
const added = (b: Rollup.OutputBundle, name: string) => [...codeOf(b, name).matchAll(/import"\.\/([\w-]+)\.js";/g)].map((m) => m[1]).sort();

// The year screen's case: the page imports data and the rules; data imports Dexie; the rules
// import the enums, which Dexie's runtime helper also serves.
const GRAPH = {
  page: ['data', 'rules'],
  data: ['dexie', 'runtime'],
  rules: ['enums', 'data'],
  enums: ['runtime'],
  dexie: ['runtime'],
  runtime: [],
  other: ['data'],
};

describe('hoistTransitiveImports', () => {
  test('a listed chunk names every chunk it reaches through another, once, after its own imports', () => {
    const b = bundleOf(GRAPH);
    hoistTransitiveImports(b, ['assets/page.js']);
    expect(added(b, 'page')).toEqual(['dexie', 'enums', 'runtime']);
    const code = codeOf(b, 'page');
    expect(code.indexOf('import"./dexie.js"')).toBeGreaterThan(code.indexOf('globalThis.__order'));
  });

  test('chunks not listed (the precached ones), CSS and files elsewhere are left as they were', () => {
    const b = bundleOf(GRAPH);
    const before = codeOf(b, 'other');
    (b as Record<string, unknown>)['assets/page.css'] = { type: 'asset', fileName: 'assets/page.css', source: '' };
    (b['assets/data.js'] as Rollup.OutputChunk).imports.push('workers/w.js');
    hoistTransitiveImports(b, ['assets/page.js', 'assets/page.css', 'assets/missing.js']);
    expect(codeOf(b, 'other')).toBe(before);
    expect(added(b, 'page')).toEqual(['dexie', 'enums', 'runtime']);
    expect(codeOf(b, 'page')).not.toContain('w.js');
  });

  test('a chunk that reaches nothing beyond its own imports is unchanged', () => {
    const b = bundleOf(GRAPH);
    const before = codeOf(b, 'enums');
    hoistTransitiveImports(b, ['assets/enums.js', 'assets/runtime.js']);
    expect(codeOf(b, 'enums')).toBe(before);
    expect(codeOf(b, 'runtime')).toBe(`\nglobalThis.__order.push("runtime");\n`);
  });

  test('a deep chain does not overflow the stack', () => {
    const graph: Record<string, string[]> = {};
    for (let i = 0; i < 20_000; i++) graph[`c${i}`] = [`c${i + 1}`];
    graph.c20000 = [];
    const b = bundleOf(graph);
    hoistTransitiveImports(b, ['assets/c0.js']);
    expect(added(b, 'c0')).toHaveLength(19_999);
  });

  describe('evaluated as the browser evaluates modules: same modules, same order', () => {
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
    const run = async (b: Rollup.OutputBundle, entry: string) => {
      const dir = mkdtempSync(join(tmpdir(), 'hoist-'));
      dirs.push(dir);
      for (const [file, out] of Object.entries(b)) writeFileSync(join(dir, file.replace('assets/', '').replace(/\.js$/, '.mjs')), (out as Rollup.OutputChunk).code.replace(/\.js"/g, '.mjs"'));
      (globalThis as { __order?: string[] }).__order = [];
      await import(pathToFileURL(join(dir, `${entry}.mjs`)).href);
      return (globalThis as { __order?: string[] }).__order;
    };

    test('the year screen graph, and a wider one with shared chunks at several depths', async () => {
      const wide = { s: ['a', 'b', 'c'], a: ['d', 'e'], b: ['e', 'f'], c: ['g'], d: ['h'], e: ['h', 'g'], f: [], g: ['i'], h: ['i'], i: [] };
      for (const [graph, entry] of [[GRAPH, 'page'], [wide, 's']] as const) {
        const plain = await run(bundleOf(graph), entry);
        const b = bundleOf(graph);
        hoistTransitiveImports(b, [`assets/${entry}.js`]);
        expect(added(b, entry).length).toBeGreaterThan(0);
        expect(await run(b, entry)).toEqual(plain);
      }
    });
  });
});

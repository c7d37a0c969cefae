// The built chunks must not import each other in a circle (issue 8 item 1). In a cycle the
// browser runs one chunk's code before the code it imports from the other: backup's screen
// registered its messages while the chunk holding them had not run yet ("Cannot convert
// undefined or null to object", every path to backup broken in the build only). A cycle comes
// from chunk grouping (vite.config.ts featureChunk): the build fails on one, naming the
// modules whose imports close it (the plugin at the end, used by vite.config.ts).
import type { Plugin } from 'vite';

export interface ChunkNode {
  file: string;
  /** output files this chunk imports statically */
  imports: string[];
}

/**
 * Every set of chunks that import each other in a circle (strongly connected components of
 * the static-import graph with more than one chunk, or a chunk importing itself), each as
 * one cycle through it: [a, b, c] means a → b → c → a. Dynamic imports do not count: they
 * run after the importer has finished.
 */
export function chunkCycles(chunks: readonly ChunkNode[]): string[][] {
  const edges = new Map(chunks.map((c) => [c.file, c.imports]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  // Tarjan's algorithm, iterative so a deep graph cannot overflow the call stack.
  for (const root of edges.keys()) {
    if (index.has(root)) continue;
    const work: { file: string; i: number }[] = [{ file: root, i: 0 }];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length) {
      const top = work[work.length - 1];
      const out = edges.get(top.file) ?? [];
      if (top.i < out.length) {
        const to = out[top.i++];
        if (!edges.has(to)) continue;
        if (!index.has(to)) {
          index.set(to, next);
          low.set(to, next++);
          stack.push(to);
          onStack.add(to);
          work.push({ file: to, i: 0 });
        } else if (onStack.has(to)) low.set(top.file, Math.min(low.get(top.file)!, index.get(to)!));
        continue;
      }
      work.pop();
      if (work.length) {
        const parent = work[work.length - 1].file;
        low.set(parent, Math.min(low.get(parent)!, low.get(top.file)!));
      }
      if (low.get(top.file) === index.get(top.file)) {
        const component: string[] = [];
        let f: string;
        do {
          f = stack.pop()!;
          onStack.delete(f);
          component.push(f);
        } while (f !== top.file);
        if (component.length > 1 || out.includes(top.file)) components.push(component);
      }
    }
  }
  return components.map((c) => cycleThrough(c, edges));
}

/** One shortest cycle from the component's first chunk (alphabetically) back to itself. */
function cycleThrough(component: string[], edges: Map<string, string[]>): string[] {
  const inside = new Set(component);
  const start = [...component].sort()[0];
  const from = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const f = queue.shift()!;
    for (const to of edges.get(f) ?? []) {
      if (to === start) {
        const path = [f];
        for (let p = f; p !== start; ) path.push((p = from.get(p)!));
        return path.reverse();
      }
      if (!inside.has(to) || from.has(to)) continue;
      from.set(to, f);
      queue.push(to);
    }
  }
  return [start];
}

/**
 * "a.js → b.js (src/x.ts imports src/y.ts)": why each edge of a cycle exists, so the message
 * says which grouping rule to change. `moduleImports` gives a module's static imports.
 */
export function describeCycle(
  cycle: string[],
  modulesOf: (file: string) => readonly string[],
  moduleImports: (moduleId: string) => readonly string[],
): string {
  const steps = cycle.map((file, i) => {
    const to = cycle[(i + 1) % cycle.length];
    const target = new Set(modulesOf(to));
    const why: string[] = [];
    for (const m of modulesOf(file)) for (const d of moduleImports(m)) if (target.has(d)) why.push(`${m} imports ${d}`);
    return `${file} → ${to}${why.length ? ` (${why.slice(0, 3).join('; ')}${why.length > 3 ? '; …' : ''})` : ''}`;
  });
  return steps.join(', ');
}

/** Fails the build when the output chunks import each other in a circle. */
export function noChunkCycles(): Plugin {
  let root = '';
  return {
    name: 'scd:no-chunk-cycles',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root.replace(/\\/g, '/').replace(/\/$/, '') + '/';
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [o] : []));
      const cycles = chunkCycles(chunks.map((c) => ({ file: c.fileName, imports: c.imports })));
      if (!cycles.length) return;
      const byFile = new Map(chunks.map((c) => [c.fileName, c]));
      const modulesOf = (file: string) => byFile.get(file)?.moduleIds ?? [];
      const imports = (id: string) => this.getModuleInfo(id)?.importedIds ?? [];
      const text = cycles.map((c) => describeCycle(c, modulesOf, imports));
      this.error(
        `chunks import each other in a circle (a chunk would run before code it needs; change the grouping in vite.config.ts):\n` +
          text.map((t) => '  ' + t.replaceAll(root, '')).join('\n'),
      );
    },
  };
}

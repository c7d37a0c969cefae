// A lazy screen's chunk names every chunk it needs, not only those it imports itself: the
// browser fetches a module's imports once it has parsed it, so a screen whose chunk imports
// `data`, which imports Dexie, fetched Dexie a whole round (through the service worker, on a
// busy main thread) after its own imports (issue 13, B9: /training's last modules came ~60 ms
// after the others at 4× CPU). Rollup does this by itself (output.hoistTransitiveImports);
// Rolldown does not implement it yet.
//
// Only for the chunks the precache leaves out (scripts/precache-plan.ts): those have no byte
// budget, and the precached screens' imports are the lists the budget pays for
// (docs/decisions.md, "Lazy chunks carry no JS modulepreload links").
//
// The imports go at the end of the chunk: a module's imports are evaluated in the order they
// are written, and every chunk added here is already reached through one written before it, so
// nothing is evaluated in another order — only fetched sooner.
import type { Rollup } from 'vite';

/** Adds `import"./x.js";` to each of `files` for every chunk it reaches only through another. */
export function hoistTransitiveImports(bundle: Rollup.OutputBundle, files: Iterable<string>): void {
  const chunkOf = (f: string) => {
    const out = bundle[f];
    return out?.type === 'chunk' ? out : undefined;
  };
  for (const file of files) {
    const chunk = chunkOf(file);
    if (!chunk) continue;
    const direct = new Set(chunk.imports);
    const reached = new Set<string>();
    const stack = [file];
    while (stack.length) {
      for (const i of chunkOf(stack.pop()!)?.imports ?? []) {
        if (reached.has(i)) continue;
        reached.add(i);
        stack.push(i);
      }
    }
    const hoisted = [...reached].filter((f) => f !== file && !direct.has(f) && relative(file, f));
    if (!hoisted.length) continue;
    chunk.code += `\n${hoisted.map((f) => `import"${relative(file, f)}";`).join('')}\n`;
  }
}

/** `to` as an import of `from` when both are in the same folder (every chunk is in assets/); else undefined. */
function relative(from: string, to: string): string | undefined {
  const dir = (f: string) => f.slice(0, f.lastIndexOf('/') + 1);
  return dir(from) === dir(to) ? `./${to.slice(dir(to).length)}` : undefined;
}

// Grouping modules into chunks without making chunks import each other in a circle
// (issue 8 item 1; scripts/chunk-cycles.ts fails the build on one). vite.config.ts names a
// group for each module by its folder (featureChunk); two things about a graph can turn such
// names into a cycle between chunks, and this module takes both away before rolldown sees them:
//  1. Features that import each other (meetings → attendance's repo → activities' repo →
//     meetings' labels): each group imports the other. Groups that reach each other are
//     merged into one chunk (the strongly connected groups of the group graph).
//  2. A route entry inside a group: rolldown leaves a small "facade" chunk for the route that
//     re-exports it from the group and also holds what only that route uses (backup's
//     messages, Settings' offline-extras); the group imports it back. What only a group's
//     modules import joins the group.

export interface ModuleGraph {
  /** every module id of the build */
  ids: readonly string[];
  /** static imports of a module */
  imports(id: string): readonly string[];
  /** modules that import it statically */
  importers(id: string): readonly string[];
  /** modules that import it with import() */
  dynamicImporters(id: string): readonly string[];
}

/**
 * @param base      the group a module's folder gives it (null: rolldown's automatic split)
 * @param mayJoin   may a module without a group join one (not a module the precache plan must
 *                  be able to leave out on its own)?
 * @param home      the group of a module's folder even where base keeps it out (a screen left
 *                  out of the precache is still "of" its feature)
 * @returns the group of every grouped module
 */
export function acyclicGroups(
  graph: ModuleGraph,
  base: (id: string) => string | null,
  mayJoin: (id: string) => boolean,
  home: (id: string) => string | null = base,
): Map<string, string> {
  const group = new Map<string, string>();
  for (const id of graph.ids) {
    const g = base(id);
    if (g) group.set(id, g);
  }
  absorbOwnedModules(graph, group, mayJoin, home);
  mergeGroupsThatReachEachOther(graph, group);
  absorbOwnedModules(graph, group, mayJoin, home);
  return group;
}

/**
 * 2.: a module imported only statically, by modules of one group (and maybe by screens of the
 * same feature left out of the group), joins it. At least one importer must be in the group:
 * what only left-out screens use stays out of the precache with them.
 */
function absorbOwnedModules(graph: ModuleGraph, group: Map<string, string>, mayJoin: (id: string) => boolean, home: (id: string) => string | null): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const id of graph.ids) {
      if (group.has(id) || !mayJoin(id) || graph.dynamicImporters(id).length) continue;
      const importers = graph.importers(id);
      const owners = new Set(importers.map((i) => group.get(i) ?? home(i)));
      const [only] = owners;
      if (owners.size === 1 && only && importers.some((i) => group.get(i) === only)) {
        group.set(id, only);
        changed = true;
      }
    }
  }
}

/** 1.: groups that import each other, directly or through ungrouped modules, become one. */
function mergeGroupsThatReachEachOther(graph: ModuleGraph, group: Map<string, string>): void {
  // group → the groups its modules import, looking through ungrouped modules
  const reach = new Map<string, Set<string>>();
  for (const [id, g] of group) {
    const set = reach.get(g) ?? new Set<string>();
    reach.set(g, set);
    const seen = new Set<string>();
    const stack = [...graph.imports(id)];
    while (stack.length) {
      const d = stack.pop()!;
      if (seen.has(d)) continue;
      seen.add(d);
      const h = group.get(d);
      if (h) set.add(h);
      else stack.push(...graph.imports(d));
    }
  }
  const closure = (g: string) => {
    const seen = new Set([g]);
    const stack = [g];
    while (stack.length) for (const h of reach.get(stack.pop()!) ?? []) if (!seen.has(h)) (seen.add(h), stack.push(h));
    return seen;
  };
  const names = [...reach.keys()];
  const reachable = new Map(names.map((g) => [g, closure(g)]));
  const merged = new Map<string, string>();
  for (const g of names) {
    const together = names.filter((h) => reachable.get(g)!.has(h) && reachable.get(h)!.has(g)).sort();
    merged.set(g, together.map((n, i) => (i ? n.replace(/^f-/, '') : n)).join('-')); // f-activities-attendance-…
  }
  for (const [id, g] of group) group.set(id, merged.get(g)!);
}

/** The whole module graph, walked from one module with rolldown's getModuleInfo. */
export function graphFrom(start: string, info: (id: string) => { importedIds: readonly string[]; importers: readonly string[]; dynamicImporters: readonly string[]; dynamicallyImportedIds: readonly string[] } | null): ModuleGraph {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length) {
    const id = stack.pop()!;
    const m = seen.has(id) ? null : info(id);
    if (!m) continue;
    seen.add(id);
    stack.push(...m.importedIds, ...m.importers, ...m.dynamicImporters, ...m.dynamicallyImportedIds);
  }
  return {
    ids: [...seen],
    imports: (id) => info(id)?.importedIds ?? [],
    importers: (id) => info(id)?.importers ?? [],
    dynamicImporters: (id) => info(id)?.dynamicImporters ?? [],
  };
}

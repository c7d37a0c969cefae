// The unit tree as the admin screen shows it, from the server's flat list (parentId): depth-
// first order for an indented list, what lies below a unit (a move must not go there) and who
// watches a unit (assigned directly or through a unit above). Pure: no DOM, no fetch.

export interface TreeUnit {
  id: string;
  name: string;
  parentId?: string;
  parentUnit?: string;
  inCharge?: string;
}

export interface TreeRow<U extends TreeUnit = TreeUnit> {
  unit: U;
  depth: number;
}

function childrenOf<U extends TreeUnit>(units: readonly U[]): Map<string | undefined, U[]> {
  const ids = new Set(units.map((u) => u.id));
  const out = new Map<string | undefined, U[]>();
  for (const u of units) {
    // a parent the list does not hold (never sent, or a loop) puts the unit at the top
    const key = u.parentId && ids.has(u.parentId) && u.parentId !== u.id ? u.parentId : undefined;
    out.set(key, [...(out.get(key) ?? []), u]);
  }
  for (const list of out.values()) list.sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  return out;
}

/** Parents before their children, children indented one level more; each unit once. */
export function treeRows<U extends TreeUnit>(units: readonly U[]): TreeRow<U>[] {
  const children = childrenOf(units);
  const rows: TreeRow<U>[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | undefined, depth: number) => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      rows.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(undefined, 0);
  // units caught in a loop of parents (the server refuses one; an old list might hold it)
  for (const u of units) if (!seen.has(u.id)) rows.push({ unit: u, depth: 0 });
  return rows;
}

/** The unit and every unit below it. */
export function unitAndBelow(units: readonly TreeUnit[], id: string): Set<string> {
  const children = childrenOf(units);
  const out = new Set<string>();
  const stack = [id];
  while (stack.length) {
    const next = stack.pop()!;
    if (out.has(next)) continue;
    out.add(next);
    for (const c of children.get(next) ?? []) stack.push(c.id);
  }
  return out;
}

/** The units above `id`, nearest first. */
export function ancestors(units: readonly TreeUnit[], id: string): TreeUnit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: TreeUnit[] = [];
  let parent = byId.get(id)?.parentId;
  while (parent && byId.has(parent) && !out.some((u) => u.id === parent) && parent !== id) {
    out.push(byId.get(parent)!);
    parent = byId.get(parent)!.parentId;
  }
  return out;
}

/** For a unit checked in an assignment, the nearest checked unit above it (it is implied), if any. */
export function impliedBy(units: readonly TreeUnit[], id: string, checked: ReadonlySet<string>): TreeUnit | undefined {
  return ancestors(units, id).find((u) => checked.has(u.id));
}

/** What to send: the checked units not already covered by a checked unit above them. */
export function pruneImplied(units: readonly TreeUnit[], checked: ReadonlySet<string>): string[] {
  return [...checked].filter((id) => !impliedBy(units, id, checked)).sort();
}

// The unit tree (DESIGN.md "The unit tree"): provincial or ward union → Đoàn cơ sở → chi
// đoàn. A unit whose parent is not among the given units is a root (a supervisor sees its
// assigned units and their descendants, not what is above them).
export interface TreeUnit {
  unitId: string;
  name: string;
  parentId?: string;
}

/** Parents before their children, children by name, each with its depth (0 = a root). */
export function unitTree<T extends TreeUnit>(units: T[]): { unit: T; depth: number }[] {
  const ids = new Set(units.map((u) => u.unitId));
  const children = new Map<string | undefined, T[]>();
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) && u.parentId !== u.unitId ? u.parentId : undefined;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: T; depth: number }[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | undefined, depth: number) => {
    for (const u of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'vi'))) {
      if (seen.has(u.unitId)) continue; // a cycle in bad data must not loop forever
      seen.add(u.unitId);
      out.push({ unit: u, depth });
      walk(u.unitId, depth + 1);
    }
  };
  walk(undefined, 0);
  // Units caught in a cycle have no root: list them flat rather than lose them.
  for (const u of units) if (!seen.has(u.unitId)) out.push({ unit: u, depth: 0 });
  return out;
}

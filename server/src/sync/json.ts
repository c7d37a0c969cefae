// Small JSON helpers for values that came off the wire: own-property reads (a field may be
// named "constructor"), structural equality, and an iterative depth check.

export function hasOwn(o: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

export function own<T>(o: Record<string, T>, key: string): T | undefined {
  return hasOwn(o, key) ? o[key] : undefined;
}

/** Structural equality of JSON values (object key order does not matter). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = Object.keys(ao);
  if (keys.length !== Object.keys(bo).length) return false;
  for (const k of keys) if (!hasOwn(bo, k) || !jsonEqual(ao[k], bo[k])) return false;
  return true;
}

/** Nesting depth of a parsed JSON value (a scalar is 0), computed without recursion. */
export function jsonDepth(value: unknown, limit = Infinity): number {
  if (value === null || typeof value !== 'object') return 0;
  let max = 0;
  // two parallel stacks: no tuple allocated per node (a push body has ~25,000 nodes)
  const values: object[] = [value];
  const depths: number[] = [1];
  while (values.length) {
    const v = values.pop()!;
    const depth = depths.pop()!;
    if (depth > max) {
      max = depth;
      if (max > limit) return max;
    }
    if (Array.isArray(v)) {
      for (const child of v) if (child !== null && typeof child === 'object') (values.push(child), depths.push(depth + 1));
    } else {
      for (const key in v) {
        const child = (v as Record<string, unknown>)[key];
        if (child !== null && typeof child === 'object') (values.push(child), depths.push(depth + 1));
      }
    }
  }
  return max;
}

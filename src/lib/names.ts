// Vietnamese names sort by given name (the last word), then by family and middle names,
// with the Vietnamese collator (DOMAIN.md conventions).

// Made on first use: creating it loads ICU's Vietnamese rules (~60 ms at 4× CPU), which a
// cold start of the member list should not pay before its first rows are painted (B3).
let viCollator: Intl.Collator | undefined;
const collator = () => (viCollator ??= new Intl.Collator('vi', { sensitivity: 'base', numeric: true }));

export function givenName(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  return words[words.length - 1] ?? '';
}

/** "Nguyễn Thị Lan" → "Lan Nguyễn Thị": the key the collator compares. */
export function nameSortKey(fullName: string): string {
  const words = fullName.trim().split(/\s+/);
  const last = words.pop() ?? '';
  return words.length ? `${last} ${words.join(' ')}` : last;
}

export function compareNames(a: string, b: string): number {
  const ga = givenName(a);
  const gb = givenName(b);
  const c = collator();
  return c.compare(ga, gb) || c.compare(a, b);
}

/**
 * Sorts a copy of `items` exactly as compareNames would, but fast enough for a 5,000-member
 * cold start (PERFORMANCE.md B3): each name is split once, the distinct given names are
 * ranked once with the collator, and full names are compared only between people who share
 * a given name. Stable, like Array.prototype.sort.
 */
export function sortByName<T>(items: T[], name: (t: T) => string): T[] {
  const c = collator();
  const names = items.map(name);
  const given = names.map(givenName);
  const rank = new Map<string, number>();
  [...new Set(given)].sort(c.compare).forEach((g, i) => rank.set(g, i));
  // Given names equal under the collator (case, tones) share the rank of the first of them.
  const distinct = [...rank.keys()];
  for (let i = 1; i < distinct.length; i++) {
    if (c.compare(distinct[i - 1], distinct[i]) === 0) rank.set(distinct[i], rank.get(distinct[i - 1])!);
  }
  const order = items.map((_, i) => i);
  const r = given.map((g) => rank.get(g)!);
  order.sort((x, y) => r[x] - r[y] || c.compare(names[x], names[y]));
  return order.map((i) => items[i]);
}

// Vietnamese names sort by given name (the last word), then by family and middle names,
// with the Vietnamese collator (DOMAIN.md conventions).

// Made on first use: creating it loads ICU's Vietnamese rules (~60 ms at 4× CPU), which a
// cold start of the member list should not pay before its first rows are painted (B3).
let viCollator: Intl.Collator | undefined;
const collator = () => (viCollator ??= new Intl.Collator('vi', { sensitivity: 'base', numeric: true }));

/**
 * Makes the collator ahead of the first sort, for a caller with time to spare while it waits
 * (the member list, while IndexedDB reads the register: the sort then finds it made).
 */
export function warmNameCollator(): void {
  collator();
}

/** Two texts in Vietnamese order (sub-groups, places), with the names' collator. */
export const compareText = (a: string, b: string): number => collator().compare(a, b);

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
  // Nothing to compare (the member list's first render, before the register is read): no collator.
  if (items.length < 2) return [...items];
  const compare = nameIndexOrder(items.map(name));
  const order = items.map((_, i) => i);
  order.sort(compare);
  return order.map((i) => items[i]);
}

/**
 * The comparison sortByName sorts positions of `names` with (given name's rank, then the
 * collator on full names): for sorting the same way in slices (lib/name-order).
 */
export function nameIndexOrder(names: readonly string[]): (x: number, y: number) => number {
  const c = collator();
  const given = names.map(givenName);
  const rank = new Map<string, number>();
  [...new Set(given)].sort(c.compare).forEach((g, i) => rank.set(g, i));
  // Given names equal under the collator (case, tones) share the rank of the first of them.
  const distinct = [...rank.keys()];
  for (let i = 1; i < distinct.length; i++) {
    if (c.compare(distinct[i - 1], distinct[i]) === 0) rank.set(distinct[i], rank.get(distinct[i - 1])!);
  }
  const r = given.map((g) => rank.get(g)!);
  return (x, y) => r[x] - r[y] || c.compare(names[x], names[y]);
}

// ---------------------------------------------------------------------------------------
// Two members with the same name must be told apart wherever one is picked or ticked (the
// chair and minute-taker pickers, collecting dues, the roll…). Only names that collide get a
// tag: the birth year when every one of them has a different one, else the year and the
// sub-group that are known. Lists without namesakes are unchanged.

export interface Taggable {
  id: string;
  fullName: string;
  dateOfBirth?: string;
  subGroup?: string;
}

const birthYear = (m: Taggable) => m.dateOfBirth?.slice(0, 4) ?? '';

/** id → tag ("1998", "Tổ 2", "1998, Tổ 2") for members whose name another one shares. */
export function nameTags(members: readonly Taggable[]): Map<string, string> {
  const byName = new Map<string, Taggable[]>();
  for (const m of members) {
    const key = m.fullName.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    byName.set(key, [...(byName.get(key) ?? []), m]);
  }
  const tags = new Map<string, string>();
  for (const same of byName.values()) {
    const years = same.map(birthYear);
    const byYear = years.every(Boolean) && new Set(years).size == same.length;
    for (const m of same) {
      const tag = byYear ? birthYear(m) : [birthYear(m), m.subGroup].filter(Boolean).join(', ');
      if (same[1] && tag) tags.set(m.id, tag);
    }
  }
  return tags;
}

/** "Nguyễn Văn An (1998)" for a namesake, the name alone otherwise. */
export const taggedName = (m: Taggable, tags: ReadonlyMap<string, string>) => (tags.has(m.id) ? `${m.fullName} (${tags.get(m.id)})` : m.fullName);

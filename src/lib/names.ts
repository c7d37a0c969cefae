// Vietnamese names sort by given name (the last word), then by family and middle names,
// in the Vietnamese collator's order (DOMAIN.md conventions).

// Made on first use, for a text without a key (below): creating it loads ICU's Vietnamese
// rules (~50-60 ms at 4× CPU).
let viCollator: Intl.Collator | undefined;
const collator = () => (viCollator ??= new Intl.Collator('vi', { sensitivity: 'base', numeric: true }));

// The collator's order for the texts names are made of — Vietnamese letters with or without
// their tone, either case, digits and spaces — as a key compared code unit by code unit: a
// letter is its place in the alphabet (a ă â b c d đ e ê f … o ô ơ … u ư v w x y z; tone and
// case do not count), a space comes before a number and a number before a letter, and a
// number is its value (no leading zeros: its length, then its digits). Making the collator
// loads ICU's Vietnamese rules, ~50 ms at 4× CPU on the member list's cold start (B3), for
// the first sort. A text with any other character (a hyphen, a decomposed tone) has no key
// and is compared by the collator. test/unit/lib/names.test.ts holds the keys to it.
const ALPHABET = 'aăâbcdđeêfghijklmnoôơpqrstuưvwxyz';
const CODE: Record<string, string> = {};
for (let i = 0; i < ALPHABET.length; i++)
  for (const tone of 'aăâeêioôơuưy'.includes(ALPHABET[i]) ? ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] : [''])
    for (const ch of [ALPHABET[i] + tone, (ALPHABET[i] + tone).toUpperCase()]) CODE[ch.normalize('NFC')] = String.fromCharCode(65 + i);

/** The key of `s` in the collator's order, or undefined: a character the keys do not cover. */
export function viKey(s: string): string | undefined {
  let key = '';
  for (let i = 0; i < s.length; i++) {
    if (s[i] === ' ') key += '\u0001';
    else if (s[i] >= '0' && s[i] <= '9') {
      let j = i;
      while (s[j] === '0') j++;
      const from = j;
      while (s[j] >= '0' && s[j] <= '9') j++;
      if (j - from > 30) return undefined;
      key += '\u0002' + String.fromCharCode(32 + j - from) + s.slice(from, j);
      i = j - 1;
    } else if (CODE[s[i]]) key += CODE[s[i]];
    else return undefined;
  }
  return key;
}

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Two texts in Vietnamese order (sub-groups, places), as the names' collator orders them. */
export function compareText(a: string, b: string): number {
  const ka = viKey(a);
  const kb = ka === undefined ? undefined : viKey(b);
  return kb === undefined ? collator().compare(a, b) : byKey(ka!, kb);
}

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
  return compareText(givenName(a), givenName(b)) || compareText(a, b);
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
  const given = names.map(givenName);
  const keys = names.map(viKey);
  if (keys.every((k) => k !== undefined)) {
    // Every name has its key: the given names' keys rank them (equal keys, equal rank).
    const givenKeys = given.map((g) => viKey(g)!);
    const rank = new Map<string, number>();
    [...new Set(givenKeys)].sort(byKey).forEach((g, i) => rank.set(g, i));
    const r = givenKeys.map((g) => rank.get(g)!);
    return (x, y) => r[x] - r[y] || byKey(keys[x]!, keys[y]!);
  }
  const c = collator();
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

// Vietnamese names sort by given name (the last word), then by family and middle names,
// with the Vietnamese collator (DOMAIN.md conventions).

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

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
  return collator.compare(ga, gb) || collator.compare(a, b);
}

export function sortByName<T>(items: T[], name: (t: T) => string): T[] {
  return items.slice().sort((x, y) => compareNames(name(x), name(y)));
}

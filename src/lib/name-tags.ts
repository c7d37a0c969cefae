// Two members with the same name must be told apart wherever one is picked or ticked (the
// chair and minute-taker pickers, collecting dues, the roll…). Only names that collide get a
// tag: the birth year when it tells them apart, else the sub-group, else both (and the card
// number if still needed). Lists without namesakes are unchanged.

export interface Taggable {
  id: string;
  fullName: string;
  dateOfBirth?: string;
  subGroup?: string;
  cardNumber?: string;
}

const year = (m: Taggable) => m.dateOfBirth?.slice(0, 4) ?? '';
const join = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(', ');
const TAGS: ((m: Taggable) => string)[] = [year, (m) => m.subGroup ?? '', (m) => join(year(m), m.subGroup)];

/** id → tag ("1998", "Tổ 2", "1998, Tổ 2") for members whose name another one shares. */
export function nameTags(members: readonly Taggable[]): Map<string, string> {
  const byName = new Map<string, Taggable[]>();
  for (const m of members) {
    const key = m.fullName.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    const same = byName.get(key);
    if (same) same.push(m);
    else byName.set(key, [m]);
  }
  const tags = new Map<string, string>();
  for (const same of byName.values()) {
    if (same.length < 2) continue;
    const tell = (f: (m: Taggable) => string) => new Set(same.map(f)).size == same.length;
    const tag = TAGS.find((f, i) => tell(f) && (i == 2 || same.every(f))) ?? ((m: Taggable) => join(year(m), m.subGroup, m.cardNumber));
    for (const m of same) if (tag(m)) tags.set(m.id, tag(m));
  }
  return tags;
}

/** "Nguyễn Văn An (1998)" for a namesake, the name alone otherwise. */
export const taggedName = (m: Taggable, tags: ReadonlyMap<string, string>) => (tags.has(m.id) ? `${m.fullName} (${tags.get(m.id)})` : m.fullName);

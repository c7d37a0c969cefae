// The register's order by given name (lib/names compareNames), remembered while the names do
// not change: sorting 5,000 Vietnamese names with the collator is the costliest step of
// reloading a year screen (≈ 55 ms in Node, several times that on a throttled phone), and the
// names rarely change between two reloads.
import { nameIndexOrder, sortByName } from './names';
import { breathe, sortInSlices } from './slices';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

let cache: { signature: string; rank: Map<string, number> } | undefined;

/** id → position in name order, for people given as { id, fullName }. */
export function nameRank(people: readonly { id: string; fullName: string }[]): Map<string, number> {
  const signature = people.map((p) => `${p.id}\u0000${p.fullName}`).join('\u0001');
  if (cache?.signature === signature) return cache.rank;
  // compareNames order, ties by id: sortByName is stable, so it is given the people in id order.
  // (It splits each name once instead of in every comparison: ~5× faster for 5,000.)
  const sorted = sortByName([...people].sort(byId), (p) => p.fullName);
  const rank = new Map(sorted.map((p, i) => [p.id, i]));
  cache = { signature, rank };
  return rank;
}

/**
 * nameRank a slice at a time (the year screens over a whole unit): the same ranks, the sort
 * spread over tasks of a few tens of ms instead of one of several hundred at 20,000 members.
 */
export async function nameRankInSlices(people: readonly { id: string; fullName: string }[]): Promise<Map<string, number>> {
  const signature = people.map((p) => `${p.id}\u0000${p.fullName}`).join('\u0001');
  if (cache?.signature === signature) return cache.rank;
  const ordered = [...people].sort(byId);
  await breathe();
  const compare = nameIndexOrder(ordered.map((p) => p.fullName));
  const order = await sortInSlices(ordered.map((_, i) => i), compare);
  const rank = new Map(order.map((i, k) => [ordered[i].id, k]));
  cache = { signature, rank };
  return rank;
}

/** `people` in the order of `rank`, made from exactly these people (nameRank): no sort needed. */
export function placeByRank<T extends { id: string }>(people: readonly T[], rank: ReadonlyMap<string, number>): T[] {
  const out = new Array<T>(people.length);
  for (const p of people) out[rank.get(p.id)!] = p;
  return out;
}

/** `items` in name order (stable for equal names), using the remembered order when it holds. */
export function inNameOrder<T>(items: readonly T[], person: (t: T) => { id: string; fullName: string }, all: readonly { id: string; fullName: string }[]): T[] {
  const rank = nameRank(all);
  return [...items].sort((a, b) => (rank.get(person(a).id) ?? 0) - (rank.get(person(b).id) ?? 0));
}

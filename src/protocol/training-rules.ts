// Training programme rules (chương trình rèn luyện đoàn viên) as pure functions over plain
// rows: no zod, no Dexie, so screens, reports and tests share them.
//
// Sources:
//   - DOMAIN.md "Training programme": per unit and year, content areas and items (the five
//     areas of 2018–2022 by default, configurable); per member and year, registration, chosen
//     items, item progress, outcome excellent / good / completed / not_completed.
//   - DOMAIN.md "The seed plan's targets", 3: 100 % of members registered, ≥ 90 % completing
//     ("completing" = outcome completed or better).
import { COMPLETING_OUTCOMES, DEFAULT_TRAINING_AREAS, type TrainingOutcome } from './training-enums';

/** The plan's targets, as fractions (DOMAIN.md, seed plan target 3): the defaults when the
 *  year's targets hold no goal of their own. */
export const TRAINING_TARGETS = { registered: 1, completing: 0.9 } as const;

export interface TrainingGoals {
  /** fractions 0–1 */
  registered: number;
  completing: number;
}

export interface ItemLike {
  id: string;
  area: string;
  title: string;
  sortOrder: number;
  eventIds: readonly string[];
}

export interface RegistrationLike {
  memberId: string;
  itemIds: readonly string[];
  outcome?: TrainingOutcome | '';
}

export interface ProgressLike {
  memberId: string;
  itemId: string;
  done: boolean;
}

export interface AttendanceLike {
  eventId: string;
  memberId: string;
  status: string;
}

/** The default programme of a year: DOMAIN.md's five areas, their items numbered in order. */
export function defaultProgrammeItems(): { area: string; title: string; sortOrder: number }[] {
  const out: { area: string; title: string; sortOrder: number }[] = [];
  for (const a of DEFAULT_TRAINING_AREAS) for (const title of a.items) out.push({ area: a.area, title, sortOrder: out.length * 10 });
  return out;
}

/** Items in programme order, grouped by area (areas in the order of their first item). */
export function groupByArea<T extends { area: string; sortOrder: number; title: string }>(items: readonly T[]): { area: string; items: T[] }[] {
  const sorted = [...items].sort((a, b) => a.sortOrder - b.sortOrder || a.title.localeCompare(b.title, 'vi'));
  const groups = new Map<string, T[]>();
  for (const it of sorted) {
    if (!groups.has(it.area)) groups.set(it.area, []);
    groups.get(it.area)!.push(it);
  }
  return [...groups].map(([area, list]) => ({ area, items: list }));
}

export const isCompleting = (outcome: TrainingOutcome | '' | undefined): boolean => !!outcome && COMPLETING_OUTCOMES.includes(outcome);

/**
 * Items credited by attendance: an item linked to meetings or activities is credited to a
 * member who attended one of them (present or late — the attendance rules' "attending").
 * Computed, never written: a roll corrected later changes the credit with it.
 * Returns memberId → set of credited item ids, in one pass over the roll rows.
 */
export function creditedItems(items: readonly ItemLike[], facts: readonly AttendanceLike[]): Map<string, Set<string>> {
  const itemsByEvent = new Map<string, string[]>();
  for (const it of items) for (const e of it.eventIds) {
    if (!itemsByEvent.has(e)) itemsByEvent.set(e, []);
    itemsByEvent.get(e)!.push(it.id);
  }
  const out = new Map<string, Set<string>>();
  if (!itemsByEvent.size) return out;
  for (const f of facts) {
    if (f.status !== 'present' && f.status !== 'late') continue;
    const ids = itemsByEvent.get(f.eventId);
    if (!ids) continue;
    let set = out.get(f.memberId);
    if (!set) out.set(f.memberId, (set = new Set()));
    for (const id of ids) set.add(id);
  }
  return out;
}

export type ItemState = 'done' | 'credited' | 'open';

/**
 * Where a member stands on each chosen item: done (recorded by hand), credited (attended a
 * linked meeting or activity), or open. Items no longer in the programme are skipped.
 */
export function memberItemStates(
  reg: RegistrationLike,
  items: readonly ItemLike[],
  progress: readonly ProgressLike[],
  credited: ReadonlySet<string> | undefined,
): { itemId: string; state: ItemState }[] {
  const known = new Set(items.map((i) => i.id));
  const done = new Set(progress.filter((p) => p.memberId === reg.memberId && p.done).map((p) => p.itemId));
  return reg.itemIds
    .filter((id) => known.has(id))
    .map((itemId) => ({ itemId, state: done.has(itemId) ? 'done' : credited?.has(itemId) ? 'credited' : 'open' }));
}

export interface TrainingRates {
  /** members expected to take part (the roster) */
  expected: number;
  registered: number;
  assessed: number;
  completing: number;
  /** registered / expected, completing / expected; undefined when nobody is expected */
  registeredRate?: number;
  completingRate?: number;
  meetsRegistered: boolean;
  meetsCompleting: boolean;
  /** who is missing, in roster order */
  notRegistered: string[];
  /** registered but no outcome yet */
  notAssessed: string[];
  /** assessed "not completed" */
  notCompleting: string[];
}

/**
 * Live rates against the year's goals (the plan's by default, DOMAIN.md: 100 % registered,
 * ≥ 90 % completing).
 * Both are shares of the roster — the members who take part this year — so a member never
 * registered counts against completion too. Registrations of members not on the roster
 * (transferred out since) are ignored.
 */
export function trainingRates<R extends Pick<RegistrationLike, 'memberId' | 'outcome'>>(rosterIds: readonly string[], registrations: readonly R[], goals: TrainingGoals = TRAINING_TARGETS): TrainingRates {
  const byMember = new Map(registrations.map((r) => [r.memberId, r]));
  const notRegistered: string[] = [];
  const notAssessed: string[] = [];
  const notCompleting: string[] = [];
  let registered = 0;
  let assessed = 0;
  let completing = 0;
  for (const id of rosterIds) {
    const r = byMember.get(id);
    if (!r) {
      notRegistered.push(id);
      continue;
    }
    registered++;
    if (!r.outcome) notAssessed.push(id);
    else {
      assessed++;
      if (isCompleting(r.outcome)) completing++;
      else notCompleting.push(id);
    }
  }
  const expected = rosterIds.length;
  const registeredRate = expected ? registered / expected : undefined;
  const completingRate = expected ? completing / expected : undefined;
  return {
    expected,
    registered,
    assessed,
    completing,
    registeredRate,
    completingRate,
    meetsRegistered: registeredRate !== undefined && registeredRate >= goals.registered,
    meetsCompleting: completingRate !== undefined && completingRate >= goals.completing,
    notRegistered,
    notAssessed,
    notCompleting,
  };
}

/** Next sort order after the last item of an area (new items go to the end of their area). */
export function nextSortOrder(items: readonly { area: string; sortOrder: number }[], area: string): number {
  const inArea = items.filter((i) => i.area === area).map((i) => i.sortOrder);
  const all = items.map((i) => i.sortOrder);
  if (inArea.length) return Math.max(...inArea) + 1;
  return all.length ? Math.max(...all) + 10 : 0;
}

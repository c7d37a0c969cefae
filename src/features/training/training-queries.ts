// Training programme reads: a year in a few bulk reads, never one query per member. No zod.
// The whole unit's year comes from the member digests (data/member-digest.ts: each member's
// register entry, events, registrations, progress and roll in brief): with 5,000 members that
// is 5,000 rows instead of ~40,000, read in pages (src/data/paged.ts, a short task each); the
// screen gets the first rows of the list before the rest (`onHead`).
import type { Member } from '../../protocol/member';
import { countsOn, type MoveLike } from '../../protocol/headcount';
import { todayIso } from '../../lib/dates';
import type { TrainingItem, TrainingProgress, TrainingRegistration } from '../../protocol/training';
import { creditedItems, TRAINING_TARGETS, type AttendanceLike, type ProgressLike, type RegistrationLike, type TrainingGoals } from '../../protocol/training-rules';
import { DIGEST_PAGE, statusOf, type DigestMember, type MemberDigest } from '../../data/member-digest';
import { sortByName } from '../../lib/names';
import { nameRankInSlices, placeByRank } from '../../lib/name-order';
import { activeDb } from '../../data/session';
import type { UnitDb } from '../../data/db';
import { keyPrefix, PAGE, readMany } from '../../data/paged';
import { afterPaint, breathe, eachInSlices } from '../../lib/slices';
import { unitYearSpan } from '../../data/unit-year';
import { loadYearGoals } from '../../data/year-goals';
import { spanEndStamp, type YearLike, type YearSpan } from '../../protocol/year';

export interface TrainingYear {
  year: number;
  /** the unit's year: calendar, or school year 1/9–31/8 (data/unit-year.ts) */
  span: YearSpan;
  items: TrainingItem[];
  /** members in the unit on the year's last day, or today for this year (the one head count), by given name */
  roster: DigestMember[];
  registrations: Map<string, RegistrationLike>;
  /** memberId → progress of the year */
  progress: Map<string, ProgressLike[]>;
  /** memberId → items credited by attendance at linked events */
  credited: Map<string, Set<string>>;
  /** false: `roster` holds only the first members of the list (onHead); the rest is being read */
  complete: boolean;
}

/** Members read before the rest of the year: a screen of rows and its margin. */
export const HEAD = 40;

/** The day whose members make the year's roster: the year's last day, or today during the year. */
export function rosterDay(span: YearSpan, today = todayIso()): string {
  return today < span.to ? today : span.to;
}

/** A year given by number is the unit's year of that number (calendar or school year, as pinned). */
async function spanOf(db: UnitDb, year: YearLike): Promise<YearSpan> {
  return typeof year === 'number' ? unitYearSpan(year, db) : year;
}

/** The year's goals for registration and completion (the year's targets, else the plan's). */
export async function loadTrainingGoals(year: number): Promise<TrainingGoals> {
  const g = await loadYearGoals(year);
  return { registered: g.registered ?? TRAINING_TARGETS.registered, completing: g.completing ?? TRAINING_TARGETS.completing };
}

/** On the year's roster (the plan's "100 % registered" counts these): in the unit on rosterDay (protocol/headcount). */
export function isOnRoster(m: DigestMember, moves: ReadonlyMap<string, readonly MoveLike[]>, day: string): boolean {
  return countsOn(m, moves.get(m.id) ?? [], day);
}

async function yearItems(db: UnitDb, year: number): Promise<TrainingItem[]> {
  const rows = await db.trainingItems.where('year').equals(year).toArray();
  return rows.filter((i) => !i.deleted).sort((a, b) => a.sortOrder - b.sortOrder || a.id.localeCompare(b.id));
}

/**
 * Items credited by attendance at their linked events. Attendance id = `${eventId}:${memberId}`:
 * for some members their rows are fetched by id; for everyone, each event's rows are one key
 * range, read in pages (anyOf() would walk a cursor, one callback per row).
 */
async function creditsOf(db: UnitDb, items: TrainingItem[], memberIds?: readonly string[]): Promise<Map<string, Set<string>>> {
  const eventIds = [...new Set(items.flatMap((i) => i.eventIds))];
  if (!eventIds.length) return new Map();
  const facts = memberIds
    ? (await readMany(db, eventIds.flatMap((e) => memberIds.map((m) => ({ table: db.attendance, key: `${e}:${m}` }))), PAGE, 8)).flat()
    : (await readMany(db, eventIds.map((id) => ({ table: db.attendance, range: keyPrefix(`${id}:`) })))).flatMap((rows, i) => rows.filter((f) => f.eventId === eventIds[i]));
  return creditedItems(items, facts.filter((f) => !f.deleted));
}

export async function listTrainingItems(year: number): Promise<TrainingItem[]> {
  return yearItems(await activeDb(), year);
}

/** The tables the year view is read from (useBulkLive reloads it when one of them changes). */
export const TRAINING_YEAR_TABLES = ['trainingItems', 'members', 'memberEvents', 'trainingRegistrations', 'trainingProgress', 'attendance'] as const;

/**
 * The year's standing of the members in `digests`, for a roster of some or all of them, 500
 * digests a task (5,000 at once were one task of ~180-290 ms at 4×, test/perf/year-scale.mjs).
 */
async function yearOf(span: YearSpan, items: TrainingItem[], roster: DigestMember[], digests: readonly MemberDigest[], complete: boolean): Promise<TrainingYear> {
  const year = span.year;
  const key = String(year);
  const registrations = new Map<string, RegistrationLike>();
  const progress = new Map<string, ProgressLike[]>();
  const linked = [...new Set(items.flatMap((i) => i.eventIds))];
  const facts: AttendanceLike[] = [];
  await eachInSlices(digests, (d) => {
    const reg = d.training[key];
    if (reg) registrations.set(d.id, { memberId: d.id, itemIds: reg.itemIds, outcome: reg.outcome });
    let list: ProgressLike[] | undefined;
    for (const [k, done] of Object.entries(d.progress)) {
      // `${year}:${itemId}`
      const at = k.indexOf(':');
      if (k.slice(0, at) !== key) continue;
      (list ??= []).push({ memberId: d.id, itemId: k.slice(at + 1), done: done === 1 });
    }
    if (list) progress.set(d.id, list);
    for (const eventId of linked) {
      const letter = d.roll[eventId];
      if (letter !== undefined) facts.push({ eventId, memberId: d.id, status: statusOf(letter) });
    }
  }, 500);
  return { year, span, items, roster, registrations, progress, credited: creditedItems(items, facts), complete };
}

/**
 * The year's programme and everyone's standing, from the member digests. `onHead` is given the
 * first HEAD members of the list as soon as the roster is known, before the rest is counted.
 */
export async function loadTrainingYear(yearOrSpan: YearLike, onHead?: (first: TrainingYear) => void, today = todayIso()): Promise<TrainingYear> {
  const db = await activeDb();
  const span = await spanOf(db, yearOrSpan);
  const read = Promise.all([yearItems(db, span.year), readMany(db, [{ table: db.memberDigests }] as const, DIGEST_PAGE)]);
  const [items, [digests]] = await read;
  await breathe();
  // The name sort a slice at a time; the roster is then the members in that order, filtered.
  const byId = new Map<string, MemberDigest>();
  const present: DigestMember[] = [];
  for (const d of digests) {
    if (!d.member) continue;
    byId.set(d.id, d);
    present.push(d.member);
  }
  const ordered = placeByRank(present, await nameRankInSlices(present));
  await breathe();
  const day = rosterDay(span, today);
  const roster = ordered.filter((m) => countsOn(m, Object.values(byId.get(m.id)!.events), day));
  if (onHead && roster.length > HEAD) {
    const head = roster.slice(0, HEAD);
    onHead(await yearOf(span, items, head, head.map((m) => byId.get(m.id)!), false));
    // Let those rows reach the screen before the rest is counted.
    await afterPaint();
  }
  const whole = await yearOf(span, items, roster, digests, true);
  await breathe();
  return whole;
}

export interface MemberTraining {
  member: Member;
  items: TrainingItem[];
  registration?: TrainingRegistration;
  progress: TrainingProgress[];
  credited: Set<string>;
  /** titles of the linked events, for "credited by …" */
  eventTitles: Map<string, string>;
}

export async function loadMemberTraining(year: number, memberId: string): Promise<MemberTraining | null> {
  const db = await activeDb();
  const [member, items, registration, progress] = await Promise.all([
    db.members.get(memberId),
    yearItems(db, year),
    db.trainingRegistrations.get(`${year}:${memberId}`),
    db.trainingProgress.where('[year+memberId]').equals([year, memberId]).toArray(),
  ]);
  if (!member || member.deleted) return null;
  const credited = (await creditsOf(db, items, [memberId])).get(memberId) ?? new Set<string>();
  return {
    member,
    items,
    registration: registration && !registration.deleted ? registration : undefined,
    progress: progress.filter((p) => !p.deleted),
    credited,
    eventTitles: await eventTitles(db, items.flatMap((i) => i.eventIds)),
  };
}

async function eventTitles(db: UnitDb, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const [meetings, activities] = await Promise.all([db.meetings.bulkGet(unique), db.activities.bulkGet(unique)]);
  const out = new Map<string, string>();
  unique.forEach((id, i) => {
    const e = meetings[i] ?? activities[i];
    if (e && !e.deleted) out.set(id, e.title);
  });
  return out;
}

export interface ItemRoll {
  item: TrainingItem;
  /** the unit's year the item belongs to */
  span: YearSpan;
  /** registered members who chose this item, by given name */
  members: Member[];
  progress: Map<string, TrainingProgress>;
  credited: Set<string>;
}

/** One item across the members who chose it: for marking it done for many at once. */
export async function loadItemRoll(itemId: string): Promise<ItemRoll | null> {
  const db = await activeDb();
  const item = await db.trainingItems.get(itemId);
  if (!item || item.deleted) return null;
  const [regs, progressRows, credits, span] = await Promise.all([
    db.trainingRegistrations.where('year').equals(item.year).toArray(),
    db.trainingProgress.where('itemId').equals(itemId).toArray(),
    creditsOf(db, [item]),
    unitYearSpan(item.year, db),
  ]);
  const chose = regs.filter((r) => !r.deleted && r.itemIds.includes(itemId));
  const members = sortByName(
    (await db.members.bulkGet(chose.map((r) => r.memberId))).filter((m): m is Member => !!m && !m.deleted),
    (m) => m.fullName,
  );
  const credited = new Set<string>();
  for (const [memberId, set] of credits) if (set.has(itemId)) credited.add(memberId);
  return {
    item,
    span,
    members,
    progress: new Map(progressRows.filter((p) => !p.deleted && p.year === item.year).map((p) => [p.memberId, p])),
    credited,
  };
}

export interface LinkableEvent {
  id: string;
  type: 'meeting' | 'activity';
  title: string;
  date: string;
}

/** Meetings and activities of the unit's year (not cancelled), to link to an item. */
export async function listLinkableEvents(year: YearLike): Promise<LinkableEvent[]> {
  const db = await activeDb();
  const span = await spanOf(db, year);
  const [meetings, activities] = await Promise.all([
    db.meetings.where('startsAt').between(span.from, spanEndStamp(span), true, true).toArray(),
    db.activities.where('date').between(span.from, span.to, true, true).toArray(),
  ]);
  const out: LinkableEvent[] = [];
  for (const m of meetings) if (!m.deleted && m.status !== 'cancelled') out.push({ id: m.id, type: 'meeting', title: m.title, date: m.startsAt.slice(0, 10) });
  for (const a of activities) if (!a.deleted && a.status !== 'cancelled') out.push({ id: a.id, type: 'activity', title: a.title, date: a.date });
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

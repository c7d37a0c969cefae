// Member register reads. No zod here: the member list chunk must stay small (B1).
import type { Member } from '../../protocol/member';
import type { MemberEvent } from '../../protocol/member-event';
import { activeDb } from '../../data/session';
import { countsOn, membersOn, movesByMember } from '../../protocol/headcount';

/** All members not tombstoned (archived ones included; the list filters them). */
export function listMembers(): Promise<Member[]> {
  return readMembers();
}

/** The live members. */
export async function readMembers(): Promise<Member[]> {
  const db = await activeDb();
  // One getAll and a filter here: Dexie's filter() walks a cursor, row by row (B3).
  return (await db.members.toArray()).filter((m) => !m.deleted);
}

export async function getMember(id: string): Promise<Member | undefined> {
  const db = await activeDb();
  const m = await db.members.get(id);
  return m && !m.deleted ? m : undefined;
}

export async function listMemberEvents(memberId: string): Promise<MemberEvent[]> {
  const db = await activeDb();
  const events = await db.memberEvents.where('memberId').equals(memberId).toArray();
  return events.filter((e) => !e.deleted).sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * Whether a member is in the unit on `today` (protocol/headcount.ts), from the members' events
 * only: the member list already holds the members, and reads them once.
 */
export async function inUnitOn(today: string): Promise<(m: Member) => boolean> {
  const db = await activeDb();
  const moves = movesByMember(await db.memberEvents.toArray());
  return (m) => countsOn(m, moves.get(m.id) ?? [], today);
}

/** The ids of the members in the unit on `today`: the one head count (protocol/headcount.ts). */
export async function membersInUnit(today: string): Promise<Set<string>> {
  const db = await activeDb();
  const [members, events] = await Promise.all([db.members.toArray(), db.memberEvents.toArray()]);
  return new Set(membersOn(members, movesByMember(events), today).map((m) => m.id));
}

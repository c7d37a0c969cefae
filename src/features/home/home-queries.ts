// Reads for the home dashboard. No zod, no member index: the first screen stays light.
import { activeDb } from '../../data/session';
import { membersOn, movesByMember } from '../../protocol/headcount';

/** Members in the unit on `today`: the one head count (protocol/headcount.ts). */
export async function countActiveMembers(today: string): Promise<number> {
  const db = await activeDb();
  const [members, events] = await Promise.all([db.members.toArray(), db.memberEvents.toArray()]);
  return membersOn(members, movesByMember(events), today).length;
}

// Reads for the home dashboard. No zod, no member index: the first screen stays light.
import { activeDb } from '../../data/session';
import { PARTICIPATING_STATUSES } from '../../protocol/member-enums';

/** Members who still take part (active or temporarily away), not archived. */
export async function countActiveMembers(): Promise<number> {
  const db = await activeDb();
  return db.members
    .where('status')
    .anyOf(PARTICIPATING_STATUSES as string[])
    .filter((m) => !m.deleted && !m.archivedAt)
    .count();
}

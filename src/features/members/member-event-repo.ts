// Taking an event recorded by mistake out of a member's history: rare desk work, so not
// precached (vite.config.ts NOT_PRECACHED); the member's page loads it on the tap.
import type { Member } from '../../protocol/member';
import { commit } from '../../data/commit';
import { deleteRow, upsertRow } from '../../data/outbox';
import { activeDb } from '../../data/session';
import { statusAfterEvent } from './members-repo';

/**
 * Removes an event recorded by mistake (a transfer entered on the wrong member: the member
 * left the list and no edit of the status brought them back, since the head count follows
 * the events). Where the event had moved the member's status and the status is still that,
 * it goes back to what the member's remaining events give, or "active" when none moves it.
 * Dates and party fields an event filled in stay: they are the record's, edited on its form.
 */
export async function removeMemberEvent(id: string): Promise<void> {
  const db = await activeDb();
  await commit(db, [db.members, db.memberEvents], async () => {
    const event = await db.memberEvents.get(id);
    if (!event || event.deleted) return;
    await deleteRow(db, 'memberEvents', id);
    const member = await db.members.get(event.memberId);
    const moved = statusAfterEvent(event);
    if (!member || member.deleted || !moved || member.status !== moved) return;
    const rest = (await db.memberEvents.where('memberId').equals(member.id).toArray()).filter((e) => !e.deleted && e.id !== id && statusAfterEvent(e));
    const latest = rest.sort((a, b) => (a.date === b.date ? (a.id < b.id ? -1 : 1) : a.date < b.date ? -1 : 1)).at(-1);
    const status = latest ? statusAfterEvent(latest)! : 'active';
    if (status !== member.status) await upsertRow<Member>(db, 'members', member.id, member.unitId, { status });
  });
}

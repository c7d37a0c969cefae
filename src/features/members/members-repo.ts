// Member register writes: every write is one transaction with its outbox entry
// (data/commit.ts). Reads live in member-queries.ts so list screens don't load zod.
import { uuidv7 } from '../../lib/ids';
import { memberFields, type Member, type MemberFields } from '../../protocol/member';
import {
  memberEventFields,
  STATUS_AFTER_EVENT,
  type MemberEvent,
  type MemberEventFields,
} from '../../protocol/member-event';
import { commit } from '../../data/commit';
import { upsertRow } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import { UserError } from '../../lib/user-error';

export async function createMember(input: MemberFields): Promise<Member> {
  const fields = memberFields.parse(input);
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.members], async () => {
    await assertCardFree(db, fields.cardNumber, undefined);
    return upsertRow<Member>(db, 'members', uuidv7(), unitId, fields);
  });
}

/**
 * A card number belongs to one member (the import refuses a second one too): a typo on the form
 * gave two members the same card, and the exported register no longer imported back.
 */
async function assertCardFree(db: Awaited<ReturnType<typeof activeDb>>, card: string | undefined, self: string | undefined): Promise<void> {
  if (!card) return;
  const holders = await db.members.where('cardNumber').equals(card).toArray();
  const other = holders.find((m) => !m.deleted && m.id !== self);
  if (other) throw new UserError('err.cardTaken', other.fullName);
}

export async function updateMember(id: string, patch: Partial<MemberFields>): Promise<Member> {
  const db = await activeDb();
  const prev = await db.members.get(id);
  if (!prev || prev.deleted) throw new Error(`member ${id} not found`);
  const fields = memberFields.parse({ ...prev, ...patch });
  return commit(db, [db.members], async () => {
    if (fields.cardNumber !== prev.cardNumber) await assertCardFree(db, fields.cardNumber, id);
    return upsertRow<Member>(db, 'members', id, prev.unitId, fields);
  });
}

export function archiveMember(id: string): Promise<Member> {
  return updateMember(id, { archivedAt: new Date().toISOString() });
}

export function unarchiveMember(id: string): Promise<Member> {
  return updateMember(id, { archivedAt: '' });
}

/**
 * Records a lifecycle event; events that move the member's status (admission, transfers,
 * graduation, struck off, expulsion) change it in the same transaction.
 */
export async function addMemberEvent(input: MemberEventFields): Promise<MemberEvent> {
  const fields = memberEventFields.parse(input);
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.members, db.memberEvents], async () => {
    const member = await db.members.get(fields.memberId);
    if (!member || member.deleted) throw new Error(`member ${fields.memberId} not found`);
    const event = await upsertRow<MemberEvent>(db, 'memberEvents', uuidv7(), unitId, fields);
    const patch = memberPatchForEvent(fields);
    if (Object.keys(patch).length) await upsertRow<Member>(db, 'members', member.id, member.unitId, patch);
    return event;
  });
}

/** The status an event moves its member to, if it moves one. */
export function statusAfterEvent(e: Pick<MemberEventFields, 'kind' | 'disciplineLevel'>): MemberFields['status'] | undefined {
  return e.kind === 'discipline' && e.disciplineLevel === 'expulsion' ? 'expelled' : STATUS_AFTER_EVENT[e.kind];
}

/** What an event changes on the member record (pure; tested). */
export function memberPatchForEvent(e: MemberEventFields): Partial<MemberFields> {
  const patch: Partial<MemberFields> = {};
  const status = statusAfterEvent(e);
  if (status) patch.status = status;
  if (e.kind === 'admission') patch.admissionDate = e.date;
  if (e.kind === 'party_admission') {
    patch.partyStatus = 'probationary';
    patch.partyAdmissionDate = e.date;
  }
  return patch;
}

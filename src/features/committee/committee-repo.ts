// Committee writes (Ban Chấp hành, issue 9 item 6): start or edit a term, assign a seat, edit,
// end or remove one, and the committee's settings. Each is one Dexie transaction with its
// outbox entries; bad input is refused (UserError) before anything is written.
//
// The member record's position (bí thư / phó bí thư / ủy viên BCH / đoàn viên) and the unit's
// term label and secretary's name are kept in step with the committee in force today, in the
// same transaction: the minutes' chair picker, the member list and the dues slips read them.
// A change dated later takes effect on its day through positions-sync.ts catchUpPositions.
import type * as z from 'zod/mini';
import { todayIso } from '../../lib/dates';
import { uuidv7 } from '../../lib/ids';
import { UserError } from '../../lib/user-error';
import { commit } from '../../data/commit';
import { deleteRow, upsertRow } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import type { UnitDb } from '../../data/db';
import {
  committeeSeatFields, committeeTermFields,
  type CommitteeSeat, type CommitteeSeatFields, type CommitteeTerm, type CommitteeTermFields,
} from '../../protocol/committee';
import { DEFAULT_TERM_MONTHS, nextCongressDue, seatProblem } from '../../protocol/committee-rules';
import { countsOn } from '../../protocol/headcount';
import { committeeTables, syncMembers, unitRow } from './positions-sync';
import { UNIT_SETTINGS_ID, unitSettingsFields, type UnitSettings, type UnitSettingsFields } from '../../protocol/unit-settings';

function check<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UserError(r.error.issues[0]?.message || 'err.invalid', r.error);
  return r.data;
}

export type TermInput = Omit<CommitteeTermFields, 'endsOn'> & { endsOn?: string };

/**
 * Starts a term (no `id`) or edits one. A planned end left empty is the start plus the term
 * length setting. Refused: an end before the start, more deputies or standing seats than the
 * size, a second term starting the same day, and an edit its seats no longer fit.
 */
export async function saveTerm(input: TermInput, id?: string, today = todayIso()): Promise<CommitteeTerm> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  const unit = await unitRow(db, unitId);
  const settings = await db.unitSettings.get(UNIT_SETTINGS_ID);
  const raw = { ...input, endsOn: input.endsOn || undefined, note: (input.note ?? '').trim() };
  // a chi đoàn has no Ban Thường vụ: its size is dropped, not kept hidden
  if (unit?.kind !== 'baseUnion') delete raw.standingSize;
  const fields = check(committeeTermFields, raw);
  fields.endsOn ||= nextCongressDue(fields, settings?.termMonths ?? DEFAULT_TERM_MONTHS);
  if (fields.endsOn <= fields.startsOn) throw new UserError('committee.errEndBeforeStart');
  if (1 + (fields.deputies ?? 1) > fields.size) throw new UserError('committee.errDeputiesOverSize');
  if ((fields.standingSize ?? 0) > fields.size) throw new UserError('committee.errStandingOverSize');
  const termId = id ?? uuidv7();
  return commit(db, committeeTables(db), async () => {
    const prev = id ? await db.committeeTerms.get(id) : undefined;
    if (id && (!prev || prev.deleted)) throw new UserError('committee.errNoTerm');
    const terms = (await db.committeeTerms.toArray()).filter((t) => !t.deleted && t.id !== termId);
    if (terms.some((t) => t.startsOn === fields.startsOn)) throw new UserError('committee.errSameStart');
    if (prev) {
      const next = { ...prev, ...fields };
      const seats = await liveSeats(db, termId);
      if (seats.some((s) => seatProblem(next, seats, s))) throw new UserError('committee.errSeatsDontFit');
    }
    const term = await upsertRow<CommitteeTerm>(db, 'committeeTerms', termId, prev?.unitId ?? unitId, fields);
    await syncMembers(db, unitId, today);
    return term;
  });
}

export type SeatInput = Omit<CommitteeSeatFields, 'to' | 'endReason'> & { to?: string; endReason?: string };

/**
 * Assigns a seat (an election at the congress, or a by-election later). Refused when the
 * member is not in the unit on the seat's first day, already holds a seat then, or the seat
 * would make a second secretary, more deputies, seats or standing seats than decided.
 */
export async function assignSeat(input: SeatInput, today = todayIso()): Promise<CommitteeSeat> {
  return writeSeat(uuidv7(), input, today);
}

/** Corrects a seat: position, standing, dates (the member stays: another person is a new seat). */
export async function updateSeat(id: string, patch: Partial<Omit<SeatInput, 'memberId' | 'termId'>>, today = todayIso()): Promise<CommitteeSeat> {
  const db = await activeDb();
  const prev = await db.committeeSeats.get(id);
  if (!prev || prev.deleted) throw new UserError('committee.errNoSeat');
  return writeSeat(id, { ...prev, ...patch }, today);
}

/** Ends a seat on `to` (the last day held) for a reason: the seat becomes a vacancy. */
export async function endSeat(id: string, to: string, reason: string, today = todayIso()): Promise<CommitteeSeat> {
  if (!reason.trim()) throw new UserError('committee.errReasonRequired');
  return updateSeat(id, { to, endReason: reason.trim() }, today);
}

/** Removes a seat entered by mistake (a tombstone, as every delete). */
export async function removeSeat(id: string, today = todayIso()): Promise<void> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  await commit(db, committeeTables(db), async () => {
    await deleteRow(db, 'committeeSeats', id);
    await syncMembers(db, unitId, today);
  });
}

async function writeSeat(id: string, input: SeatInput, today: string): Promise<CommitteeSeat> {
  const db = await activeDb();
  const unitId = await activeUnitId();
  const unit = await unitRow(db, unitId);
  const raw = { ...input, to: input.to || undefined, endReason: input.to ? (input.endReason ?? '').trim() : undefined };
  if (unit?.kind !== 'baseUnion' || !raw.standing) delete raw.standing;
  for (const k of ['to', 'endReason'] as const) if (raw[k] === undefined) delete raw[k];
  const fields = check(committeeSeatFields, raw);
  return commit(db, committeeTables(db), async () => {
    const term = await db.committeeTerms.get(fields.termId);
    if (!term || term.deleted) throw new UserError('committee.errNoTerm');
    const member = await db.members.get(fields.memberId);
    if (!member || member.deleted) throw new UserError('committee.errNotInUnit');
    const events = (await db.memberEvents.where('memberId').equals(member.id).toArray()).filter((e) => !e.deleted);
    if (!countsOn(member, events, fields.from)) throw new UserError('committee.errNotInUnit');
    const problem = seatProblem(term, await liveSeats(db, term.id), { id, ...fields });
    if (problem) throw new UserError(`committee.err_${problem}`);
    const prev = await db.committeeSeats.get(id);
    // an end cleared by an edit must be cleared on the row too, not left from before
    const patch = { ...fields, to: fields.to ?? '', endReason: fields.endReason ?? '', standing: !!fields.standing };
    const seat = await upsertRow<CommitteeSeat>(db, 'committeeSeats', id, prev?.unitId ?? unitId, patch);
    await syncMembers(db, unitId, today);
    return seat;
  });
}

export type CommitteeSettingsInput = Pick<UnitSettingsFields, 'termMonths' | 'committeeMeetingFrequency'>;

/** Term length and committee meeting frequency, into the unit's settings row (other settings untouched). */
export async function saveCommitteeSettings(input: CommitteeSettingsInput): Promise<UnitSettings> {
  const fields = check(unitSettingsFields, input);
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.unitSettings], async () => {
    const prev = await db.unitSettings.get(UNIT_SETTINGS_ID);
    return upsertRow<UnitSettings>(db, 'unitSettings', UNIT_SETTINGS_ID, prev?.unitId ?? unitId, fields);
  });
}

async function liveSeats(db: UnitDb, termId: string): Promise<CommitteeSeat[]> {
  return (await db.committeeSeats.where('termId').equals(termId).toArray()).filter((s) => !s.deleted);
}

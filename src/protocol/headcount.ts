// Who is in the unit on a day or during a period: the ONE definition every screen that counts
// or lists members uses (home, the member list, dues, the roll, training, rating), so that
// "119 members" means the same everywhere (issue 8, item 10). Pure: no zod, no Dexie.
//
// A member counts on a day when the record is live (not deleted, not archived: archiving hides
// a record from every list) and the day falls in one of their stays in the unit:
//   - admission and transfer in start a stay on their date; transfer out, graduation, striking
//     off and expulsion end one on theirs (the member is still in the unit that day);
//   - with no starting event a stay starts at the admission date, or before any date shown when
//     that is unknown (an imported list: the members are here);
//   - a stay still open at the end is open-ended, unless the status says the member left
//     (transferred out, graduated, struck off, expelled) without a dated event: then the
//     leaving cannot be placed in time and the open stay is dropped (never counted, never
//     owing dues) — recording the event gives it its date.
// Dues turn these stays into months (dues-rules memberStays), rating into days (eligibility).

export interface PersonLike {
  status: string;
  admissionDate?: string;
  archivedAt?: string;
  deleted?: boolean;
}

export interface MoveLike {
  kind: string;
  /** yyyy-mm-dd */
  date: string;
  disciplineLevel?: string;
}

export interface DayStay {
  from: string;
  /** the last day in the unit; undefined = still there */
  to?: string;
  /** the event that started / ended it ('' = from the admission date or unknown) */
  startKind: string;
  endKind?: string;
}

export const LEFT_STATUSES: ReadonlySet<string> = new Set(['transferred_out', 'graduated', 'struck_off', 'expelled']);

export const startsStay = (e: MoveLike) => e.kind === 'admission' || e.kind === 'transfer_in';
export const endsStay = (e: MoveLike) =>
  e.kind === 'transfer_out' || e.kind === 'graduation' || e.kind === 'struck_off' || (e.kind === 'discipline' && e.disciplineLevel === 'expulsion');

export interface Stays {
  stays: DayStay[];
  /** the status says the member left, but no dated event says when */
  leftUndated: boolean;
}

/** A member's stays in the unit, in time order, from their events (any order). */
export function staysOf(member: PersonLike, events: readonly MoveLike[]): Stays {
  const moves = events.filter((e) => startsStay(e) || endsStay(e)).sort((a, b) => a.date.localeCompare(b.date));
  const stays: DayStay[] = [];
  let open: { from: string; startKind: string } | undefined;
  if (!moves.length || !startsStay(moves[0])) open = { from: member.admissionDate || '0000-01-01', startKind: '' };
  for (const e of moves) {
    if (startsStay(e)) open ??= { from: e.date, startKind: e.kind };
    else if (open) {
      stays.push({ ...open, to: e.date, endKind: e.kind });
      open = undefined;
    }
  }
  const leftUndated = !!open && LEFT_STATUSES.has(member.status);
  if (open && !leftUndated) stays.push(open);
  return { stays, leftUndated };
}

/** In the unit at some time from `from` to `to` (yyyy-mm-dd, both included), on a live record. */
export function countsDuring(member: PersonLike, events: readonly MoveLike[], from: string, to: string): boolean {
  if (member.deleted || member.archivedAt) return false;
  // No event: the one stay staysOf would give, without making it (the member list asks 5,000 times at a cold start, B3).
  if (!events.length) return !LEFT_STATUSES.has(member.status) && (member.admissionDate || '0000-01-01') <= to;
  return staysOf(member, events).stays.some((s) => s.from <= to && (s.to === undefined || s.to >= from));
}

/** In the unit on `day` (yyyy-mm-dd), on a live record: who counts today. */
export function countsOn(member: PersonLike, events: readonly MoveLike[], day: string): boolean {
  return countsDuring(member, events, day, day);
}

/** Events grouped by member (one pass), for the counts below. */
export function movesByMember<E extends MoveLike & { memberId: string; deleted?: boolean }>(events: readonly E[]): Map<string, E[]> {
  const out = new Map<string, E[]>();
  for (const e of events) {
    if (e.deleted || !(startsStay(e) || endsStay(e))) continue;
    const list = out.get(e.memberId);
    if (list) list.push(e);
    else out.set(e.memberId, [e]);
  }
  return out;
}

/** The members who count on `day`, in their order. */
export function membersOn<M extends PersonLike & { id: string }>(members: readonly M[], moves: ReadonlyMap<string, readonly MoveLike[]>, day: string): M[] {
  return members.filter((m) => countsOn(m, moves.get(m.id) ?? [], day));
}

// Who sits on the committee (BCH) on a day, its vacancies and whether it is complete; whether
// it met as often as the unit's rule asks. Pure, no zod: the year's targets (target 6), the
// committee screen and the future supervisor dashboard compute the same answer.
import type { MeetingFrequency, MeetingStatus } from './meeting-enums';
import type { CommitteePosition } from './committee-enums';

export interface TermLike {
  id: string;
  label: string;
  startsOn: string;
  endsOn?: string;
  size: number;
  standingSize?: number;
  deputies?: number;
  deleted?: boolean;
}

export interface SeatLike {
  id: string;
  termId: string;
  memberId: string;
  position: CommitteePosition;
  standing?: boolean;
  from: string;
  to?: string;
  deleted?: boolean;
}

export interface CommitteeState<T extends TermLike, S extends SeatLike> {
  term: T;
  /** seats held on the day, secretary first, then deputies, then members */
  seats: S[];
  size: number;
  filled: number;
  vacancies: number;
  hasSecretary: boolean;
  /** all seats the congress decided are held, and there is a secretary */
  complete: boolean;
}

/** Absent term length setting: 30 months (2,5 năm, half of a 5-year congress cycle). */
export const DEFAULT_TERM_MONTHS = 30;

const POSITION_ORDER: Record<CommitteePosition, number> = { secretary: 0, deputySecretary: 1, committeeMember: 2 };

/** The term in force on a day: the latest one started on or before it (a term without an end runs until the next). */
export function termOn<T extends TermLike>(terms: readonly T[], day: string): T | undefined {
  let best: T | undefined;
  for (const t of terms) {
    if (t.deleted || t.startsOn > day) continue;
    if (!best || t.startsOn > best.startsOn || (t.startsOn === best.startsOn && t.id > best.id)) best = t;
  }
  return best;
}

/** A seat is held from `from` to `to` inclusive. `stillHere` drops members no longer in the unit that day. */
export function committeeOn<T extends TermLike, S extends SeatLike>(
  terms: readonly T[],
  seats: readonly S[],
  day: string,
  stillHere: (memberId: string) => boolean = () => true,
): CommitteeState<T, S> | undefined {
  const term = termOn(terms, day);
  if (!term) return undefined;
  const held = seats
    .filter((s) => !s.deleted && s.termId === term.id && s.from <= day && (!s.to || s.to >= day) && stillHere(s.memberId))
    .sort((a, b) => POSITION_ORDER[a.position] - POSITION_ORDER[b.position] || a.from.localeCompare(b.from) || a.id.localeCompare(b.id));
  // one person holds one seat: a member listed twice (a deputy made secretary without closing the old seat) counts once
  const people = new Set(held.map((s) => s.memberId));
  const filled = people.size;
  const hasSecretary = held.some((s) => s.position === 'secretary');
  return { term, seats: held, size: term.size, filled, vacancies: Math.max(0, term.size - filled), hasSecretary, complete: hasSecretary && filled >= term.size };
}

/** `iso` + `months` calendar months, the day clamped to the month's last (31/08 + 6 → 28/02 or 29/02). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const total = (m - 1) + months;
  const yy = y + Math.floor(total / 12);
  const mm = ((total % 12) + 12) % 12 + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${yy}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** When the next congress is due: the term's planned end, else its start + the term length. */
export function nextCongressDue(term: Pick<TermLike, 'startsOn' | 'endsOn'>, termMonths = DEFAULT_TERM_MONTHS): string {
  return term.endsOn || addMonths(term.startsOn, termMonths);
}

/** Whole months from `today` until `due` (0 in its last month, negative once it has passed). */
export function monthsUntil(today: string, due: string): number {
  if (due < today) return -1 - monthsUntil(due, today);
  let n = 0;
  while (addMonths(today, n + 1) <= due) n++;
  return n;
}

/** The congress is near (less than `warnMonths` away) or overdue. */
export function congressSoon(today: string, due: string, warnMonths = 3): 'overdue' | 'soon' | undefined {
  if (due < today) return 'overdue';
  return due < addMonths(today, warnMonths) ? 'soon' : undefined;
}

/** Empty seats by position: a missing secretary first, then missing deputies, the rest ordinary seats; they add up to `vacancies`. */
export function vacantSeats(state: Pick<CommitteeState<TermLike, SeatLike>, 'term' | 'seats' | 'vacancies' | 'hasSecretary'>): Record<CommitteePosition, number> {
  let left = state.vacancies;
  const secretary = Math.min(left, state.hasSecretary ? 0 : 1);
  left -= secretary;
  const deputiesHeld = new Set(state.seats.filter((s) => s.position === 'deputySecretary').map((s) => s.memberId)).size;
  const deputySecretary = Math.min(left, Math.max(0, (state.term.deputies ?? 1) - deputiesHeld));
  return { secretary, deputySecretary, committeeMember: left - deputySecretary };
}

/** Each member's position on a day from the committee in force (the highest seat held), for members.position. */
export function positionsOn(terms: readonly TermLike[], seats: readonly SeatLike[], day: string): Map<string, CommitteePosition> | undefined {
  const state = committeeOn(terms, seats, day);
  if (!state) return undefined;
  const out = new Map<string, CommitteePosition>();
  for (const s of state.seats) if (!out.has(s.memberId)) out.set(s.memberId, s.position); // seats come secretary first
  return out;
}

export type SeatProblem = 'toBeforeFrom' | 'beforeTerm' | 'twoSeats' | 'secondSecretary' | 'tooManyDeputies' | 'tooManySeats' | 'tooManyStanding';

const overlaps = (a: SeatLike, b: SeatLike) => a.from <= (b.to || '9999-12-31') && b.from <= (a.to || '9999-12-31');

/**
 * Why a seat cannot be held as asked, against the other seats of its term (the seat itself,
 * by id, is left out so an edit checks against the rest): one person, one seat at a time; one
 * secretary at a time; no more deputies, seats or standing seats (Ban Thường vụ) at once than
 * the congress decided. Counting at each day a seat starts inside the candidate's span is
 * enough: the number of seats held at once only rises on such a day.
 */
export function seatProblem(term: TermLike, seats: readonly SeatLike[], seat: SeatLike): SeatProblem | undefined {
  if (seat.to && seat.to < seat.from) return 'toBeforeFrom';
  if (seat.from < term.startsOn) return 'beforeTerm';
  const others = seats.filter((s) => !s.deleted && s.termId === term.id && s.id !== seat.id && overlaps(s, seat));
  if (others.some((s) => s.memberId === seat.memberId)) return 'twoSeats';
  if (seat.position === 'secretary' && others.some((s) => s.position === 'secretary')) return 'secondSecretary';
  const days = [seat.from, ...others.map((s) => s.from).filter((d) => d > seat.from)];
  const most = (keep: (s: SeatLike) => boolean) =>
    Math.max(0, ...days.map((d) => new Set(others.filter((s) => keep(s) && s.from <= d && (!s.to || s.to >= d)).map((s) => s.memberId)).size));
  if (seat.position === 'deputySecretary' && most((s) => s.position === 'deputySecretary') + 1 > (term.deputies ?? 1)) return 'tooManyDeputies';
  if (most(() => true) + 1 > term.size) return 'tooManySeats';
  if (seat.standing && most((s) => !!s.standing) + 1 > (term.standingSize ?? 0)) return 'tooManyStanding';
  return undefined;
}

export interface MeetingLike {
  kind: string;
  startsAt: string;
  status: MeetingStatus;
  deleted?: boolean;
}

export interface PeriodCheck {
  /** 'yyyy-mm' of the period's first month */
  period: string;
  months: string[];
  held: boolean;
}

/**
 * Periods (months, or quarters of the calendar) from `from` to `to` (inclusive days) and
 * whether a meeting of `kind` was held in each. A period counts once it has begun, so the
 * current period appears as not held until its meeting is.
 */
export function meetingsByPeriod(meetings: readonly MeetingLike[], kind: string, frequency: MeetingFrequency, from: string, to: string): PeriodCheck[] {
  const heldMonths = new Set(meetings.filter((m) => !m.deleted && m.kind === kind && m.status === 'held').map((m) => m.startsAt.slice(0, 7)));
  const out: PeriodCheck[] = [];
  let y = Number(from.slice(0, 4));
  let mo = Number(from.slice(5, 7));
  if (frequency === 'quarterly') mo = Math.floor((mo - 1) / 3) * 3 + 1;
  const end = to.slice(0, 7);
  const step = frequency === 'quarterly' ? 3 : 1;
  for (;;) {
    const first = `${y}-${String(mo).padStart(2, '0')}`;
    if (first > end) break;
    const months: string[] = [];
    for (let i = 0; i < step; i++) {
      const m0 = mo - 1 + i;
      months.push(`${y + Math.floor(m0 / 12)}-${String((m0 % 12) + 1).padStart(2, '0')}`);
    }
    out.push({ period: first, months, held: months.some((m) => heldMonths.has(m)) });
    mo += step;
    if (mo > 12) {
      mo -= 12;
      y += 1;
    }
  }
  return out;
}

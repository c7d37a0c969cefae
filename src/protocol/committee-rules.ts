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

/** When the next congress is due: the term's planned end, else its start + the term length. */
export function nextCongressDue(term: TermLike, termMonths = DEFAULT_TERM_MONTHS): string {
  if (term.endsOn) return term.endsOn;
  const [y, m, d] = term.startsOn.split('-').map(Number);
  const total = (m - 1) + termMonths;
  const yy = y + Math.floor(total / 12);
  const mm = (total % 12) + 1;
  const last = new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  return `${yy}-${String(mm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
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

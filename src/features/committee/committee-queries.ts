// Committee reads: the committee on a day with its members' names, the terms' history, and
// the committee meetings held in the unit's current year against the frequency rule. A few
// small reads (terms, seats, the seated members and their events, the year's meetings), then
// the pure rules of protocol/committee-rules.ts. No zod.
import { activeDb } from '../../data/session';
import type { UnitDb } from '../../data/db';
import { nameTags, taggedName } from '../../lib/names';
import { getUnit } from '../setup/unit-queries';
import { currentUnitYear } from '../../data/unit-year';
import type { CommitteeSeat, CommitteeTerm } from '../../protocol/committee';
import {
  committeeOn, congressSoon, DEFAULT_TERM_MONTHS, meetingsByPeriod, monthsUntil, nextCongressDue, termOn, vacantSeats,
  type CommitteeState, type PeriodCheck,
} from '../../protocol/committee-rules';
import { countsOn, movesByMember } from '../../protocol/headcount';
import type { MeetingFrequency } from '../../protocol/meeting-enums';
import type { Member } from '../../protocol/member';
import type { UnitKind } from '../../protocol/unit';
import type { YearSpan } from '../../protocol/year';
import type { CommitteePosition } from '../../protocol/committee-enums';

/** src/protocol/unit-settings.ts UNIT_SETTINGS_ID (that module loads zod). */
const SETTINGS_ID = 'settings:unit';

export interface NamedSeat {
  seat: CommitteeSeat;
  /** the member's name, with the birth year (or sub-group) when another member of the unit has the same name */
  name: string;
}

export interface CommitteeMeetings {
  frequency: MeetingFrequency;
  year: YearSpan;
  periods: PeriodCheck[];
  /** periods with a committee meeting held */
  held: number;
  /** periods over, plus the current one once its meeting is held */
  due: number;
  /** periods over without a meeting ('yyyy-mm' of their first month) */
  missed: string[];
  currentHeld: boolean;
}

export interface CommitteeView {
  unitKind: UnitKind;
  termMonths: number;
  /** the term length setting is absent (the default applies) */
  termMonthsDefault: boolean;
  frequency: MeetingFrequency;
  /** every live term, newest first */
  terms: CommitteeTerm[];
  current?: {
    state: CommitteeState<CommitteeTerm, CommitteeSeat>;
    seats: NamedSeat[];
    vacant: Record<CommitteePosition, number>;
    /** seats of this term that ended, latest first */
    ended: NamedSeat[];
    /** seats of this term that start after today (a by-election dated ahead), soonest first */
    upcoming: NamedSeat[];
    due: string;
    monthsLeft: number;
    soon?: 'overdue' | 'soon';
  };
  /** a term elected but not begun yet */
  upcoming?: CommitteeTerm;
  meetings: CommitteeMeetings;
}

export async function loadCommittee(today: string): Promise<CommitteeView> {
  const db = await activeDb();
  const [unit, settings, allTerms, allSeats] = await Promise.all([
    getUnit(), db.unitSettings.get(SETTINGS_ID), db.committeeTerms.toArray(), db.committeeSeats.toArray(),
  ]);
  const terms = allTerms.filter((t) => !t.deleted).sort((a, b) => b.startsOn.localeCompare(a.startsOn));
  const seats = allSeats.filter((s) => !s.deleted);
  const termMonths = settings?.termMonths ?? DEFAULT_TERM_MONTHS;
  const frequency = settings?.committeeMeetingFrequency ?? 'monthly';
  const term = termOn(terms, today);
  const termSeats = term ? seats.filter((s) => s.termId === term.id) : [];
  const names = await memberNames(termSeats.map((s) => s.memberId), today);
  const stillHere = (id: string) => names.get(id)?.here ?? false;
  const state = committeeOn(terms, seats, today, stillHere);
  const named = (s: CommitteeSeat): NamedSeat => ({ seat: s, name: names.get(s.memberId)?.name ?? '' });
  let current: CommitteeView['current'];
  if (state) {
    const due = nextCongressDue(state.term, termMonths);
    current = {
      state,
      seats: state.seats.map(named),
      vacant: vacantSeats(state),
      // ended seats, and seats whose member left the unit while still holding them
      ended: termSeats.filter((s) => (s.to && s.to < today) || (!state.seats.includes(s) && s.from <= today)).sort((a, b) => (b.to || today).localeCompare(a.to || today)).map(named),
      // found in use: a seat dated ahead was shown nowhere until its day, so a mistaken one could
      // be neither seen nor ended (and the same member could not be seated again meanwhile)
      upcoming: termSeats.filter((s) => s.from > today).sort((a, b) => a.from.localeCompare(b.from)).map(named),
      due,
      monthsLeft: monthsUntil(today, due),
      soon: congressSoon(today, due),
    };
  }
  return {
    unitKind: unit?.kind ?? 'branch',
    termMonths,
    termMonthsDefault: settings?.termMonths === undefined,
    frequency,
    terms,
    current,
    upcoming: terms.filter((t) => t.startsOn > today).at(-1),
    meetings: await committeeMeetings(today, frequency),
  };
}

/** Names of the seated members (namesakes tagged), and whether each is still in the unit today (headcount). */
async function memberNames(ids: string[], today: string): Promise<Map<string, { name: string; here: boolean }>> {
  const db = await activeDb();
  const unique = [...new Set(ids)];
  const [members, events, tags] = await Promise.all([db.members.bulkGet(unique), db.memberEvents.where('memberId').anyOf(unique).toArray(), namesakes(db, unique.length)]);
  const moves = movesByMember(events);
  const out = new Map<string, { name: string; here: boolean }>();
  for (const m of members) if (m && !m.deleted) out.set(m.id, { name: taggedName(m, tags), here: countsOn(m, moves.get(m.id) ?? [], today) });
  return out;
}

/**
 * Two members with the same name are told apart by birth year (else sub-group), as in every
 * picker and list of the app (lib/names.ts): against the whole unit, since the namesake of a
 * committee member is often not on the committee. Nobody to name: nothing read.
 */
async function namesakes(db: UnitDb, named: number): Promise<Map<string, string>> {
  return named ? nameTags((await db.members.toArray()).filter((m) => !m.deleted)) : new Map();
}

/** Committee meetings (kind 'committee') of the unit's year so far, period by period. */
export async function committeeMeetings(today: string, frequency: MeetingFrequency): Promise<CommitteeMeetings> {
  const db = await activeDb();
  const year = await currentUnitYear(today, db);
  const meetings = await db.meetings.where('startsAt').between(year.from, `${year.to}T\uffff`, true, true).toArray();
  const periods = meetingsByPeriod(meetings, 'committee', frequency, year.from, today < year.to ? today : year.to);
  const month = today.slice(0, 7);
  const last = periods.at(-1);
  const currentOpen = !!last && last.months.includes(month);
  const over = currentOpen ? periods.slice(0, -1) : periods;
  const currentHeld = currentOpen && last.held;
  const held = periods.filter((p) => p.held).length;
  return { frequency, year, periods, held, due: over.length + (currentHeld ? 1 : 0), missed: over.filter((p) => !p.held).map((p) => p.period), currentHeld };
}

export async function getTerm(id: string): Promise<CommitteeTerm | undefined> {
  const db = await activeDb();
  const t = await db.committeeTerms.get(id);
  return t && !t.deleted ? t : undefined;
}

export async function getSeat(id: string): Promise<NamedSeat | undefined> {
  const db = await activeDb();
  const s = await db.committeeSeats.get(id);
  if (!s || s.deleted) return undefined;
  const [m, tags] = await Promise.all([db.members.get(s.memberId), namesakes(db, 1)]);
  return { seat: s, name: m ? taggedName(m, tags) : '' };
}

/** The unit's kind and settings the term form needs (a Đoàn cơ sở has a Ban Thường vụ). */
export async function termFormContext(): Promise<{ unitKind: UnitKind; termMonths: number }> {
  const db = await activeDb();
  const [unit, settings] = await Promise.all([getUnit(), db.unitSettings.get(SETTINGS_ID)]);
  return { unitKind: unit?.kind ?? 'branch', termMonths: settings?.termMonths ?? DEFAULT_TERM_MONTHS };
}

/** Members in the unit on `day`, for the seat picker. */
export async function seatCandidates(day: string): Promise<Member[]> {
  const db = await activeDb();
  const [members, events] = await Promise.all([db.members.toArray(), db.memberEvents.toArray()]);
  const moves = movesByMember(events);
  return members.filter((m) => countsOn(m, moves.get(m.id) ?? [], day));
}

/** What the seat form needs: the unit's kind and the term a new seat goes in (asked for, else today's). */
export async function seatFormContext(today: string, termId?: string): Promise<{ unitKind: UnitKind; term?: CommitteeTerm }> {
  const db = await activeDb();
  const [unit, terms] = await Promise.all([getUnit(), db.committeeTerms.toArray()]);
  const term = termId ? terms.find((t) => t.id === termId && !t.deleted) : termOn(terms, today);
  return { unitKind: unit?.kind ?? 'branch', term };
}

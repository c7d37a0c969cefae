// The minutes editor's form: what the secretary types (strings, half-filled rows) ↔ the
// draft patch saved as they type. Saving never waits for the form to be valid — a half
// typed date is kept as typed so nothing is lost — but finalizing does (formErrors). Pure.
import type { Minutes, Task, Vote } from '../../protocol/minutes';
import type { MessageKey } from '../../i18n';
import type { DraftPatch } from './minutes-repo';
import { formatDate, isValidIsoDate, parseDateText } from '../../lib/dates';

export const TEXT_SECTIONS = ['reviewOfLastPeriod', 'discussion', 'speakers', 'themedPart', 'duesCollected', 'conclusions'] as const;
export type TextSection = (typeof TEXT_SECTIONS)[number];

export interface VoteRow {
  key: string;
  matter: string;
  votesFor: string;
  votesAgainst: string;
  present: string;
}

export interface TaskRow {
  key: string;
  what: string;
  who: string;
  /** as typed: dd/mm/yyyy */
  due: string;
}

export type MinutesForm = Record<TextSection, string> & { endedAt: string; votes: VoteRow[]; tasks: TaskRow[] };

let keySeq = 0;
/** Stable keys for list rows (Preact needs them; they never reach the record). */
export const rowKey = () => `r${++keySeq}`;

export const emptyVote = (): VoteRow => ({ key: rowKey(), matter: '', votesFor: '', votesAgainst: '', present: '' });
export const emptyTask = (): TaskRow => ({ key: rowKey(), what: '', who: '', due: '' });

export function toForm(m: Partial<Minutes> | undefined): MinutesForm {
  const form = Object.fromEntries(TEXT_SECTIONS.map((s) => [s, m?.[s] ?? ''])) as Record<TextSection, string>;
  return {
    ...form,
    endedAt: m?.endedAt ?? '',
    votes: (m?.votes ?? []).map((v) => ({ key: rowKey(), matter: v.matter, votesFor: String(v.votesFor), votesAgainst: String(v.votesAgainst), present: String(v.present) })),
    tasks: (m?.tasks ?? []).map((t) => ({ key: rowKey(), what: t.what, who: t.who ?? '', due: t.due ? (isValidIsoDate(t.due) ? formatDate(t.due) : t.due) : '' })),
  };
}

/** A form read back from storage gets fresh row keys (the counter restarted with the page). */
export function rekey(f: MinutesForm): MinutesForm {
  return { ...f, votes: f.votes.map((v) => ({ ...v, key: rowKey() })), tasks: f.tasks.map((x) => ({ ...x, key: rowKey() })) };
}

/** "12", " 12 ", "" → 12, 12, 0; anything not a whole number counts as 0 (and is an error). */
export function countOf(s: string): number {
  const n = Number(s.trim());
  return Number.isInteger(n) && n >= 0 ? Math.min(n, 100000) : 0;
}
const isCount = (s: string) => s.trim() === '' || /^\d{1,6}$/.test(s.trim());

/**
 * The draft patch: every text section, the end time, and the rows that have their main text
 * (a vote's matter, a task's what) — a row is not a row until it says what it is about.
 * Deadlines are stored ISO when they are real dates, else as typed.
 */
export function toDraftPatch(f: MinutesForm): DraftPatch {
  const votes: Vote[] = f.votes
    .filter((v) => v.matter.trim())
    .map((v) => ({ matter: v.matter.trim(), votesFor: countOf(v.votesFor), votesAgainst: countOf(v.votesAgainst), present: countOf(v.present) }));
  const tasks: Task[] = f.tasks
    .filter((t) => t.what.trim())
    .map((t) => {
      const due = t.due.trim();
      return { what: t.what.trim(), who: t.who.trim() || undefined, due: due ? (parseDateText(due) ?? due.slice(0, 10)) : undefined };
    });
  const texts = Object.fromEntries(TEXT_SECTIONS.map((s) => [s, f[s]]));
  return { ...texts, endedAt: /^\d{2}:\d{2}$/.test(f.endedAt) ? f.endedAt : undefined, votes, tasks };
}

export type FormErrors = Record<string, MessageKey>;

/**
 * What the meeting bounds: its start time (HH:MM) and how many members could be present — the
 * roll's members less those marked absent. Found in use: minutes were finalized, and so locked,
 * with "Có mặt: 500" in a unit of 40 and an end at 15:00 of a meeting that began at 16:30.
 */
export interface MeetingBounds {
  startsAt?: string;
  mostPresent?: number;
}

/** Problems that must be fixed before the minutes are finalized (shown as the secretary types). */
export function formErrors(f: MinutesForm, bounds: MeetingBounds = {}): FormErrors {
  const errors: FormErrors = {};
  f.votes.forEach((v, i) => {
    const hasCounts = [v.votesFor, v.votesAgainst, v.present].some((s) => s.trim());
    if (!v.matter.trim() && hasCounts) errors[`votes.${i}.matter`] = 'minutes.errVoteMatter';
    if (![v.votesFor, v.votesAgainst, v.present].every(isCount)) errors[`votes.${i}.counts`] = 'minutes.errVoteNumber';
    else if (countOf(v.votesFor) + countOf(v.votesAgainst) > countOf(v.present)) errors[`votes.${i}.counts`] = 'minutes.errVoteTotal';
    else if (bounds.mostPresent !== undefined && countOf(v.present) > bounds.mostPresent) errors[`votes.${i}.counts`] = 'minutes.errVotePresent';
  });
  f.tasks.forEach((t, i) => {
    if (!t.what.trim() && (t.who.trim() || t.due.trim())) errors[`tasks.${i}.what`] = 'minutes.errTaskWhat';
    if (t.due.trim() && !parseDateText(t.due)) errors[`tasks.${i}.due`] = 'err.date';
  });
  if (f.endedAt && !/^\d{2}:\d{2}$/.test(f.endedAt)) errors.endedAt = 'minutes.errTime';
  else if (f.endedAt && bounds.startsAt && f.endedAt < bounds.startsAt) errors.endedAt = 'minutes.errEndBeforeStart';
  return errors;
}

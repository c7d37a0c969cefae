// Two-way notes between a unit and the level above (issue 11 item 7), as threads: the first
// note (guidance from above, or the unit's question — "xin ý kiến") names the thread, replies
// follow in the same thread. Pure, no zod, no Dexie.
//   - a thread's activity is its latest note; threads list newest activity first;
//   - a note is unread by a side when the OTHER side wrote it and nobody on this side opened
//     the thread since (readAt); opening the thread marks those notes read.
import type { NoteKind, NoteSide } from './oversight-enums';

export interface NoteLike {
  id: string;
  threadId: string;
  kind: NoteKind;
  from: NoteSide;
  body: string;
  authorName?: string;
  at: string;
  readAt?: string;
  deleted?: boolean;
}

export interface NoteThread<N extends NoteLike = NoteLike> {
  id: string;
  /** guidance (from above) or question (from the unit): the first note's kind */
  kind: NoteKind;
  /** oldest first; the first is the thread's opening note */
  notes: N[];
  lastAt: string;
  /** notes the other side wrote that `side` has not opened */
  unread: number;
}

/** Which side a database's user writes as: a supervisor's copy of a unit is the level above. */
export const sideOfRole = (role: string | undefined): NoteSide => (role === 'supervisor' ? 'above' : 'unit');

/** Does `side` have this note to read? */
export const isUnreadBy = (n: NoteLike, side: NoteSide): boolean => n.from !== side && !n.readAt;

/** The notes (tombstones left out) as threads seen by `side`, newest activity first. */
export function threadsOf<N extends NoteLike>(notes: readonly N[], side: NoteSide): NoteThread<N>[] {
  const by = new Map<string, N[]>();
  for (const n of notes) if (!n.deleted) by.set(n.threadId, [...(by.get(n.threadId) ?? []), n]);
  const threads: NoteThread<N>[] = [];
  for (const [id, list] of by) {
    list.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    // the opening note is the one whose id is the thread's (a reply synced before it still sorts after)
    const opening = list.find((n) => n.id === id);
    const ordered = opening ? [opening, ...list.filter((n) => n !== opening)] : list;
    threads.push({
      id,
      kind: ordered[0].kind,
      notes: ordered,
      lastAt: list[list.length - 1].at,
      unread: list.filter((n) => isUnreadBy(n, side)).length,
    });
  }
  return threads.sort((a, b) => b.lastAt.localeCompare(a.lastAt) || b.id.localeCompare(a.id));
}

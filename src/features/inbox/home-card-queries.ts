// Home's "Cấp trên" card (issue 11 item 7): on the unit's own database, the guidance not yet
// read (each thread until it is opened), the level above's latest answer to one of the unit's
// questions while unread, and the actions agreed at check-ins still open or overdue; on a phone
// linked to a server, the way to the notes (to ask the level above). No zod.
import { activeDb } from '../../data/session';
import { actionCounts } from '../checkins';
import type { UnitNote } from '../../protocol/oversight';
import { isUnreadBy, threadsOf } from '../../protocol/note-rules';
import { writesBook } from '../../protocol/permissions';

export interface AboveCardData {
  /** per guidance thread with something unread: its latest unread note, newest first */
  guidance: UnitNote[];
  /** the latest answer from above in a question thread, while unread */
  answer?: UnitNote;
  actions: { open: number; overdue: number };
  /** the unit is linked to a server, so it has a level above to ask: the way to /notes shows */
  linked: boolean;
}

export async function loadAboveCard(today: string): Promise<AboveCardData> {
  const db = await activeDb();
  const dev = await db.syncState.get('device');
  // the card is the unit's own: a supervisor browsing the unit's book, or a viewer who cannot
  // mark anything read, would see it stay forever
  if (!writesBook(dev?.server?.role)) return { guidance: [], actions: { open: 0, overdue: 0 }, linked: false };
  const [notes, actions] = await Promise.all([db.unitNotes.toArray(), actionCounts(db, today)]);
  const threads = threadsOf(notes, 'unit');
  const lastUnread = (t: (typeof threads)[number]) => t.notes.filter((n) => isUnreadBy(n, 'unit')).at(-1);
  const guidance = threads.filter((t) => t.kind === 'guidance' && t.unread).map(lastUnread).filter((n): n is UnitNote => !!n);
  const answers = threads.filter((t) => t.kind === 'question' && t.unread).map(lastUnread).filter((n): n is UnitNote => !!n);
  return { guidance, answer: answers[0], actions, linked: !!dev?.server };
}

/** Nothing to show: the card stays away (a phone on its own, with no level above, never shows it). */
export const isEmpty = (d: AboveCardData): boolean => !d.guidance.length && !d.answer && !d.actions.open && !d.linked;

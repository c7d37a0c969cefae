// The notes screens' reads and writes on a unit's database: the level above's on a supervised
// unit's copy (opened apart, unitId given), the unit's on its own (unitId undefined). No zod.
import { getAbove, supervisedUnits } from '../above';
import type { UnitNote } from '../../protocol/oversight';
import type { NoteSide } from '../../protocol/oversight-enums';
import { threadsOf, type NoteThread } from '../../protocol/note-rules';
import { markThreadRead, reply, startThread } from './notes-repo';
import { onUnit, sideOf } from './unit-db-queries';

export interface NotesView {
  side: NoteSide;
  /** the supervised unit's name (level above), else undefined */
  unitName?: string;
  threads: NoteThread<UnitNote>[];
  /** the role may write notes (a viewer only reads) */
  canWrite: boolean;
}

export async function loadNotes(unitId?: string): Promise<NotesView> {
  const unitName = unitId ? (await supervisedUnits()).find((u) => u.unitId === unitId)?.name ?? unitId : undefined;
  return onUnit(unitId, async (db) => {
    const [side, notes, dev] = await Promise.all([sideOf(db), db.unitNotes.toArray(), db.syncState.get('device')]);
    return { side, unitName, threads: threadsOf(notes, side), canWrite: dev?.server?.role !== 'viewer' };
  });
}

/** Who writes, as the note shows it: the supervisor's account name, or nothing (the unit's phone). */
async function author(unitId?: string): Promise<string | undefined> {
  return unitId ? (await getAbove())?.username : undefined;
}

export async function openThread(unitId: string | undefined, threadId: string): Promise<number> {
  return onUnit(unitId, (db) => markThreadRead(db, threadId));
}

export async function sendNew(unitId: string | undefined, body: string): Promise<UnitNote> {
  const name = await author(unitId);
  return onUnit(unitId, (db) => startThread(db, body, name));
}

export async function sendReply(unitId: string | undefined, threadId: string, body: string): Promise<UnitNote> {
  const name = await author(unitId);
  return onUnit(unitId, (db) => reply(db, threadId, body, name));
}

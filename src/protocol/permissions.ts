// Who may write which synced table (DESIGN.md "Permissions are per table and role"): the one
// table the server's push (server/src/sync/merge.ts), the local write path (src/data/commit.ts)
// and the screens (which hide what a role cannot use) all read. No zod: the first screen uses it.
//   secretary, deputy   the unit's book: every table except what only the level above writes
//   supervisor          the level above's tables of the units it supervises: check-ins and
//                       their actions, notes, report reviews, the recognised unit rating and
//                       the consolidation mark — never members, meetings, dues or anything else
//   viewer, admin       nothing (an admin account has no outbox; a viewer only reads)
// A phone used with no server ("on this device only") has no role: it is its unit's secretary.
import type { SyncedTable } from './tables';

/** Written only by the level above. */
export const ABOVE_ONLY_TABLES = ['checkIns', 'reportReviews', 'unitRecognitions', 'consolidations'] as const satisfies readonly SyncedTable[];
/** Written by both sides: an action's follow-up, a thread of notes. */
export const SHARED_TABLES = ['checkInActions', 'unitNotes'] as const satisfies readonly SyncedTable[];

const aboveOnly = new Set<string>(ABOVE_ONLY_TABLES);
const shared = new Set<string>(SHARED_TABLES);

/** Roles that keep the unit's own book. */
export function writesBook(role: string | undefined): boolean {
  return role === undefined || role === 'secretary' || role === 'deputy';
}

export function canWriteTable(role: string | undefined, table: SyncedTable | string): boolean {
  if (shared.has(table)) return writesBook(role) || role === 'supervisor';
  if (aboveOnly.has(table)) return role === 'supervisor';
  return writesBook(role);
}

/** Does this role push anything at all? */
export function pushes(role: string | undefined): boolean {
  return writesBook(role) || role === 'supervisor';
}

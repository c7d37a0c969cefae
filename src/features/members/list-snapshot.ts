// The member list's first rows as the last visit left them, in localStorage, so a cold start
// paints them before Dexie and 5,000 members have loaded (PERFORMANCE.md B3). Only a view:
// the list replaces it as soon as the register is read, and a row opens the member from the
// database. Kept for one unit, the device's current one.
import type { Member } from '../../protocol/member';

export type MemberRowData = Pick<Member, 'id' | 'fullName' | 'position' | 'subGroup' | 'dateOfBirth' | 'status'>;

export interface ListSnapshot {
  unitId: string;
  /** members in the default view (participating, not archived) */
  total: number;
  rows: MemberRowData[];
}

export const LIST_SNAPSHOT_KEY = 'scd:member-list';
export const SNAPSHOT_ROWS = 30;

export function readListSnapshot(unitId: string | undefined): ListSnapshot | undefined {
  if (!unitId) return undefined;
  try {
    const s = JSON.parse(localStorage.getItem(LIST_SNAPSHOT_KEY) ?? 'null') as ListSnapshot | null;
    return s && s.unitId === unitId && Array.isArray(s.rows) ? s : undefined;
  } catch {
    return undefined; // unreadable: the list simply waits for the database
  }
}

/** Keeps the first rows of the default view; writes only when they changed. */
export function writeListSnapshot(unitId: string, total: number, members: MemberRowData[]): void {
  const rows = members
    .slice(0, SNAPSHOT_ROWS)
    .map(({ id, fullName, position, subGroup, dateOfBirth, status }) => ({ id, fullName, position, subGroup, dateOfBirth, status }));
  const json = JSON.stringify({ unitId, total, rows } satisfies ListSnapshot);
  try {
    if (localStorage.getItem(LIST_SNAPSHOT_KEY) !== json) localStorage.setItem(LIST_SNAPSHOT_KEY, json);
  } catch {
    // private mode or storage full: the next cold start reads the database, as before
  }
}

// The list filters (issue 2): status, sub-group, position, turning 30 this year. Pure.
import { turnsThirtyIn } from '../../lib/dates';
import type { MemberStatus, Position } from '../../protocol/member-enums';
import { countsOn, type MoveLike } from '../../protocol/headcount';
import type { Member } from '../../protocol/member';

export type StatusFilter = 'participating' | 'all' | 'archived' | MemberStatus;

export interface MemberFilter {
  status: StatusFilter;
  subGroup: string;
  position: Position | '';
  turningThirty: boolean;
}

export const DEFAULT_FILTER: MemberFilter = { status: 'participating', subGroup: '', position: '', turningThirty: false };

/**
 * 'participating' is who is in the unit on `today`: the one head count (protocol/headcount.ts),
 * with each member's dated stays in `moves` (until they are read, status and admission date alone).
 */
export function matchesFilter(m: Member, f: MemberFilter, year: number, today = '9999-12-31', moves?: ReadonlyMap<string, readonly MoveLike[]>): boolean {
  const isArchived = !!m.archivedAt;
  if (f.status === 'archived') {
    if (!isArchived) return false;
  } else {
    if (isArchived) return false;
    if (f.status === 'participating' && !countsOn(m, moves?.get(m.id) ?? [], today)) return false;
    if (f.status !== 'participating' && f.status !== 'all' && m.status !== f.status) return false;
  }
  if (f.subGroup && m.subGroup !== f.subGroup) return false;
  if (f.position && m.position !== f.position) return false;
  if (f.turningThirty && !turnsThirtyIn(m.dateOfBirth, year)) return false;
  return true;
}

export function isDefaultFilter(f: MemberFilter): boolean {
  return f.status === 'participating' && !f.subGroup && !f.position && !f.turningThirty;
}

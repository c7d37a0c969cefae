// The list filters (issue 2): status, sub-group, position, turning 30 this year, still
// active past 30 (issue 8: should have graduated). Pure.
import { isActiveOver30, turnsThirtyIn } from '../../lib/dates';
import { PARTICIPATING_STATUSES, type MemberStatus, type Position } from '../../protocol/member-enums';
import type { Member } from '../../protocol/member';

/** 'over30': still active past 30 (should have graduated), a status worth its own view. */
export type StatusFilter = 'participating' | 'all' | 'archived' | 'over30' | MemberStatus;

export interface MemberFilter {
  status: StatusFilter;
  subGroup: string;
  position: Position | '';
  turningThirty: boolean;
}

export const DEFAULT_FILTER: MemberFilter = { status: 'participating', subGroup: '', position: '', turningThirty: false };

/**
 * 'participating' is who is in the unit today: the one head count (protocol/headcount.ts), given
 * as `inUnit` (member-queries inUnitOn). Until it is read, the status alone (the list's first
 * paint must not wait for the members' events).
 */
export function matchesFilter(m: Member, f: MemberFilter, year: number, inUnit?: (m: Member) => boolean): boolean {
  const isArchived = !!m.archivedAt;
  if (f.status === 'archived') {
    if (!isArchived) return false;
  } else {
    if (isArchived) return false;
    if (f.status === 'over30' ? !isActiveOver30(m) : f.status === 'participating' ? !(inUnit ? inUnit(m) : PARTICIPATING_STATUSES.includes(m.status)) : f.status !== 'all' && m.status !== f.status) return false;
  }
  if (f.subGroup && m.subGroup !== f.subGroup) return false;
  if (f.position && m.position !== f.position) return false;
  if (f.turningThirty && !turnsThirtyIn(m.dateOfBirth, year)) return false;
  return true;
}

export function isDefaultFilter(f: MemberFilter): boolean {
  return f.status === 'participating' && !f.subGroup && !f.position && !f.turningThirty;
}

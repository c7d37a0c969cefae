// Who the roll of a meeting is about: the same rule for the live attendance block in the
// editor and for the block frozen at finalize, so what the secretary saw is what is kept.
import { PARTICIPATING_STATUSES } from '../../protocol/member-enums';
import type { MemberStatus } from '../../protocol/member-enums';
import { sortByName } from '../../lib/names';

interface RosterMember {
  id: string;
  fullName: string;
  status: MemberStatus;
  subGroup?: string;
  archivedAt?: string;
  deleted?: boolean;
}

/**
 * Everyone participating (in the meeting's sub-group, if any), plus anyone marked on this
 * roll who has since left, so no tick is dropped from the record. Sorted the Vietnamese way
 * (given name first), which is the order names are printed in the minutes.
 */
export function rollRoster<M extends RosterMember>(members: readonly M[], subGroup: string | undefined, markedIds: ReadonlySet<string>): M[] {
  const onRoll = members.filter(
    (m) => !m.deleted && (markedIds.has(m.id) || (!m.archivedAt && PARTICIPATING_STATUSES.includes(m.status) && (!subGroup || m.subGroup === subGroup))),
  );
  return sortByName(onRoll, (m) => m.fullName);
}

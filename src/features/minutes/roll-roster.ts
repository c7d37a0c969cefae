// Who the roll of a meeting is about: the same rule for the live attendance block in the
// editor and for the block frozen at finalize, so what the secretary saw is what is kept.
import type { MemberStatus } from '../../protocol/member-enums';
import { isOnRoll } from '../../protocol/attendance-rules';
import { sortByName } from '../../lib/names';

interface RosterMember {
  id: string;
  fullName: string;
  status: MemberStatus;
  subGroup?: string;
  archivedAt?: string;
  deleted?: boolean;
}

/** Who is on the open roll (isOnRoll), sorted the Vietnamese way: the minutes' order. */
export function rollRoster<M extends RosterMember>(
  members: readonly M[],
  subGroup: string | undefined,
  markedIds: ReadonlySet<string>,
  inUnit?: (m: M) => boolean,
): M[] {
  return sortByName(
    members.filter((m) => isOnRoll(m, subGroup, (id) => markedIds.has(id), inUnit)),
    (m) => m.fullName,
  );
}

// Everything the minutes screens show, read in one go so useLive re-renders when any of it
// changes: the meeting, the unit (header), the roll (attendance block), chair and
// minute-taker names, the minutes record and its addenda. Reads only: writes go through
// minutes-repo.ts.
import type { Meeting } from '../../protocol/meeting';
import type { Unit } from '../../protocol/unit';
import type { Addendum, AttendanceSnapshot, Minutes } from '../../protocol/minutes';
import { buildAttendanceSnapshot } from '../../protocol/minutes-text';
import { getMeeting } from '../meetings/meeting-queries';
import { getUnit } from '../setup/unit-queries';
import { inUnitOn, listMembers } from '../members/member-queries';
import { listAttendance } from '../attendance/attendance-repo';
import { getMinutes, listAddenda } from './minutes-repo';
import { rollRoster } from './roll-roster';

export interface MinutesContext {
  meeting: Meeting;
  unit: Unit | undefined;
  minutes: Minutes | undefined;
  addenda: Addendum[];
  isFinalized: boolean;
  /** frozen in the record once finalized; computed from the roll while a draft */
  attendance: AttendanceSnapshot;
  /** how many members have been marked on the roll (0: the roll has not been taken) */
  markedCount: number;
  chairName?: string;
  minuteTakerName?: string;
}

/** undefined when the meeting does not exist (or was deleted). */
export async function loadMinutesContext(meetingId: string): Promise<MinutesContext | undefined> {
  const [meeting, unit, members, rows, minutes, addenda] = await Promise.all([
    getMeeting(meetingId),
    getUnit(),
    listMembers(),
    listAttendance(meetingId),
    getMinutes(meetingId),
    listAddenda(meetingId),
  ]);
  if (!meeting) return undefined;
  const inUnit = await inUnitOn(meeting.startsAt.slice(0, 10));
  const nameOf = (id?: string) => (id ? members.find((m) => m.id === id && !m.deleted)?.fullName : undefined);
  const isFinalized = minutes?.status === 'finalized';
  const frozen = isFinalized ? minutes?.attendance : undefined;
  const attendance =
    frozen ??
    buildAttendanceSnapshot(
      rollRoster(members, meeting.subGroup, new Set(rows.map((r) => r.memberId)), inUnit),
      rows,
      meeting.guests,
    );
  return {
    meeting,
    unit,
    minutes,
    addenda,
    isFinalized,
    attendance,
    markedCount: rows.length,
    chairName: nameOf(meeting.chairId),
    minuteTakerName: nameOf(meeting.minuteTakerId),
  };
}

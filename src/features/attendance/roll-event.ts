// The meeting or activity a roll is taken for, as the roll screen shows it (title, when,
// where, the sub-group it is limited to and the meeting's guests).
import { formatDate } from '../../lib/dates';
import type { Guest } from '../../protocol/meeting';
import { getMeeting } from '../meetings/meeting-queries';
import { getActivity } from '../activities/activities-repo';

export interface RollEvent {
  id: string;
  kind: 'meeting' | 'activity';
  title: string;
  when: string;
  /** yyyy-mm-dd: whose roll it is (members in the unit that day) */
  day: string;
  place?: string;
  subGroup?: string;
  guests?: Guest[];
}

export async function loadEvent(id: string, isActivity: boolean): Promise<RollEvent | null> {
  if (isActivity) {
    const a = await getActivity(id);
    return a ? { id, kind: 'activity', title: a.title, when: formatDate(a.date), day: a.date, place: a.place } : null;
  }
  const m = await getMeeting(id);
  if (!m) return null;
  const [date, time] = m.startsAt.split('T');
  return { id, kind: 'meeting', title: m.title, when: `${time} · ${formatDate(date)}`, day: date, place: m.place, subGroup: m.subGroup || undefined, guests: m.guests };
}

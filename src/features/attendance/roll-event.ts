// The meeting, activity or youth project a roll is taken for, as the roll screen shows it
// (title, when, where, the sub-group it is limited to and the meeting's guests).
import { formatDate } from '../../lib/dates';
import type { Guest } from '../../protocol/meeting';
import { getMeeting } from '../meetings/meeting-queries';
import { getActivity } from '../activities/activities-repo';
import { getProject } from '../projects/projects-queries';

export type RollEventKind = 'meeting' | 'activity' | 'project';

/** Whose roll a route takes: /meetings/:id/roll, /activities/:id/roll, /projects/:id/roll. */
export function rollEventKind(path: string): RollEventKind {
  return path.startsWith('/activities') ? 'activity' : path.startsWith('/projects') ? 'project' : 'meeting';
}

export interface RollEvent {
  id: string;
  kind: RollEventKind;
  title: string;
  when: string;
  /** yyyy-mm-dd: whose roll it is (members in the unit that day) */
  day: string;
  place?: string;
  subGroup?: string;
  guests?: Guest[];
}

export async function loadEvent(id: string, kind: RollEventKind, today: string): Promise<RollEvent | null> {
  if (kind === 'project') {
    const p = await getProject(id);
    if (!p) return null;
    // Who is in the unit when the work was done: its completion day, else today.
    const day = p.completedOn || today;
    const when = p.startsOn || p.endsOn ? [p.startsOn, p.endsOn].filter(Boolean).map(formatDate).join(' – ') : formatDate(p.registeredOn);
    return { id, kind: 'project', title: p.title, when, day, place: p.place || undefined };
  }
  if (kind === 'activity') {
    const a = await getActivity(id);
    return a ? { id, kind: 'activity', title: a.title, when: formatDate(a.date), day: a.date, place: a.place } : null;
  }
  const m = await getMeeting(id);
  if (!m) return null;
  const [date, time] = m.startsAt.split('T');
  return { id, kind: 'meeting', title: m.title, when: `${time} · ${formatDate(date)}`, day: date, place: m.place, subGroup: m.subGroup || undefined, guests: m.guests };
}

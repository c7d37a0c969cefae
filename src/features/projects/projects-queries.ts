// Youth project reads, without zod (the list and the roll's header import this). A project
// belongs to the unit's year it was registered in (its `year`); who took part is the roll
// (attendance rows with eventId = the project's id).
import type { YouthProject, YouthProjectLog, YouthProjectStage } from '../../protocol/youth-project';
import { isAcceptedIn } from '../../protocol/youth-project-rules';
import { isAttending } from '../../protocol/attendance-rules';
import { activeDb } from '../../data/session';

/** The year's projects, newest registration first; only one stage when `stage` is given. */
export async function listProjectsInYear(year: number, stage?: YouthProjectStage): Promise<YouthProject[]> {
  const db = await activeDb();
  const rows = await db.youthProjects.where('year').equals(year).toArray();
  return rows
    .filter((p) => !p.deleted && (!stage || p.stage === stage))
    .sort((a, b) => b.registeredOn.localeCompare(a.registeredOn) || a.title.localeCompare(b.title, 'vi'));
}

/** The projects of the year that count toward target 5 (accepted by cấp trên). */
export async function acceptedProjectsInYear(year: number): Promise<YouthProject[]> {
  return (await listProjectsInYear(year)).filter((p) => isAcceptedIn(p, year));
}

export async function getProject(id: string): Promise<YouthProject | undefined> {
  const db = await activeDb();
  const p = await db.youthProjects.get(id);
  return p && !p.deleted ? p : undefined;
}

export interface ProjectView {
  project: YouthProject;
  /** the progress log, newest first */
  log: YouthProjectLog[];
  /** members marked present or late on the project's roll */
  participants: number;
  leaderName?: string;
}

/** One project with its log, its participants and the name of the member in charge. */
export async function loadProject(id: string): Promise<ProjectView | undefined> {
  const db = await activeDb();
  const project = await db.youthProjects.get(id);
  if (!project || project.deleted) return undefined;
  const [log, roll, leader] = await Promise.all([
    db.youthProjectLogs.where('projectId').equals(id).toArray(),
    db.attendance.where('eventId').equals(id).toArray(),
    project.leaderId ? db.members.get(project.leaderId) : undefined,
  ]);
  return {
    project,
    log: log.filter((e) => !e.deleted).sort((a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt)),
    participants: roll.filter((r) => !r.deleted && isAttending(r.status)).length,
    leaderName: leader && !leader.deleted ? leader.fullName : undefined,
  };
}

export async function getLogEntry(id: string): Promise<YouthProjectLog | undefined> {
  const db = await activeDb();
  const e = await db.youthProjectLogs.get(id);
  return e && !e.deleted ? e : undefined;
}

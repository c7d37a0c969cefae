// The reads: a year's projects (by stage), one project with its log and participants, and the
// projects that count toward target 5 — accepted, of that year, not deleted, not undone.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { addLogEntry, advanceProject, deleteProject, dropProject, registerProject, undoLastStep } from '../../../src/features/projects/projects-repo';
import { acceptedProjectsInYear, listProjectsInYear, loadProject } from '../../../src/features/projects/projects-queries';
import { createMember } from '../../../src/features/members/members-repo';
import { markAttendance } from '../../../src/features/attendance/attendance-repo';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(() => freshUnit());

async function accepted(title: string, registeredOn: string) {
  const p = await registerProject({ title, kind: 'project', registeredOn });
  for (const date of [registeredOn, registeredOn, registeredOn]) await advanceProject(p.id, { date });
  await advanceProject(p.id, { date: registeredOn, acceptanceDecision: '01/QĐ', acceptedBy: 'Đoàn phường' });
  return p;
}

describe('projects of a year', () => {
  it('counts as accepted only the accepted projects of that year, live ones, and no longer one whose acceptance was undone', async () => {
    const a = await accepted('Tuyến hẻm xanh', '2026-02-01');
    const b = await accepted('Thư viện', '2026-06-01');
    await accepted('Sân chơi', '2025-11-01');
    const c = await accepted('Ghế đá', '2026-07-01');
    const d = await registerProject({ title: 'Đèn đường', kind: 'task', registeredOn: '2026-08-01' });
    await dropProject(d.id, { date: '2026-08-02', reason: 'Phường đã làm' });
    await undoLastStep(b.id);
    await deleteProject(c.id);
    expect((await acceptedProjectsInYear(2026)).map((p) => p.id)).toEqual([a.id]);
    expect((await acceptedProjectsInYear(2025)).length).toBe(1);
    expect((await listProjectsInYear(2026)).map((p) => p.title)).toEqual(['Đèn đường', 'Thư viện', 'Tuyến hẻm xanh']);
    expect((await listProjectsInYear(2026, 'dropped')).map((p) => p.id)).toEqual([d.id]);
  });

  it('one project carries its log newest first, its participants (present or late) and who is in charge', async () => {
    const [lan, an, binh] = await Promise.all(['Nguyễn Thị Lan', 'Trần Văn An', 'Lê Bình'].map((fullName) => createMember({ ...MEMBER_DEFAULTS, fullName })));
    const p = await registerProject({ title: 'Tuyến hẻm xanh', kind: 'project', registeredOn: '2026-03-02', leaderId: lan.id });
    await markAttendance(p.id, lan.id, 'present');
    await markAttendance(p.id, an.id, 'late');
    await markAttendance(p.id, binh.id, 'absent_excused');
    await addLogEntry(p.id, { date: '2026-03-05', note: 'Khảo sát', photos: [] });
    await addLogEntry(p.id, { date: '2026-03-20', note: 'Trồng hoa', photos: [] });
    const view = (await loadProject(p.id))!;
    expect(view.participants).toBe(2);
    expect(view.leaderName).toBe('Nguyễn Thị Lan');
    expect(view.log.map((e) => e.note)).toEqual(['Trồng hoa', 'Khảo sát']);
    // a tombstoned project is gone for every read
    await deleteProject(p.id);
    expect(await loadProject(p.id)).toBeUndefined();
    expect((await (await activeDb()).youthProjects.get(p.id))?.deleted).toBe(true);
  });
});

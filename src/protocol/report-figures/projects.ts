// projects-v1 (issue 10): the youth projects of the unit's year and the stage each stood at on
// the day computed, read from the dates of its steps (youth-project-rules STEP_DATE: each step
// sets its date, never before the previous one's), so a report of an earlier quarter shows the
// project as it was then. A project registered after that day is left out; one dropped by then
// shows as dropped. acceptedInPeriod: accepted by cấp trên (nghiệm thu) within the period —
// what the plan's target 5 counts (youth-project-rules isAcceptedIn).
import type { YouthProjectStage } from '../youth-project-enums';
import type { ProjectsFigure } from '../report-figures-schema';
import type { ReportPeriod } from '../report-period';
import { STAGE_STEPS, STEP_DATE, reachedStep } from '../youth-project-rules';
import { live, within, type ReportInputs, type ReportProject } from './inputs';

export const PROJECTS_V = 1;

/** The stage a project stood at on `day`: the last step it had reached by then. */
export function stageOn(p: ReportProject, day: string): YouthProjectStage {
  if (p.stage === 'dropped' && p.droppedOn && p.droppedOn <= day) return 'dropped';
  const reached = reachedStep(p as Parameters<typeof reachedStep>[0]);
  let stage: YouthProjectStage = 'registered';
  for (const step of STAGE_STEPS.slice(1, STAGE_STEPS.indexOf(reached) + 1)) {
    const date = p[STEP_DATE[step]];
    // a step reached with no date (an old record) is taken as reached with the one before
    if (date && date > day) break;
    stage = step;
  }
  return stage;
}

export function projectsFigure(inputs: ReportInputs, period: ReportPeriod, asOf: string): ProjectsFigure {
  const items = live(inputs.youthProjects)
    .filter((p) => p.year === inputs.span.year && p.registeredOn <= asOf)
    .sort((a, b) => a.registeredOn.localeCompare(b.registeredOn) || a.id.localeCompare(b.id))
    .slice(0, 100)
    .map((p) => {
      const stage = stageOn(p, asOf);
      return { id: p.id, title: p.title, stage, acceptedInPeriod: stage === 'accepted' && !!p.acceptedOn && within(p.acceptedOn, period.from, asOf) };
    });
  return { v: PROJECTS_V, items };
}

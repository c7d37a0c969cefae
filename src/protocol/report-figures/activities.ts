// activities-v1 (issue 10): the activities done in the period by kind, with their participants.
// Done = status 'held' and dated from the period's first day to the day computed, as the year's
// activities target counts them (target-compute activitiesOfKind). Participants: the members the
// activity's roll marks attending (present or late, attendance-rules isAttending); a member at
// two activities counts twice (volunteer turns, as the unit reports them).
import { ACTIVITY_KINDS } from '../meeting-enums';
import type { ActivitiesFigure } from '../report-figures-schema';
import type { ReportPeriod } from '../report-period';
import { live, within, type ReportInputs } from './inputs';
import { rollCounts } from './meetings';

export const ACTIVITIES_V = 1;

export function activitiesFigure(inputs: ReportInputs, period: ReportPeriod, asOf: string): ActivitiesFigure {
  const done = live(inputs.activities).filter((a) => a.status === 'held' && within(a.date, period.from, asOf));
  const rolls = rollCounts(inputs.attendance, new Set(done.map((a) => a.id)));
  const kinds = new Map<string, { count: number; participants: number }>();
  for (const a of done) {
    const k = kinds.get(a.kind) ?? { count: 0, participants: 0 };
    k.count++;
    k.participants += rolls.get(a.id)?.attending ?? 0;
    kinds.set(a.kind, k);
  }
  const byKind = ACTIVITY_KINDS.filter((k) => kinds.has(k)).map((kind) => ({ kind, ...kinds.get(kind)! }));
  return { v: ACTIVITIES_V, byKind, total: done.length, participants: byKind.reduce((s, k) => s + k.participants, 0) };
}

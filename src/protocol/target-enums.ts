// Targets (chỉ tiêu) of the unit's year, without zod (Home's summary reads them).

/** How a target is measured: a percent (0–100), a count, yes/no (goal 1), or a rating level. */
export const TARGET_MEASURES = ['percent', 'count', 'yesNo', 'level'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];

/** computed from the records by a named rule, or entered by hand (value, date, evidence note) */
export const TARGET_SOURCES = ['computed', 'entered'] as const;
export type TargetSource = (typeof TARGET_SOURCES)[number];

/**
 * The named rules a computed target can use (src/protocol/target-rules.ts computes them).
 * `ruleParam` narrows some: activitiesOfKind → an ACTIVITY_KINDS value.
 */
export const TARGET_RULES = [
  'unitRatingLevel',
  'goodOrBetterPct',
  'trainingRegisteredPct',
  'trainingCompletingPct',
  'otherTargetsMetPct',
  'projectsAccepted',
  'committeeComplete',
  'regularMeetingsHeld',
  'activitiesOfKind',
  'membersAdmitted',
  'partyIntroductions',
  'duesRemittedMonths',
  'reportsOnTime',
] as const;
export type TargetRule = (typeof TARGET_RULES)[number];

// Ids, here without zod so pure rules (target-template.ts) and Home can make them; target.ts re-exports them.
export function yearPlanId(y: number): string {
  return `year:${y}`;
}

/** an id that is the same on every phone for a template target, so two phones starting the year make one row */
export function templateTargetId(y: number, planNo: number, part = 0): string {
  return `target:${y}:plan${planNo}${part ? `:${part}` : ''}`;
}

// The level above's screen of one unit's year (/above/unit/:unitId/rating): the unit's
// proposal and the level above's rows (recognition-queries.ts), the children's recognised
// levels, and the evidence of the members' levels computed by the year's own target rules
// (targets-queries), so cấp trên reads the numbers the unit's year screen shows. No zod.
import { openUnitDbApart, type UnitDb } from '../../data/db';
import { currentUnitYear, unitYearSpan } from '../../data/unit-year';
import { supervisedUnits, type SupervisedUnit } from '../above/registry';
import type { TargetResult } from '../../protocol/target-rules';
import type { Target } from '../../protocol/target';
import type { TargetRule } from '../../protocol/target-enums';
import type { YearSpan } from '../../protocol/year';
import { computeInSlices, loadYearInputs } from '../targets/targets-queries';
import { childUnitsOf, yearMarks, type ChildUnits, type UnitYearMarks } from './recognition-queries';

/** The members' side of the unit's year, by the year's target rules (the unit's own numbers). */
export interface MemberEvidence {
  goodOrBetter?: TargetResult;
  registered?: TargetResult;
  completing?: TargetResult;
}

const RULES: [keyof MemberEvidence, TargetRule, number][] = [
  ['goodOrBetter', 'goodOrBetterPct', 80],
  ['registered', 'trainingRegisteredPct', 100],
  ['completing', 'trainingCompletingPct', 90],
];

/** % good or better, training registered and completing: the plan's targets 2 and 3, computed from the unit's records. */
export async function memberEvidence(db: UnitDb, span: YearSpan, today: string): Promise<MemberEvidence> {
  const targets = RULES.map(([, rule, goal], i) => ({
    id: `evidence:${rule}`, year: span.year, title: rule, measure: 'percent', goal, source: 'computed', rule, sortOrder: i,
  })) as unknown as Target[]; // the rules read only these fields (TargetLike)
  const inputs = await loadYearInputs(db, span, targets, today);
  const results = await computeInSlices(targets, inputs);
  const out: MemberEvidence = {};
  RULES.forEach(([key], i) => (out[key] = results[i]));
  return out;
}

/** The level above's screen of one unit's year. */
export interface AboveRatingView extends UnitYearMarks {
  span: YearSpan;
  unit?: SupervisedUnit;
  evidence: MemberEvidence;
  children: ChildUnits;
}

/** `year` undefined: the unit's current year (a school unit's runs September to August). */
export async function loadAboveRating(unitId: string, year: number | undefined, today: string): Promise<AboveRatingView> {
  const units = await supervisedUnits();
  const db = openUnitDbApart(unitId);
  try {
    const span = year === undefined ? await currentUnitYear(today, db) : await unitYearSpan(year, db);
    year = span.year;
    const [marks, evidence, children] = await Promise.all([yearMarks(db, year), memberEvidence(db, span, today), childUnitsOf(unitId, year, units)]);
    return { ...marks, span, unit: units.find((u) => u.unitId === unitId), evidence, children };
  } finally {
    db.close();
  }
}

// A unit's rating at both levels (issue 11, DOMAIN.md "Levels and the unit tree"): the unit
// proposes its level (unitRatings, tự đánh giá), the level above recognises one
// (unitRecognitions, công nhận). Pure, no zod, no Dexie: the level above's screen, the unit's
// rating screen and the year's targets read the same answer.
//   unitLevelOf     the level that counts for the plan's target 1: the recognised one when
//                   there is one, else the proposal, marked as not yet recognised
//   childUnitsCheck the plan's target 2, second half: no chi đoàn of a parent unit rated
//                   "Không hoàn thành nhiệm vụ", from the children's recognised levels
import type { RatingLevel } from './rating-enums';

export interface ProposalLike {
  level: RatingLevel;
  decidedAt?: string;
  deleted?: boolean;
}

export interface RecognitionLike {
  level: RatingLevel;
  recognisedOn?: string;
  deleted?: boolean;
}

export interface UnitLevel {
  level: RatingLevel;
  /** true: cấp trên recognised it; false: the unit's own proposal, not yet recognised */
  recognised: boolean;
  /** the day it was recognised, or proposed */
  on?: string;
  /** the unit's proposal, when the recognised level differs from it */
  proposed?: RatingLevel;
}

/** The level that counts (undefined: neither proposed nor recognised). Tombstones count as absent. */
export function unitLevelOf(proposal: ProposalLike | undefined, recognition: RecognitionLike | undefined): UnitLevel | undefined {
  const p = proposal && !proposal.deleted ? proposal : undefined;
  const r = recognition && !recognition.deleted ? recognition : undefined;
  if (r) return { level: r.level, recognised: true, on: r.recognisedOn, ...(p && p.level !== r.level ? { proposed: p.level } : {}) };
  return p ? { level: p.level, recognised: false, on: p.decidedAt } : undefined;
}

export interface ChildUnitLike {
  unitId: string;
  name: string;
  /** the recognised level of the year; undefined = not recognised yet */
  level?: RatingLevel;
}

export interface ChildUnitsCheck {
  total: number;
  /** children whose level is recognised so far */
  recognised: number;
  /** names of the children recognised "Không hoàn thành nhiệm vụ", in name order */
  notCompleted: string[];
  /** 'met': every child recognised, none "not completed"; 'failed': one is; 'pending': not all recognised yet */
  state: 'met' | 'failed' | 'pending';
}

/**
 * "Không chi đoàn nào xếp loại Không hoàn thành nhiệm vụ" over a parent unit's children
 * (undefined: no children known). Only recognised levels count: a proposal can still change.
 */
export function childUnitsCheck(children: readonly ChildUnitLike[]): ChildUnitsCheck | undefined {
  if (!children.length) return undefined;
  const recognised = children.filter((c) => c.level).length;
  const notCompleted = children.filter((c) => c.level === 'not_completed').map((c) => c.name).sort((a, b) => a.localeCompare(b, 'vi'));
  const state = notCompleted.length ? 'failed' : recognised === children.length ? 'met' : 'pending';
  return { total: children.length, recognised, notCompleted, state };
}

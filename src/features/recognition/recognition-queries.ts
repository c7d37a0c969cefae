// Reads of a unit's rating at both levels (issue 11): the unit's proposal, the level the level
// above recognised, the consolidation mark and the children's recognised levels — from a
// supervised unit's own database (the level above's screen, with above-rating-queries.ts) or
// from the unit's own (its rating, year and targets screens). No zod.
//
// Children: a phone holds a unit's children only when it supervises them (the level above's
// registry lists each supervised unit with its parent). A chi đoàn's or a Đoàn cơ sở's own
// phone that supervises nothing holds none: `held` is false, and the screens say so rather
// than claim the plan's "no chi đoàn rated not completed".
import type { UnitDb } from '../../data/db';
import { openUnitDbApart } from '../../data/db';
import { supervisedUnits, type SupervisedUnit } from '../above/registry';
import { consolidationId, recognitionId } from '../../protocol/oversight-enums';
import type { Consolidation, UnitRecognition } from '../../protocol/oversight';
import type { UnitRating } from '../../protocol/rating';
import type { ChildUnitLike } from '../../protocol/recognition-rules';

const alive = <T extends { deleted?: boolean }>(r: T | undefined): T | undefined => (r && !r.deleted ? r : undefined);

/** The level above's rows of a unit's year, and the unit's own proposal. */
export interface UnitYearMarks {
  proposal?: UnitRating;
  recognition?: UnitRecognition;
  consolidation?: Consolidation;
}

export async function yearMarks(db: UnitDb, year: number): Promise<UnitYearMarks> {
  const [proposal, recognition, consolidation] = await Promise.all([
    db.unitRatings.get(`unit:${year}`), // rating.ts unitRatingId, without its schemas (zod)
    db.unitRecognitions.get(recognitionId(year)),
    db.consolidations.get(consolidationId(year)),
  ]);
  return { proposal: alive(proposal), recognition: alive(recognition), consolidation: alive(consolidation) };
}

/** The server's id of the unit a database belongs to (undefined: a phone with no server). */
export async function serverUnitIdOf(db: UnitDb): Promise<string | undefined> {
  return (await db.syncState.get('device'))?.server?.unitId;
}

export interface ChildUnits {
  /** false: this phone does not hold the unit's children (it supervises none of them) */
  held: boolean;
  children: ChildUnitLike[];
}

/** The supervised units under `parentId`, each with its recognised level of `year` (read from its own database). */
export async function childUnitsOf(parentId: string | undefined, year: number, units?: readonly SupervisedUnit[]): Promise<ChildUnits> {
  const list = parentId ? (units ?? (await supervisedUnits())).filter((u) => u.parentId === parentId) : [];
  const children = await Promise.all(
    list.map(async (u) => {
      const db = openUnitDbApart(u.unitId);
      try {
        const r = alive(await db.unitRecognitions.get(recognitionId(year)));
        return { unitId: u.unitId, name: u.name, ...(r ? { level: r.level } : {}) };
      } finally {
        db.close();
      }
    }),
  );
  return { held: children.length > 0, children };
}

/** The unit's own side (its rating screen): the level above's rows and the children this phone holds. */
export async function loadOwnMarks(db: UnitDb, year: number): Promise<UnitYearMarks & { children: ChildUnits }> {
  const [marks, children] = await Promise.all([yearMarks(db, year), serverUnitIdOf(db).then((id) => childUnitsOf(id, year))]);
  return { ...marks, children };
}

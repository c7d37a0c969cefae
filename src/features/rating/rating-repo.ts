// Rating writes: the secretary's decision for a member, accepting the suggestions in bulk,
// the unit's own rating and the thresholds. Each is one Dexie transaction with its outbox
// entries; bad input is refused before anything is written.
//
// When a level is decided, the suggestion and the evidence it came from are computed again
// from the records (the same rules as the screen) and frozen into the row, so the decision
// can be explained later even after the records change.
import type * as z from 'zod/mini';
import { todayIso } from '../../lib/dates';
import {
  ratingFields, ratingId, unitRatingFields, unitRatingId, type Rating, type RatingLevel, type UnitRating,
} from '../../protocol/rating';
import { needsOverrideReason, thresholdProblems, resolveThresholds } from '../../protocol/rating-rules';
import { UNIT_SETTINGS_ID, unitSettingsFields, type UnitSettings, type UnitSettingsFields } from '../../protocol/unit-settings';
import { commit } from '../../data/commit';
import { UserError } from '../../lib/user-error';
import { upsertRow, upsertRows } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import { loadMemberRating, loadRatingYear } from './rating-queries';
import type { RatingRow } from './rating-view';

function check<T>(schema: z.ZodMiniType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) throw new UserError(r.error.issues[0]?.message || 'err.invalid', r.error);
  return r.data;
}

export interface Decision {
  /** '' = not decided yet (the note and the candidate flag can be kept before) */
  level: RatingLevel | '';
  overrideReason?: string;
  note?: string;
  outstanding?: boolean;
}

function frozen(row: RatingRow) {
  return {
    suggestedLevel: row.suggestion?.level ?? '',
    evidence: { ...row.evidence, trainingOutcome: row.evidence.trainingOutcome ?? '', rule: row.suggestion?.rule, ruleParams: row.suggestion?.params },
  };
}

/**
 * Saves the decision for one member. A level that differs from the suggestion needs a
 * reason (UserError 'rating.errReasonRequired'); a member who cannot be rated this year
 * cannot get a level ('rating.errNotEligible').
 */
export async function decideRating(year: number, memberId: string, d: Decision): Promise<Rating> {
  const today = todayIso();
  const { row } = await loadMemberRating(year, memberId, today);
  if (!row) throw new UserError('rating.errNotEligible');
  if (d.level && !row.eligibility.eligible) throw new UserError('rating.errNotEligible');
  const reason = (d.overrideReason ?? '').trim();
  if (needsOverrideReason(d.level, row.suggestion?.level) && !reason) throw new UserError('rating.errReasonRequired');
  const fields = check(ratingFields, {
    year,
    memberId,
    ...(d.level ? frozen(row) : { suggestedLevel: row.rating?.suggestedLevel ?? '', evidence: row.rating?.evidence }),
    level: d.level,
    overrideReason: d.level && d.level !== row.suggestion?.level ? reason : '',
    note: (d.note ?? '').trim(),
    outstanding: !!d.outstanding,
    decidedAt: d.level ? today : '',
  });
  if (fields.evidence === undefined) delete (fields as Partial<typeof fields>).evidence;
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.ratings], () => upsertRow<Rating>(db, 'ratings', ratingId(year, memberId), row.rating?.unitId ?? unitId, fields));
}

/**
 * Gives every eligible member not yet decided the suggested level (after the meeting agreed
 * with the list): one transaction. Members already decided keep their level. Returns how
 * many were decided.
 */
export async function acceptSuggestions(year: number, memberIds?: readonly string[]): Promise<number> {
  const today = todayIso();
  const { rows } = await loadRatingYear(year, today);
  const only = memberIds ? new Set(memberIds) : undefined;
  const items = rows
    .filter((r) => r.eligibility.eligible && r.suggestion && !r.rating?.level && (!only || only.has(r.member.id)))
    .map((r) => ({
      id: ratingId(year, r.member.id),
      patch: check(ratingFields, {
        year, memberId: r.member.id, ...frozen(r), level: r.suggestion!.level, overrideReason: '',
        note: r.rating?.note ?? '', outstanding: !!r.rating?.outstanding, decidedAt: today,
      }),
    }));
  const db = await activeDb();
  const unitId = await activeUnitId();
  await commit(db, [db.ratings], () => upsertRows<Rating>(db, 'ratings', unitId, items));
  return items.length;
}

/** The unit's own rating for the year (DOMAIN.md "Unit rating"). */
export async function saveUnitRating(year: number, level: RatingLevel, note?: string): Promise<UnitRating> {
  const fields = check(unitRatingFields, { year, level, decidedAt: todayIso(), note: (note ?? '').trim() });
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.unitRatings], () => upsertRow<UnitRating>(db, 'unitRatings', unitRatingId(year), unitId, fields));
}

export type ThresholdInput = Pick<UnitSettingsFields,
  'ratingExcellentMinParticipation' | 'ratingGoodMinParticipation' | 'ratingCompletedMinParticipation' |
  'ratingMaxUnexcusedMonthsForGood' | 'ratingMaxOwedMonthsForGood' | 'ratingExcellentCapPct'>;

/** Saves the rating thresholds into the unit's settings row (other settings untouched). */
export async function saveRatingThresholds(input: ThresholdInput): Promise<UnitSettings> {
  const fields = check(unitSettingsFields, input);
  const problems = thresholdProblems(resolveThresholds(fields));
  if (problems.length) throw new UserError(`rating.err_${problems[0]}`);
  const db = await activeDb();
  const unitId = await activeUnitId();
  return commit(db, [db.unitSettings], async () => {
    const prev = await db.unitSettings.get(UNIT_SETTINGS_ID);
    return upsertRow<UnitSettings>(db, 'unitSettings', UNIT_SETTINGS_ID, prev?.unitId ?? unitId, fields);
  });
}

// Record ids and field names that screens and the data layer need at once, in a module without
// zod: importing them from the schema modules (common.ts, dues.ts, rating.ts, unit-settings.ts)
// made every year screen build all of zod's schemas before its first read — one task of
// ~100-400 ms at 4× CPU (test/perf/year-scale.mjs, issue 13). The schema modules re-export them.

/** Fields a user never writes through a form: they are set by the repo layer. */
export const META_FIELDS = ['id', 'unitId', 'rev', 'deleted', 'createdAt', 'updatedAt'] as const;

/** The unit's one settings row. */
export const UNIT_SETTINGS_ID = 'settings:unit';

export function remittanceId(p: string): string {
  return `remit:${p}`;
}

export function ratingId(y: number, memberId: string): string {
  return `${y}:${memberId}`;
}

export function unitRatingId(y: number): string {
  return `unit:${y}`;
}

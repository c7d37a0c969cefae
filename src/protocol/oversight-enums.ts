// The level above's records (issue 11), enums and ids without zod.

/** An agreed action's state: open until done, or dropped (no longer needed). */
export const ACTION_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** A note thread starts as guidance from above or a question from the unit; replies follow. */
export const NOTE_KINDS = ['guidance', 'question', 'reply'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

/** Which side wrote a note. */
export const NOTE_SIDES = ['above', 'unit'] as const;
export type NoteSide = (typeof NOTE_SIDES)[number];

/** The recognised unit rating of a year (one row per unit and year). */
export function recognitionId(year: number): string {
  return `recognition:${year}`;
}

/** The unit's place in the year's consolidation plan (one row per unit and year). */
export function consolidationId(year: number): string {
  return `consolidation:${year}`;
}

// The committee (Ban Chấp hành), without zod.

/** bí thư, phó bí thư, ủy viên BCH (glossary) */
export const COMMITTEE_POSITIONS = ['secretary', 'deputySecretary', 'committeeMember'] as const;
export type CommitteePosition = (typeof COMMITTEE_POSITIONS)[number];

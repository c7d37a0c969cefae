// Member enums without zod, so list screens can use them without loading the schema
// library (PERFORMANCE.md: zod stays out of the first member list).
export const GENDERS = ['male', 'female', 'other'] as const;
export const POSITIONS = ['secretary', 'deputySecretary', 'committeeMember', 'member'] as const;
export const DUES_CATEGORIES = ['unsalaried', 'salaried'] as const;
export const PARTY_STATUSES = ['none', 'candidate', 'probationary', 'full'] as const;
export const MEMBER_STATUSES = [
  'active',
  'temporary',
  'transferred_out',
  'graduated',
  'struck_off',
  'expelled',
] as const;
export type Position = (typeof POSITIONS)[number];
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export type Gender = (typeof GENDERS)[number];
export type DuesCategory = (typeof DUES_CATEGORIES)[number];
export type PartyStatus = (typeof PARTY_STATUSES)[number];

/** Statuses of members who still take part (the default list and, later, the roll). */
export const PARTICIPATING_STATUSES: readonly MemberStatus[] = ['active', 'temporary'];

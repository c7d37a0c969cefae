// Member event enums without zod (screens list them without loading the schema library).
export const MEMBER_EVENT_KINDS = [
  'admission',
  'transfer_in',
  'transfer_out',
  'graduation',
  'struck_off',
  'commendation',
  'discipline',
  'party_introduction',
  'party_admission',
  'card_issued',
] as const;
export type MemberEventKind = (typeof MEMBER_EVENT_KINDS)[number];
export const DISCIPLINE_LEVELS = ['reprimand', 'warning', 'dismissal', 'expulsion'] as const;
export type DisciplineLevel = (typeof DISCIPLINE_LEVELS)[number];

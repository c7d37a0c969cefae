// The member record (hồ sơ đoàn viên) of DOMAIN.md. Dates are ISO yyyy-mm-dd strings;
// the UI shows dd/mm/yyyy.
import * as z from 'zod/mini';
import { syncMeta, text, optionalText, optionalIsoDate } from './common';

import { GENDERS, POSITIONS, DUES_CATEGORIES, PARTY_STATUSES, MEMBER_STATUSES } from './member-enums';
export * from './member-enums';

const phone = z.optional(z.string().check(z.trim(), z.regex(/^(\+?\d[\d .-]{6,18}\d)?$/, { message: 'err.phone' })));
const email = z.optional(z.union([z.literal(''), z.email({ message: 'err.email' })]));
const citizenId = z.optional(z.string().check(z.trim(), z.regex(/^(\d{9}|\d{12})?$/, { message: 'err.citizenId' })));

export const memberFields = z.object({
  fullName: text(100).check(z.minLength(2, { message: 'err.required' })),
  gender: z.optional(z.enum(GENDERS)),
  dateOfBirth: optionalIsoDate,
  ethnicity: optionalText(50),
  religion: optionalText(50),
  hometown: optionalText(200),
  currentAddress: optionalText(250),
  phone,
  email,
  citizenId,
  occupation: optionalText(100),
  educationLevel: optionalText(20),
  professionalQualification: optionalText(100),
  politicalTheoryLevel: optionalText(100),
  admissionDate: optionalIsoDate,
  admissionPlace: optionalText(200),
  cardNumber: optionalText(30),
  position: z.enum(POSITIONS),
  duesCategory: z.enum(DUES_CATEGORIES),
  partyStatus: z.enum(PARTY_STATUSES),
  partyAdmissionDate: optionalIsoDate,
  partyOfficialDate: optionalIsoDate,
  status: z.enum(MEMBER_STATUSES),
  subGroup: optionalText(80),
  notes: optionalText(2000),
  /** set when the secretary archives the record: hidden from lists, restorable */
  archivedAt: optionalText(40),
  /** the import that created this member, so the whole import can be undone */
  importId: optionalText(64),
});
export type MemberFields = z.infer<typeof memberFields>;

export const memberRecord = z.extend(memberFields, syncMeta);
export type Member = z.infer<typeof memberRecord>;

export const MEMBER_DEFAULTS: Pick<MemberFields, 'position' | 'duesCategory' | 'partyStatus' | 'status'> = {
  position: 'member',
  duesCategory: 'unsalaried',
  partyStatus: 'none',
  status: 'active',
};

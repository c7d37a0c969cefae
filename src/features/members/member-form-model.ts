// The member form's values are the strings a secretary types (dates as dd/mm/yyyy); this
// turns them into a valid record or per-field error keys. Pure, tested.
import { formatDate, parseDateText, todayIso } from '../../lib/dates';
import { messageKey } from '../../protocol/message-key';
import { memberFields, MEMBER_DEFAULTS, type Member, type MemberFields } from '../../protocol/member';

export const DATE_FIELDS = ['dateOfBirth', 'admissionDate', 'partyAdmissionDate', 'partyOfficialDate'] as const;
const TEXT_FIELDS = [
  'fullName', 'gender', 'ethnicity', 'religion', 'hometown', 'currentAddress', 'phone', 'email', 'citizenId',
  'occupation', 'educationLevel', 'professionalQualification', 'politicalTheoryLevel', 'admissionPlace',
  'cardNumber', 'position', 'duesCategory', 'partyStatus', 'status', 'subGroup', 'notes',
] as const;

export type FormField = (typeof TEXT_FIELDS)[number] | (typeof DATE_FIELDS)[number];
export type FormValues = Record<FormField, string>;
export type FormErrors = Partial<Record<FormField, string>>;

export function toFormValues(m?: Partial<Member>): FormValues {
  const src: Partial<Member> = { ...MEMBER_DEFAULTS, ...m };
  const v = {} as FormValues;
  for (const f of TEXT_FIELDS) v[f] = (src[f] as string | undefined) ?? '';
  for (const f of DATE_FIELDS) v[f] = formatDate(src[f]);
  return v;
}

/**
 * A valid record, or per-field errors. Age on admission outside 16–30 is not an error: the
 * form warns with it (lib/dates admissionAgeOutside; docs/decisions.md "Age rules warn").
 */
export function fromFormValues(v: FormValues, today = todayIso()): { fields: MemberFields } | { errors: FormErrors } {
  const errors: FormErrors = {};
  const draft: Record<string, unknown> = {};
  for (const f of TEXT_FIELDS) draft[f] = v[f].trim() === '' ? undefined : v[f].trim();
  // a name as the import stores it (one space between words, composed letters): typed
  // "Trương   Thị  Kiều" kept its spaces, and the export no longer imported back the same name
  if (typeof draft.fullName === 'string') draft.fullName = draft.fullName.normalize('NFC').replace(/\s+/g, ' ');
  for (const f of DATE_FIELDS) {
    const raw = v[f].trim();
    if (!raw) continue;
    const iso = parseDateText(raw);
    if (iso) draft[f] = iso;
    else errors[f] = 'err.date';
  }
  const parsed = memberFields.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as FormField;
      if (field && !errors[field]) errors[field] = messageKey(issue.message);
    }
  }
  const dob = draft.dateOfBirth as string | undefined;
  if (dob && dob > today && !errors.dateOfBirth) errors.dateOfBirth = 'err.birthInFuture';
  // "6/9/28" is read as 1928 (a two-digit year past next year's is the last century): found in
  // use, saved as a member of 98. No member of a youth union is over sixty.
  if (dob && Number(today.slice(0, 4)) - Number(dob.slice(0, 4)) > 60 && !errors.dateOfBirth) errors.dateOfBirth = 'err.birthTooOld';
  if (Object.keys(errors).length || !parsed.success) return { errors };
  return { fields: parsed.data };
}

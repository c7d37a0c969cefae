// Age rules of the Điều lệ Đoàn (DOMAIN.md member rules). They judge history, so the app
// WARNS with them on records already kept (import, edits, the list) and never refuses to
// save a member for them: a register kept on paper for years holds people admitted at 15
// and people still active past 30 (docs/decisions.md "Age rules warn").

/** Age on admission: 16 to 30. */
export const ADMISSION_AGE = { min: 16, max: 30 };

/** The age on admission when it is outside 16–30, else undefined (also when a date is missing). */
export function admissionAgeOutside(dateOfBirth?: string, admissionDate?: string): number | undefined {
  if (!dateOfBirth || !admissionDate) return undefined;
  const age = ageOn(dateOfBirth, admissionDate);
  return age < ADMISSION_AGE.min || age > ADMISSION_AGE.max ? age : undefined;
}

/** Still "đang sinh hoạt" past 30 (31 or older today): should have graduated (trưởng thành). */
export function isActiveOver30(m: { status: string; dateOfBirth?: string; archivedAt?: string }, today: string): boolean {
  return m.status === 'active' && !m.archivedAt && !!m.dateOfBirth && ageOn(m.dateOfBirth, today) > 30;
}

function ageOn(fromIso: string, toIso: string): number {
  const years = Number(toIso.slice(0, 4)) - Number(fromIso.slice(0, 4));
  return toIso.slice(5) < fromIso.slice(5) ? years - 1 : years;
}

// The i18n key of a validation issue. No zod here: screens that load the schemas lazily use it.

/**
 * Our schemas carry "err.*" keys as messages; a check without one (zod/mini has no built-in
 * wording: "Invalid input") reads as the plain "err.invalid".
 */
export function messageKey(message: string | undefined): string {
  return message && /^err\.[A-Za-z]+$/.test(message) ? message : 'err.invalid';
}

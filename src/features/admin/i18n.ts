// Messages of the admin's tree and accounts (/admin), registered when its chunk loads: like
// the screen, they stay out of the precache. ta('treeTitle') = t('admin.treeTitle').
import { registerMessages, tDynamic } from '../../i18n';
import { AuthError, HttpError, NetworkError } from '../../sync/api';
import vi from '../../i18n/vi/admin.json';

registerMessages('admin', vi);

export type AdminKey = keyof typeof vi;

export function ta(key: AdminKey, params?: Record<string, string | number>): string {
  return tDynamic(`admin.${key}`, params);
}

/** The server's error codes an admin can act on, in plain words; anything else with its message. */
const BY_CODE: Record<string, AdminKey> = {
  unit_cycle: 'errCycle',
  unknown_unit: 'errUnknownUnit',
  username_taken: 'errUsernameTaken',
  not_found: 'errUnknownUnit',
};

export function adminErrorText(e: unknown): string {
  if (e instanceof NetworkError) return ta('errOffline');
  if (e instanceof AuthError) return ta('errSignedOut');
  if (e instanceof HttpError && BY_CODE[e.code]) return ta(BY_CODE[e.code]);
  return ta('errGeneric', { message: String((e as Error)?.message ?? e) });
}

// The admin's tree and accounts, for the /admin screen (src/features/sync/AdminPage.tsx), which
// keeps sign-in and the invite codes. Only loaded with that screen's chunk (not precached).
export { default as AdminHome } from './AdminHome';
export type { AdminUnit } from './admin-api';

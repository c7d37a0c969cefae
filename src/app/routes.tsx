// Every screen is a lazy route: its code (and Dexie, zod) loads on first visit and is
// precached by the service worker for offline use. Part of the shell bundle.
import { lazy } from 'preact-iso';
import type { ComponentType } from 'preact';

const MembersPage = lazy(() => import('../features/members/MembersPage'));
const MemberDetailPage = lazy(() => import('../features/members/MemberDetailPage'));
const MemberFormPage = lazy(() => import('../features/members/MemberFormPage'));
const SetupPage = lazy(() => import('../features/setup/SetupPage'));
const ImportPage = lazy(() => import('../features/import/ImportPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const BackupPage = lazy(() => import('../features/backup/BackupPage'));
const RollPage = lazy(() => import('../features/attendance/RollPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

export const routes: { path: string; component: ComponentType<any> }[] = [
  { path: '/', component: MembersPage },
  { path: '/members', component: MembersPage },
  { path: '/members/new', component: MemberFormPage },
  { path: '/members/:id', component: MemberDetailPage },
  { path: '/members/:id/edit', component: MemberFormPage },
  { path: '/setup', component: SetupPage },
  { path: '/import', component: ImportPage },
  { path: '/settings', component: SettingsPage },
  { path: '/settings/backup', component: BackupPage },
  { path: '/meetings/:id/roll', component: RollPage },
  { path: '/activities/:id/roll', component: RollPage },
  { path: '/*', component: NotFoundPage },
];

/** Warm the chunks a secretary will open next, after first paint. */
export function prefetchRoutes(): void {
  void import('../features/members/MembersPage');
}

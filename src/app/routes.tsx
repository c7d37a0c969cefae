// Every screen is a lazy route: its code (and Dexie, zod) loads on first visit. The service
// worker precaches the field screens; the rest is cached when first opened (vite.config.ts),
// and lazyRoute() says so when one is opened offline before that. Part of the shell bundle.
import type { ComponentType } from 'preact';
import { lazyRoute as lazy } from './lazy-route';
// Not lazy: a few bytes in the shell instead of a chunk of its own in the precache (~0.2 KB gz).
import NotFoundPage from './NotFoundPage';

const MembersPage = lazy(() => import('../features/members/MembersPage'));
const MemberDetailPage = lazy(() => import('../features/members/MemberDetailPage'));
const MemberFormPage = lazy(() => import('../features/members/MemberFormPage'));
const MemberEventsPage = lazy(() => import('../features/members/MemberEventsPage'));
/** The first-run screen, fetched by the shell at once on a first visit (App.tsx). */
export const preloadSetup = () => import('../features/setup/SetupPage');
const SetupPage = lazy(preloadSetup);
const ImportPage = lazy(() => import('../features/import/ImportPage'));
const SettingsPage = lazy(() => import('../features/settings/SettingsPage'));
const BackupPage = lazy(() => import('../features/backup/BackupPage'));
const RollPage = lazy(() => import('../features/attendance/RollPage'));
const MinutesPage = lazy(() => import('../features/minutes/MinutesPage'));
const MinutesPrintPage = lazy(() => import('../features/minutes/MinutesPrintPage'));
const HomePage = lazy(() => import('../features/home/HomePage'));
const MeetingsPage = lazy(() => import('../features/meetings/MeetingsPage'));
const MeetingFormPage = lazy(() => import('../features/meetings/MeetingFormPage'));
const MeetingDetailPage = lazy(() => import('../features/meetings/MeetingDetailPage'));
const MeetingSettingsPage = lazy(() => import('../features/meetings/MeetingSettingsPage'));
const MemberAttendancePage = lazy(() => import('../features/meetings/MemberAttendancePage'));
const AbsenceWarningsPage = lazy(() => import('../features/meetings/AbsenceWarningsPage'));
const ActivitiesPage = lazy(() => import('../features/activities/ActivitiesPage'));
const ActivityFormPage = lazy(() => import('../features/activities/ActivityFormPage'));
const ActivityDetailPage = lazy(() => import('../features/activities/ActivityDetailPage'));
const SyncScreens = lazy(() => import('../features/sync/screens-entry'));
// Imported directly (it needs the network anyway, not precached): lazy chunks carry no JS
// preload list (vite.config.ts), so no hop is needed to keep one out of the shell.
const OnlineSyncScreens = lazy(() => import('../features/sync/OnlineSyncScreens'));
const DuesScreens = lazy(() => import('../features/dues/dues-entry'));
const TrainingPage = lazy(() => import('../features/training/TrainingPage'));
const TrainingSetupPage = lazy(() => import('../features/training/TrainingSetupPage'));
const TrainingRegisterPage = lazy(() => import('../features/training/TrainingRegisterPage'));
const TrainingItemPage = lazy(() => import('../features/training/TrainingItemPage'));
const TrainingMemberPage = lazy(() => import('../features/training/TrainingMemberPage'));
const RatingPage = lazy(() => import('../features/rating/RatingPage'));
const RatingSettingsPage = lazy(() => import('../features/rating/RatingSettingsPage'));
const RatingMemberPage = lazy(() => import('../features/rating/RatingMemberPage'));
const PlanPrintPage = lazy(() => import('../features/targets/PlanPrintPage'));
const ProjectsPage = lazy(() => import('../features/projects/ProjectsPage'));
const ProjectFormPage = lazy(() => import('../features/projects/ProjectFormPage'));
const ProjectDetailPage = lazy(() => import('../features/projects/ProjectDetailPage'));
const CommitteePage = lazy(() => import('../features/committee/CommitteePage'));
const TermFormPage = lazy(() => import('../features/committee/TermFormPage'));
const SeatFormPage = lazy(() => import('../features/committee/SeatFormPage'));
const YearPage = lazy(() => import('../features/targets/YearPage'));
const TargetDetailPage = lazy(() => import('../features/targets/TargetDetailPage'));
const TargetFormPage = lazy(() => import('../features/targets/TargetFormPage'));
const ReportScreens = lazy(() => import('../features/reports/entry'));
const InboxScreens = lazy(() => import('../features/inbox/entry'));
const RecognitionScreens = lazy(() => import('../features/recognition/entry'));
const CheckinScreens = lazy(() => import('../features/checkins/entry'));
const AboveScreens = lazy(() => import('../features/above/entry'));

export const routes: { path: string; component: ComponentType<any> }[] = [
  { path: '/', component: HomePage },
  { path: '/members', component: MembersPage },
  { path: '/members/new', component: MemberFormPage },
  { path: '/members/:id', component: MemberDetailPage },
  { path: '/members/:id/edit', component: MemberFormPage },
  { path: '/members/:id/events', component: MemberEventsPage },
  { path: '/members/:id/attendance', component: MemberAttendancePage },
  { path: '/attendance/warnings', component: AbsenceWarningsPage },
  { path: '/meetings', component: MeetingsPage },
  { path: '/meetings/new', component: MeetingFormPage },
  { path: '/meetings/settings', component: MeetingSettingsPage },
  { path: '/meetings/:id', component: MeetingDetailPage },
  { path: '/meetings/:id/edit', component: MeetingFormPage },
  { path: '/activities', component: ActivitiesPage },
  { path: '/activities/new', component: ActivityFormPage },
  { path: '/activities/:id', component: ActivityDetailPage },
  { path: '/activities/:id/edit', component: ActivityFormPage },
  { path: '/setup', component: SetupPage },
  { path: '/import', component: ImportPage },
  { path: '/settings', component: SettingsPage },
  { path: '/settings/backup', component: BackupPage },
  { path: '/meetings/:id/roll', component: RollPage },
  { path: '/activities/:id/roll', component: RollPage },
  { path: '/meetings/:id/minutes', component: MinutesPage },
  { path: '/meetings/:id/minutes/print', component: MinutesPrintPage },
  { path: '/dues', component: DuesScreens },
  { path: '/dues/:page', component: DuesScreens },
  { path: '/dues/:page/:id', component: DuesScreens },
  { path: '/sync', component: SyncScreens },
  { path: '/sync/devices', component: OnlineSyncScreens }, // before /sync/:page: the first match wins
  { path: '/sync/:page', component: SyncScreens },
  { path: '/join', component: OnlineSyncScreens },
  { path: '/admin', component: OnlineSyncScreens },
  // Fixed paths before /:memberId: the first match wins.
  { path: '/training', component: TrainingPage },
  { path: '/training/setup', component: TrainingSetupPage },
  { path: '/training/register', component: TrainingRegisterPage },
  { path: '/training/item/:itemId', component: TrainingItemPage },
  { path: '/training/:memberId', component: TrainingMemberPage },
  { path: '/rating', component: RatingPage },
  { path: '/rating/settings', component: RatingSettingsPage },
  { path: '/rating/:memberId', component: RatingMemberPage },
  { path: '/year/print', component: PlanPrintPage },
  { path: '/projects', component: ProjectsPage },
  { path: '/projects/new', component: ProjectFormPage },
  { path: '/projects/:id', component: ProjectDetailPage },
  { path: '/projects/:id/edit', component: ProjectFormPage },
  { path: '/projects/:id/roll', component: RollPage },
  // The committee: the term and the seat are picked by ?id= (and a new seat by ?term=&position=)
  { path: '/committee', component: CommitteePage },
  { path: '/committee/term', component: TermFormPage },
  { path: '/committee/seat', component: SeatFormPage },
  // The year's plan: /year/targets/new before /year/targets/:id
  { path: '/year', component: YearPage },
  { path: '/year/targets/new', component: TargetFormPage },
  { path: '/year/targets/:id', component: TargetDetailPage },
  { path: '/year/targets/:id/edit', component: TargetFormPage },
  // Reports to cấp trên: /reports/settings before /reports/:id (the first match wins)
  { path: '/reports', component: ReportScreens },
  { path: '/reports/settings', component: ReportScreens },
  // A report to cấp trên: the id names its period (report:2026:q1)
  { path: '/reports/:id', component: ReportScreens },
  // A report on A4 (?v=N: sent version N as frozen)
  { path: '/reports/:id/print', component: ReportScreens },
  // Reports received and notes between a unit and the level above (issue 11 items 6, 7)
  { path: '/above/reports', component: InboxScreens },
  { path: '/above/unit/:unitId/reports/:reportId', component: InboxScreens },
  { path: '/above/unit/:unitId/notes', component: InboxScreens },
  { path: '/notes', component: InboxScreens },
  // The level above: a unit's rating (proposed, recognised) and consolidation mark
  { path: '/above/unit/:unitId/rating', component: RecognitionScreens },
  // Check-ins (giao ban), the level above's in a supervised unit's database and the unit's:
  // the list, /new (level above), /:id and /:id/print — CheckinScreens picks the screen
  { path: '/above/unit/:unitId/checkins/:id?/:p?', component: CheckinScreens },
  { path: '/checkins/:id?/:p?', component: CheckinScreens },
  // The level above (a supervisor's phone): its home, the agenda, a unit's detail
  { path: '/above', component: AboveScreens },
  { path: '/above/agenda', component: AboveScreens },
  { path: '/above/unit/:unitId', component: AboveScreens },
  { path: '/*', component: NotFoundPage },
];

/** Warm the chunks a secretary will open next, after first paint. */
export function prefetchRoutes(): void {
  void import('../features/members/MembersPage');
  void import('../features/meetings/MeetingsPage');
}

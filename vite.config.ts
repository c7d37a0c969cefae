import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import type { ModuleInfo } from 'rolldown';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';
import { matchesAny, precachePlan } from './scripts/precache-plan.ts';
import { precachePack } from './scripts/precache-pack.ts';
import { precompressPlugin } from './scripts/precompress.ts';
import { noChunkCycles } from './scripts/chunk-cycles.ts';
import { acyclicGroups, graphFrom } from './scripts/chunk-groups.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// The service worker precaches the shell and every screen a secretary uses in the field, so
// they open offline after one visit; /api/ is never answered from the cache.
// Left out of the precache (PERFORMANCE.md B1 caps it at 150 KB gz; docs/decisions.md
// "What is precached"): the dynamic imports of the modules below, and whatever only they
// lead to. They are used with signal (set-up, admin) or rarely; the service worker keeps a
// copy the first time they load, and they work offline from then on. Opened offline before
// that, the screen says so (src/app/lazy-route.tsx). scripts/precache-plan.ts reads the
// module graph: no file name patterns, and a file field screens also need stays precached.
const NOT_PRECACHED = [
  'src/i18n/en/', // English: Vietnamese is the default and is bundled
  'src/features/import/ImportPage.tsx', // import from Excel/CSV: its worker, xlsx/csv readers, fflate
  'src/features/members/export.ts', // export of the member register (.xlsx/.csv writer)
  'src/features/members/MemberEventsPage.tsx', // taking an event recorded by mistake out of the history: rare
  'src/features/members/member-event-repo.ts', // its write
  'src/features/backup/BackupPage.tsx', // backup and restore
  'src/features/minutes/minutes-docx.ts', // minutes as .docx (printing stays offline)
  'src/lib/docx.ts', // the .docx zip writer, imported beside minutes-docx
  'src/features/settings/YearKindCard.tsx', // whose year: chosen once, when the unit starts (loads after Settings' first paint)
  'src/features/settings/year-kind-i18n.ts', // its messages
  'src/features/targets/PlanPrintPage.tsx', // the year's plan on A4: printed at the desk, once or twice a year
  'src/features/targets/plan-print-queries.ts', // its read (a *-queries.ts, which would go with the data chunk)
  'src/features/targets/plan-docx.ts', // the year's plan as .docx
  'src/sync/engine.ts', // push, pull, apply: only run with the network (src/sync/lazy-engine.ts)
  'src/sync/file-sync.ts', // the photo upload queue: runs after a record sync, so with the network (src/sync/app-sync.ts)
  'src/sync/file-api.ts', // the photo endpoint's client: uploads and "Tải ảnh" need the network anyway
  'src/features/sync/OnlineSyncScreens.tsx', // admin (cấp trên), join with a code, devices and invite QR: need the network anyway
  'src/features/admin/', // the admin's unit tree and supervisor accounts (inside /admin): need the network anyway
  'src/features/dues/ExemptionsPage.tsx', // dues exemptions: a few a year
  'src/features/dues/RatesPage.tsx', // dues rates: years apart
  'src/features/rating/', // the year-end rating: once a year, after the meeting that decides it
  'src/features/training/', // the training programme: set up, registered and assessed with the books
  'src/features/projects/ProjectsPage.tsx', // youth projects: registered, moved on and accepted a few times a year;
  'src/features/projects/ProjectDetailPage.tsx', // their roll stays precached (the field's), with the project read it needs
  'src/features/projects/ProjectFormPage.tsx',
  'src/features/committee/', // the committee roster: changes at a congress or a by-election
  'src/features/checkins/', // check-ins with the level above: a few a year, their actions followed up at the desk
  'src/features/reports/', // reports to cấp trên: written a few times a year (quarter, half-year, year)
  'src/features/inbox/', // reports received and notes with the level above; Home's "Cấp trên" card loads after first paint
  'src/features/above/', // the level above (a supervisor's phone): its home, units, agenda; cached on first visit
  // the year's plan (/year, a target's evidence and form) and Home's card of it, loaded after
  // Home's first paint, with the target rules; the plan's printing stays precached
  'src/features/targets/index.ts',
  'src/features/targets/YearCard.tsx',
  'src/features/targets/YearPage.tsx',
  'src/features/targets/TargetDetailPage.tsx',
  'src/features/targets/TargetFormPage.tsx',
  'src/features/targets/targets-queries.ts',
  'src/features/dues/GridPage.tsx', // the year's member × month grid: reviewed at the desk
  'src/features/dues/grid-load.ts', // its read (first rows, then the year in pages): the grid's alone
  'src/features/dues/grid-view.ts', // its view, kept in the year views: the grid's alone
  'src/features/dues/dues-grid.css', // its styles
  'src/features/dues/RemitPage.tsx', // the monthly remittance slip: paid at the union office
  'src/features/dues/WarningsPage.tsx', // members unpaid 3+ months: reviewed at the desk
  'src/features/dues/VietQrCard.tsx', // the VietQR transfer code and its QR encoder: on request
  'src/features/dues/dues-qr.css', // its styles
  'src/features/dues/bank-repo.ts', // the unit's bank account for it: set once, on the rates screen
  'src/features/dues/desk-i18n.ts', // the messages of the dues screens above
  'src/features/dues/desk-reads.ts', // the reads of the dues screens above
  'src/features/dues/desk-repo.ts', // their writes (exemptions, rates, remittance, opening balances)
  'src/features/dues/OpeningPage.tsx', // opening balances: once, when the unit starts the book in the app
  'src/features/meetings/AbsenceWarningsPage.tsx', // members absent 3+ months: reviewed at the desk
  'src/features/meetings/MemberAttendancePage.tsx', // a member's attendance year: reviewed at the desk
  'src/features/meetings/MeetingSettingsPage.tsx', // monthly or quarterly meetings: set once
  'src/features/setup/SetupPage.tsx', // first run: the app is opened with signal the first time
  'src/features/readonly/', // the read-only bar and notice: loaded only on a phone that may not write the book
  'src/features/sync/screens-entry.ts', // sync status, conflicts, needs attention: they follow a sync, which needs signal (the chip stays)
  'src/features/recognition/', // the level above's rating of a unit and its consolidation mark: once a year, with signal
  // workbox-window drives the update prompt (src/pwa/update.ts), and updates need the network;
  // the page keeps it once the worker is in charge (src/pwa/offline-extras.ts keepThisPage)
  'node_modules/workbox-window/',
];
// The manifest icons (and iOS's touch icon) are not precached either: 37 KB of PNG that
// gzip cannot shrink, for a budget of 150 KB. The background fetch keeps them after the first
// visit (src/pwa/offline-extras.ts), so the manifest's icon loads offline too.
const ICONS = ['/icons/icon-192.png', '/icons/icon-512.png', '/icons/maskable-512.png', '/icons/apple-touch-icon-180.png'];
const notPrecached = precachePlan(NOT_PRECACHED, ICONS);
const pack = precachePack();
const isNotPrecached = matchesAny(NOT_PRECACHED);
const ROOT_DIR = fileURLToPath(new URL('./', import.meta.url)).replace(/\\/g, '/');
const PRELOAD_HELPER = fileURLToPath(new URL('./src/app/preload-helper.ts', import.meta.url));


// Registration is ours (src/pwa/update.ts, workbox-window loaded after first paint):
// injectRegister stays false so no inline script lands in index.html (the server's CSP is
// script-src 'self'), and registerType 'prompt' means a new version waits for the user.
export default defineConfig(({ command }) => ({
  define: {
    __APP_VERSION__: JSON.stringify(version),
    // Only a build has a /sw.js to register. Not import.meta.env.PROD: a build run with
    // NODE_ENV=test (e.g. spawned from vitest) is not "PROD" yet must still work offline.
    __SW_ENABLED__: JSON.stringify(command === 'build'),
  },
  // Dexie's build for current browsers (no legacy helpers): 2 KB gz less on the first screen.
  resolve: { alias: [{ find: /^dexie$/, replacement: fileURLToPath(new URL('./node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)) }] },
  plugins: [
    preact(),
    notPrecached.plugin,
    pack.plugin,
    noChunkCycles(),
    { name: 'scd:feature-groups', buildStart: () => void (groups = undefined) },
    // Vite's preload helper, with a screen's chunk asked for beside its stylesheets instead of
    // after them (src/app/preload-helper.ts; docs/decisions.md, issue 13).
    {
      name: 'scd:preload-helper',
      enforce: 'pre',
      apply: 'build',
      resolveId: (id: string) => (id === '\0vite/preload-helper.js' ? PRELOAD_HELPER : null),
    },
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      // Our own worker (src/sw.ts): Workbox's routes and precache, but an install that fetches
      // the precache in one request (PERFORMANCE.md B8; docs/decisions.md "First visit").
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      // Manifest icons stay out of the precache, which has a byte budget; they are kept at
      // runtime (ICONS above, the /icons/ route in src/sw.ts).
      includeManifestIcons: false,
      includeAssets: ['favicon.svg'],
      manifest: {
        id: '/',
        name: 'Sổ Chi Đoàn',
        short_name: 'Sổ Chi Đoàn',
        description: 'Sổ sách chi đoàn trên điện thoại: đoàn viên, sinh hoạt, đoàn phí — dùng được khi không có mạng.',
        lang: 'vi',
        dir: 'ltr',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b5cad',
        categories: ['productivity', 'education'],
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
        globIgnores: ['**/node_modules/**/*', 'icons/**', 'sw.js'],
        // the plan drops what is not precached; the pack is written from what is left
        manifestTransforms: [notPrecached.manifestTransform, pack.manifestTransform],
        // a classic worker, as the generated one was (registered without type: 'module')
        rollupFormat: 'iife',
      },
    }),
    // The manifest is linked by the shell a moment after load (src/pwa/PwaMount.tsx): linked
    // here, Chromium fetched it and its 6 KB icon beside the first screen's chunks (issue 13).
    {
      name: 'scd:manifest-after-load',
      enforce: 'post',
      apply: 'build',
      transformIndexHtml: { order: 'post', handler: (html: string) => html.replace(/\s*<link rel="manifest"[^>]*>/, '') },
    },
    // Last: the Brotli and gzip forms of every text file, the worker and the pack among them.
    precompressPlugin(),
  ],
  build: {
    target: 'es2022',
    sourcemap: false,
    // Lazy chunks carry no JS modulepreload links (their CSS links stay): 3.6 KB gz of
    // precache, and imports that were already cached anyway. The offline failure once blamed
    // on dropping them was a reload over the navigation (docs/decisions.md). Two keep theirs,
    // each a request deep less on a first visit (issue 13, B2): index.html's (the shell's own
    // imports, fetched beside the entry) and the first-run screen's (fetched beside it, less
    // the shell's files: loaded already).
    modulePreload: {
      polyfill: false,
      resolveDependencies: (file, deps, { hostType }) =>
        hostType === 'html' ? deps : deps.filter((d) => d.endsWith('.css') || (/\/SetupPage-[\w-]+\.js$/.test(file) && !/\/(preact|hooks)\.module-|\/preload-helper-/.test(d))),
    },
    // dist/.vite/manifest.json: which chunk holds which source module (test/perf/size-check.mjs)
    manifest: true,
    rolldownOptions: { output: { codeSplitting: { includeDependenciesRecursively: false, groups: [{ name: groupOf }] } } },
  },
}));

let groups: Map<string, string> | undefined;
/**
 * featureChunk's groups, changed where they would make chunks import each other in a circle
 * (scripts/chunk-groups.ts: features that import each other share a chunk, what only one group
 * uses joins it; the build fails on a cycle, scripts/chunk-cycles.ts). Computed once per build
 * from the whole module graph. This also fixed /dues, whose route entry had to stay out of its
 * group before ("Export 'DuesScreens_exports' is not defined": a facade chunk in a cycle).
 */
function groupOf(id: string, ctx: { getModuleInfo: (id: string) => ModuleInfo | null }): string | null {
  const rel = (m: string) => m.replace(/\\/g, '/').slice(ROOT_DIR.length);
  groups ??= acyclicGroups(
    graphFrom(id, (m) => ctx.getModuleInfo(m)),
    featureChunk,
    (m) => !m.startsWith('\0') && !isNotPrecached(rel(m)),
    (m) => folderGroup(rel(m)),
  );
  return groups.get(id) ?? null;
}

/**
 * The screens of one feature folder share one chunk ("f-meetings"), not one file each: the
 * precache is counted gzip per file (B1), and ~100 small chunks compressed apart cost ~18 KB
 * more than the same code in a dozen. Left out of the grouping: whatever is not precached
 * (it keeps its own chunk, so the plan can leave it out), and features/sync, whose indicator
 * is part of the shell. Only the folder's own modules are grouped: their dependencies
 * (Dexie, zod, src/protocol, src/lib) keep vite's automatic split, so the shell and the first
 * member list load no other feature's code. A few small modules several groups use would each
 * be a file of their own in the precache, named again in every preload list that reaches them:
 * they go with the group that needs them first (SHARED; tables, hlc and storage alone saved
 * 0.66 KB gz of precache).
 */
const SHARED: Record<string, string> = {
  'src/lib/user-error.ts': 'data', // thrown by commit, caught by the screens
  'src/protocol/tables.ts': 'data', // the synced tables: the database and outbox name them
  'src/lib/hlc.ts': 'data', // clocks stamped on every write (outbox, the roll's fast path)
  'src/data/storage.ts': 'data', // storage.persist() after a write, and settings' storage line
  'src/lib/member-search.ts': 'f-member-list', // the member list's search, also the roll's
  'src/lib/sha256.ts': 'f-activities', // a photo's name; the backup's check of its photos too
  'src/data/unit-year.ts': 'data', // whose year: the year screens' *-queries.ts ask it for their span
  'src/data/member-digest.ts': 'data', // the digests' shape: the database keeps them, the year screens read them
  'src/data/year-view-middleware.ts': 'data', // the year views' token, moved by every write (the database, the roll's tap)
  'src/ui/PrintToolbar.tsx': 'f-minutes', // the print bar: the minutes' print view is the precached one
  'src/protocol/message-key.ts': 'data',
  'src/protocol/member-event-enums.ts': 'data',
  'src/protocol/meeting-enums.ts': 'data',
  'src/lib/ids.ts': 'data',
  'src/lib/money.ts': 'data',
  'src/lib/vi-number.ts': 'data', // money's and the year screens' numbers, written without Intl
  // the documents' "<địa danh>, ngày …" line: with the minutes it would pull their chunk into
  // the year's and the reports' screens; alone it would be a precache file of 0.1 KB
  'src/lib/place-date.ts': 'data',
  'src/protocol/permissions.ts': 'data', // who writes which table: commit checks it on every write
  'src/data/live-bulk.ts': 'data',
  // Two files of ~0.1 KB gz that were one precache file each (issue 13: the precache is at its
  // budget): the ids of records every repo makes, and the dues words with the dues rows.
  'src/protocol/record-ids.ts': 'data',
  'src/protocol/dues.ts': 'dues',
  // The dues words go with the dues rules, not with the dues schemas: /rating counts dues with
  // the rules and reached zod and every schema only through them (issue 13, B9).
  'src/protocol/dues-enums.ts': 'dues-rules',
  'src/protocol/dues-rules.ts': 'dues-rules',
  // Reads that bring rules the member list does not need (dues-rules and names; the
  // attendance rules) go with the screens that use them, not with the data chunk every screen
  // loads (issue 13, B1 by network log): the dues screens, and the roll (projects' use it too).
  // Protocol modules of one precached group, which other users (backup, import: not
  // precached) reach through it: a precache file less each (issue 13, the roll's tap paid for).
  'src/protocol/member.ts': 'f-members',
  'src/protocol/member-event.ts': 'f-members',
  'src/protocol/minutes.ts': 'f-minutes',
  'src/features/dues/dues-queries.ts': 'f-dues',
  'src/features/projects/projects-queries.ts': 'f-activities',
  // The member list's small libraries, and the two protocol modules the data chunk imports, in
  // one file: each was a request of its own before the list's first rows (and before it was
  // searchable), which the page takes in one task after another at 4×, and a precache file
  // (issue 13, B3: docs/decisions.md "The member list's small libraries in one chunk").
  // Small precached files loaded together (issue 13: the year views, the unit's locality and
  // the back guard took the precache to its budget; a file's gzip frame is paid once a file):
  // the sync chip's reads and hook; a meeting's record and its photos' references.
  'src/features/sync/use-sync.ts': 'sync-queries',
  'src/sync/sync-queries.ts': 'sync-queries',
  'src/protocol/file-ref.ts': 'meeting-records',
  'src/protocol/meeting.ts': 'meeting-records',
  'src/lib/fold.ts': 'list-libs',
  'src/lib/names.ts': 'list-libs',
  'src/lib/dates.ts': 'list-libs',
  'src/protocol/member-enums.ts': 'list-libs',
  'src/ui/VirtualList.tsx': 'list-libs',
  'src/protocol/year.ts': 'list-libs',
  'src/protocol/headcount.ts': 'list-libs',
};

function featureChunk(id: string): string | null {
  const rel = id.replace(/\\/g, '/').slice(ROOT_DIR.length);
  return isNotPrecached(rel) ? null : folderGroup(rel);
}

/** The group of a module's folder, whether or not it is precached. */
function folderGroup(rel: string): string | null {
  if (SHARED[rel]) return SHARED[rel];
  // The meeting labels (and meetings/index.ts, which only re-exports them): Home shows its next
  // meeting with them; in the meetings group they brought Home the field screens' whole chunk
  // and zod (B2, issue 13). They make a small group of their own.
  if (/^src\/features\/meetings\/(index|labels)\.ts$/.test(rel)) return 'meeting-labels';
  // Likewise Home's year card (targets/YearCard.tsx, loaded after Home's first paint): it words
  // its line with the plan's formats and messages; in f-targets they brought it the plan's
  // print view, the target rules and zod (one more long task on Home).
  if (/^src\/features\/targets\/(format\.ts|i18n\.ts|targets\.css)$/.test(rel)) return 'targets-words';
  // Photos are taken on the activity screens first (the youth-project log, not precached, uses
  // them too): one file with the activities instead of one more in the precache.
  if (rel.startsWith('src/features/photos/') && !rel.endsWith('-queries.ts')) return 'f-activities';
  // The local database and the field screens' reads (*-queries.ts, small, shared across
  // features): every screen with data needs them, so they travel together.
  if (/^src\/data\/(session|db|live|outbox|commit)\.ts$/.test(rel) || /^src\/features\/(?!sync\/)[a-z-]+\/[a-z-]+-queries\.ts$/.test(rel)) return 'data';
  const m = /^src\/features\/([a-z-]+)\//.exec(rel);
  if (!m || m[1] === 'sync') return null;
  // The member list is the first screen (B1 "first interactive member list"): it must not
  // bring the member form's schemas (zod) with it.
  if (/^src\/features\/members\/(MembersPage|MemberRow|MemberFiltersPanel|member-filters|list-snapshot)\./.test(rel)) return 'f-member-list';
  return `f-${m[1]}`;
}

// Top bar and bottom navigation (thumb reach on a phone). Part of the shell bundle.
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { t, type MessageKey } from '../i18n';
import { PwaMount } from '../pwa/PwaMount';
import { SyncMount } from '../features/sync/SyncMount';
import { Icon, ICON_CALENDAR } from '../ui/Icon';

// Import stays reachable from the members page (empty state) and from settings.
// Icons are line drawings (src/ui/Icon.tsx), not emoji: the same on every phone, and no font lookup.
const NAV: { href: string; label: MessageKey; icon: string; owns: RegExp }[] = [
  { href: '/', label: 'home.navHome', icon: 'M3 11l9-7 9 7M5 10v10h5v-6h4v6h5V10', owns: /^\/$/ },
  { href: '/members', label: 'common.navMembers', icon: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM2 21a7 7 0 0 1 14 0M16 3.5a4 4 0 0 1 0 7.5M18 14a6 6 0 0 1 4 7', owns: /^\/(members|import)(\/|$)/ },
  { href: '/meetings', label: 'meetings.navMeetings', icon: ICON_CALENDAR, owns: /^\/(meetings|activities|attendance)(\/|$)/ },
  { href: '/dues', label: 'home.navDues', icon: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM15 9a3 3 0 0 0-3-2c-2 0-3 1-3 2.5s1.5 2 3 2.5 3 1 3 2.5-1 2.5-3 2.5a3 3 0 0 1-3-2M12 5v2M12 17v2', owns: /^\/dues(\/|$)/ },
  { href: '/settings', label: 'common.navSettings', icon: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1', owns: /^\/settings(\/|$)/ },
];

/** The app's name across the top (App.tsx paints it alone while IndexedDB answers a first visit). */
export function TopBar({ children }: { children?: ComponentChildren }) {
  return (
    <header class="topbar">
      <a href="/" class="brand">
        {t('common.appName')}
      </a>
      {children}
    </header>
  );
}

/** hasUnit: the sync chip (and with it Dexie and the sync runner) loads only once there is a unit to sync. */
export function Shell({ children, hasUnit }: { children: ComponentChildren; hasUnit?: boolean }) {
  const { path } = useLocation();
  const isSetup = path === '/setup';
  return (
    <div class="shell">
      <TopBar>{hasUnit && <SyncMount />}</TopBar>
      <div class="content">{children}</div>
      <PwaMount />
      {/* a phone with no unit (first run, a supervisor's phone at /above) has none of these
          screens: each tab only bounced back (found in use) */}
      {!isSetup && hasUnit && (
        <nav class="bottomnav" aria-label={t('common.navLabel')}>
          {NAV.map((n) => {
            const active = n.owns.test(path);
            return (
              <a key={n.href} href={n.href} class={active ? 'active' : ''} aria-current={active ? 'page' : undefined}>
                <Icon d={n.icon} />
                {t(n.label)}
              </a>
            );
          })}
        </nav>
      )}
    </div>
  );
}

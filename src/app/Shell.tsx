// Top bar and bottom navigation (thumb reach on a phone). Part of the shell bundle.
import type { ComponentChildren } from 'preact';
import { useLocation } from 'preact-iso';
import { t, type MessageKey } from '../i18n';
import { PwaMount } from '../pwa/PwaMount';
import { SyncMount } from '../features/sync/SyncMount';

// Import stays reachable from the members page (empty state) and from settings.
const NAV: { href: string; label: MessageKey; icon: string; owns: RegExp }[] = [
  { href: '/', label: 'home.navHome', icon: '🏠', owns: /^\/$/ },
  { href: '/members', label: 'common.navMembers', icon: '👥', owns: /^\/(members|import)(\/|$)/ },
  { href: '/meetings', label: 'meetings.navMeetings', icon: '📅', owns: /^\/(meetings|activities|attendance)(\/|$)/ },
  { href: '/dues', label: 'home.navDues', icon: '💰', owns: /^\/dues(\/|$)/ },
  { href: '/settings', label: 'common.navSettings', icon: '⚙️', owns: /^\/settings(\/|$)/ },
];

export function Shell({ children }: { children: ComponentChildren }) {
  const { path } = useLocation();
  const isSetup = path === '/setup';
  return (
    <div class="shell">
      <header class="topbar">
        <a href="/" class="brand">
          {t('common.appName')}
        </a>
        <SyncMount />
      </header>
      <div class="content">{children}</div>
      <PwaMount />
      {!isSetup && (
        <nav class="bottomnav" aria-label={t('common.navLabel')}>
          {NAV.map((n) => {
            const active = n.owns.test(path);
            return (
              <a key={n.href} href={n.href} class={active ? 'active' : ''} aria-current={active ? 'page' : undefined}>
                <span aria-hidden="true">{n.icon}</span>
                {t(n.label)}
              </a>
            );
          })}
        </nav>
      )}
    </div>
  );
}

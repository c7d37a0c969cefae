// Every sync screen behind one lazy route (/sync, /sync/:page, /join, /admin): one entry in
// the shell's route table instead of six (the shell has a 25 KB budget).
import type { ComponentType } from 'preact';
import { useLocation } from 'preact-iso';
import AdminPage from './AdminPage';
import ConflictsPage from './ConflictsPage';
import DevicesPage from './DevicesPage';
import JoinPage from './JoinPage';
import NeedsAttentionPage from './NeedsAttentionPage';
import SyncStatusPage from './SyncStatusPage';
import NotFoundPage from '../../app/NotFoundPage';

const SCREENS: Record<string, ComponentType> = {
  '/sync': SyncStatusPage,
  '/sync/conflicts': ConflictsPage,
  '/sync/attention': NeedsAttentionPage,
  '/sync/devices': DevicesPage,
  '/join': JoinPage,
  '/admin': AdminPage,
};

export default function SyncScreens() {
  const { path } = useLocation();
  const Screen = SCREENS[path.replace(/\/+$/, '')] ?? NotFoundPage;
  return <Screen />;
}

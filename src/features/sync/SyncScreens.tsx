// The sync screens used in the field — status, conflicts, needs attention — behind one lazy
// route (/sync, /sync/:page): one entry in the shell's route table instead of three (the
// shell has a 25 KB budget). Precached. The screens that need the network anyway are in
// OnlineSyncScreens.tsx.
import type { ComponentType } from 'preact';
import { useLocation } from 'preact-iso';
import ConflictsPage from './ConflictsPage';
import NeedsAttentionPage from './NeedsAttentionPage';
import SyncStatusPage from './SyncStatusPage';
import NotFoundPage from '../../app/NotFoundPage';

const SCREENS: Record<string, ComponentType> = {
  '/sync': SyncStatusPage,
  '/sync/conflicts': ConflictsPage,
  '/sync/attention': NeedsAttentionPage,
};

export default function SyncScreens() {
  const { path } = useLocation();
  const Screen = SCREENS[path.replace(/\/+$/, '')] ?? NotFoundPage;
  return <Screen />;
}

// The sync screens that need the network anyway — admin of cấp trên (/admin), join with an
// invite code (/join), the unit's devices and the invite QR (/sync/devices) — in a chunk of
// their own, left out of the precache (vite.config.ts): the service worker keeps a copy the
// first time one opens. The field screens (status, conflicts, needs attention) stay in
// SyncScreens.tsx, precached.
import type { ComponentType } from 'preact';
import { useLocation } from 'preact-iso';
import AdminPage from './AdminPage';
import DevicesPage from './DevicesPage';
import JoinPage from './JoinPage';
import NotFoundPage from '../../app/NotFoundPage';

const SCREENS: Record<string, ComponentType> = {
  '/sync/devices': DevicesPage,
  '/join': JoinPage,
  '/admin': AdminPage,
};

export default function OnlineSyncScreens() {
  const { path } = useLocation();
  const Screen = SCREENS[path.replace(/\/+$/, '')] ?? NotFoundPage;
  return <Screen />;
}

// Hooks for the sync screens: the engine's status and the browser's network state.
import { useEffect, useState } from 'preact/hooks';
import { onSyncStatus, syncStatus, type SyncStatus } from '../../sync/status';

export function useSyncStatus(): SyncStatus {
  const [s, setS] = useState(syncStatus);
  useEffect(() => onSyncStatus(setS), []);
  return s;
}

export function useOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine !== false);
  useEffect(() => {
    const on = () => setOnline(true);
    const off = () => setOnline(false);
    window.addEventListener('online', on);
    window.addEventListener('offline', off);
    return () => {
      window.removeEventListener('online', on);
      window.removeEventListener('offline', off);
    };
  }, []);
  return online;
}

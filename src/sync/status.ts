// What the sync engine is doing right now, for the UI (top bar, /sync). A tiny observable
// with no Dexie: counts (waiting, conflicts, needs attention) come from the database through
// live queries (sync-queries.ts); this holds what only the running engine knows.

export type SyncPhase =
  /** no server joined: data lives on this device only */
  | 'local'
  | 'idle'
  | 'syncing'
  /** the browser says it has no network */
  | 'offline'
  /** the network is up but the server did not answer (down, unreachable, a proxy's error page) */
  | 'unreachable'
  /** the server answered with an error (or something the protocol does not allow); retried with back-off */
  | 'error'
  /** the server refused this device (revoked or unknown token): nothing is sent until the user joins again */
  | 'paused';

export interface SyncStatus {
  phase: SyncPhase;
  /** ISO time of the last complete cycle (also kept in syncState.lastSyncedAt) */
  lastSyncedAt?: string;
  /** an i18n key (sync.*) or a server message for the last failure */
  lastError?: string;
  /** when the next automatic try is due after a failure (ms since epoch) */
  retryAt?: number;
}

let status: SyncStatus = { phase: 'local' };
const listeners = new Set<(s: SyncStatus) => void>();

export function syncStatus(): SyncStatus {
  return status;
}

export function patchSyncStatus(patch: Partial<SyncStatus>): void {
  status = { ...status, ...patch };
  for (const fn of listeners) fn(status);
}

export function onSyncStatus(fn: (s: SyncStatus) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Tests: back to the initial state. */
export function resetSyncStatus(): void {
  status = { phase: 'local' };
}

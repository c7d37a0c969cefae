// Reads for the top-bar chip and /sync (through useLive, so they update as sync writes). No
// zod. This module is precached with the chip: what only the conflict and needs-attention
// screens read lives in record-queries.ts, which loads with them.
import type { ConflictRecord, NeedsAttentionRecord, ServerLink, UnitDb } from '../data/db';
import { activeDb, NoUnitError } from '../data/session';

export interface SyncOverview {
  server?: Omit<ServerLink, 'deviceToken'>;
  deviceId: string;
  pending: number;
  conflicts: number;
  needsAttention: number;
  lastSyncedAt?: string;
  paused: boolean;
  /** photos kept here and not on the server yet (db.fileUploads, src/sync/file-sync.ts) */
  photosWaiting: number;
  /** why the latest photo upload failed (an i18n key, sync.filesErr*) */
  photosLastError?: string;
}

/** The unit's database, or undefined on a phone with no unit yet. */
export async function unitDb(): Promise<UnitDb | undefined> {
  try {
    return await activeDb();
  } catch (e) {
    if (e instanceof NoUnitError) return undefined;
    throw e;
  }
}

/**
 * The card a conflict is shown on: one per field and losing phone, its later value replacing
 * its earlier one (record-queries listConflicts; found in use: taps through the roll's
 * statuses left a card for a mark that was never the phone's choice).
 */
export const conflictCard = (c: ConflictRecord): string => (c.loserDeviceId ? `${c.table}\u0000${c.rowId}\u0000${c.field}\u0000${c.loserDeviceId}` : c.id);

/** The card a refused change is shown on: one per record for changes to final minutes (nothing to fix). */
export const attentionCard = (w: NeedsAttentionRecord): string => (w.reason === 'err.locked' ? `${w.mutation.table}\u0000${w.mutation.rowId}` : w.mid);

/** null when this device has no unit yet. */
export async function syncOverview(): Promise<SyncOverview | null> {
  const db = await unitDb();
  if (!db) return null;
  const [dev, pending, conflicts, needsAttention, uploads] = await Promise.all([
    db.syncState.get('device'),
    db.outbox.count(),
    db.conflicts.filter((c) => !c.resolvePending).toArray().then((list) => new Set(list.map(conflictCard)).size),
    db.needsAttention.toArray().then((list) => new Set(list.map(attentionCard)).size),
    db.fileUploads.toArray(),
  ]);
  const lastFailed = uploads.filter((u) => u.lastError && u.lastTriedAt).sort((a, b) => (a.lastTriedAt! < b.lastTriedAt! ? 1 : -1))[0];
  let server: SyncOverview['server'];
  if (dev?.server) {
    const { deviceToken: _t, ...rest } = dev.server;
    server = rest;
  }
  return {
    server,
    deviceId: dev?.deviceId ?? '',
    pending,
    conflicts,
    needsAttention,
    lastSyncedAt: dev?.lastSyncedAt,
    paused: !!dev?.pausedReason,
    photosWaiting: uploads.length,
    photosLastError: lastFailed?.lastError,
  };
}

/** The server link with its token (devices page); undefined when not joined. */
export async function serverLink(): Promise<(ServerLink & { deviceId: string }) | undefined> {
  const db = await unitDb();
  const dev = await db?.syncState.get('device');
  return dev?.server ? { ...dev.server, deviceId: dev.deviceId } : undefined;
}

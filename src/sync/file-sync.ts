// The photo upload queue (db.fileUploads), apart from the record sync: after a record cycle
// of a joined phone, the queued photos go up one by one (PUT /files/:sha256). A photo leaves
// the queue only when the server has it (stored now, or already there); a failure keeps it
// queued with the reason as an i18n key (sync.filesErr*) for the sync screen, and that photo
// waits longer before the next try (a doubling delay, up to FILE_RETRY_MAX_MS). No answer, a
// refused token or a full unit stop the round: the next photos would fail the same way.
// One tab at a time (Web Lock 'files:<local unit id>'). Nothing here deletes a photo.
import type { UnitDb } from '../data/db';
import { AuthError, HttpError, NetworkError } from './api';
import { defaultLocks, type LockManagerLike } from './engine';
import { putFile, QuotaError, type FileApiOptions } from './file-api';

export const FILE_RETRY_BASE_MS = 15_000;
export const FILE_RETRY_MAX_MS = 30 * 60_000;

export interface FileSyncOptions extends FileApiOptions {
  db: UnitDb;
  localUnitId: string;
  locks?: LockManagerLike;
  /** "Đồng bộ ngay": try every queued photo now, whatever its last failure */
  ignoreBackoff?: boolean;
  now?: () => number;
}

export interface FileSyncResult {
  uploaded: number;
  failed: number;
  /** photos still queued afterwards */
  waiting: number;
  skipped?: 'not-joined' | 'paused' | 'busy';
}

/** How long a photo that failed `attempts` times waits before the next try (pure). */
export function fileRetryDelay(attempts: number): number {
  return Math.min(FILE_RETRY_MAX_MS, FILE_RETRY_BASE_MS * 2 ** Math.max(0, attempts - 1));
}

/** Why an upload failed, in plain words (an i18n key of the sync screens). */
export function uploadErrorKey(e: unknown): string {
  if (e instanceof QuotaError) return 'sync.filesErrQuota';
  if (e instanceof NetworkError) return 'sync.filesErrNetwork';
  if (e instanceof AuthError) return 'sync.errAuth';
  if (e instanceof HttpError) {
    if (e.status === 413) return 'sync.filesErrTooLarge';
    if (e.code === 'hash_mismatch' || e.code === 'not_jpeg' || e.code === 'empty_body') return 'sync.filesErrDamaged';
    if (e.status === 403) return 'sync.filesErrForbidden';
  }
  return 'sync.filesErrServer';
}

export async function uploadQueuedFiles(opts: FileSyncOptions): Promise<FileSyncResult> {
  const { db } = opts;
  const waiting = () => db.fileUploads.count();
  const dev = await db.syncState.get('device');
  if (!dev?.server) return { uploaded: 0, failed: 0, waiting: await waiting(), skipped: 'not-joined' };
  if (dev.pausedReason) return { uploaded: 0, failed: 0, waiting: await waiting(), skipped: 'paused' };
  const server = dev.server;
  const locks = opts.locks ?? defaultLocks();
  return locks.request(`files:${opts.localUnitId}`, { ifAvailable: true }, async (lock) => {
    if (!lock) return { uploaded: 0, failed: 0, waiting: await waiting(), skipped: 'busy' as const };
    const now = opts.now ?? Date.now;
    let uploaded = 0;
    let failed = 0;
    const queue = await db.fileUploads.orderBy('queuedAt').toArray();
    for (const item of queue) {
      const due = opts.ignoreBackoff || !item.lastTriedAt || now() >= Date.parse(item.lastTriedAt) + fileRetryDelay(item.attempts);
      if (!due) continue;
      const kept = await db.fileBlobs.get(item.sha256);
      if (!kept) {
        // The bytes are not on this phone (a restore without them): nothing to send, ever.
        console.warn(`photo ${item.sha256} is queued but not on this phone; dropped from the queue`);
        await db.fileUploads.delete(item.sha256);
        continue;
      }
      try {
        await putFile(server, item.sha256, kept.blob, opts);
        await db.fileUploads.delete(item.sha256);
        uploaded++;
      } catch (e) {
        failed++;
        const at = new Date(now()).toISOString();
        await db.fileUploads.update(item.sha256, { attempts: item.attempts + 1, lastTriedAt: at, lastError: uploadErrorKey(e) });
        if (e instanceof NetworkError || e instanceof AuthError || e instanceof QuotaError) break;
        if (!(e instanceof HttpError)) console.warn('photo upload failed', e);
      }
    }
    return { uploaded, failed, waiting: await waiting() };
  });
}

// The photo upload queue (db.fileUploads), apart from the record sync: after a record cycle
// of a joined phone, the queued photos go up one by one (PUT /files/:sha256). A photo leaves
// the queue only when the server has it (stored now, or already there); a failure keeps it
// queued with the reason as an i18n key (sync.filesErr*) for the sync screen, and that photo
// waits longer before the next try (a doubling delay, up to FILE_RETRY_MAX_MS). No answer, a
// refused token or a full unit stop the round: the next photos would fail the same way.
// One tab at a time (Web Lock 'files:<local unit id>'). Nothing here deletes a photo.
// The other way, on Wi-Fi only: the unit's photos this phone does not hold yet come down after
// the uploads (downloadMissingFiles), so evidence taken on another phone opens offline too.
import type { UnitDb } from '../data/db';
import { AuthError, HttpError, NetworkError } from './api';
import { defaultLocks, type LockManagerLike } from './engine';
import { sha256Hex } from '../lib/sha256';
import { getFile, putFile, QuotaError, type FileApiOptions } from './file-api';

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

/** How many photos one background round fetches at most, the newest first. */
export const DOWNLOAD_ROUND_MAX = 60;

export interface ConnectionLike {
  type?: string;
  saveData?: boolean;
}

/**
 * May photos be fetched unasked on this connection? On Wi-Fi or a cable with Save-Data off.
 * A browser that does not say which (no `connection.type`: iOS Safari, desktop Chrome) is not
 * assumed to be on Wi-Fi: a cheap phone's mobile data is the secretary's own money, and a
 * unit's photos are megabytes. Photos there still come with a tap ("Tải ảnh").
 */
export function mayFetchUnasked(connection: ConnectionLike | undefined): boolean {
  return !!connection && !connection.saveData && (connection.type === 'wifi' || connection.type === 'ethernet');
}

export interface DownloadResult {
  downloaded: number;
  /** photos of the unit still not on this phone after a round that ran */
  missing?: number;
  skipped?: 'metered' | 'not-joined' | 'paused' | 'busy';
}

/**
 * Fetches the unit's photos this phone lacks (fileRefs without fileBlobs), newest first, at most
 * DOWNLOAD_ROUND_MAX a round, each checked against its hash before it is kept. One not on the
 * server yet (its phone has not uploaded it) is left for a later round; no answer or a refused
 * token stops the round. Found in use: photos taken on one phone never reached the other unless
 * someone opened each record with signal, so a deputy's phone showed no evidence offline.
 */
export async function downloadMissingFiles(opts: FileSyncOptions & { connection?: ConnectionLike }): Promise<DownloadResult> {
  const { db } = opts;
  // the keys of the kept photos only (their blobs are not read)
  const missingNow = async () => {
    const [refs, kept] = await Promise.all([db.fileRefs.toArray(), db.fileBlobs.toCollection().primaryKeys()]);
    const here = new Set(kept);
    return refs.filter((r) => !r.deleted && !here.has(r.id)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  };
  const connection = 'connection' in opts ? opts.connection : (navigator as Navigator & { connection?: ConnectionLike }).connection;
  if (!mayFetchUnasked(connection)) return { downloaded: 0, skipped: 'metered' };
  const dev = await db.syncState.get('device');
  if (!dev?.server) return { downloaded: 0, skipped: 'not-joined' };
  if (dev.pausedReason) return { downloaded: 0, skipped: 'paused' };
  const server = dev.server;
  const locks = opts.locks ?? defaultLocks();
  return locks.request(`files:${opts.localUnitId}`, { ifAvailable: true }, async (lock) => {
    if (!lock) return { downloaded: 0, skipped: 'busy' as const };
    let downloaded = 0;
    for (const ref of (await missingNow()).slice(0, DOWNLOAD_ROUND_MAX)) {
      let blob: Blob | null;
      try {
        blob = await getFile(server, ref.id, opts);
      } catch (e) {
        if (e instanceof NetworkError || e instanceof AuthError) break;
        console.warn(`photo ${ref.id} could not be fetched`, e);
        continue;
      }
      if (!blob) continue; // not uploaded yet by the phone that took it
      const bytes = new Uint8Array(await blob.arrayBuffer());
      if ((await sha256Hex(bytes)) !== ref.id) {
        console.warn(`photo ${ref.id} came damaged; not kept`);
        continue;
      }
      const at = new Date((opts.now ?? Date.now)()).toISOString();
      await db.transaction('rw', db.fileBlobs, async () => {
        if (!(await db.fileBlobs.get(ref.id))) await db.fileBlobs.put({ sha256: ref.id, blob: new Blob([bytes], { type: 'image/jpeg' }), mime: 'image/jpeg', bytes: bytes.byteLength, at });
      });
      downloaded++;
    }
    return { downloaded, missing: (await missingNow()).length };
  });
}

// Photos as evidence (activities, youth-project log entries): a record's `photos` holds the
// photos' sha256; the bytes stay on the phone (db.fileBlobs) and go to the server through an
// upload queue (db.fileUploads, sent by src/sync/file-sync.ts); the synced fileRefs row tells
// the unit's other phones the photo exists, so they can fetch it when someone opens it.
import { commit } from '../../data/commit';
import { upsertRow } from '../../data/outbox';
import { activeDb, activeUnitId } from '../../data/session';
import { UserError } from '../../lib/user-error';
import { fileRefFields, MAX_FILE_BYTES, type FileRef } from '../../protocol/file-ref';
import { isJpegBytes, sha256Hex } from './photo-hash';
import { resizePhoto } from './photo-resize';

/** A photo the user took or picked: made small (photo-resize.ts), then kept and queued. Returns its sha256. */
export async function addPhotoFromFile(file: Blob): Promise<string> {
  const { blob, width, height } = await resizePhoto(file);
  return savePhoto(blob, { width, height });
}

/**
 * Keeps a JPEG on this phone: its bytes, its fileRefs row (synced) and, unless the phone had
 * it already, a place in the upload queue — in ONE transaction, so a photo is never kept
 * without being queued, nor queued without its bytes. The hash is computed before.
 */
export async function savePhoto(jpeg: Blob, size: { width?: number; height?: number } = {}): Promise<string> {
  const bytes = new Uint8Array(await jpeg.arrayBuffer());
  if (!isJpegBytes(bytes)) throw new UserError('photos.errNotImage');
  if (bytes.byteLength > MAX_FILE_BYTES) throw new UserError('photos.errTooLarge');
  const sha256 = await sha256Hex(bytes);
  const fields = fileRefFields.parse({ sha256, mime: 'image/jpeg', bytes: bytes.byteLength, width: size.width, height: size.height });
  const db = await activeDb();
  const unitId = await activeUnitId();
  const at = new Date().toISOString();
  await commit(db, [db.fileRefs, db.fileBlobs, db.fileUploads], async () => {
    if (!(await db.fileBlobs.get(sha256))) {
      await db.fileBlobs.put({ sha256, blob: new Blob([bytes], { type: 'image/jpeg' }), mime: 'image/jpeg', bytes: bytes.byteLength, at });
      if (!(await db.fileUploads.get(sha256))) await db.fileUploads.put({ sha256, queuedAt: at, attempts: 0 });
    }
    // A reference the unit has already (this photo, added again) stays as it is.
    const known = await db.fileRefs.get(sha256);
    if (!known || known.deleted) await upsertRow<FileRef>(db, 'fileRefs', sha256, unitId, fields);
  });
  return sha256;
}

/**
 * Fetches a photo another phone took from the server and keeps it here, checked against its
 * hash. Not a user write (nothing to sync), so a plain transaction rather than commit().
 */
export async function downloadPhoto(sha256: string): Promise<void> {
  const db = await activeDb();
  const server = (await db.syncState.get('device'))?.server;
  if (!server) throw new UserError('photos.errNotJoined');
  // The endpoint's client loads on first use (it needs the network anyway: not precached).
  const api = await import('../../sync/file-api').catch(() => null);
  if (!api) throw new UserError('photos.errOffline');
  let blob: Blob | null;
  try {
    blob = await api.getFile(server, sha256);
  } catch (e) {
    throw new UserError((e as Error)?.name === 'NetworkError' ? 'photos.errOffline' : 'photos.errDownload', e);
  }
  if (!blob) throw new UserError('photos.errNotOnServer');
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if ((await sha256Hex(bytes)) !== sha256) throw new UserError('photos.errDamaged');
  const kept = { sha256, blob: new Blob([bytes], { type: 'image/jpeg' }), mime: 'image/jpeg', bytes: bytes.byteLength, at: new Date().toISOString() };
  await db.transaction('rw', db.fileBlobs, () => db.fileBlobs.put(kept));
}

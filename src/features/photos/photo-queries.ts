// Photo reads for the screens (no zod): what this phone has of a record's photos. The upload
// queue's state for the sync screen is in src/sync/sync-queries.ts.
import { activeDb } from '../../data/session';

export interface PhotoState {
  sha256: string;
  /** the bytes, when this phone has them */
  blob?: Blob;
  /** kept here, not on the server yet */
  isWaiting: boolean;
  lastError?: string;
}

export interface PhotoStates {
  photos: PhotoState[];
  /** joined to a server: a photo that is not here can be fetched */
  canDownload: boolean;
}

export async function photoStates(hashes: readonly string[]): Promise<PhotoStates> {
  const db = await activeDb();
  const [blobs, uploads, device] = await Promise.all([db.fileBlobs.bulkGet([...hashes]), db.fileUploads.bulkGet([...hashes]), db.syncState.get('device')]);
  return {
    photos: hashes.map((sha256, i) => ({ sha256, blob: blobs[i]?.blob, isWaiting: !!uploads[i], lastError: uploads[i]?.lastError })),
    canDownload: !!device?.server && !device.pausedReason,
  };
}

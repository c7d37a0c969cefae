// Photos on disk, beside the database: <dataDir>/files/<unit>/<aa>/<sha256>, where aa is the
// hash's first two hex digits (no folder grows past a few thousand entries). Content-addressed,
// so a blob never changes once written; writes are atomic (a temp file in the same folder,
// fsync, rename, fsync of the folder) so a crash leaves either the whole file or none, and two
// phones writing the same photo at once both rename the same bytes into place.
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';

const SHA256 = /^[0-9a-f]{64}$/;
/** Unit ids are the server's UUIDs; anything else never reaches the disk. */
const SAFE_SEGMENT = /^[A-Za-z0-9_-]{1,100}$/;

export class BlobFiles {
  constructor(readonly root: string) {}

  pathOf(unitId: string, sha256: string): string {
    if (!SAFE_SEGMENT.test(unitId) || !SHA256.test(sha256)) throw new Error('unsafe file path');
    return path.join(this.root, unitId, sha256.slice(0, 2), sha256);
  }

  async has(unitId: string, sha256: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(unitId, sha256))).isFile();
    } catch {
      return false;
    }
  }

  /** Writes the blob unless it is there already (same hash, same bytes). */
  async write(unitId: string, sha256: string, bytes: Uint8Array): Promise<void> {
    const target = this.pathOf(unitId, sha256);
    if (await this.has(unitId, sha256)) return;
    const dir = path.dirname(target);
    await mkdir(dir, { recursive: true });
    const temp = path.join(dir, `.${sha256}.${randomUUID()}.tmp`);
    try {
      const handle = await open(temp, 'wx', 0o640);
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await syncDir(dir);
  }

  /** A web stream of the blob, or null when it is not on disk. */
  async read(unitId: string, sha256: string): Promise<{ stream: ReadableStream<Uint8Array>; size: number } | null> {
    const file = this.pathOf(unitId, sha256);
    let size: number;
    try {
      size = (await stat(file)).size;
    } catch {
      return null;
    }
    return { stream: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, size };
  }
}

/** The rename is durable only once the folder's entry is on disk (not possible on Windows: skipped). */
async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // EISDIR/EPERM on platforms that cannot fsync a folder
  } finally {
    await handle?.close();
  }
}

/** JPEG files start with the SOI marker and a next marker: FF D8 FF. */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

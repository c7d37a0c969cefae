// PUT /units/:unit/files/:sha256 (a writer device of the unit, like push) stores one photo;
// GET (anyone who may read the unit, like pull) streams it back. The body is the JPEG itself.
// A blob is content-addressed: the server hashes the body and refuses one that does not match
// its name, so a stored file is always exactly what its hash says, and a second PUT of the same
// hash (a retry, another phone) stores nothing new. Per unit: a quota on the sum of bytes.
// The size limit (MAX_FILE_BYTES) is enforced before the body is read, by the body-limit
// middleware in app.ts.
import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { MAX_FILE_BYTES } from '../../../src/protocol/file-ref';
import { requireUnit } from '../auth/principal';
import { isJpeg, type BlobFiles } from '../files/blob-files';
import { ApiError } from '../http/errors';
import type { ApiDeps } from './deps';
import { iso } from './deps';

const SHA256 = /^[0-9a-f]{64}$/;

export interface FileDeps extends ApiDeps {
  files: BlobFiles;
  /** bytes of photos one unit may keep on the server */
  fileQuotaBytes: number;
}

export function fileRoutes(deps: FileDeps): Hono {
  const { store, files, fileQuotaBytes } = deps;
  const app = new Hono();

  app.put('/units/:unit/files/:sha256', async (c) => {
    const unitId = c.req.param('unit');
    const p = await requireUnit(c, deps, unitId, 'write');
    if (p.kind !== 'device') throw new ApiError(403, 'forbidden', 'Only a device uploads photos');
    const sha256 = hashParam(c.req.param('sha256'));
    let body: Uint8Array;
    try {
      body = new Uint8Array(await c.req.arrayBuffer());
    } catch {
      throw new ApiError(400, 'bad_request', 'The request body could not be read');
    }
    if (body.byteLength === 0) throw new ApiError(400, 'empty_body', 'The body is empty; send the JPEG bytes');
    if (body.byteLength > MAX_FILE_BYTES) throw new ApiError(413, 'payload_too_large', `A photo may be at most ${MAX_FILE_BYTES} bytes`);
    const actual = createHash('sha256').update(body).digest('hex');
    if (actual !== sha256) throw new ApiError(400, 'hash_mismatch', `The body's sha256 is ${actual}, not the ${sha256} in the path`);
    if (!isJpeg(body)) throw new ApiError(415, 'not_jpeg', 'Only JPEG photos are accepted (the body does not start with a JPEG marker)');

    const known = await store.getFile(unitId, sha256);
    if (known) {
      // Counted already; put the bytes back if the disk lost them (a restored database).
      await files.write(unitId, sha256, body);
      return c.json(await answer(unitId, sha256, body.byteLength), 200);
    }
    // Refuse before touching the disk; addFile checks again inside its transaction.
    const usage = await store.fileUsage(unitId);
    if (usage.usedBytes + body.byteLength > fileQuotaBytes) return quotaFull(c, usage.usedBytes);
    await files.write(unitId, sha256, body);
    const result = await store.addFile({ unitId, sha256, bytes: body.byteLength, createdAt: iso(deps.now()), quotaBytes: fileQuotaBytes });
    if (result.status === 'quota') return quotaFull(c, result.usedBytes);
    return c.json(await answer(unitId, sha256, body.byteLength), result.status === 'created' ? 201 : 200);
  });

  app.get('/units/:unit/files/:sha256', async (c) => {
    const unitId = c.req.param('unit');
    await requireUnit(c, deps, unitId, 'read');
    const sha256 = hashParam(c.req.param('sha256'));
    const etag = `"${sha256}"`;
    const known = await store.getFile(unitId, sha256);
    const blob = known ? await files.read(unitId, sha256) : null;
    if (!known || !blob) throw new ApiError(404, 'file_not_found', 'This unit has no photo with that hash on the server (not uploaded yet?)');
    const headers = {
      'Content-Type': 'image/jpeg',
      'Cache-Control': 'private, max-age=31536000, immutable',
      ETag: etag,
    };
    if (c.req.header('If-None-Match')?.split(',').some((t) => t.trim() === etag)) {
      await blob.stream.cancel();
      return c.body(null, 304, headers);
    }
    return c.body(blob.stream, 200, { ...headers, 'Content-Length': String(blob.size) });
  });

  async function answer(unitId: string, sha256: string, bytes: number) {
    const usage = await store.fileUsage(unitId);
    return { sha256, bytes, usedBytes: usage.usedBytes, quotaBytes: fileQuotaBytes };
  }

  /** 507 with the numbers, so the phone can say how full the unit is. */
  function quotaFull(c: Context, usedBytes: number): Response {
    const message = `This unit has used ${usedBytes} of its ${fileQuotaBytes} bytes for photos; the server refuses more (ask the server's admin to raise UNIT_FILE_QUOTA_MB)`;
    return c.json({ error: { code: 'quota_exceeded', message, usedBytes, quotaBytes: fileQuotaBytes } }, 507);
  }

  return app;
}

function hashParam(raw: string): string {
  if (!SHA256.test(raw)) throw new ApiError(400, 'invalid_hash', 'The file name must be its sha256: 64 lowercase hex digits');
  return raw;
}

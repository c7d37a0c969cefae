// Reads a JSON request body the strict way: Content-Type application/json, optional gzip
// (decompressed with a size cap), UTF-8 only, valid JSON, bounded nesting; then a zod schema.
// Every failure is a 4xx ApiError with a message a developer can act on.
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { jsonDepth } from '../sync/json';
import { ApiError } from './errors';

// zod/mini ships no locale: issues without a message of their own would all read "Invalid
// input". The server answers developers, so it keeps zod's English messages (as the classic
// build did); the shared schemas' i18n keys are their own messages and are unaffected.
z.config(en());

const gunzipAsync = promisify(gunzip);
export const MAX_JSON_DEPTH = 64;

export async function readJson(c: Context, maxBytes: number): Promise<unknown> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type.trim())) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json');
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await c.req.arrayBuffer());
  } catch {
    throw new ApiError(400, 'bad_request', 'The request body could not be read');
  }
  const encoding = (c.req.header('Content-Encoding') ?? 'identity').trim().toLowerCase();
  if (encoding === 'gzip' || encoding === 'x-gzip') {
    try {
      bytes = await gunzipAsync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new ApiError(413, 'payload_too_large', `Request body is larger than ${maxBytes} bytes once decompressed`);
      }
      throw new ApiError(400, 'bad_encoding', 'The body is not valid gzip');
    }
  } else if (encoding !== 'identity' && encoding !== '') {
    throw new ApiError(415, 'unsupported_media_type', `Content-Encoding "${encoding.slice(0, 40)}" is not supported (use gzip or none)`);
  }
  if (bytes.byteLength > maxBytes) throw new ApiError(413, 'payload_too_large', `Request body is larger than ${maxBytes} bytes`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiError(400, 'bad_encoding', 'The body is not valid UTF-8');
  }
  if (text.trim() === '') throw new ApiError(400, 'invalid_json', 'The body is empty; send a JSON object');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ApiError(400, 'invalid_json', `The body is not valid JSON: ${String((error as Error).message).slice(0, 200)}`);
  }
  if (jsonDepth(value, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
    throw new ApiError(400, 'too_deep', `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return value;
}

/** Validates with `schema`; a failure is a 400 naming the first problems and where they are. */
export function parseWith<S extends z.ZodMiniType>(schema: S, value: unknown, code = 'invalid_body'): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 3).map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`);
  throw new ApiError(400, code, `Invalid request body — ${problems.join('; ')}`.slice(0, 500));
}

export async function readBody<S extends z.ZodMiniType>(c: Context, schema: S, maxBytes: number): Promise<z.infer<S>> {
  return parseWith(schema, await readJson(c, maxBytes), 'invalid_body');
}

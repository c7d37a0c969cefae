// Reads a JSON request body the strict way: Content-Type application/json, optional gzip
// (decompressed with a size cap), UTF-8 only, valid JSON, bounded nesting; then a zod schema.
// Size, encoding, grammar and depth are all checked while the bytes arrive (json-scan.ts):
// reading stops at the first byte over the route's limit or the first level too deep, and
// JSON.parse only ever sees a text already known to be small, valid and shallow. So a
// hostile body costs its bytes, never a parse (issue 12: 20 concurrent 1 MB nested bodies
// to /login used to hold /health for 2.5 s).
// Every failure is a 4xx ApiError with a message a developer can act on.
import { gunzip, gunzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { discard } from './body-limit';
import { ApiError } from './errors';
import { JsonScanError, JsonScanner } from './json-scan';

// zod/mini ships no locale: issues without a message of their own would all read "Invalid
// input". The server answers developers, so it keeps zod's English messages (as the classic
// build did); the shared schemas' i18n keys are their own messages and are unaffected.
z.config(en());

const gunzipAsync = promisify(gunzip);
/** Deepest nesting a request body may have (push's mutations sit at depth 4 or 5). */
export const MAX_JSON_DEPTH = 64;

/**
 * The body as a JSON value, at most `maxBytes` long (before and after gzip) and `maxDepth`
 * levels deep. Throws ApiError 415 / 413 / 400 (bad_encoding, invalid_json, too_deep).
 */
export async function readJson(c: Context, maxBytes: number, maxDepth = MAX_JSON_DEPTH): Promise<unknown> {
  return (await receiveJson(c, maxBytes, maxDepth)).parse();
}

/** A body received from the network whose JSON is not built yet. */
export interface ReceivedJson {
  /** Inflates (gzip), checks and parses it: readJson's value and errors. */
  parse(): Promise<unknown>;
}

/**
 * Reads the body off the network and stops there: a gzip body stays compressed until
 * parse(). The push route receives at once and parses in turn (routes/sync.ts), so a slow
 * phone's upload never holds a place and 20 waiting pushes hold 20 compressed bodies, not 20
 * parsed ones. Header, size and (without gzip) grammar errors are thrown here.
 */
export async function receiveJson(c: Context, maxBytes: number, maxDepth = MAX_JSON_DEPTH): Promise<ReceivedJson> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type.trim())) {
    throw new ApiError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json');
  }
  const encoding = (c.req.header('Content-Encoding') ?? 'identity').trim().toLowerCase();
  const isGzip = encoding === 'gzip' || encoding === 'x-gzip';
  if (!isGzip && encoding !== 'identity' && encoding !== '') {
    throw new ApiError(415, 'unsupported_media_type', `Content-Encoding "${encoding.slice(0, 40)}" is not supported (use gzip or none)`);
  }
  const declared = c.req.header('Content-Length');
  const body = c.req.raw.body;
  if (declared !== undefined && c.req.header('Transfer-Encoding') === undefined && Number(declared) > maxBytes) {
    if (body) void discard(body.getReader());
    throw tooLarge(maxBytes);
  }
  const text = new BoundedText(maxBytes, maxDepth);
  let compressed: Uint8Array | undefined;
  if (body) {
    const reader = body.getReader();
    try {
      if (isGzip) compressed = await readAll(reader, maxBytes);
      else for (let chunk = await read(reader); chunk; chunk = await read(reader)) text.add(chunk);
    } catch (error) {
      // Stop here, but drain what the client is still sending so it gets this answer.
      void discard(reader);
      throw error;
    }
  }
  return {
    parse: async () => {
      if (compressed) text.add(await gunzipBounded(compressed, maxBytes));
      return parseText(text.end());
    },
  };
}

function parseText(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch (error) {
    // The scanner accepted it, so this is not expected; still a 400, never a 500.
    throw new ApiError(400, 'invalid_json', `The body is not valid JSON: ${String((error as Error).message).slice(0, 200)}`);
  }
}

/** The decoded text of a body, checked chunk by chunk as it grows. */
class BoundedText {
  private size = 0;
  private readonly pieces: string[] = [];
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private readonly scanner: JsonScanner;

  constructor(
    private readonly maxBytes: number,
    maxDepth: number,
  ) {
    this.scanner = new JsonScanner(maxDepth);
  }

  add(bytes: Uint8Array): void {
    this.size += bytes.byteLength;
    if (this.size > this.maxBytes) throw tooLarge(this.maxBytes);
    this.pieces.push(decode(this.decoder, bytes, true));
    scan(() => this.scanner.feed(bytes));
  }

  end(): string {
    this.pieces.push(decode(this.decoder, new Uint8Array(0), false));
    scan(() => this.scanner.end());
    return this.pieces.join('');
  }
}

function decode(decoder: TextDecoder, bytes: Uint8Array, isMore: boolean): string {
  try {
    return decoder.decode(bytes, { stream: isMore });
  } catch {
    throw new ApiError(400, 'bad_encoding', 'The body is not valid UTF-8');
  }
}

function scan(step: () => void): void {
  try {
    step();
  } catch (error) {
    if (error instanceof JsonScanError) throw new ApiError(400, error.problem, error.message);
    throw error;
  }
}

async function read(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<Uint8Array | undefined> {
  try {
    const { done, value } = await reader.read();
    return done ? undefined : value;
  } catch {
    throw new ApiError(400, 'bad_request', 'The request body could not be read');
  }
}

/** The raw (compressed) body, refused at the first byte past `maxBytes`. */
async function readAll(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let chunk = await read(reader); chunk; chunk = await read(reader)) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Inflated output up to which a body is inflated on the main thread: a push of 1,000 changes
 * is ~300 KB of JSON, and inflating it inline (<1 ms) saves two hops to the thread pool, which
 * on a busy 2-core box waited several ms for a core (issue 13, B6). Past it, the rest is done
 * off the main thread, so no body blocks it for more than this much inflating.
 */
export const INLINE_INFLATE_BYTES = 1024 * 1024;

/** Inflates and stops at `maxBytes` of output: a gzip bomb costs no more. */
async function gunzipBounded(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  try {
    try {
      return gunzipSync(bytes, { maxOutputLength: Math.min(maxBytes, INLINE_INFLATE_BYTES) });
    } catch (error) {
      // larger than the inline share but maybe within the route's limit: again, off the main thread
      if (maxBytes <= INLINE_INFLATE_BYTES || (error as { code?: string }).code !== 'ERR_BUFFER_TOO_LARGE') throw error;
      return await gunzipAsync(bytes, { maxOutputLength: maxBytes });
    }
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ApiError(413, 'payload_too_large', `Request body is larger than ${maxBytes} bytes once decompressed`);
    }
    throw new ApiError(400, 'bad_encoding', 'The body is not valid gzip');
  }
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(413, 'payload_too_large', `Request body is larger than ${maxBytes} bytes`);
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

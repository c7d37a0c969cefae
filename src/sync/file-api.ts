// The photo endpoint (docs/sync-api.md "Files"): PUT and GET /units/:unit/files/:sha256, the
// body being the JPEG itself. Errors are sorted like api.ts's: NetworkError (no answer),
// AuthError (401), HttpError (the server's {error:{code,message}}); a full unit also carries
// the numbers (QuotaError), so the phone can say so in plain words.
import type { ServerLink } from '../data/db';
import { AuthError, DEFAULT_TIMEOUT_MS, HttpError, joinUrl, NetworkError, type FetchFn } from './api';

export class QuotaError extends HttpError {
  constructor(message: string, public usedBytes?: number, public quotaBytes?: number) {
    super(507, 'quota_exceeded', message);
    this.name = 'QuotaError';
  }
}

export interface FileApiOptions {
  fetch?: FetchFn;
  timeoutMs?: number;
}

type Link = Pick<ServerLink, 'baseUrl' | 'unitId' | 'deviceToken'>;

function fileUrl(server: Link, sha256: string): string {
  return joinUrl(server.baseUrl, `/units/${encodeURIComponent(server.unitId)}/files/${sha256}`);
}

/** Sends one photo. Resolves when the server has it (stored now: 201, or already: 200). */
export async function putFile(server: Link, sha256: string, blob: Blob, opts: FileApiOptions = {}): Promise<'stored' | 'exists'> {
  const res = await send(server, sha256, 'PUT', blob, opts, true);
  return res.status === 201 ? 'stored' : 'exists';
}

/** Fetches one photo's bytes; null when the server has no such file (not uploaded yet). */
export async function getFile(server: Link, sha256: string, opts: FileApiOptions = {}): Promise<Blob | null> {
  try {
    const res = await send(server, sha256, 'GET', undefined, opts, false);
    return new Blob([res.bytes], { type: 'image/jpeg' });
  } catch (e) {
    if (e instanceof HttpError && e.status === 404) return null;
    throw e;
  }
}

async function send(server: Link, sha256: string, method: 'PUT' | 'GET', body: Blob | undefined, opts: FileApiOptions, isJsonAnswer: boolean) {
  const doFetch: FetchFn = opts.fetch ?? ((i, init) => fetch(i, init));
  const controller = new AbortController();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS * 3; // a photo over a slow line takes longer than a JSON page
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let res: Response;
  let bytes: ArrayBuffer;
  try {
    const headers: Record<string, string> = { Authorization: `Bearer ${server.deviceToken}` };
    if (body) headers['Content-Type'] = 'image/jpeg';
    res = await doFetch(fileUrl(server, sha256), { method, headers, body, signal: controller.signal, cache: 'no-store', credentials: 'omit' });
    bytes = await res.arrayBuffer();
  } catch (e) {
    throw new NetworkError(timedOut ? `timed out after ${timeoutMs} ms` : String((e as Error)?.message ?? e), timedOut, e);
  } finally {
    clearTimeout(timer);
  }
  if (res.ok && !isJsonAnswer) return { status: res.status, bytes };
  let json: { error?: { code?: string; message?: string; usedBytes?: number; quotaBytes?: number } } | undefined;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    json = undefined;
  }
  if (res.ok) {
    if (json === undefined) throw new NetworkError('the answer was not JSON (not our server?)');
    return { status: res.status, bytes };
  }
  const err = json?.error;
  const code = err?.code ?? `http_${res.status}`;
  const message = err?.message ?? (res.statusText || `HTTP ${res.status}`);
  if (res.status === 401) throw new AuthError(code, message);
  if (json === undefined && (res.status === 502 || res.status === 503 || res.status === 504)) throw new NetworkError(`HTTP ${res.status}`);
  if (code === 'quota_exceeded') throw new QuotaError(message, err?.usedBytes, err?.quotaBytes);
  throw new HttpError(res.status, code, message);
}

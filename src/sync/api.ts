// The server's HTTP API (/api/v1, docs/sync-api.md) behind one fetch wrapper: JSON in and
// out, a Bearer token, a timeout on every request (AbortController), and errors sorted into
// what the engine must do about them:
//   NetworkError  no answer (offline, DNS, timeout, connection cut)  → retry with back-off
//   AuthError     401: the token is unknown or revoked                → pause, keep the outbox
//   HttpError     any other non-2xx, with the server's {error:{code,message}}
import type { PullRequest, PullResponse, PushRequest, PushResponse, Role } from '../protocol/sync';
import type { ColumnsBatch } from '../protocol/push-columns';

export const API_PREFIX = '/api/v1';
export const DEFAULT_TIMEOUT_MS = 20_000;

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

// The errors live in ./errors (the sync runner, precached, needs them offline; this client does not).
export { AuthError, HttpError, NetworkError } from './errors';
import { AuthError, HttpError, NetworkError } from './errors';

export interface ApiOptions {
  /** '' = same origin as the page */
  baseUrl: string;
  token?: string;
  fetch?: FetchFn;
  timeoutMs?: number;
}

/** One JSON request. Resolves with the parsed body of a 2xx answer; rejects with the errors above. */
/** Bodies above this many characters go gzip-compressed (push batches: phones pay for data). */
export const GZIP_ABOVE = 2048;

async function gzip(text: string): Promise<Uint8Array | undefined> {
  if (typeof CompressionStream === 'undefined' || typeof TextEncoder === 'undefined') return undefined;
  try {
    // The bytes go straight into the stream: a Blob of a 600 KB batch costs a copy into the
    // browser's blob store first (~18 ms a batch on this machine's Chromium).
    const cs = new CompressionStream('gzip');
    const writer = cs.writable.getWriter();
    // a failure shows on the readable side too (caught below: the body goes plain)
    writer.write(new TextEncoder().encode(text)).catch(() => undefined);
    writer.close().catch(() => undefined);
    return new Uint8Array(await new Response(cs.readable).arrayBuffer());
  } catch {
    return undefined; // send it plain
  }
}

export async function apiRequest<T>(opts: ApiOptions, method: 'GET' | 'POST' | 'PUT' | 'PATCH', path: string, body?: unknown, extraHeaders?: Record<string, string>): Promise<T> {
  const doFetch: FetchFn = opts.fetch ?? ((i, init) => fetch(i, init));
  const headers: Record<string, string> = { Accept: 'application/json', ...extraHeaders };
  let payload: string | Uint8Array | undefined;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
    const packed = payload.length > GZIP_ABOVE ? await gzip(payload) : undefined;
    if (packed) {
      payload = packed;
      headers['Content-Encoding'] = 'gzip';
    }
  }
  if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
  const controller = new AbortController();
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let res: Response;
  let text: string;
  try {
    res = await doFetch(joinUrl(opts.baseUrl, path), {
      method,
      headers,
      body: payload as BodyInit | undefined,
      signal: controller.signal,
      cache: 'no-store',
      credentials: 'omit',
    });
    // The body is read under the same timeout: a connection cut mid-answer is a network error.
    text = await res.text();
  } catch (e) {
    throw new NetworkError(timedOut ? `timed out after ${timeoutMs} ms` : String((e as Error)?.message ?? e), timedOut, e);
  } finally {
    clearTimeout(timer);
  }
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const err = (json as { error?: { code?: string; message?: string } } | undefined)?.error;
    const code = err?.code ?? `http_${res.status}`;
    const message = err?.message ?? (res.statusText || `HTTP ${res.status}`);
    if (res.status === 401) throw new AuthError(code, message);
    // A proxy's or captive portal's HTML page is not our server: treat as no connection.
    if (json === undefined && (res.status === 502 || res.status === 503 || res.status === 504)) {
      throw new NetworkError(`HTTP ${res.status}`);
    }
    throw new HttpError(res.status, code, message);
  }
  if (json === undefined && text) throw new NetworkError('the answer was not JSON (not our server?)');
  return json as T;
}

export function joinUrl(baseUrl: string, path: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base}${API_PREFIX}${path}`;
}

// ---------------------------------------------------------------------------------------
// Sync endpoints, for the engine (transport.ts; a fake transport replaces it in some tests).

/** A conflict as GET /units/:unit/conflicts lists it. */
export interface ServerConflict {
  id: string;
  table: string;
  rowId: string;
  field: string;
  /** 'deleteEdit': an edit that met a delete (the tombstone won; keeping the edit restores) */
  kind?: 'field' | 'deleteEdit';
  winnerValue: unknown;
  loserValue: unknown;
  winnerDeviceId: string;
  loserDeviceId: string;
  createdAt: string;
}

export interface ResolveRequest {
  /** which side the user kept; the value itself travels as a normal mutation */
  keep: 'winner' | 'loser';
}

export interface SyncTransport {
  /** a plain batch, or its columns form (src/protocol/push-columns.ts) to a server that reads it */
  push(req: PushRequest | ColumnsBatch): Promise<PushResponse>;
  /** `page.bytes`: ask for pages filled to about that many bytes (src/protocol/pull-pages.ts) */
  pull(req: PullRequest, page?: { bytes?: number }): Promise<PullResponse>;
  openConflicts(): Promise<ServerConflict[]>;
  resolveConflict(id: string, req: ResolveRequest): Promise<void>;
}

// ---------------------------------------------------------------------------------------
// Accounts, units, invites, devices (admin page, join page, devices page).

export interface JoinResponse {
  unitId: string;
  unitName: string;
  role: Role;
  deviceToken: string;
}

export interface UnitSummary {
  id: string;
  name: string;
  parentUnit?: string;
}

export interface Invite {
  code: string;
  expiresAt: string;
  role: Role;
}

export interface DeviceInfo {
  deviceId: string;
  deviceName?: string;
  role?: Role;
  createdAt?: string;
  lastSeenAt?: string;
  lastSeq?: number;
  revokedAt?: string | null;
}

export const accountApi = {
  setupStatus: (o: ApiOptions) => apiRequest<{ needsAdmin: boolean }>(o, 'GET', '/setup-status'),
  setup: (o: ApiOptions, username: string, password: string) => apiRequest<{ token: string }>(o, 'POST', '/setup', { username, password }),
  login: (o: ApiOptions, username: string, password: string) => apiRequest<{ token: string; role: Role }>(o, 'POST', '/login', { username, password }),
  listUnits: async (o: ApiOptions) => {
    const body = await apiRequest<UnitSummary[] | { units: UnitSummary[] }>(o, 'GET', '/units');
    return Array.isArray(body) ? body : (body?.units ?? []);
  },
  createUnit: (o: ApiOptions, name: string, parentUnit?: string) =>
    apiRequest<UnitSummary>(o, 'POST', '/units', parentUnit ? { name, parentUnit } : { name }),
  createInvite: (o: ApiOptions, unitId: string, role: Role) => apiRequest<Invite>(o, 'POST', `/units/${encodeURIComponent(unitId)}/invites`, { role }),
  join: (o: ApiOptions, code: string, deviceName: string, deviceId: string) => apiRequest<JoinResponse>(o, 'POST', '/join', { code, deviceName, deviceId }),
  listDevices: async (o: ApiOptions, unitId: string) => {
    const body = await apiRequest<DeviceInfo[] | { devices: DeviceInfo[] }>(o, 'GET', `/units/${encodeURIComponent(unitId)}/devices`);
    return Array.isArray(body) ? body : (body?.devices ?? []);
  },
  revokeDevice: (o: ApiOptions, unitId: string, deviceId: string) =>
    apiRequest<unknown>(o, 'POST', `/units/${encodeURIComponent(unitId)}/devices/${encodeURIComponent(deviceId)}/revoke`, {}),
};

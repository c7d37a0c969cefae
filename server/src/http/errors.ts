// Every /api error leaves the server as {error: {code, message}} with a fitting status; never a
// stack trace. Route handlers throw ApiError; a store that cannot answer (StoreUnavailableError)
// becomes a 503 whose code names the fault; anything else becomes a logged 500.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { StoreUnavailableError, type StoreFault } from '../store/types';

export interface ApiErrorBody {
  error: { code: string; message: string };
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export function isApiPath(pathname: string): boolean {
  return pathname === '/api' || pathname.startsWith('/api/');
}

export function apiErrorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string): Response {
  return c.json({ error: { code, message } } satisfies ApiErrorBody, status);
}

const codeByStatus: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  408: 'timeout',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

/** The answer to a store that cannot answer: 503 with the fault's code, the same codes as /health. */
const STORE_FAULTS: Record<StoreFault, { code: string; message: string }> = {
  busy: { code: 'unavailable', message: 'The database is busy; nothing was changed. Try again shortly.' },
  read_only: { code: 'db_read_only', message: 'The database cannot be written (read-only file or file system); nothing was changed. The server administrator must fix it.' },
  disk_full: { code: 'db_disk_full', message: 'The disk holding the database is full; nothing was changed. The server administrator must free space.' },
  corrupt: { code: 'db_corrupt', message: 'The database file is damaged; nothing was changed. The server administrator must restore it from a backup.' },
};

export function storeFaultAnswer(fault: StoreFault): { code: string; message: string } {
  return STORE_FAULTS[fault];
}

/** A fault is logged when it first shows and again at most once a minute, not on every request. */
const LOG_EVERY_MS = 60_000;
const lastLogged = new Map<StoreFault, number>();

function logStoreFault(c: Context, err: StoreUnavailableError): void {
  // The store logs a damaged file itself, once, with its path.
  if (err.fault === 'corrupt') return;
  const now = Date.now();
  if (now - (lastLogged.get(err.fault) ?? -Infinity) < LOG_EVERY_MS) return;
  lastLogged.set(err.fault, now);
  console.error(`[server] ${c.req.method} ${c.req.path} answered 503 ${STORE_FAULTS[err.fault].code}: ${err.message}`);
}

export const onError: ErrorHandler = (err, c) => {
  const isApi = isApiPath(c.req.path);
  if (err instanceof ApiError) {
    return isApi ? apiErrorResponse(c, err.status, err.code, err.message) : c.text(err.message, err.status);
  }
  if (err instanceof StoreUnavailableError) {
    logStoreFault(c, err);
    const { code, message } = STORE_FAULTS[err.fault];
    c.header('Retry-After', err.fault === 'busy' ? '5' : '30');
    return isApi ? apiErrorResponse(c, 503, code, message) : c.text(message, 503);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const status = err.status as ContentfulStatusCode;
    const message = err.message || statusText(status);
    return isApi ? apiErrorResponse(c, status, codeByStatus[status] ?? 'bad_request', message) : c.text(message, status);
  }
  // Unexpected: the details go to the server log only.
  console.error(`[server] ${c.req.method} ${c.req.path} failed:`, err);
  return isApi
    ? apiErrorResponse(c, 500, 'internal', 'Internal server error')
    : c.text('Internal Server Error', 500);
};

export const onNotFound: NotFoundHandler = (c) =>
  isApiPath(c.req.path)
    ? apiErrorResponse(c, 404, 'not_found', `No API route ${c.req.method} ${c.req.path}`)
    : c.text('Not Found', 404);

function statusText(status: number): string {
  return codeByStatus[status]?.replace(/_/g, ' ') ?? 'Error';
}

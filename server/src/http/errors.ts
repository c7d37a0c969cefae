// Every /api error leaves the server as {error: {code, message}} with a fitting status; never a
// stack trace. Route handlers throw ApiError; anything else becomes a logged 500.
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

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

export const onError: ErrorHandler = (err, c) => {
  const isApi = isApiPath(c.req.path);
  if (err instanceof ApiError) {
    return isApi ? apiErrorResponse(c, err.status, err.code, err.message) : c.text(err.message, err.status);
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

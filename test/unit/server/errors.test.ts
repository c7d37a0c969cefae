// The error handler alone: whatever a route throws, /api answers {error: {code, message}}.
import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { describe, expect, it, vi } from 'vitest';
import { ApiError, onError, onNotFound } from '../../../server/src/http/errors';

function appThrowing(error: unknown): Hono {
  const app = new Hono();
  app.onError(onError);
  app.notFound(onNotFound);
  app.get('/api/v1/boom', () => {
    throw error;
  });
  app.get('/page', () => {
    throw error;
  });
  return app;
}

describe('onError', () => {
  it('an unexpected error is a JSON 500 with no message or stack from the error', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await appThrowing(new Error('SQLITE_CORRUPT at /secret/path.ts:12')).request('/api/v1/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: 'Internal server error' } });
    expect(text).not.toContain('SQLITE_CORRUPT');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('an ApiError keeps its status, code and message', async () => {
    const res = await appThrowing(new ApiError(409, 'conflict_pending', 'Resolve the conflict first')).request('/api/v1/boom');
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ error: { code: 'conflict_pending', message: 'Resolve the conflict first' } });
  });

  it('an HTTPException (e.g. from Hono middleware) becomes JSON with a code from its status', async () => {
    const res = await appThrowing(new HTTPException(401, { message: 'Token revoked' })).request('/api/v1/boom');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: { code: 'unauthorized', message: 'Token revoked' } });
  });

  it('outside /api an unexpected error is plain text without details', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await appThrowing(new Error('details')).request('/page');
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('Internal Server Error');
    log.mockRestore();
  });
});

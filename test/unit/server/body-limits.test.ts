// The small routes' body limits (server/src/http/body-limits.ts) on the real server: one byte
// over is a 413 whether the length is announced or not, and the largest valid body of each
// route, every character escaped, still fits.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../../server/src/server';
import { ACCOUNT_BODY_BYTES, ENROLL_BODY_BYTES, INVITE_BODY_BYTES, JOIN_BODY_BYTES, SIGN_IN_BODY_BYTES } from '../../../server/src/http/body-limits';
import { makeWorkspace, startTestServer, type TempWorkspace } from './helpers';

let workspace: TempWorkspace;
let server: RunningServer;

beforeAll(async () => {
  workspace = makeWorkspace();
  server = await startTestServer(workspace);
});

afterAll(async () => {
  await server?.close();
  workspace?.remove();
});

async function send(method: string, path: string, body: BodyInit, token?: string): Promise<{ status: number; code?: string }> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${server.url}/api/v1${path}`, { method, headers, body, duplex: 'half' } as RequestInit);
  const answer = (await res.json()) as { error?: { code: string } };
  return { status: res.status, code: answer.error?.code };
}

/** A JSON object of exactly `size` bytes. */
const paddedTo = (size: number) => JSON.stringify({ pad: 'x'.repeat(size - 10) });

function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + 512));
      at += 512;
    },
  });
}

/** Every character as a \uXXXX escape: the longest way to write a string in JSON. */
const escaped = (text: string) => `"${[...text].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`;

describe('small routes have small body limits', () => {
  const unit = randomUUID();
  it.each([
    ['POST', '/login', SIGN_IN_BODY_BYTES],
    ['POST', '/setup', SIGN_IN_BODY_BYTES],
    ['POST', '/join', JOIN_BODY_BYTES],
    ['POST', `/units/${unit}/enroll`, ENROLL_BODY_BYTES],
    ['POST', `/units/${unit}/invites`, INVITE_BODY_BYTES],
    ['POST', '/accounts', ACCOUNT_BODY_BYTES],
    ['PUT', `/accounts/${unit}/units`, ACCOUNT_BODY_BYTES],
  ])('%s %s: %i bytes, one more is a 413 with or without Content-Length', async (method, path, limit) => {
    expect(new TextEncoder().encode(paddedTo(limit + 1)).length).toBe(limit + 1);
    expect(await send(method, path, paddedTo(limit + 1))).toEqual({ status: 413, code: 'payload_too_large' });
    expect(await send(method, path, chunked(paddedTo(limit + 1)))).toEqual({ status: 413, code: 'payload_too_large' });
    expect((await send(method, path, paddedTo(limit))).status).not.toBe(413);
  });

  it('the largest valid bodies fit, every character escaped', async () => {
    const username = 'ệ'.repeat(64);
    const password = 'ữ'.repeat(200);
    const credentials = `{"username":${escaped(username)},"password":${escaped(password)}}`;
    expect(credentials.length).toBeLessThanOrEqual(SIGN_IN_BODY_BYTES);
    const setup = await fetch(`${server.url}/api/v1/setup`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: credentials });
    expect(setup.status).toBe(201);
    const { token } = (await setup.json()) as { token: string };
    expect((await send('POST', '/login', credentials)).status).toBe(200);

    const join = `{"code":${escaped('K'.repeat(40))},"deviceName":${escaped('Đ'.repeat(100))},"deviceId":"${'d'.repeat(64)}"}`;
    expect(await send('POST', '/join', join)).toEqual({ status: 400, code: 'invalid_code' });

    const unitIds = Array.from({ length: 500 }, () => randomUUID());
    const account = JSON.stringify({ username: 'cấp trên tỉnh', password: 'mật khẩu an toàn', role: 'supervisor', unitIds });
    expect(await send('POST', '/accounts', account, token)).toEqual({ status: 400, code: 'unknown_unit' });
  });

  it('deep nesting within the limit is refused where it gets too deep, without a sign-in', async () => {
    expect(await send('POST', '/login', '['.repeat(SIGN_IN_BODY_BYTES))).toEqual({ status: 400, code: 'too_deep' });
  });
});

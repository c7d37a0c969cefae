// What a sync request can fail with. Apart from the API client (api.ts, which re-exports them):
// the sync runner is part of the precached shell and sorts failures offline, while the client
// only runs with the network and loads with the engine (issue 13, B1: 1.2 KB of precache).
export class NetworkError extends Error {
  constructor(message: string, public isTimeout = false, cause?: unknown) {
    super(message, { cause });
    this.name = 'NetworkError';
  }
}

export class HttpError extends Error {
  constructor(public status: number, public code: string, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export class AuthError extends HttpError {
  constructor(code: string, message: string) {
    super(401, code, message);
    this.name = 'AuthError';
  }
}

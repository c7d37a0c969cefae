// Body limits of the small /api routes, in bytes (after gzip too). Sign-in, first run and
// joining take no token, so anyone who reaches the port can send them anything: each gets
// room for its largest valid body, with every character escaped as \uXXXX (6 bytes), and
// little more. The route reads its body with its figure (readBody); the body-limit
// middleware in app.ts applies the same figure first (smallRouteLimit), so a longer body is
// refused from its Content-Length, or after that many bytes when it comes chunked.
// Other routes keep the default (1 MB), push its own (4 MB) and photos MAX_FILE_BYTES.

/** POST /login and /setup: username ≤ 64 characters and password ≤ 200 → under 1.7 KB. */
export const SIGN_IN_BODY_BYTES = 4 * 1024;
/** POST /join: code ≤ 40, deviceName ≤ 100 and deviceId ≤ 64 characters → under 1.3 KB. */
export const JOIN_BODY_BYTES = 4 * 1024;
/** POST /units/:unit/enroll: deviceName ≤ 100 and deviceId ≤ 64 characters → under 1.1 KB. */
export const ENROLL_BODY_BYTES = 4 * 1024;
/** POST /units/:unit/invites: {"role": …} → under 100 bytes. */
export const INVITE_BODY_BYTES = 1024;
/**
 * POST /accounts and PUT /accounts/:id/units: up to 500 unit ids; a unit id is a 36-character
 * UUID, so 500 of them are about 20 KB.
 */
export const ACCOUNT_BODY_BYTES = 32 * 1024;

const SMALL_ROUTES: readonly { method: string; path: RegExp; maxBytes: number }[] = [
  { method: 'POST', path: /^\/api\/v1\/(login|setup)$/, maxBytes: SIGN_IN_BODY_BYTES },
  { method: 'POST', path: /^\/api\/v1\/join$/, maxBytes: JOIN_BODY_BYTES },
  { method: 'POST', path: /^\/api\/v1\/units\/[^/]+\/enroll$/, maxBytes: ENROLL_BODY_BYTES },
  { method: 'POST', path: /^\/api\/v1\/units\/[^/]+\/invites$/, maxBytes: INVITE_BODY_BYTES },
  { method: 'POST', path: /^\/api\/v1\/accounts$/, maxBytes: ACCOUNT_BODY_BYTES },
  { method: 'PUT', path: /^\/api\/v1\/accounts\/[^/]+\/units$/, maxBytes: ACCOUNT_BODY_BYTES },
];

/** The small limit of this request's route, or undefined for a route with the default. */
export function smallRouteLimit(method: string, pathname: string): number | undefined {
  return SMALL_ROUTES.find((r) => r.method === method && r.path.test(pathname))?.maxBytes;
}

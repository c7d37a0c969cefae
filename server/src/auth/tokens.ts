// Bearer tokens (account sessions, devices) and invite codes: random on the server, only
// their sha256 stored, so a copy of the database does not hand out access.
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}

/** No 0/O, 1/I/L or U/V look-alikes: read aloud or copied from a screen without mistakes. */
export const INVITE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const INVITE_LENGTH = 10;

/** 10 characters grouped like "K7QX-M2P9-TR" (≈ 49 bits; redemption is rate-limited and one-time). */
export function newInviteCode(): string {
  let raw = '';
  for (let i = 0; i < INVITE_LENGTH; i++) raw += INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** The code as typed (any case, spaces, dashes) → its 10 characters, or null if it cannot be a code. */
export function normalizeInviteCode(typed: string): string | null {
  const raw = typed.toUpperCase().replace(/[\s-]/g, '');
  if (raw.length !== INVITE_LENGTH) return null;
  for (const ch of raw) if (!INVITE_ALPHABET.includes(ch)) return null;
  return raw;
}

// HLC stamps as the server stores them: "13-digit ms:4-digit counter:deviceId" with the ms part
// clamped to server time + 5 minutes (a phone whose clock runs days ahead cannot win every
// conflict for days) and the device part set to the device that pushed (authenticated), so
// that plain string order is (ms, counter, deviceId) order.
import { parseHlc } from '../../../src/lib/hlc';

export const MAX_CLOCK_LEAD_MS = 5 * 60 * 1000;

/**
 * The stamp to store, or null when `stamp` is not an HLC stamp at all (the format of
 * lib/hlc.ts parseHlc, checked by hand: this runs once per pushed mutation).
 */
export function storedStamp(stamp: string, deviceId: string, now: number): string | null {
  if (stamp.length < 20 || stamp.charCodeAt(13) !== 58 || stamp.charCodeAt(18) !== 58) return null;
  for (let i = 0; i < 18; i++) {
    if (i === 13) continue;
    const c = stamp.charCodeAt(i);
    if (c < 48 || c > 57) return null;
  }
  const ms = Number(stamp.slice(0, 13));
  const limit = now + MAX_CLOCK_LEAD_MS;
  if (ms <= limit) return `${stamp.slice(0, 19)}${deviceId}`;
  return `${String(limit).padStart(13, '0')}${stamp.slice(13, 19)}${deviceId}`;
}

/** The device part of a stored stamp ('' for an empty stamp). */
export function stampDevice(stamp: string): string {
  return parseHlc(stamp)?.deviceId ?? '';
}

/** Later stamp wins; stored stamps are canonical, so string order is clock order. */
export function isLater(a: string, b: string): boolean {
  return a > b;
}

// HLC stamps as the server stores them: "13-digit ms:4-digit counter:deviceId" with the ms part
// clamped to server time + 5 minutes (a phone whose clock runs days ahead cannot win every
// conflict for days) and the device part set to the device that pushed (authenticated), so
// that plain string order is (ms, counter, deviceId) order.
import { parseHlc } from '../../../src/lib/hlc';

export const MAX_CLOCK_LEAD_MS = 5 * 60 * 1000;

/** The stamp to store, or null when `stamp` is not an HLC stamp at all. */
export function storedStamp(stamp: string, deviceId: string, now: number): string | null {
  const p = parseHlc(stamp);
  if (!p) return null;
  const ms = Math.min(p.ms, now + MAX_CLOCK_LEAD_MS);
  return `${String(ms).padStart(13, '0')}:${String(p.counter).padStart(4, '0')}:${deviceId}`;
}

/** The device part of a stored stamp ('' for an empty stamp). */
export function stampDevice(stamp: string): string {
  return parseHlc(stamp)?.deviceId ?? '';
}

/** Later stamp wins; stored stamps are canonical, so string order is clock order. */
export function isLater(a: string, b: string): boolean {
  return a > b;
}

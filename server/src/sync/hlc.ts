// HLC stamps as the server stores them: "13-digit ms:4-digit counter:deviceId" with the ms part
// clamped to server time + 5 minutes (a phone whose clock runs days ahead cannot win every
// conflict for days) and the device part set to the device that pushed (authenticated), so
// that plain string order is (ms, counter, deviceId) order. A stamp from an older app with a
// 5–9 digit counter (its 10,000th stamp in one millisecond) is stored as the clock it meant,
// the overflow carried into the ms (lib/hlc.ts), so its outbox still goes through.
import { parseHlc } from '../../../src/lib/hlc';

export const MAX_CLOCK_LEAD_MS = 5 * 60 * 1000;

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The stamp to store, or null when `stamp` is not an HLC stamp at all (the format of
 * lib/hlc.ts parseHlc, checked by hand: this runs once per pushed mutation).
 */
export function storedStamp(stamp: string, deviceId: string, now: number): string | null {
  if (stamp.length < 20 || stamp.charCodeAt(13) !== 58) return null;
  for (let i = 0; i < 13; i++) if (!isDigit(stamp.charCodeAt(i))) return null;
  let end = 14;
  while (end < 24 && isDigit(stamp.charCodeAt(end))) end++;
  if (end < 18 || end > 23 || stamp.charCodeAt(end) !== 58 || end + 1 >= stamp.length) return null;
  const limit = now + MAX_CLOCK_LEAD_MS;
  if (end === 18) {
    const ms = Number(stamp.slice(0, 13));
    if (ms <= limit) return `${stamp.slice(0, 19)}${deviceId}`;
    return `${String(limit).padStart(13, '0')}${stamp.slice(13, 19)}${deviceId}`;
  }
  const counter = Number(stamp.slice(14, end));
  const ms = Math.min(Number(stamp.slice(0, 13)) + Math.floor(counter / 10_000), limit);
  return `${String(ms).padStart(13, '0')}:${String(counter % 10_000).padStart(4, '0')}:${deviceId}`;
}

/** The device part of a stored stamp ('' for an empty stamp). */
export function stampDevice(stamp: string): string {
  return parseHlc(stamp)?.deviceId ?? '';
}

/** Later stamp wins; stored stamps are canonical, so string order is clock order. */
export function isLater(a: string, b: string): boolean {
  return a > b;
}

// Ids are made on the device (DESIGN.md): UUIDv7, time-ordered so new rows sort last
// and index locality stays good.

let lastMs = 0;
let lastSeq = 0;

/**
 * Monotonic within this page (RFC 9562, method 1): ids made in the same millisecond count up
 * in the 12 bits after the time, so "sort by id" is creation order even for two rows written
 * at once (two addenda, a batch).
 */
export function uuidv7(now = Date.now()): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  let t = now;
  let seq: number;
  if (t <= lastMs) {
    t = lastMs;
    seq = lastSeq + 1;
    if (seq > 0xfff) {
      t += 1;
      seq = 0;
    }
  } else {
    seq = b[7] & 0x7f; // random start, leaving room to count up
  }
  lastMs = t;
  lastSeq = seq;
  for (let i = 5; i >= 0; i--) {
    b[i] = t % 256;
    t = Math.floor(t / 256);
  }
  b[6] = 0x70 | (seq >> 8);
  b[7] = seq & 0xff;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

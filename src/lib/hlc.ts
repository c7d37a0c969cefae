// Hybrid logical clock (DESIGN.md sync protocol). Used only to pick a winner between
// concurrent edits of one field; conflicts are detected by base versions, not clocks.
// Format: 13-digit ms, 4-digit counter, device id — strings sort in clock order.
// The counter never passes 9999: the 10,000th stamp within one millisecond (a batch is
// stamped with one `now`: undoing an import of 10,000+ members) moves the clock on by one
// logical millisecond, as HLCs do, so any batch keeps the format the server accepts and the
// order. Apps before that wrote 5+ digit counters (they broke the string order and the server
// refused them): such a stamp or saved state is read as the clock it meant, with the overflow
// carried into the milliseconds.

import { uuidv7 } from './ids';

export interface HlcState {
  ms: number;
  counter: number;
}

const COUNTER_SPAN = 10_000;

/** The same clock with its counter below 10,000 (older apps let it grow). */
function carried(s: HlcState): HlcState {
  return s.counter < COUNTER_SPAN ? s : { ms: s.ms + Math.floor(s.counter / COUNTER_SPAN), counter: s.counter % COUNTER_SPAN };
}

export function nextHlc(prev: HlcState, now: number, deviceId: string): { stamp: string; state: HlcState } {
  const p = carried(prev);
  const state = now > p.ms ? { ms: now, counter: 0 } : p.counter < COUNTER_SPAN - 1 ? { ms: p.ms, counter: p.counter + 1 } : { ms: p.ms + 1, counter: 0 };
  const stamp = `${String(state.ms).padStart(13, '0')}:${String(state.counter).padStart(4, '0')}:${deviceId}`;
  return { stamp, state };
}

/** A stamp's clock and device; an older app's 5–9 digit counter is carried into the ms. */
export function parseHlc(stamp: string): { ms: number; counter: number; deviceId: string } | null {
  const m = /^(\d{13}):(\d{4,9}):(.+)$/.exec(stamp);
  return m ? { ...carried({ ms: +m[1], counter: +m[2] }), deviceId: m[3] } : null;
}

/**
 * The mid of a change stamped `stamp`: the stamp itself, which is unique on this device (the
 * clock never gives a stamp twice) and across devices (it ends with the deviceId), and stays
 * with the change when its seq is renumbered. A random mid beside the stamp cost ~10 bytes a
 * change of gzip on the wire; the same text twice costs a back-reference (issue 13, B6). A
 * stamp too long for a mid (over 64 characters: a deviceId over 45) gets a random one.
 */
export function midOf(stamp: string): string {
  return stamp.length <= 64 ? stamp : uuidv7();
}

// Hybrid logical clock (DESIGN.md sync protocol). Used only to pick a winner between
// concurrent edits of one field; conflicts are detected by base versions, not clocks.
// Format: 13-digit ms, 4-digit counter, device id — strings sort in clock order.

export interface HlcState {
  ms: number;
  counter: number;
}

export function nextHlc(prev: HlcState, now: number, deviceId: string): { stamp: string; state: HlcState } {
  const state = now > prev.ms ? { ms: now, counter: 0 } : { ms: prev.ms, counter: prev.counter + 1 };
  const stamp = `${String(state.ms).padStart(13, '0')}:${String(state.counter).padStart(4, '0')}:${deviceId}`;
  return { stamp, state };
}

export function parseHlc(stamp: string): { ms: number; counter: number; deviceId: string } | null {
  const m = /^(\d{13}):(\d{4}):(.+)$/.exec(stamp);
  return m ? { ms: +m[1], counter: +m[2], deviceId: m[3] } : null;
}

// How the roll's widgets follow RollState without re-rendering the screen around them: each
// subscribes on its own (B4: a tap re-renders the row and the counts, never the list).
import { useLayoutEffect, useState } from 'preact/hooks';
import type { RollState } from './roll-state';

/** Re-renders the calling component on every visible change of the roll (not its parent). */
export function useRollVersion(state: RollState): number {
  const [version, setVersion] = useState(state.version);
  // Subscribed before the first paint: a tap right after the screen appears must not be lost.
  useLayoutEffect(() => state.subscribe(() => setVersion(state.version)), [state]);
  return version;
}

/** Re-renders only when `select(state)` changes (a primitive), e.g. "anyone left unmarked?". */
export function useRollSelect<T extends string | number | boolean>(state: RollState, select: (s: RollState) => T): T {
  const [value, setValue] = useState(() => select(state));
  useLayoutEffect(() => {
    setValue(select(state));
    return state.subscribe(() => setValue(select(state)));
  }, [state]);
  return value;
}

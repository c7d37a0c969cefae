// The sync engine (push, pull, apply: ~5 KB gz) does nothing without the network, so it is not
// precached (vite.config.ts): it loads with the first cycle of a joined phone, and the service
// worker keeps it from then on. A phone used alone or paused never downloads it: those answers
// come from the same first reads the engine itself makes (engine.ts cycleBody). A chunk that
// cannot be fetched counts as no network, so the runner backs off and says "offline".
import { isChunkLoadError } from '../lib/chunk-error';
import { NetworkError } from './errors';
import type { CycleOptions, CycleResult } from './engine';

type Engine = Pick<typeof import('./engine'), 'runCycle'>;

export async function lazyRunCycle(opts: CycleOptions, load: () => Promise<Engine> = () => import('./engine')): Promise<CycleResult> {
  const dev = await opts.db.syncState.get('device');
  if (!dev?.server) return { kind: 'not-joined' };
  if (dev.pausedReason) return { kind: 'paused' };
  let engine: Engine;
  try {
    engine = await load();
  } catch (e) {
    throw isChunkLoadError(e) ? new NetworkError('sync engine not downloaded', false, e) : e;
  }
  return engine.runCycle(opts);
}

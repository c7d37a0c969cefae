// The sync engine is not precached; it loads with the first cycle of a joined phone. A phone
// used alone or paused never downloads it, and an engine that cannot be fetched (offline
// before its first download) is "no network" to the runner, not an error.
import { afterEach, describe, expect, test, vi } from 'vitest';
import { lazyRunCycle } from '../../../src/sync/lazy-engine';
import { NetworkError } from '../../../src/sync/api';
import type { CycleOptions, CycleResult } from '../../../src/sync/engine';
import { dropAllDatabases, makeDevice, type Device } from './devices';

afterEach(dropAllDatabases);

const done: CycleResult = { kind: 'done', pushed: 0, applied: 0, conflicts: 0, rejected: 0, pulled: 0, keptLocal: 0, openConflicts: 0 };
const opts = (d: Device) => ({ db: d.db, localUnitId: d.localUnitId }) as CycleOptions;
const engine = (result: CycleResult = done) => vi.fn(async () => ({ runCycle: vi.fn(async () => result) }));

describe('lazyRunCycle', () => {
  test('a phone that never joined answers "not-joined" without loading the engine', async () => {
    const phone = await makeDevice('alone');
    const load = engine();
    expect(await lazyRunCycle(opts(phone), load)).toEqual({ kind: 'not-joined' });
    expect(load).not.toHaveBeenCalled();
  });

  test('a paused phone (token refused) answers "paused" without loading the engine', async () => {
    const phone = await makeDevice('paused');
    await phone.link({});
    await phone.db.syncState.update('device', { pausedReason: 'auth' });
    const load = engine();
    expect(await lazyRunCycle(opts(phone), load)).toEqual({ kind: 'paused' });
    expect(load).not.toHaveBeenCalled();
  });

  test('a joined phone loads the engine and runs its cycle with the same options', async () => {
    const phone = await makeDevice('joined');
    await phone.link({});
    const runCycle = vi.fn(async () => done);
    const o = opts(phone);
    expect(await lazyRunCycle(o, async () => ({ runCycle }))).toBe(done);
    expect(runCycle).toHaveBeenCalledWith(o);
  });

  test('an engine chunk that cannot be fetched is a NetworkError (the runner backs off, shows "offline"); other errors pass through', async () => {
    const phone = await makeDevice('offline');
    await phone.link({});
    const missing = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://x/assets/engine-1.js'));
    await expect(lazyRunCycle(opts(phone), missing)).rejects.toBeInstanceOf(NetworkError);
    const broken = () => Promise.reject(new SyntaxError('Unexpected token'));
    await expect(lazyRunCycle(opts(phone), broken)).rejects.toBeInstanceOf(SyntaxError);
  });
});

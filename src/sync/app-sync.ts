// The app's one sync runner: started by the top-bar status widget after first paint (so
// Dexie stays out of the shell), fed by local writes, the network and visibility, and
// registered as the flush that runs before an accepted app update.
import { onLocalWrite } from '../data/commit';
import { getCurrentUnitId } from '../data/prefs';
import { activeDb, activeUnitId } from '../data/session';
import { SyncRunner } from './runner';
import type { CycleOptions, CycleResult } from './engine';
import { lazyRunCycle } from './lazy-engine';

let runner: SyncRunner | undefined;

export function appSync(): SyncRunner {
  if (runner) return runner;
  const r = new SyncRunner({
    context: async () => {
      if (!(await getCurrentUnitId())) return null;
      return { db: await activeDb(), localUnitId: await activeUnitId() };
    },
    cycle: cycleThenPhotos,
    onLocalWrite,
    win: window,
    doc: document,
    isOnline: () => navigator.onLine !== false,
  });
  runner = r;
  r.start();
  // A unit was just set up or joined: sync at once (and forget any back-off).
  window.addEventListener('scd:unit-ready', () => r.trigger('online'));
  window.addEventListener('scd:sync-now', () => void r.syncNow());
  // Another tab upgrades the database: this one stops touching it until reloaded.
  window.addEventListener('scd:db-versionchange', () => r.stop());
  void import('../pwa/update').then((m) => m.setBeforeUpdate(() => r.syncNow())).catch(() => undefined);
  setTimeout(catchUpCommittee, COMMITTEE_CATCH_UP_MS);
  return r;
}

/** How long after the runner starts (itself after the first screen) the committee catch-up runs. */
export const COMMITTEE_CATCH_UP_MS = 5_000;

/**
 * A committee change dated later (a seat that ends, a new term) takes effect on its day: the
 * members' positions catch up once after the app starts. The committee's code is not precached
 * (the background download keeps it); in a unit with no term it writes nothing.
 */
export function catchUpCommittee(): Promise<unknown> {
  return import('../features/committee/positions-sync').then((m) => m.catchUpPositions()).catch(() => undefined);
}

/**
 * A record cycle, then (when it went through: joined, online, not paused) the queued photos,
 * in the background: a slow photo never holds up the records, and a failed upload keeps the
 * photo queued (file-sync.ts) without failing the cycle. On Wi-Fi the unit's photos this phone
 * lacks come down after them.
 */
let uploading: Promise<unknown> | undefined;
async function cycleThenPhotos(opts: CycleOptions): Promise<CycleResult> {
  const result = await lazyRunCycle(opts);
  if (result.kind === 'done' && !uploading) {
    uploading = import('./file-sync')
      .then(async (m) => {
        await m.uploadQueuedFiles({ db: opts.db, localUnitId: opts.localUnitId, ignoreBackoff: opts.wait });
        // then, on Wi-Fi, the unit's photos this phone lacks (evidence offline on every phone)
        await m.downloadMissingFiles({ db: opts.db, localUnitId: opts.localUnitId });
      })
      .catch((e: unknown) => console.warn('photo uploads failed', e))
      .finally(() => (uploading = undefined));
  }
  return result;
}

/** "Đồng bộ ngay": waits for another tab's cycle instead of skipping, ignores back-off. */
export function syncNow(): Promise<CycleResult | undefined> {
  return appSync().syncNow();
}

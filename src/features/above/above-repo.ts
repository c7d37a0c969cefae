// The level above on this phone (issue 11): a supervisor account signs in, its phone enrolls
// in every unit the account supervises (and their children) and keeps each in its own
// database, synced one after the other by the existing engine. The account token is only
// needed to list and enroll units; each unit then syncs with its own device token.
import { AuthError, accountApi, type FetchFn } from '../../sync/api';
import { UserError } from '../../lib/user-error';
import { getAbove, setAbove, type AboveSession, type SupervisedUnit } from './registry';
import { enrollUnit, listAccountUnits, unitState, deleteUnitCopy, withUnitDb, type AccountLink } from './unit-link-repo';

export interface SignInInput {
  username: string;
  password: string;
  /** '' = the server that serves the app */
  baseUrl: string;
  fetch?: FetchFn;
}

export interface SyncProgress {
  done: number;
  total: number;
}

export interface AboveSyncResult {
  /** units whose cycle failed, by id, with what went wrong */
  failed: { unitId: string; error: unknown }[];
  /** units no longer listed by the server but kept: their outbox still holds changes */
  keptDropped: SupervisedUnit[];
  /** the server refused the account token: sign in again */
  expired: boolean;
  /** no network: nothing was synced */
  offline: boolean;
}

/** POST /login, then enroll in and sync every unit. An admin account is refused: /admin is theirs. */
export async function signInAbove(input: SignInInput, onProgress?: (p: SyncProgress) => void): Promise<AboveSyncResult> {
  const username = input.username.trim().toLowerCase();
  if (!username || !input.password) throw new UserError('above.errRequired');
  let res: { token: string; role: string };
  try {
    res = await accountApi.login({ baseUrl: input.baseUrl, fetch: input.fetch }, username, input.password);
  } catch (e) {
    if (e instanceof AuthError) throw new UserError('above.errCredentials', e);
    throw e;
  }
  if (res.role === 'admin') throw new UserError('above.errAdmin');
  const prev = await getAbove();
  // Signing in again (token expired, or another account) keeps the units' databases: the
  // next sync re-enrolls each with its device id, and drops those this account does not see.
  const session: AboveSession = {
    baseUrl: input.baseUrl,
    username,
    accountToken: res.token,
    signedInAt: new Date().toISOString(),
    units: prev?.units ?? [],
    ...(prev?.ownUnitId ? { ownUnitId: prev.ownUnitId } : {}),
  };
  await setAbove(session);
  return syncAbove({ fetch: input.fetch, onProgress });
}

/**
 * One round for the level above: list the account's units, enroll the new ones, drop those no
 * longer listed (their database goes only when nothing waits to be sent), then one sync
 * cycle per unit in turn. Offline: nothing happens and the pages read the local copies.
 */
export async function syncAbove(opts: { fetch?: FetchFn; onProgress?: (p: SyncProgress) => void } = {}): Promise<AboveSyncResult> {
  const result: AboveSyncResult = { failed: [], keptDropped: [], expired: false, offline: false };
  const session = await getAbove();
  if (!session) return result;
  const link: AccountLink = { baseUrl: session.baseUrl, accountToken: session.accountToken, username: session.username, fetch: opts.fetch };
  let units = session.units;
  const enrolled = new Set(units.map((u) => u.unitId));
  if (!session.expired) {
    try {
      const listed = await listAccountUnits(link);
      const next: SupervisedUnit[] = listed.map((u) => ({ unitId: u.id, name: u.name, ...(u.parentId ? { parentId: u.parentId } : {}), ...(u.inCharge ? { inCharge: u.inCharge } : {}) }));
      const listedIds = new Set(next.map((u) => u.unitId));
      for (const gone of units.filter((u) => !listedIds.has(u.unitId))) {
        if ((await unitState(gone.unitId)).pending > 0) result.keptDropped.push(gone);
        else await deleteUnitCopy(gone.unitId);
      }
      // Enrolled before or not: enrolling again gives a fresh token for the same device.
      for (const u of next) {
        if (enrolled.has(u.unitId) && !(await unitState(u.unitId)).paused) continue;
        try {
          await enrollUnit(link, u.unitId);
        } catch (e) {
          if (e instanceof AuthError || isOffline(e)) throw e;
          result.failed.push({ unitId: u.unitId, error: e });
        }
      }
      units = [...next, ...result.keptDropped];
      await setAbove({ ...session, units });
    } catch (e) {
      if (e instanceof AuthError) {
        result.expired = true;
        await setAbove({ ...session, expired: true });
      } else if (isOffline(e)) {
        result.offline = true;
        return result;
      } else throw e;
    }
  } else result.expired = true;

  let done = 0;
  opts.onProgress?.({ done, total: units.length });
  // The engine itself, not the shell's lazy-engine: importing that from here would split it
  // out of the precached chunk it sits in (a chunk more in the precache).
  let runCycle: typeof import('../../sync/engine').runCycle;
  try {
    ({ runCycle } = await import('../../sync/engine'));
  } catch {
    return { ...result, offline: true }; // the engine's chunk could not be fetched: no network
  }
  for (const u of units) {
    try {
      await withUnitDb(u.unitId, (db) => runCycle({ db, localUnitId: u.unitId, fetch: opts.fetch, wait: true }));
    } catch (e) {
      if (isOffline(e)) {
        result.offline = true;
        break;
      }
      result.failed.push({ unitId: u.unitId, error: e });
    }
    opts.onProgress?.({ done: ++done, total: units.length });
  }
  return result;
}

function isOffline(e: unknown): boolean {
  return (e as Error)?.name === 'NetworkError';
}

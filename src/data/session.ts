// Which unit this device works in. The unit's database opens lazily (Dexie stays out of
// the shell chunk); the id lives in idb-keyval so the shell can route before Dexie loads.
import { openUnitDb, type UnitDb } from './db';
import { getCurrentUnitId, knownUnitId, setCurrentUnitId } from './prefs';

let unitId: string | undefined;

export async function activeDb(): Promise<UnitDb> {
  // The shell has read the current unit before any screen runs (App.tsx): no second
  // idb-keyval round trip on the cold start's way to the member list (B3).
  unitId ??= knownUnitId() ?? (await getCurrentUnitId());
  if (!unitId) throw new NoUnitError();
  return openUnitDb(unitId);
}

export async function activeUnitId(): Promise<string> {
  unitId ??= knownUnitId() ?? (await getCurrentUnitId());
  if (!unitId) throw new NoUnitError();
  return unitId;
}

export async function switchUnit(id: string): Promise<UnitDb> {
  unitId = id;
  await setCurrentUnitId(id);
  return openUnitDb(id);
}

/** Tests: forget the cached unit id. */
export function resetSession(): void {
  unitId = undefined;
}

export class NoUnitError extends Error {
  constructor() {
    super('No unit has been set up on this device');
  }
}

// Leaving the level above, and moving between its units' books and the phone's own.
import { getCurrentUnitId } from '../../data/prefs';
import { activeDb, switchUnit } from '../../data/session';
import { UserError } from '../../lib/user-error';
import { clearAbove, forgetCurrentUnit, getAbove, setAbove } from './registry';
import { deleteUnitCopy, unitState } from './unit-link-repo';

/** A unit that still has changes waiting to be sent (check-ins, notes…): sign-out waits for it. */
export class UnsentChangesError extends UserError {
  constructor(public unitNames: string[]) {
    super('above.errUnsent');
  }
}

/**
 * Signs the level above out of this phone: refused while any unit has unsent changes (they
 * would be lost); else the registry goes and every supervised unit's copy with it. The
 * phone's own unit stays, and becomes the current one again.
 */
export async function signOutAbove(): Promise<void> {
  const session = await getAbove();
  if (!session) return;
  const unsent: string[] = [];
  for (const u of session.units) if ((await unitState(u.unitId)).pending > 0) unsent.push(u.name);
  if (unsent.length) throw new UnsentChangesError(unsent);
  const current = await getCurrentUnitId();
  const supervised = new Set(session.units.map((u) => u.unitId));
  if (current && supervised.has(current)) {
    // Its database is about to go: close it (the screens start again after sign-out).
    (await activeDb()).close();
    if (session.ownUnitId) await switchUnit(session.ownUnitId);
    else await forgetCurrentUnit();
  }
  for (const u of session.units) await deleteUnitCopy(u.unitId);
  await clearAbove();
}

/**
 * Switches the app to a supervised unit's book (read-only by its role), remembering the
 * phone's own unit the first time, so "Về sổ của …" can switch back.
 */
export async function openUnitBook(unitId: string): Promise<void> {
  const session = await getAbove();
  if (!session?.units.some((u) => u.unitId === unitId)) throw new UserError('above.errUnknownUnit');
  const current = await getCurrentUnitId();
  const isOwn = current && !session.units.some((u) => u.unitId === current);
  if (isOwn && session.ownUnitId !== current) await setAbove({ ...session, ownUnitId: current });
  await switchUnit(unitId);
  announce();
}

/** Back to the phone's own unit's book. */
export async function backToOwnBook(): Promise<void> {
  const own = (await getAbove())?.ownUnitId;
  if (!own) return;
  await switchUnit(own);
  announce();
}

function announce() {
  if (typeof window !== 'undefined') window.dispatchEvent(new Event('scd:unit-ready'));
}

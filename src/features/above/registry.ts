// The level above on this phone (issue 11): which supervisor account signed in here and the
// units it supervises, each kept in its own local database (scd-<unitId>, the server's unit
// id) with a device of role supervisor in its syncState (like a joined phone). Kept in
// idb-keyval: the shell asks "is this a supervisor's phone?" before Dexie loads.
import { del, get, set } from 'idb-keyval';

export interface SupervisedUnit {
  /** the server's unit id, also the local database's */
  unitId: string;
  name: string;
  /** the unit above in the tree, when it is also one of this phone's units */
  parentId?: string;
  /** the cadre in charge (phụ trách) */
  inCharge?: string;
}

export interface AboveSession {
  /** '' = the server that serves the app */
  baseUrl: string;
  username: string;
  /** the account's session token (30 days); device tokens live in each unit's database */
  accountToken: string;
  signedInAt: string;
  units: SupervisedUnit[];
  /** the phone's own unit (a Đoàn cơ sở's secretary who is also cấp trên), remembered when
   * "Mở sổ của đơn vị" switches the app to a supervised unit's book, to switch back */
  ownUnitId?: string;
  /** the server refused the account token (401): sign in again; the unit databases stay */
  expired?: boolean;
}

const KEY = 'above';

export const getAbove = () => get<AboveSession>(KEY);
export const setAbove = (s: AboveSession) => set(KEY, s);
export const clearAbove = () => del(KEY);
/**
 * Forgets which unit this phone works in (data/prefs.ts keeps it under 'currentUnitId', and a
 * copy in localStorage under 'scd:unit' that the shell reads at boot), when the level above
 * signs out of a phone whose only unit was a supervised one. Here and not an import of prefs'
 * own: that would add an export to the precached shell chunk; the app starts again right
 * after, so prefs' in-memory copy does not matter.
 */
export const forgetCurrentUnit = () => {
  try {
    localStorage.removeItem('scd:unit');
  } catch {
    /* storage refused: there is no copy */
  }
  return del('currentUnitId');
};

/** The supervised units, in the order the server listed them; [] on a unit's own phone. */
export async function supervisedUnits(): Promise<SupervisedUnit[]> {
  return (await getAbove())?.units ?? [];
}

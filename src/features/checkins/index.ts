// PROVISIONAL (helper inbox): what other features use from the check-ins — the agreed actions
// still open and those overdue, for the unit's Home card "Cấp trên". The checkins helper owns
// this file; this copy stands until its own lands.
import type { UnitDb } from '../../data/db';

/** The actions agreed at check-ins that are open, and of them those past their date on `today`. */
export async function actionCounts(db: UnitDb, today: string): Promise<{ open: number; overdue: number }> {
  const open = (await db.checkInActions.toArray()).filter((a) => !a.deleted && a.status === 'open');
  return { open: open.length, overdue: open.filter((a) => !!a.dueOn && a.dueOn < today).length };
}

// Supervised units' databases for the inbox tests: each a unit database opened apart with a
// supervisor's device in its syncState (as the level above's phone keeps it), and its report
// rows put as a pull would bring them.
import Dexie from 'dexie';
import { openUnitDbApart, type UnitDb } from '../../../src/data/db';
import { setAbove } from '../../../src/features/above/registry';
import { reportReviewId, reportVersionId } from '../../../src/protocol/report-period';

export async function wipeUnits(): Promise<void> {
  for (const name of await Dexie.getDatabaseNames()) if (name.startsWith('scd-')) await Dexie.delete(name);
}

/** A supervised unit's copy on the level above's phone. Caller closes it. */
export async function supervisedDb(unitId: string, name: string, since = '2025-01-01', role = 'supervisor'): Promise<UnitDb> {
  const db = openUnitDbApart(unitId);
  await db.syncState.put({
    key: 'device', deviceId: `dev-${unitId}`, nextSeq: 1, hlcMs: 0, hlcCounter: 0, cursor: 0, lastAckedSeq: 0,
    server: { baseUrl: '', unitId, unitName: name, role, deviceToken: 'x', joinedAt: '2026-01-01T00:00:00Z' },
  });
  await db.units.put({ id: unitId, unitId, name, kind: 'branch', parentUnit: 'Đoàn phường 7', subGroups: [], rev: {}, deleted: false, createdAt: `${since}T00:00:00Z`, updatedAt: `${since}T00:00:00Z` } as never);
  return db;
}

/** Version n of a report as sent on `day` (its due date frozen in it). */
export async function putVersion(db: UnitDb, reportId: string, version: number, day: string, dueOn: string): Promise<void> {
  const unitId = db.name.slice(4);
  await db.reportVersions.put({ id: reportVersionId(reportId, version), unitId, reportId, version, submittedAt: `${day}T08:00:00.000Z`, dueOn, rev: {}, deleted: false, createdAt: day, updatedAt: day } as never);
  await db.reports.put({ id: reportId, unitId, status: 'submitted', version, rev: {}, deleted: false, createdAt: day, updatedAt: day } as never);
}

export async function putReview(db: UnitDb, reportId: string, version: number, decision: 'received' | 'returned', comment?: string): Promise<void> {
  const unitId = db.name.slice(4);
  await db.reportReviews.put({ id: reportReviewId(reportId, version), unitId, reportId, version, decision, comment, reviewedAt: '2026-04-20T00:00:00Z', rev: {}, deleted: false, createdAt: 'x', updatedAt: 'x' } as never);
}

export async function supervise(units: { unitId: string; name: string }[]): Promise<void> {
  await setAbove({ baseUrl: '', username: 'bt.phuong7', accountToken: 't', signedInAt: '2026-01-01T00:00:00Z', units });
}

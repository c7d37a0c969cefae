// What the level above's screens read: the registry, and from each unit's own database (opened
// beside the current one, closed after) when it last synced and what it has planned.
import { getCurrentUnitId } from '../../data/prefs';
import { getAbove, type AboveSession, type SupervisedUnit } from './registry';
import { hasUnitDb, withUnitDb } from './unit-link-repo';
import { agendaWindow, type AgendaItem } from '../../protocol/above-agenda-rules';

export interface UnitSyncInfo {
  unitId: string;
  lastSyncedAt?: string;
  /** the level above's own changes waiting to be sent (check-ins, notes…) */
  pending: number;
}

export interface AboveOverview {
  session: AboveSession;
  sync: UnitSyncInfo[];
  currentUnitId?: string;
  /** the phone's own unit, when it has one and the app shows another unit's book */
  ownUnitName?: string;
}

export async function aboveOverview(): Promise<AboveOverview | undefined> {
  const session = await getAbove();
  if (!session) return undefined;
  const sync = await Promise.all(session.units.map((u) => unitSyncInfo(u.unitId)));
  const currentUnitId = await getCurrentUnitId();
  const ownUnitName = session.ownUnitId && session.ownUnitId !== currentUnitId ? await unitName(session.ownUnitId) : undefined;
  return { session, sync, currentUnitId, ownUnitName };
}

async function unitSyncInfo(unitId: string): Promise<UnitSyncInfo> {
  if (!(await hasUnitDb(unitId))) return { unitId, pending: 0 };
  return withUnitDb(unitId, async (db) => ({ unitId, lastSyncedAt: (await db.syncState.get('device'))?.lastSyncedAt, pending: await db.outbox.count() }));
}

/** The name a unit's own record gives itself (the phone's own unit is not in the registry). */
async function unitName(unitId: string): Promise<string | undefined> {
  if (!(await hasUnitDb(unitId))) return undefined;
  return withUnitDb(unitId, async (db) => (await db.units.toArray()).find((u) => !u.deleted)?.name);
}

export async function supervisedUnit(unitId: string): Promise<{ unit: SupervisedUnit; parent?: SupervisedUnit; sync: UnitSyncInfo } | undefined> {
  const session = await getAbove();
  const unit = session?.units.find((u) => u.unitId === unitId);
  if (!session || !unit) return undefined;
  const parent = unit.parentId ? session.units.find((u) => u.unitId === unit.parentId) : undefined;
  return { unit, parent, sync: await unitSyncInfo(unitId) };
}

/**
 * Planned meetings and activities of every supervised unit from `today` for `days` days, by
 * date: the level above is invited to their committee meetings and activities.
 */
export async function aboveAgenda(today: string, days = 60): Promise<AgendaItem[]> {
  const units = (await getAbove())?.units ?? [];
  const { from, to } = agendaWindow(today, days);
  const items: AgendaItem[] = [];
  for (const u of units) {
    if (!(await hasUnitDb(u.unitId))) continue;
    await withUnitDb(u.unitId, async (db) => {
      const meetings = await db.meetings.where('startsAt').between(from, `${to}T99`, true, true).toArray();
      for (const m of meetings) if (!m.deleted && m.status === 'planned') items.push({ unitId: u.unitId, unitName: u.name, kind: 'meeting', id: m.id, title: m.title, date: m.startsAt.slice(0, 10), time: m.startsAt.slice(11, 16), place: m.place });
      const activities = await db.activities.where('date').between(from, to, true, true).toArray();
      for (const a of activities) if (!a.deleted && a.status !== 'cancelled') items.push({ unitId: u.unitId, unitName: u.name, kind: 'activity', id: a.id, title: a.title, date: a.date, place: a.place });
    });
  }
  return items.sort((a, b) => (a.date + (a.time ?? '')).localeCompare(b.date + (b.time ?? '')) || a.unitName.localeCompare(b.unitName, 'vi'));
}

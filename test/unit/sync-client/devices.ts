// Simulated phones for the sync tests: each one its own Dexie database over fake-indexeddb,
// with its own device state (deviceId, seq, HLC, cursor), written through the same
// commit + upsertRow path the repos use.
import Dexie from 'dexie';
import { UnitDb, SYNCED_ROW_TABLES, type ServerLink } from '../../../src/data/db';
import { commit } from '../../../src/data/commit';
import { deleteRow, deviceState, upsertRow } from '../../../src/data/outbox';
import type { SyncedTable } from '../../../src/protocol/outbox';

let counter = 0;
const open = new Set<UnitDb>();

export interface Device {
  name: string;
  db: UnitDb;
  localUnitId: string;
  deviceId: string;
  write(table: SyncedTable, id: string, patch: Record<string, unknown>): Promise<void>;
  remove(table: SyncedTable, id: string): Promise<void>;
  link(server: Partial<ServerLink>): Promise<void>;
  close(): void;
}

/** A phone with its own database. `localUnitId` is the id its database is named after. */
export async function makeDevice(name: string, localUnitId = `unit-${name}-${++counter}-${Date.now()}`): Promise<Device> {
  const db = new UnitDb(`scd-${localUnitId}`);
  await db.open();
  open.add(db);
  const dev = await db.transaction('rw', db.syncState, () => deviceState(db));
  return {
    name,
    db,
    localUnitId,
    deviceId: dev.deviceId,
    write: (table, id, patch) =>
      commit(db, [db.table(table)], async () => {
        await upsertRow(db, table, id, localUnitId, patch as never);
      }),
    remove: (table, id) => commit(db, [db.table(table)], () => deleteRow(db, table, id)),
    link: async (server) => {
      await db.syncState.update('device', {
        server: { baseUrl: '', unitId: 'server-unit', unitName: 'Chi đoàn', role: 'secretary', deviceToken: 'token', joinedAt: new Date().toISOString(), ...server },
      });
    },
    close: () => db.close(),
  };
}

/** Deletes every test database (call in afterEach). `onlyUnits`: leave idb-keyval's store (the app's prefs keep it open). */
export async function dropAllDatabases(opts: { onlyUnits?: boolean } = {}): Promise<void> {
  for (const db of open) db.close();
  open.clear();
  for (const name of await Dexie.getDatabaseNames()) if (!opts.onlyUnits || name.startsWith('scd-')) await Dexie.delete(name);
}

/** A row as the server should see it: its fields, versions and tombstone, without local meta. */
export function comparable(row: Record<string, unknown>): Record<string, unknown> {
  const { unitId: _u, updatedAt: _t, ...rest } = row;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = v;
  return out;
}

/** Every synced table of a device, rows sorted by id, comparable. */
export async function snapshot(db: UnitDb): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  for (const t of SYNCED_ROW_TABLES) {
    const rows = (await db.table(t).toArray()) as Record<string, unknown>[];
    out[t] = rows.map(comparable).sort((a, b) => String(a.id).localeCompare(String(b.id)));
  }
  return out;
}

// A fresh unit database for each test: real Dexie over fake-indexeddb.
import Dexie from 'dexie';
import { closeUnitDb } from '../../src/data/db';
import { resetSession } from '../../src/data/session';
import { createUnit } from '../../src/features/setup/unit-repo';

export async function freshUnit(name = 'Chi đoàn Công ty May 30/4') {
  closeUnitDb();
  resetSession();
  for (const db of await Dexie.getDatabaseNames()) if (db.startsWith('scd-')) await Dexie.delete(db);
  return createUnit({ name, kind: 'branch', parentUnit: 'Đoàn phường 7', subGroups: ['Tổ 1', 'Tổ 2'] });
}

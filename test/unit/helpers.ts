// A fresh unit database for each test: real Dexie over fake-indexeddb.
import Dexie from 'dexie';
import { closeUnitDb } from '../../src/data/db';
import { resetSession } from '../../src/data/session';
import { createUnit } from '../../src/features/setup/unit-repo';
import { UserError } from '../../src/lib/user-error';

export async function freshUnit(name = 'Chi đoàn Công ty May 30/4') {
  closeUnitDb();
  resetSession();
  for (const db of await Dexie.getDatabaseNames()) if (db.startsWith('scd-')) await Dexie.delete(db);
  return createUnit({ name, kind: 'branch', parentUnit: 'Đoàn phường 7', subGroups: ['Tổ 1', 'Tổ 2'] });
}

/** The message key of the UserError a write was refused with; fails when it was not refused. */
export async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof UserError) return e.key;
    throw e;
  }
  throw new Error('expected a refusal');
}

// The member list's read (member-queries readMembers): the work that fills IndexedDB's wait is
// called once the rows are asked for, after the database has opened; a database closed for
// another tab's upgrade is not opened again by it (RELIABILITY.md 18).
import { beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { createUnit } from '../../../src/features/setup/unit-repo';
import { createMember } from '../../../src/features/members/members-repo';
import { readMembers } from '../../../src/features/members/member-queries';
import { activeDb, resetSession } from '../../../src/data/session';
import { closeUnitDb } from '../../../src/data/db';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(async () => {
  closeUnitDb();
  resetSession();
  for (const name of await Dexie.getDatabaseNames()) if (name.startsWith('scd-')) await Dexie.delete(name);
  await createUnit({ name: 'Chi đoàn Công ty May 30/4', kind: 'branch', parentUnit: 'Đoàn phường 7', subGroups: [] });
  await createMember({ ...MEMBER_DEFAULTS, fullName: 'Hồ Văn Minh' });
  closeUnitDb();
  resetSession();
});

describe('readMembers', () => {
  it('opens the database first, then asks for the rows, then calls back once', async () => {
    const db = await activeDb();
    expect(db.isOpen()).toBe(false);
    const seen: boolean[] = [];
    const members = await readMembers(() => seen.push(db.isOpen()));
    expect(seen).toEqual([true]);
    expect(members.map((m) => m.fullName)).toEqual(['Hồ Văn Minh']);
  });

  it("does not open again a database closed for another tab's upgrade", async () => {
    const db = await activeDb();
    await db.open();
    db.close(); // what the versionchange handler does (data/db.ts)
    await expect(readMembers(() => undefined)).rejects.toThrow();
    expect(db.isOpen()).toBe(false);
  });
});

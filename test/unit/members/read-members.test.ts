// The member list's read (member-queries readMembers): the live members, opening the database
// on a first read; a database closed for another tab's upgrade is not opened again by it
// (RELIABILITY.md 18).
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
  it('opens the database on a first read and answers the live members', async () => {
    const db = await activeDb();
    expect(db.isOpen()).toBe(false);
    const members = await readMembers();
    expect(db.isOpen()).toBe(true);
    expect(members.map((m) => m.fullName)).toEqual(['Hồ Văn Minh']);
  });

  it("does not open again a database closed for another tab's upgrade", async () => {
    const db = await activeDb();
    await db.open();
    db.close(); // what the versionchange handler does (data/db.ts)
    await expect(readMembers()).rejects.toThrow();
    expect(db.isOpen()).toBe(false);
  });
});

// Issue 8, item 2: every phone of a unit holds the unit's record from its first sync, and edits
// of it reach the other phones. Against the real server on loopback, through the app's own join,
// settings, minutes and backup code (this phone) and a simulated second phone (devices.ts).
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { closeUnitDb, unitDbName } from '../../../src/data/db';
import { clearCurrentUnitId } from '../../../src/data/prefs';
import { activeDb, activeUnitId, resetSession } from '../../../src/data/session';
import { joinUnit } from '../../../src/sync/join-repo';
import { runCycle } from '../../../src/sync/engine';
import { createUnit, getUnit, updateUnit } from '../../../src/features/setup/unit-repo';
import { createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { loadMinutesContext } from '../../../src/features/minutes/minutes-context';
import { buildMinutesDoc } from '../../../src/features/minutes/minutes-document';
import { exportBackup, readBackup, restoreBackup } from '../../../src/features/backup/backup-repo';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';
import { dropAllDatabases, makeDevice } from './devices';
import { startRealServer, type RealServer } from './real-server';

let real: RealServer | undefined;
beforeEach(async () => {
  closeUnitDb();
  resetSession();
  await clearCurrentUnitId();
});
afterEach(async () => {
  closeUnitDb();
  resetSession();
  await real?.close();
  real = undefined;
  await clearCurrentUnitId();
  await dropAllDatabases({ onlyUnits: true });
});

/** This phone's sync cycle, as the app runs it. */
async function syncThisPhone() {
  return runCycle({ db: await activeDb(), localUnitId: await activeUnitId() });
}

async function joinThisPhone(srv: RealServer, role: 'secretary' | 'deputy') {
  return joinUnit({ code: await srv.invite(role), deviceName: 'Điện thoại của Hà', baseUrl: srv.url });
}

const ALONE = {
  name: 'Chi đoàn Xưởng May 2',
  kind: 'branch' as const,
  parentUnit: 'Đoàn xã Tân Phú',
  subGroups: ['Tổ Cắt', 'Tổ May'],
  term: '2024–2027',
  secretaryName: 'Nguyễn Thị Lan',
};

/** This phone wiped (its unit's database and the current unit gone), then a backup file restored on it. */
async function restoreOnWipedPhone(text: string, unitId: string): Promise<void> {
  closeUnitDb();
  resetSession();
  await Dexie.delete(unitDbName(unitId));
  await clearCurrentUnitId();
  const read = await readBackup(text);
  expect(read.ok).toBe(true);
  if (read.ok) await restoreBackup(read.plan.backup);
}

describe('a phone that joins a unit created on the server', () => {
  test('after its first sync: the unit record, the minutes header, a backup that restores', async () => {
    real = await startRealServer();
    const joined = await joinThisPhone(real, 'deputy');
    expect(joined.isNewUnit).toBe(true);
    expect(await syncThisPhone()).toMatchObject({ kind: 'done' });

    expect(await getUnit()).toMatchObject({ id: real.unitId, name: 'Chi đoàn Công ty May 30/4', kind: 'branch', parentUnit: 'Đoàn phường 7', subGroups: [], deleted: false });

    const meeting = await createMeeting({ kind: 'regular', title: 'Sinh hoạt tháng 12', startsAt: '2026-12-06T19:30', guests: [], status: 'planned' } as never);
    const ctx = await loadMinutesContext(meeting.id);
    expect(buildMinutesDoc(ctx!).issuer).toEqual({ parent: 'ĐOÀN PHƯỜNG 7', unit: 'CHI ĐOÀN CÔNG TY MAY 30/4' });

    const exported = await exportBackup('test');
    expect(exported.backup.unit).toMatchObject({ id: real.unitId, name: 'Chi đoàn Công ty May 30/4' });
    expect(exported.fileName).toMatch(/^so-chi-doan-chi-doan-cong-ty-may-30-4-/);
    // the file restores on a wiped phone, with the unit
    await restoreOnWipedPhone(exported.text, real.unitId);
    expect((await getUnit())?.name).toBe('Chi đoàn Công ty May 30/4');
  });

  test('an edit of the unit on one phone reaches the other, both ways', async () => {
    real = await startRealServer();
    await joinThisPhone(real, 'secretary');
    await syncThisPhone();
    const other = await makeDevice('B');
    await real.join(other, 'deputy');
    await real.sync(other);

    await updateUnit({ term: '2025–2027', secretaryName: 'Phạm Thu Hà', subGroups: ['Tổ 1'] });
    expect(await syncThisPhone()).toMatchObject({ kind: 'done', rejected: 0, conflicts: 0 });
    await real.sync(other);
    expect(await other.db.units.get(real.unitId)).toMatchObject({ name: 'Chi đoàn Công ty May 30/4', term: '2025–2027', secretaryName: 'Phạm Thu Hà', subGroups: ['Tổ 1'] });

    await other.write('units', real.unitId, { parentUnit: 'Đoàn phường Bến Thành' });
    await real.sync(other);
    await syncThisPhone();
    expect(await getUnit()).toMatchObject({ parentUnit: 'Đoàn phường Bến Thành', term: '2025–2027' });
    expect(await real.conflicts()).toEqual([]);
  });

  test('the locality printed atop documents reaches the other phone, heads its minutes, and comes back from a backup', async () => {
    real = await startRealServer();
    await joinThisPhone(real, 'secretary');
    await syncThisPhone();
    const other = await makeDevice('B');
    await real.join(other, 'deputy');
    await real.sync(other);

    await updateUnit({ locality: 'Quận 8' });
    expect(await syncThisPhone()).toMatchObject({ kind: 'done', rejected: 0, conflicts: 0 });
    await real.sync(other);
    expect(await other.db.units.get(real.unitId)).toMatchObject({ locality: 'Quận 8' });

    const meeting = await createMeeting({ kind: 'regular', title: 'Sinh hoạt tháng 12', startsAt: '2026-12-06T19:30', place: 'Hội trường tầng 2', guests: [], status: 'planned' } as never);
    expect(buildMinutesDoc((await loadMinutesContext(meeting.id))!).placeDate).toBe('Quận 8, ngày 06 tháng 12 năm 2026');

    await restoreOnWipedPhone((await exportBackup('test')).text, real.unitId);
    expect((await getUnit())?.locality).toBe('Quận 8');
  });
});

describe('a phone set up alone, then joining a unit created on the server', () => {
  test('its details replace the admin’s placeholder without a conflict and reach the other phones', async () => {
    real = await startRealServer();
    const own = await createUnit(ALONE);
    await createMember({ ...MEMBER_DEFAULTS, fullName: 'Trần Văn Đức' });
    const joined = await joinThisPhone(real, 'secretary');
    expect(joined.isNewUnit).toBe(false);
    expect(await syncThisPhone()).toMatchObject({ kind: 'done', rejected: 0, conflicts: 0 });

    // one record, the unit's, with what the secretary typed
    expect(await getUnit()).toMatchObject({ id: real.unitId, ...ALONE });
    const db = await activeDb();
    expect((await db.units.toArray()).map((u) => u.id)).toEqual([real.unitId]);
    expect(await real.conflicts()).toEqual([]);

    const other = await makeDevice('B');
    await real.join(other, 'deputy');
    await real.sync(other);
    expect((await other.db.units.toArray()).map((u) => [u.id, u.name])).toEqual([[real.unitId, ALONE.name]]);

    // its backup names its own database and the unit's record
    const exported = await exportBackup('test');
    expect(exported.backup.unit).toMatchObject({ id: real.unitId, unitId: own.id, name: ALONE.name });
    expect((await readBackup(exported.text)).ok).toBe(true);
  });

  test('when another phone already wrote the record, nothing is lost: the other value is kept as a conflict', async () => {
    real = await startRealServer();
    const first = await makeDevice('B');
    await real.join(first, 'secretary');
    await first.write('units', real.unitId, { name: 'Chi đoàn Công ty May 30/4 (BCH mới)' });
    await real.sync(first);

    await createUnit(ALONE);
    await joinThisPhone(real, 'deputy');
    expect(await syncThisPhone()).toMatchObject({ kind: 'done', rejected: 0 });
    const kept = await real.conflicts();
    expect(kept.map((c) => c.field)).toEqual(['name']);
    expect([kept[0].winnerValue, kept[0].loserValue].sort()).toEqual([ALONE.name, 'Chi đoàn Công ty May 30/4 (BCH mới)'].sort());
    // the fields only this phone had are the unit's now
    expect(await getUnit()).toMatchObject({ id: real.unitId, parentUnit: ALONE.parentUnit, term: ALONE.term, secretaryName: ALONE.secretaryName });
    const db = await activeDb();
    expect(await db.conflicts.count()).toBe(1);
  });
});

describe('a phone of a unit whose record the server copied from this phone’s own row (migration 4)', () => {
  test('reads and edits the unit’s record, not its own old row', async () => {
    const own = await createUnit(ALONE);
    const db = await activeDb();
    const serverUnitId = 'unit-on-server-0001';
    await db.units.put({ ...own, id: serverUnitId, rev: { name: 3, term: 3 } });
    await db.syncState.update('device', {
      server: { baseUrl: '', unitId: serverUnitId, unitName: ALONE.name, role: 'secretary', deviceToken: 'token', joinedAt: new Date().toISOString() },
    });
    expect((await getUnit())?.id).toBe(serverUnitId);
    await updateUnit({ term: '2027–2030' });
    expect((await db.units.get(serverUnitId))?.term).toBe('2027–2030');
    expect((await db.units.get(own.id))?.term).toBe(ALONE.term);
    expect((await exportBackup('test')).backup.unit).toMatchObject({ id: serverUnitId, unitId: own.id });
  });
});

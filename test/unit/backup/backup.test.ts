// Whole-unit backup: a file exported on one device restores the same data on another, and a
// bad file is refused with nothing changed. Real Dexie over fake-indexeddb.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { closeUnitDb, unitDbName, UnitDb } from '../../../src/data/db';
import { activeDb, activeUnitId, resetSession } from '../../../src/data/session';
import { clearCurrentUnitId, getCurrentUnitId } from '../../../src/data/prefs';
import { createUnit } from '../../../src/features/setup/unit-repo';
import { addMemberEvent, archiveMember, createMember } from '../../../src/features/members/members-repo';
import {
  backupFileName,
  exportBackup,
  readBackup,
  restoreBackup,
  SCHEMA_VERSION,
} from '../../../src/features/backup/backup-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { markAttendance } from '../../../src/features/attendance/attendance-repo';
import { savePhoto } from '../../../src/features/photos';
import { BACKUP_TABLES, NOT_IN_BACKUP, parseBackup, type Backup } from '../../../src/protocol/backup';
import { MEMBER_DEFAULTS, type MemberFields } from '../../../src/protocol/member';
import viBackup from '../../../src/i18n/vi/backup.json';
import enBackup from '../../../src/i18n/en/backup.json';


function member(fullName: string, extra: Partial<MemberFields> = {}): MemberFields {
  return { ...MEMBER_DEFAULTS, fullName, ...extra };
}

/** Every table of the active unit, rows sorted by key, for whole-database comparisons. */
async function snapshot() {
  const db = await activeDb();
  const out: Record<string, unknown[]> = {};
  for (const name of [...BACKUP_TABLES, 'syncState']) out[name] = await db.table(name).toArray();
  return out;
}

async function seedUnit() {
  const unit = await createUnit({
    name: 'Chi đoàn Công ty 30/4',
    kind: 'branch',
    parentUnit: 'Đoàn xã Tân Phú',
    subGroups: ['Tổ Sản xuất', 'Tổ Văn phòng'],
    term: '2024–2027',
    secretaryName: 'Nguyễn Thị Lan',
  });
  const lan = await createMember(member('Nguyễn Thị Lan', { position: 'secretary', dateOfBirth: '1998-03-14', subGroup: 'Tổ Văn phòng' }));
  const duc = await createMember(member('Trần Văn Đức', { gender: 'male', phone: '0912 345 678' }));
  await createMember(member('Lê Hoàng Yến', { notes: 'Chuyển từ chi đoàn Xóm Mới' }));
  await addMemberEvent({ memberId: lan.id, kind: 'admission', date: '2014-03-26' });
  await archiveMember(duc.id);
  const meeting = await createMeeting({
    kind: 'regular',
    title: 'Sinh hoạt chi đoàn tháng 3',
    startsAt: '2025-03-26T19:30',
    guests: [{ name: 'Đ/c Hoàng Văn Minh', role: 'Phó Bí thư Đoàn xã' }],
    status: 'held',
  });
  await markAttendance(meeting.id, lan.id, 'present');
  await markAttendance(meeting.id, duc.id, 'absent_excused', 'Đi làm ca');
  return unit;
}

/** A new phone: no unit database, no current unit. */
async function wipeDevice(unitId: string) {
  closeUnitDb();
  resetSession();
  await Dexie.delete(unitDbName(unitId));
  await clearCurrentUnitId();
}

beforeEach(async () => {
  closeUnitDb();
  resetSession();
  await clearCurrentUnitId();
});
afterEach(() => {
  closeUnitDb();
  resetSession();
});

describe('backup round trip', () => {
  it('restores every table of the unit on a fresh device', async () => {
    const unit = await seedUnit();
    const before = await snapshot();
    const { text, fileName, backup } = await exportBackup('0.1.0', new Date(2025, 2, 7));
    expect(fileName).toBe('so-chi-doan-chi-doan-cong-ty-30-4-2025-03-07.json');
    expect(backup.tables.members).toHaveLength(3);
    expect(backup.tables.outbox.length).toBeGreaterThan(0);

    await wipeDevice(unit.id);
    expect(await Dexie.exists(unitDbName(unit.id))).toBe(false);

    const read = await readBackup(text);
    if (!read.ok) throw new Error(`refused: ${read.problem} ${read.at}`);
    expect(read.plan.unitName).toBe('Chi đoàn Công ty 30/4');
    expect(read.plan.memberCount).toBe(3);
    expect(read.plan.existing).toBeUndefined();
    // Reading a file writes nothing.
    expect(await Dexie.exists(unitDbName(unit.id))).toBe(false);

    await restoreBackup(read.plan.backup);
    expect(await getCurrentUnitId()).toBe(unit.id);
    expect(await activeUnitId()).toBe(unit.id);

    const after = await snapshot();
    expect((after.meetings as unknown[]).length).toBe(1);
    expect((after.attendance as unknown[]).length).toBe(2);
    for (const name of BACKUP_TABLES.filter((n) => n !== 'outbox')) {
      expect(after[name], name).toEqual(before[name]);
    }
    // Unsynced changes come along, renumbered under the restored device, same ids.
    const outBefore = before.outbox as { mid: string; seq: number }[];
    const outAfter = after.outbox as { mid: string; seq: number }[];
    expect(outAfter.map((m) => m.mid)).toEqual(outBefore.map((m) => m.mid));
    expect(outAfter.map((m) => m.seq)).toEqual(outAfter.map((_, i) => i + 1));
    // The year screens' digests (derived, not in the file) are made again from every table's
    // rows: a restore that wrote the tables side by side kept one table's part only.
    const db = await activeDb();
    const digests = await db.memberDigests.toArray();
    expect(digests.map((d) => d.id).sort()).toEqual((before.members as { id: string }[]).map((m) => m.id).sort());
    const lan = digests.find((d) => d.member?.fullName === 'Nguyễn Thị Lan')!;
    expect(lan).toMatchObject({ roll: { [(after.meetings as { id: string }[])[0].id]: 'p' } });
    expect(Object.values(lan.events).map((e) => e.kind)).toEqual(['admission']);
    const devBefore = (before.syncState as { deviceId: string }[])[0];
    const devAfter = (after.syncState as { deviceId: string; nextSeq: number; cursor: number }[])[0];
    expect(devAfter.deviceId).not.toBe(devBefore.deviceId);
    expect(devAfter.nextSeq).toBe(outAfter.length + 1);
  });

  it('keeps writing on the restored device with no gap in the outbox sequence', async () => {
    const unit = await seedUnit();
    const { text } = await exportBackup();
    await wipeDevice(unit.id);
    const read = await readBackup(text);
    if (!read.ok) throw new Error(read.problem);
    await restoreBackup(read.plan.backup);

    await createMember(member('Phạm Minh Khoa'));
    const db = await activeDb();
    const seqs = (await db.outbox.orderBy('seq').toArray()).map((m) => m.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(await db.members.count()).toBe(4);
  });

  it('says the unit already has data here, then replaces it when confirmed', async () => {
    const unit = await seedUnit();
    const { text } = await exportBackup();
    const exported = await snapshot();
    await createMember(member('Võ Thị Sáu'));
    await createMember(member('Đặng Văn Ngữ'));

    const read = await readBackup(text);
    if (!read.ok) throw new Error(read.problem);
    expect(read.plan.existing).toEqual({ memberCount: 5, pendingChanges: expect.any(Number) });
    expect(read.plan.existing!.pendingChanges).toBeGreaterThan(exported.outbox.length);
    expect(read.plan.otherCurrentUnit).toBeUndefined();

    await restoreBackup(read.plan.backup);
    const after = await snapshot();
    expect(after.members).toEqual(exported.members);
    expect(after.outbox).toHaveLength(exported.outbox.length);
    expect(await activeUnitId()).toBe(unit.id);
  });

  it('names the other unit this device works in when the backup is of a different unit', async () => {
    const a = await seedUnit();
    const { text } = await exportBackup();
    await wipeDevice(a.id);
    closeUnitDb();
    resetSession();
    await createUnit({ name: 'Chi đoàn Trường THPT Lê Lợi', kind: 'branch', parentUnit: 'Đoàn trường', subGroups: [] });

    const read = await readBackup(text);
    if (!read.ok) throw new Error(read.problem);
    expect(read.plan.otherCurrentUnit).toBe('Chi đoàn Trường THPT Lê Lợi');
    await restoreBackup(read.plan.backup);
    expect(await activeUnitId()).toBe(a.id);
  });
});

describe('a bad file is refused and nothing changes', () => {
  let unitId: string;
  let good: Backup;
  let before: Record<string, unknown[]>;

  beforeEach(async () => {
    unitId = (await seedUnit()).id;
    good = JSON.parse((await exportBackup()).text) as Backup;
    before = await snapshot();
  });

  async function expectRefused(text: string, problem: string) {
    const databasesBefore = await Dexie.getDatabaseNames();
    const read = await readBackup(text);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problem).toBe(problem);
    // The message the user sees exists in both languages.
    expect((viBackup as Record<string, string>)[read.problem]).toBeTruthy();
    expect((enBackup as Record<string, string>)[read.problem]).toBeTruthy();
    expect(await getCurrentUnitId()).toBe(unitId);
    expect(await Dexie.getDatabaseNames()).toEqual(databasesBefore);
    expect(await snapshot()).toEqual(before);
  }

  // The file as any JSON: a refused file can hold anything.
  const mutate = (fn: (b: any) => void) => {
    const b = structuredClone(good);
    fn(b);
    return JSON.stringify(b);
  };

  it('not JSON', () => expectRefused('Họ và tên,Ngày sinh\nNguyễn Văn A,01/01/2000', 'errNotJson'));
  it('JSON without our format marker', () => expectRefused(JSON.stringify({ members: [] }), 'errNotBackup'));
  it('another format marker', () => expectRefused(mutate((b) => (b.format = 'other-app-backup')), 'errNotBackup'));
  it('an empty file', () => expectRefused('', 'errNotJson'));
  it('a newer format version', () => expectRefused(mutate((b) => (b.formatVersion = 2)), 'errNewerFormat'));
  it('a newer database schema', () => expectRefused(mutate((b) => (b.schemaVersion = SCHEMA_VERSION + 1)), 'errNewerSchema'));
  it('a member without a name', () => expectRefused(mutate((b) => delete b.tables.members[1].fullName), 'errInvalid'));
  it('a member with an impossible date', () =>
    expectRefused(mutate((b) => (b.tables.members[0].dateOfBirth = '2003-02-30')), 'errInvalid'));
  it('an outbox entry of an unknown table', () =>
    expectRefused(mutate((b) => (b.tables.outbox[0].table = 'passwords')), 'errInvalid'));
  it('a missing table', () => expectRefused(mutate((b) => delete b.tables.memberEvents), 'errInvalid'));
  it('a row of another unit', () =>
    expectRefused(mutate((b) => (b.tables.members[2].unitId = '0190aaaa-0000-7000-8000-000000000000')), 'errInconsistent'));
  it('two members with one id', () =>
    expectRefused(mutate((b) => (b.tables.members[1].id = b.tables.members[0].id)), 'errInconsistent'));

  it('points at the offending record', () => {
    const res = parseBackup(mutate((b) => (b.tables.members[2].email = 'not-an-email')));
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.at).toBe('tables.members.2.email');
      expect(res.detail).toBe('err.email');
    }
  });

  it('a restore that fails half-way rolls back whole', async () => {
    // Bypass validation to force a constraint error inside the transaction.
    const broken = structuredClone(good);
    broken.tables.memberEvents.push(broken.tables.memberEvents[0]);
    await expect(restoreBackup(broken)).rejects.toThrow();
    closeUnitDb();
    resetSession();
    expect(await snapshot()).toEqual(before);
  });

  it('a failed restore of a new unit leaves no empty database behind', async () => {
    const broken = structuredClone(good);
    const otherId = '0190bbbb-0000-7000-8000-000000000000';
    broken.unit = { ...broken.unit, id: otherId, unitId: otherId };
    broken.tables.units = [broken.unit];
    broken.tables.members = broken.tables.members.map((m) => ({ ...m, unitId: otherId }));
    broken.tables.members.push(broken.tables.members[0]);
    await expect(restoreBackup(broken)).rejects.toThrow();
    expect(await Dexie.exists(unitDbName(otherId))).toBe(false);
    expect(await getCurrentUnitId()).toBe(unitId);
  });
});

describe('what a backup holds', () => {
  it('every table of the unit database except the device state and the photos\' bytes (those waiting travel in `photos`)', () => {
    // Fails when a table is added to db.ts but not to the backup: its data would not survive.
    const dbTables = new UnitDb('scd-table-list').tables.map((t) => t.name).filter((n) => !(NOT_IN_BACKUP as readonly string[]).includes(n));
    expect([...BACKUP_TABLES].sort()).toEqual(dbTables.sort());
  });

  it('a file from schema 1 (no meeting tables yet) still restores', async () => {
    const unit = await seedUnit();
    const b = JSON.parse((await exportBackup()).text);
    for (const name of ['meetings', 'activities', 'attendance', 'minutes', 'minutesAddenda']) delete b.tables[name];
    b.tables.outbox = b.tables.outbox.filter((m: { table: string }) => !['meetings', 'attendance'].includes(m.table));
    b.schemaVersion = 1;
    await wipeDevice(unit.id);
    const read = await readBackup(JSON.stringify(b));
    if (!read.ok) throw new Error(`${read.problem} ${read.at}`);
    await restoreBackup(read.plan.backup);
    const db = await activeDb();
    expect(await db.members.count()).toBe(3);
    expect(await db.meetings.count()).toBe(0);
  });
});

describe('device-side records', () => {
  it('conflicts keep every field, including ones this schema does not name', async () => {
    const unit = await seedUnit();
    const db = await activeDb();
    const memberId = (await db.members.toCollection().first())!.id;
    const conflict = {
      id: '0190cccc-0000-7000-8000-000000000001',
      table: 'members',
      rowId: memberId,
      field: 'phone',
      mine: '0912 000 111',
      theirs: '0988 222 333',
      at: '2025-03-01T08:00:00.000Z',
      winnerValue: '0988 222 333',
      loserValue: '0912 000 111',
    };
    await db.conflicts.add(conflict as never);
    const { text } = await exportBackup();
    await wipeDevice(unit.id);
    const read = await readBackup(text);
    if (!read.ok) throw new Error(`${read.problem} ${read.at}`);
    await restoreBackup(read.plan.backup);
    expect(await (await activeDb()).conflicts.toArray()).toEqual([conflict]);
  });
});

describe('backupFileName', () => {
  it('is plain ASCII with the date', () => {
    expect(backupFileName('Chi đoàn Khu phố Đông Hòa', new Date(2025, 11, 1))).toBe(
      'so-chi-doan-chi-doan-khu-pho-dong-hoa-2025-12-01.json',
    );
    expect(backupFileName('!!!', new Date(2025, 0, 9))).toBe('so-chi-doan-don-vi-2025-01-09.json');
  });
});

describe('photos in a backup', () => {
  const jpeg = (seed: number) => {
    const bytes = new Uint8Array(30_000).map((_, i) => (i * 31 + seed) % 251);
    bytes.set([0xff, 0xd8, 0xff, 0xe0], 0);
    return new Blob([bytes], { type: 'image/jpeg' });
  };

  it('carries the bytes of photos still waiting to upload, and a restore queues them again; uploaded ones stay out', async () => {
    const unit = await seedUnit();
    const waiting = await savePhoto(jpeg(1));
    const uploaded = await savePhoto(jpeg(2));
    await (await activeDb()).fileUploads.delete(uploaded); // as file-sync.ts does once the server has it
    const { text, backup } = await exportBackup();
    expect(backup.photos.map((p) => p.sha256)).toEqual([waiting]);
    expect(backup.tables.fileUploads.map((q) => q.sha256)).toEqual([waiting]);
    expect(backup.tables.fileRefs.map((r) => r.id).sort()).toEqual([waiting, uploaded].sort());

    await wipeDevice(unit.id);
    const read = await readBackup(text);
    if (!read.ok) throw new Error(`refused: ${read.problem} ${read.at}`);
    await restoreBackup(read.plan.backup);
    const db = await activeDb();
    expect(await db.fileUploads.toArray()).toMatchObject([{ sha256: waiting, attempts: 0 }]);
    const kept = await db.fileBlobs.get(waiting);
    expect(new Uint8Array(await kept!.blob.arrayBuffer())).toEqual(new Uint8Array(await jpeg(1).arrayBuffer()));
    // the uploaded one is fetched from the server when someone opens it
    expect(await db.fileBlobs.get(uploaded)).toBeUndefined();
  });

  it('refuses a file whose photo does not match its hash, or a queued photo without its bytes, changing nothing', async () => {
    const unit = await seedUnit();
    await savePhoto(jpeg(3));
    const good = JSON.parse((await exportBackup()).text) as Backup;
    const tampered = structuredClone(good);
    tampered.photos[0].data = btoa('\xff\xd8\xff\xe0 another picture');
    const read = await readBackup(JSON.stringify(tampered));
    expect(read).toMatchObject({ ok: false, problem: 'errInconsistent', at: 'photos.0' });
    const orphan = structuredClone(good);
    orphan.photos = [];
    expect(await readBackup(JSON.stringify(orphan))).toMatchObject({ ok: false, problem: 'errInconsistent', at: 'tables.fileUploads.0.sha256' });
    const notBase64 = structuredClone(good);
    notBase64.photos[0].data = 'not base64!';
    expect(await readBackup(JSON.stringify(notBase64))).toMatchObject({ ok: false, problem: 'errInvalid' });
    await expect(restoreBackup(tampered)).rejects.toThrow();
    expect(await getCurrentUnitId()).toBe(unit.id);
    expect(await (await activeDb()).fileUploads.count()).toBe(1);
  });
});

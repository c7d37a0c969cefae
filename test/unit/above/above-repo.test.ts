// The level above's phone against the real server on loopback (issue 11): a supervisor account
// signs in, the phone enrolls in every unit it supervises (children included), pulls each into
// its own database, enrolls a unit assigned later, drops one no longer listed (kept while it
// has unsent changes), survives an expired account token, and signs out.
import { randomUUID } from 'node:crypto';
import Dexie from 'dexie';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, joinDevice, memberId, newMember, startTestSyncServer, adminToken, type TestServer } from '../sync-server/helpers';
import { signInAbove, syncAbove } from '../../../src/features/above/above-repo';
import { openUnitBook, backToOwnBook, signOutAbove, UnsentChangesError } from '../../../src/features/above/above-session-repo';
import { aboveAgenda, aboveOverview } from '../../../src/features/above/above-queries';
import { clearAbove, getAbove, setAbove } from '../../../src/features/above/registry';
import { openUnitDbApart, closeUnitDb } from '../../../src/data/db';
import { getCurrentUnitId, clearCurrentUnitId } from '../../../src/data/prefs';
import { resetSession } from '../../../src/data/session';
import { commit } from '../../../src/data/commit';
import { upsertRow } from '../../../src/data/outbox';
import { freshUnit } from '../helpers';
import { refusal } from '../helpers';
import type { FetchFn } from '../../../src/sync/api';

let t: TestServer;
let admin: string;
beforeAll(async () => {
  t = await startTestSyncServer();
  admin = await adminToken(t.api);
});
afterAll(async () => t?.close());

beforeEach(async () => {
  closeUnitDb();
  resetSession();
  await clearAbove();
  await clearCurrentUnitId();
  for (const name of await Dexie.getDatabaseNames()) if (name.startsWith('scd-')) await Dexie.delete(name);
});

const PASSWORD = 'mat-khau-dai-1';

/** A parent with two chi đoàn under it, and a supervisor account assigned the parent. */
async function tree() {
  const parent = expectOk(await t.api.post('/units', { name: 'Đoàn phường 7' }, admin), 201).id as string;
  const a = expectOk(await t.api.post('/units', { name: 'Chi đoàn khu phố 1', parentId: parent, inCharge: 'Đ/c Lan' }, admin), 201).id as string;
  const b = expectOk(await t.api.post('/units', { name: 'Chi đoàn khu phố 2', parentId: parent }, admin), 201).id as string;
  const username = `sup-${randomUUID().slice(0, 8)}`;
  expectOk(await t.api.post('/accounts', { username, password: PASSWORD, role: 'supervisor', unitIds: [parent] }, admin), 201);
  return { parent, a, b, username };
}

const readDevice = async (unitId: string) => {
  const db = openUnitDbApart(unitId);
  try {
    return { dev: await db.syncState.get('device'), members: await db.members.toArray(), outbox: await db.outbox.count() };
  } finally {
    db.close();
  }
};

describe('the level above on a phone', () => {
  it('signs in, enrolls in each unit of the tree with its own device, and pulls the units', async () => {
    const { parent, a, b, username } = await tree();
    const phone = await joinDevice(t.api, admin, a, 'secretary');
    phone.upsert('members', memberId(), newMember('Nguyễn Thị Hoa'));
    await phone.sync();

    const seen: string[] = [];
    const res = await signInAbove({ baseUrl: t.url, username: username.toUpperCase(), password: PASSWORD }, (p) => seen.push(`${p.done}/${p.total}`));
    expect(res).toMatchObject({ failed: [], expired: false, offline: false });
    expect(seen).toEqual(['0/3', '1/3', '2/3', '3/3']);
    const session = await getAbove();
    expect(session?.username).toBe(username);
    expect(session?.units.map((u) => u.unitId).sort()).toEqual([parent, a, b].sort());
    expect(session?.units.find((u) => u.unitId === a)).toMatchObject({ name: 'Chi đoàn khu phố 1', parentId: parent, inCharge: 'Đ/c Lan' });

    const [pa, pb] = [await readDevice(a), await readDevice(b)];
    expect(pa.dev?.server).toMatchObject({ baseUrl: t.url, unitId: a, unitName: 'Chi đoàn khu phố 1', role: 'supervisor' });
    expect(pa.dev?.deviceId).not.toBe(pb.dev?.deviceId);
    expect(pa.dev?.lastSyncedAt).toBeTruthy();
    expect(pa.members.map((m) => m.fullName)).toEqual(['Nguyễn Thị Hoa']);
    expect(pb.members).toEqual([]);
  });

  it('refuses an admin account and a wrong password, and keeps nothing', async () => {
    const { username } = await tree();
    expect(await refusal(signInAbove({ baseUrl: t.url, username: 'admin', password: 'mật khẩu an toàn' }))).toBe('above.errAdmin');
    expect(await refusal(signInAbove({ baseUrl: t.url, username, password: 'sai-mat-khau' }))).toBe('above.errCredentials');
    expect(await getAbove()).toBeUndefined();
  });

  it('enrolls a unit assigned later, drops one no longer listed unless its changes wait', async () => {
    const { parent, a, b, username } = await tree();
    await signInAbove({ baseUrl: t.url, username, password: PASSWORD });
    const c = expectOk(await t.api.post('/units', { name: 'Chi đoàn khu phố 3', parentId: parent }, admin), 201).id as string;

    // The server stops listing a and b; a has a check-in the level above wrote and never sent.
    const db = openUnitDbApart(a);
    await commit(db, [db.checkIns], () => upsertRow(db, 'checkIns', 'ci-1', a, { date: '2026-10-15', attendees: 'Bí thư', findings: 'Tốt' } as never));
    db.close();
    const hiding: FetchFn = async (input, init) => {
      const res = await fetch(input, init);
      if (!input.endsWith('/api/v1/units') || init?.method !== 'GET') return res;
      const units = ((await res.json()) as { id: string }[]).filter((u) => u.id !== a && u.id !== b);
      return new Response(JSON.stringify(units), { status: 200, headers: { 'Content-Type': 'application/json' } });
    };
    const res = await syncAbove({ fetch: hiding });
    expect(res.keptDropped.map((u) => u.unitId)).toEqual([a]);
    const ids = (await getAbove())?.units.map((u) => u.unitId);
    expect(ids?.sort()).toEqual([parent, c, a].sort());
    expect((await readDevice(c)).dev?.server?.role).toBe('supervisor');
    const names = await Dexie.getDatabaseNames();
    expect(names).toContain(`scd-${a}`);
    expect(names).not.toContain(`scd-${b}`);
  });

  it('an expired account token asks to sign in again; the units stay and signing in again re-enrolls the same devices', async () => {
    const { a, username } = await tree();
    await signInAbove({ baseUrl: t.url, username, password: PASSWORD });
    const before = (await readDevice(a)).dev;
    await setAbove({ ...(await getAbove())!, accountToken: 'not-a-token' });
    const res = await syncAbove();
    expect(res.expired).toBe(true);
    expect((await getAbove())?.expired).toBe(true);
    expect((await readDevice(a)).dev?.lastSyncedAt).toBeTruthy();

    await signInAbove({ baseUrl: t.url, username, password: PASSWORD });
    expect((await getAbove())?.expired).toBeUndefined();
    const after = (await readDevice(a)).dev;
    expect(after?.deviceId).toBe(before?.deviceId);
  });

  it("opens a unit's book, goes back to the phone's own, and signs out only when nothing waits", async () => {
    const own = await freshUnit('Chi đoàn Công ty May 30/4');
    const { a, username } = await tree();
    await signInAbove({ baseUrl: t.url, username, password: PASSWORD });
    await openUnitBook(a);
    expect(await getCurrentUnitId()).toBe(a);
    expect((await getAbove())?.ownUnitId).toBe(own.id);
    expect((await aboveOverview())?.ownUnitName).toBe('Chi đoàn Công ty May 30/4');
    await backToOwnBook();
    expect(await getCurrentUnitId()).toBe(own.id);

    const db = openUnitDbApart(a);
    await commit(db, [db.checkIns], () => upsertRow(db, 'checkIns', 'ci-2', a, { date: '2026-10-15', attendees: 'Bí thư', findings: 'Tốt' } as never));
    db.close();
    await openUnitBook(a);
    const err = await signOutAbove().catch((e) => e);
    expect(err).toBeInstanceOf(UnsentChangesError);
    expect(err.unitNames).toEqual(['Chi đoàn khu phố 1']);

    await syncAbove(); // the check-in goes up
    expect((await readDevice(a)).outbox).toBe(0);
    await signOutAbove();
    expect(await getAbove()).toBeUndefined();
    expect(await getCurrentUnitId()).toBe(own.id);
    const names = await Dexie.getDatabaseNames();
    expect(names).toContain(`scd-${own.id}`);
    expect(names).not.toContain(`scd-${a}`);
  });

  it("lists the units' planned meetings and activities of the next 60 days, by date", async () => {
    const { a, b, username } = await tree();
    const pa = await joinDevice(t.api, admin, a, 'secretary');
    pa.upsert('meetings', memberId(), { kind: 'committee', title: 'Họp BCH tháng 11', startsAt: '2026-11-05T19:30', status: 'planned', guests: [] });
    pa.upsert('meetings', memberId(), { kind: 'regular', title: 'Sinh hoạt đã họp', startsAt: '2026-11-01T19:30', status: 'held', guests: [] });
    pa.upsert('meetings', memberId(), { kind: 'regular', title: 'Quá xa', startsAt: '2027-03-01T19:30', status: 'planned', guests: [] });
    expect((await pa.sync()).map((r) => r.error ?? r.status)).toEqual(['applied', 'applied', 'applied']);
    const pb = await joinDevice(t.api, admin, b, 'secretary');
    pb.upsert('activities', memberId(), { kind: 'green_sunday', title: 'Ngày Chủ nhật xanh', date: '2026-11-02', status: 'planned' });
    expect((await pb.sync()).map((r) => r.error ?? r.status)).toEqual(['applied']);
    await signInAbove({ baseUrl: t.url, username, password: PASSWORD });
    const items = await aboveAgenda('2026-10-20');
    expect(items.map((i) => [i.date, i.title, i.unitName])).toEqual([
      ['2026-11-02', 'Ngày Chủ nhật xanh', 'Chi đoàn khu phố 2'],
      ['2026-11-05', 'Họp BCH tháng 11', 'Chi đoàn khu phố 1'],
    ]);
  });
});

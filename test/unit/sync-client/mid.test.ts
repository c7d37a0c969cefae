// A change's mid is its HLC stamp (lib/hlc.ts midOf, issue 13 B6 push bytes): unique per
// change on a device and across devices, and the server takes it like any mid.
import { afterEach, expect, test } from 'vitest';
import { commit } from '../../../src/data/commit';
import { upsertRows } from '../../../src/data/outbox';
import { midOf, nextHlc } from '../../../src/lib/hlc';
import { dropAllDatabases, makeDevice } from './devices';
import { startRealServer } from './real-server';

afterEach(dropAllDatabases);

test('the stamp is the mid when it fits one (8–64 characters); a longer one gets a random mid', () => {
  const { stamp } = nextHlc({ ms: 0, counter: 0 }, 1_765_000_000_000, '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b');
  expect(midOf(stamp)).toBe(stamp);
  const long = nextHlc({ ms: 0, counter: 0 }, 1_765_000_000_000, 'd'.repeat(60)).stamp;
  const [m1, m2] = [midOf(long), midOf(long)];
  expect(m1).not.toBe(m2);
  for (const m of [m1, m2]) expect(m.length).toBeGreaterThanOrEqual(8), expect(m.length).toBeLessThanOrEqual(64);
});

test("a batch of writes: each entry's mid is its stamp, none twice; the server applies them and answers each by it", async () => {
  const real = await startRealServer();
  try {
    const phone = await makeDevice('A');
    await real.join(phone, 'secretary');
    const items = Array.from({ length: 300 }, (_, i) => ({ id: `member-${String(i).padStart(6, '0')}`, patch: { fullName: `Đoàn viên ${i}`, status: 'active', position: 'member' } }));
    await commit(phone.db, [phone.db.members], () => upsertRows(phone.db, 'members', phone.localUnitId, items as never));
    const outbox = await phone.db.outbox.toArray();
    expect(outbox.every((e) => e.mid === e.hlc)).toBe(true);
    expect(new Set(outbox.map((e) => e.mid)).size).toBe(300);
    const result = await real.sync(phone);
    expect(result).toMatchObject({ kind: 'done', applied: 300, rejected: 0 });
    expect(await phone.db.outbox.count()).toBe(0);
  } finally {
    await real.close();
  }
});

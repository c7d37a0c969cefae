// Issue 8, item 4: one batch of more than 10,000 changes (an import of 10,050 members, all
// stamped with one `now`) goes to the real server whole: every stamp is in today's format,
// the outbox's stamps sort in seq order, and the server applies every one (none refused as
// err.hlc into "needs attention").
import { afterEach, expect, test } from 'vitest';
import { commit } from '../../../src/data/commit';
import { upsertRows } from '../../../src/data/outbox';
import { dropAllDatabases, makeDevice } from './devices';
import { startRealServer } from './real-server';

afterEach(dropAllDatabases);

test('an import of 10,050 members in one batch: stamps in order, the server applies them all', async () => {
  const real = await startRealServer();
  try {
    const phone = await makeDevice('A');
    await real.join(phone, 'secretary');
    const items = Array.from({ length: 10_050 }, (_, i) => ({
      id: `member-${String(i).padStart(6, '0')}`,
      patch: { fullName: `Đoàn viên ${i}`, status: 'active', subGroup: '', position: 'member' },
    }));
    await commit(phone.db, [phone.db.members], () => upsertRows(phone.db, 'members', phone.localUnitId, items as never));
    const outbox = await phone.db.outbox.orderBy('seq').toArray();
    expect(outbox).toHaveLength(10_050);
    const unordered = outbox.filter((e, i) => i > 0 && !(e.hlc > outbox[i - 1].hlc));
    expect(unordered.map((e) => e.hlc).slice(0, 2)).toEqual([]);
    expect(outbox.every((e) => /^\d{13}:\d{4}:/.test(e.hlc))).toBe(true);

    const result = await real.sync(phone);
    expect(result).toMatchObject({ kind: 'done', rejected: 0 });
    expect(await phone.db.needsAttention.count()).toBe(0);
    expect(await phone.db.outbox.count()).toBe(0);
  } finally {
    await real.close();
  }
}, 120_000);

test('changes an older app stamped with a 5-digit counter: waiting ones are applied, refused ones are sent again by themselves', async () => {
  const real = await startRealServer();
  try {
    const phone = await makeDevice('A');
    const other = await makeDevice('B');
    await real.join(phone, 'secretary');
    await real.join(other, 'deputy');
    await phone.write('members', 'member-waiting', { fullName: 'Lê Văn Chờ', status: 'active' });
    await phone.write('members', 'member-refused', { fullName: 'Trần Thị Từ Chối', status: 'active' });
    const [waiting, refused] = await phone.db.outbox.orderBy('seq').toArray();
    const legacy = (e: { hlc: string }) => e.hlc.replace(/:\d{4}:/, ':10007:');
    // still in the outbox with an old stamp; and one the old server had refused (err.hlc)
    await phone.db.outbox.update(waiting.seq, { hlc: legacy(waiting) });
    await phone.db.transaction('rw', phone.db.outbox, phone.db.needsAttention, async () => {
      await phone.db.outbox.delete(refused.seq);
      await phone.db.needsAttention.put({ mid: refused.mid, mutation: { ...refused, hlc: legacy(refused) }, reason: 'err.hlc', at: new Date().toISOString() });
    });
    // the old server answered the refused seq, so the device's next seq follows it
    await real.sync(phone);
    expect(await phone.db.needsAttention.count()).toBe(0);
    expect(await phone.db.outbox.count()).toBe(0);
    await real.sync(other);
    const names = (await other.db.members.toArray()).map((m) => m.fullName).sort();
    expect(names).toEqual(['Lê Văn Chờ', 'Trần Thị Từ Chối']);
  } finally {
    await real.close();
  }
});

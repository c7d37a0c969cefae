// Home's "Cấp trên" card is the unit's: a phone linked to a server shows the way to the notes;
// a supervisor browsing the unit's book, or a viewer, gets no card (nothing they could clear).
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { isEmpty, loadAboveCard } from '../../../src/features/inbox/home-card-queries';

const guidance = { id: 'g1-thread-id', threadId: 'g1-thread-id', kind: 'guidance', from: 'above', body: 'Hướng dẫn', at: '2026-03-01T00:00:00Z', unitId: 'u', rev: {}, deleted: false, createdAt: 'x', updatedAt: 'x' };

async function linkAs(role: string) {
  const db = await activeDb();
  const dev = await db.syncState.get('device');
  await db.syncState.put({ ...(dev ?? { key: 'device', deviceId: 'd', nextSeq: 1, hlcMs: 0, hlcCounter: 0, cursor: 0, lastAckedSeq: 0 }), server: { baseUrl: '', unitId: 'u', unitName: 'U', role, deviceToken: 'x', joinedAt: 'x' } });
}

beforeEach(async () => {
  await freshUnit();
  await (await activeDb()).unitNotes.put(guidance as never);
});

describe('Home card "Cấp trên"', () => {
  it('shows unread guidance on the unit’s phone, with the way to the notes once linked', async () => {
    const alone = await loadAboveCard('2026-03-02');
    expect(alone).toMatchObject({ linked: false, guidance: [{ id: 'g1-thread-id' }] });
    await linkAs('secretary');
    const linked = await loadAboveCard('2026-03-02');
    expect(linked.linked).toBe(true);
    await (await activeDb()).unitNotes.update('g1-thread-id', { readAt: '2026-03-02T00:00:00Z' });
    const read = await loadAboveCard('2026-03-02');
    expect(read.guidance).toEqual([]);
    expect(isEmpty(read)).toBe(false); // the way to ask stays
  });

  it('is nothing for a supervisor browsing the book or a viewer', async () => {
    for (const role of ['supervisor', 'viewer']) {
      await linkAs(role);
      expect(isEmpty(await loadAboveCard('2026-03-02'))).toBe(true);
    }
  });
});

// Notes both ways over real Dexie: the level above writes guidance on its copy of the unit, the
// unit asks on its own database; each side answers in the thread; opening a thread marks the
// other side's notes read (and only those); a viewer reads without writing.
import { beforeEach, describe, expect, it } from 'vitest';
import { refusal } from '../helpers';
import { markThreadRead, reply, startThread } from '../../../src/features/inbox/notes-repo';
import { threadsOf } from '../../../src/protocol/note-rules';
import { supervisedDb, wipeUnits } from './fixture';
import type { UnitDb } from '../../../src/data/db';
import type { UnitNote } from '../../../src/protocol/oversight';

beforeEach(wipeUnits);

/** What a sync does between the two copies: the rows of one put into the other. */
async function carry(from: UnitDb, to: UnitDb) {
  await to.unitNotes.bulkPut(await from.unitNotes.toArray());
}

describe('notes', () => {
  it('guidance from above, read by the unit; a question from the unit, answered in its thread', async () => {
    const above = await supervisedDb('u-a', 'Chi đoàn A');
    const unit = await supervisedDb('u-a-phone', 'Chi đoàn A', '2025-01-01', 'secretary');
    const g = await startThread(above, 'Tổ chức Ngày hội đoàn viên trước 26/3.', 'bt.phuong7', new Date('2026-03-01T08:00:00Z'));
    expect(g).toMatchObject({ threadId: g.id, kind: 'guidance', from: 'above', authorName: 'bt.phuong7', unitId: 'u-a' });
    await carry(above, unit);
    expect(threadsOf(await unit.unitNotes.toArray(), 'unit')[0].unread).toBe(1);
    expect(await markThreadRead(unit, g.id, new Date('2026-03-02T08:00:00Z'))).toBe(1);
    expect((await unit.unitNotes.get(g.id))?.readAt).toBe('2026-03-02T08:00:00.000Z');
    expect(await markThreadRead(unit, g.id)).toBe(0);

    const q = await startThread(unit, 'Xin ý kiến về kinh phí hoạt động hè.', undefined, new Date('2026-03-03T08:00:00Z'));
    expect(q).toMatchObject({ kind: 'question', from: 'unit', threadId: q.id });
    await carry(unit, above);
    const a = await reply(above, q.id, 'Đoàn phường hỗ trợ 2 triệu đồng.', 'bt.phuong7', new Date('2026-03-04T08:00:00Z'));
    expect(a).toMatchObject({ threadId: q.id, kind: 'reply', from: 'above' });
    // answering marks the question read by the level above
    expect((await above.unitNotes.get(q.id))?.readAt).toBe('2026-03-04T08:00:00.000Z');
    await carry(above, unit);
    const threads = threadsOf(await unit.unitNotes.toArray(), 'unit');
    expect(threads.map((t) => [t.kind, t.notes.length, t.unread])).toEqual([['question', 2, 1], ['guidance', 1, 0]]);
    // the unit's outbox holds its read mark and its question; the level above's its guidance, the read mark, the answer
    expect((await unit.outbox.toArray()).map((m) => m.table)).toEqual(['unitNotes', 'unitNotes']);
    expect((await above.outbox.toArray()).length).toBe(3);
    above.close();
    unit.close();
  });

  it('refuses an empty note, a reply to no thread, and any write from a viewer', async () => {
    const unit = await supervisedDb('u-b', 'Chi đoàn B', '2025-01-01', 'secretary');
    expect(await refusal(startThread(unit, '   '))).toBe('err.required');
    expect(await refusal(reply(unit, 'thread-none', 'Trả lời'))).toBe('inbox.errNoThread');
    expect(await refusal(reply(unit, 'x', 'Trả lời'))).toBe('err.invalid');
    const viewer = await supervisedDb('u-c', 'Chi đoàn C', '2025-01-01', 'viewer');
    await viewer.unitNotes.put({ id: 'g', threadId: 'g', kind: 'guidance', from: 'above', body: 'x', at: '2026-03-01T00:00:00Z', unitId: 'u-c', rev: {}, deleted: false, createdAt: 'x', updatedAt: 'x' } as UnitNote);
    expect(await refusal(startThread(viewer, 'Hỏi'))).toBe('err.readOnly');
    // opening is not a write for a viewer: nothing marked, nothing refused
    expect(await markThreadRead(viewer, 'g')).toBe(0);
    expect(await viewer.outbox.count()).toBe(0);
    unit.close();
    viewer.close();
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { importMembers, listImports, loadExistingKeys, previewUndo, undoImport } from '../../../src/features/import/import-repo';
import { collectForMember, reverseEntry } from '../../../src/features/dues/dues-repo';
import { markAttendance } from '../../../src/features/attendance/attendance-repo';
import { addMemberEvent } from '../../../src/features/members/members-repo';
import { parseImportFile } from '../../../src/features/import/pipeline';
import { previewImport } from '../../../src/features/import/validate';
import { MEMBER_DEFAULTS, type MemberFields } from '../../../src/protocol/member';

const fixtureMembers = async (): Promise<MemberFields[]> => {
  const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, '../../fixtures/chi-doan-cong-ty-30-4.csv')));
  const parsed = parseImportFile('chi-doan-cong-ty-30-4.csv', bytes);
  return previewImport(parsed, parsed.mapping, await loadExistingKeys()).okMembers;
};

beforeEach(async () => {
  await freshUnit();
});

describe('importMembers', () => {
  it('writes every member with its outbox entry and the import record in one go', async () => {
    const members = await fixtureMembers();
    const db = await activeDb();
    const outboxBefore = await db.outbox.count();
    const record = await importMembers('chi-doan-cong-ty-30-4.csv', members);

    expect(record.memberIds).toHaveLength(42);
    const stored = await db.members.bulkGet(record.memberIds);
    expect(stored.every((m) => m && !m.deleted && m.importId === record.id)).toBe(true);
    expect(stored[0]).toMatchObject({ fullName: 'Đặng Diệu Châu', position: 'secretary', duesCategory: 'unsalaried', status: 'active' });

    const outbox = await db.outbox.where('seq').above(0).toArray();
    expect(outbox.length - outboxBefore).toBe(42);
    const byRow = new Map(outbox.map((e) => [e.rowId, e]));
    for (const id of record.memberIds) {
      expect(byRow.get(id)).toMatchObject({ table: 'members', op: 'upsert' });
      expect(byRow.get(id)!.fields).toMatchObject({ importId: record.id });
    }
    const seqs = outbox.map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i)); // no gaps

    const importRecord = await db.imports.get(record.id);
    expect(importRecord).toMatchObject({ fileName: 'chi-doan-cong-ty-30-4.csv', memberIds: record.memberIds });
    expect(importRecord!.undoneAt).toBeUndefined();
    expect((await listImports())[0].id).toBe(record.id);
  });

  it('makes the register the duplicate reference of the next import', async () => {
    await importMembers('a.csv', await fixtureMembers());
    const again = await fixtureMembers();
    expect(again).toHaveLength(0);
    const keys = await loadExistingKeys();
    expect(keys.cardNumbers).toContain('042461005');
  });

  it('leaves nothing behind when the transaction fails mid-way', async () => {
    // 1,200 rows are written in three bulk slices; the second slice's outbox write fails.
    const members = Array.from({ length: 1200 }, (_, i) => ({ ...MEMBER_DEFAULTS, fullName: `Đoàn Viên ${i}` }));
    const db = await activeDb();
    const before = { members: await db.members.count(), outbox: await db.outbox.count(), imports: await db.imports.count() };
    const seqBefore = (await db.syncState.get('device'))!.nextSeq;
    const realAdd = db.outbox.bulkAdd.bind(db.outbox);
    let calls = 0;
    const spy = vi.spyOn(db.outbox, 'bulkAdd').mockImplementation(((...args: Parameters<typeof db.outbox.bulkAdd>) => {
      if (++calls === 2) throw new Error('disk full');
      return realAdd(...args);
    }) as typeof db.outbox.bulkAdd);
    await expect(importMembers('x.csv', members)).rejects.toThrow();
    spy.mockRestore();
    expect(calls).toBe(2);
    expect(await db.members.count()).toBe(before.members);
    expect(await db.outbox.count()).toBe(before.outbox);
    expect(await db.imports.count()).toBe(before.imports);
    expect((await db.syncState.get('device'))!.nextSeq).toBe(seqBefore);
  });

  it('reports progress after every slice of 500 rows of a big import', async () => {
    const many = Array.from({ length: 600 }, (_, i) => ({ ...MEMBER_DEFAULTS, fullName: `Đoàn Viên ${i}` }));
    const seen: number[] = [];
    const record = await importMembers('big.csv', many, (done) => seen.push(done));
    expect(seen).toEqual([500, 600]);
    expect(record.memberIds).toHaveLength(600);
  });

  it('refuses an invalid member before writing anything', async () => {
    const db = await activeDb();
    const before = await db.members.count();
    await expect(importMembers('x.csv', [{ ...MEMBER_DEFAULTS, fullName: 'Lê An' }, { ...MEMBER_DEFAULTS, fullName: 'B', phone: 'abc' }])).rejects.toThrow();
    expect(await db.members.count()).toBe(before);
  });
});

describe('undoImport', () => {
  it('tombstones every imported member with a delete in the outbox, and marks the import undone', async () => {
    const record = await importMembers('a.csv', await fixtureMembers());
    const db = await activeDb();
    const seqAfterImport = (await db.syncState.get('device'))!.nextSeq;
    const undone = await undoImport(record.id);

    expect(undone.undoneAt).toBeTruthy();
    expect((await db.imports.get(record.id))!.undoneAt).toBe(undone.undoneAt);
    const stored = await db.members.bulkGet(record.memberIds);
    expect(stored.every((m) => m?.deleted === true)).toBe(true);
    const deletes = await db.outbox.where('seq').aboveOrEqual(seqAfterImport).toArray();
    expect(deletes).toHaveLength(42);
    expect(deletes.every((e) => e.op === 'delete' && e.table === 'members' && record.memberIds.includes(e.rowId))).toBe(true);

    // The register no longer holds them: the same file imports again.
    expect(await fixtureMembers()).toHaveLength(42);
    // Undoing twice changes nothing.
    await undoImport(record.id);
    expect(await db.outbox.where('seq').aboveOrEqual(seqAfterImport).count()).toBe(42);
  });

  it('only touches the members of that import', async () => {
    const db = await activeDb();
    const first = await importMembers('a.csv', [{ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Văn An' }]);
    const second = await importMembers('b.csv', [{ ...MEMBER_DEFAULTS, fullName: 'Trần Thị Bình' }]);
    await undoImport(second.id);
    expect((await db.members.get(first.memberIds[0]))!.deleted).toBe(false);
    expect((await db.members.get(second.memberIds[0]))!.deleted).toBe(true);
  });
});

describe('undoImport after the register has used the imported members', () => {
  const pay = { paidAt: '2026-03-12', method: 'cash' as const };
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung'];

  it('keeps the members with dues, roll marks or events, removes the others, and never orphans money', async () => {
    const record = await importMembers('a.csv', names.map((fullName) => ({ ...MEMBER_DEFAULTS, fullName })));
    const [an, binh, cuong, dung] = record.memberIds;
    const { entries } = await collectForMember({ ...pay, memberId: an, months: [{ period: '2026-03', amount: 2000 }] });
    // A payment reversed is still money history: that member stays too.
    await collectForMember({ ...pay, memberId: dung, months: [{ period: '2026-03', amount: 2000 }] }).then((r) => reverseEntry(r.entries[0].id, 'thu nhầm'));
    await markAttendance('meeting-1', binh, 'present');

    const plan = await previewUndo(record.id);
    expect(plan.removable).toEqual([cuong]);
    expect(plan.kept).toEqual([
      { id: an, fullName: 'Nguyễn Văn An', uses: ['dues'] },
      { id: binh, fullName: 'Trần Thị Bình', uses: ['attendance'] },
      { id: dung, fullName: 'Phạm Thị Dung', uses: ['dues'] },
    ]);

    const done = await undoImport(record.id);
    expect(done).toMatchObject({ removedCount: 1, keptMemberIds: [an, binh, dung] });
    const db = await activeDb();
    const stored = await db.members.bulkGet(record.memberIds);
    expect(stored.map((m) => m!.deleted)).toEqual([false, false, true, false]);
    // Every ledger entry still belongs to a member of the register.
    for (const e of await db.dues.toArray()) expect((await db.members.get(e.memberId))?.deleted).toBe(false);
    expect((await db.members.get(entries[0].memberId))!.fullName).toBe('Nguyễn Văn An');
    // Only the removed member went out as a delete.
    const deletes = (await db.outbox.toArray()).filter((e) => e.op === 'delete' && e.table === 'members');
    expect(deletes.map((e) => e.rowId)).toEqual([cuong]);
  });

  it('counts a member event (quá trình) as a use', async () => {
    const record = await importMembers('a.csv', [{ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Văn An' }]);
    await addMemberEvent({ memberId: record.memberIds[0], kind: 'commendation', date: '2026-03-26', note: 'Giấy khen' });
    expect((await previewUndo(record.id)).kept[0].uses).toEqual(['event']);
    await undoImport(record.id);
    expect((await (await activeDb()).members.get(record.memberIds[0]))!.deleted).toBe(false);
  });

  it('counts a seat on the committee as a use: the roster names them', async () => {
    const { saveTerm, assignSeat } = await import('../../../src/features/committee/committee-repo');
    const record = await importMembers('a.csv', [{ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Văn An' }]);
    const term = await saveTerm({ label: '2025–2027', startsOn: '2025-03-20', size: 5, deputies: 1 }, undefined, '2025-04-01');
    await assignSeat({ termId: term.id, memberId: record.memberIds[0], position: 'secretary', from: '2025-03-20' }, '2025-04-01');
    expect((await previewUndo(record.id)).kept[0].uses).toEqual(['seat']);
    await undoImport(record.id);
    expect((await (await activeDb()).members.get(record.memberIds[0]))!.deleted).toBe(false);
  });
});

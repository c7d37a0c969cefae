// The roll's local state: optimistic marks, confirmed marks, O(1) counts, undo stack; and the
// controller that writes each change and puts the row back when a write fails.
import { describe, expect, it, vi } from 'vitest';
import { RollState, UNDO_LIMIT } from '../../../src/features/attendance/roll-state';
import { RollController, type RollWriter } from '../../../src/features/attendance/roll-controller';
import { countRoll } from '../../../src/protocol/attendance-rules';

function deferred() {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** A writer whose every call waits until the test settles it. */
function fakeWriter() {
  const calls: { fn: string; args: unknown[]; d: ReturnType<typeof deferred> }[] = [];
  const rec = (fn: string) => (...args: unknown[]) => {
    const d = deferred();
    calls.push({ fn, args, d });
    return d.promise;
  };
  const writer: RollWriter = { mark: rec('mark'), clear: rec('clear'), markAll: rec('markAll'), clearMany: rec('clearMany') };
  return { writer, calls };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('RollState', () => {
  it('counts over the roster from the loaded rows, ignoring rows of members not on it', () => {
    const s = new RollState([
      { memberId: 'a', status: 'present' },
      { memberId: 'b', status: 'absent_excused', reason: 'Ốm' },
      { memberId: 'gone', status: 'late' },
    ]);
    s.setRoster(['a', 'b', 'c']);
    expect(s.counts).toEqual({ total: 3, present: 1, late: 0, absentExcused: 1, absentUnexcused: 0, unmarked: 1 });
    expect(s.get('b')).toEqual({ status: 'absent_excused', reason: 'Ốm' });
  });

  it('keeps counts equal to a full recount through any sequence of changes', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const s = new RollState();
    s.setRoster(ids);
    const statuses = ['present', 'late', 'absent_excused', 'absent_unexcused', undefined] as const;
    let seed = 7;
    for (let i = 0; i < 300; i++) {
      seed = (seed * 48271) % 2147483647;
      const id = ids[seed % ids.length];
      const st = statuses[seed % statuses.length];
      const op = s.begin(id, st ? { status: st } : undefined);
      s.settle(op, seed % 5 !== 0);
      const rows = ids.flatMap((m) => (s.get(m) ? [{ memberId: m, status: s.get(m)!.status }] : []));
      expect(s.counts).toEqual(countRoll(ids, rows));
    }
  });

  it('a failed write goes back to what the database last confirmed, even with later writes in flight', () => {
    const s = new RollState([{ memberId: 'a', status: 'present' }]);
    s.setRoster(['a']);
    const t1 = s.begin('a', { status: 'late' });
    const t2 = s.begin('a', { status: 'absent_excused' });
    expect(s.get('a')?.status).toBe('absent_excused');
    s.settle(t1, false);
    expect(s.get('a')?.status).toBe('present');
    s.settle(t2, false);
    expect(s.get('a')?.status).toBe('present');
    expect(s.counts.present).toBe(1);
  });

  it('a later write that succeeds after an earlier failure shows what was saved', () => {
    const s = new RollState();
    s.setRoster(['a']);
    const t1 = s.begin('a', { status: 'present' });
    const t2 = s.begin('a', { status: 'late' });
    s.settle(t1, false);
    expect(s.get('a')).toBeUndefined();
    s.settle(t2, true);
    expect(s.get('a')?.status).toBe('late');
    expect(s.counts).toMatchObject({ late: 1, unmarked: 0 });
    expect(s.pendingCount).toBe(0);
  });

  it('bounds the undo stack', () => {
    const s = new RollState();
    for (let i = 0; i < UNDO_LIMIT + 10; i++) s.pushUndo({ kind: 'one', memberId: String(i), prev: undefined, next: { status: 'present' } });
    expect(s.undoDepth).toBe(UNDO_LIMIT);
    expect(s.peekUndo()).toMatchObject({ memberId: String(UNDO_LIMIT + 9) });
  });

  it('notifies the changed member and the general listeners, and nobody when a commit changes nothing on screen', () => {
    const s = new RollState();
    s.setRoster(['a', 'b']);
    const all = vi.fn();
    const a = vi.fn();
    const b = vi.fn();
    s.subscribe(all);
    s.subscribeMember('a', a);
    const offB = s.subscribeMember('b', b);
    const v = s.version;
    const op = s.begin('a', { status: 'present' });
    expect([all.mock.calls.length, a.mock.calls.length, b.mock.calls.length]).toEqual([1, 1, 0]);
    s.settle(op, true);
    expect([all.mock.calls.length, a.mock.calls.length]).toEqual([1, 1]);
    expect(s.version).toBe(v + 1);
    s.settle(s.begin('b', { status: 'late' }), false);
    expect([all.mock.calls.length, b.mock.calls.length]).toEqual([3, 2]);
    offB();
    s.begin('b', { status: 'late' });
    expect(b.mock.calls.length).toBe(2);
  });
});

describe('RollController', () => {
  it('a tap cycles unmarked → present → late → absent excused → absent unexcused → present, painting before the write', async () => {
    const { writer, calls } = fakeWriter();
    const s = new RollState();
    s.setRoster(['a']);
    const c = new RollController('m1', s, writer, () => undefined);
    const seen: string[] = [];
    for (let i = 0; i < 5; i++) {
      const p = c.tap('a');
      seen.push(s.get('a')!.status);
      calls[calls.length - 1].d.resolve();
      await p;
    }
    expect(seen).toEqual(['present', 'late', 'absent_excused', 'absent_unexcused', 'present']);
    expect(calls.map((x) => x.args.slice(0, 3))).toEqual(seen.map((st) => ['m1', 'a', st]));
  });

  it('marks scd:roll-tap and scd:roll-committed for the benchmark', async () => {
    const { writer, calls } = fakeWriter();
    const s = new RollState();
    const c = new RollController('m1', s, writer, () => undefined);
    performance.clearMarks();
    const p = c.tap('a');
    expect(performance.getEntriesByName('scd:roll-tap')).toHaveLength(1);
    expect(performance.getEntriesByName('scd:roll-committed')).toHaveLength(0);
    calls[0].d.resolve();
    await p;
    expect(performance.getEntriesByName('scd:roll-committed')).toHaveLength(1);
  });

  it('a failed write reverts the row, drops its undo step and reports the error', async () => {
    const { writer, calls } = fakeWriter();
    const s = new RollState([{ memberId: 'a', status: 'present' }]);
    s.setRoster(['a']);
    const onError = vi.fn();
    const c = new RollController('m1', s, writer, onError);
    const p = c.tap('a');
    expect(s.get('a')?.status).toBe('late');
    expect(s.undoDepth).toBe(1);
    const err = new Error('locked');
    calls[0].d.reject(err);
    await p;
    expect(s.get('a')?.status).toBe('present');
    expect(s.undoDepth).toBe(0);
    expect(onError).toHaveBeenCalledWith(err);
    expect(s.counts).toMatchObject({ present: 1, late: 0 });
  });

  it('undo restores the previous status, or clears the row when it was unmarked', async () => {
    const { writer, calls } = fakeWriter();
    const s = new RollState();
    s.setRoster(['a', 'b']);
    const c = new RollController('m1', s, writer, () => undefined);
    c.tap('a');
    c.tap('a');
    c.set('a', { status: 'absent_excused', reason: 'Ốm' });
    c.tap('b');
    calls.forEach((x) => x.d.resolve());
    await flush();
    expect(s.undoDepth).toBe(4);

    expect(c.undo()).toMatchObject({ memberId: 'b' });
    expect(s.get('b')).toBeUndefined();
    expect(calls.at(-1)).toMatchObject({ fn: 'clear', args: ['m1', 'b'] });

    c.undo();
    expect(s.get('a')).toEqual({ status: 'late' });
    expect(calls.at(-1)).toMatchObject({ fn: 'mark', args: ['m1', 'a', 'late', undefined] });
    calls.forEach((x) => x.d.resolve());
    await flush();
    // undo steps are not themselves undoable
    expect(s.undoDepth).toBe(2);
    expect(s.counts).toMatchObject({ late: 1, unmarked: 1 });
  });

  it('"everyone present" marks only the unmarked, in one write, undone as one step', async () => {
    const { writer, calls } = fakeWriter();
    const s = new RollState([{ memberId: 'b', status: 'absent_unexcused' }]);
    s.setRoster(['a', 'b', 'c']);
    const c = new RollController('m1', s, writer, () => undefined);
    const p = c.markAllPresent(['a', 'b', 'c']);
    expect(s.counts).toMatchObject({ present: 2, absentUnexcused: 1, unmarked: 0 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ fn: 'markAll', args: ['m1', ['a', 'c']] });
    calls[0].d.resolve();
    expect(await p).toBe(2);
    c.tap('c');
    calls[1].d.resolve();
    await flush();
    c.undo(); // the tap on c
    c.undo(); // everyone present
    expect(calls.at(-1)).toMatchObject({ fn: 'clearMany', args: ['m1', ['a', 'c']] });
    expect(s.counts).toMatchObject({ present: 0, absentUnexcused: 1, unmarked: 2 });
  });
});

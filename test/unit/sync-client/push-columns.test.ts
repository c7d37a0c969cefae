// The columns form of a push batch (src/protocol/push-columns.ts): the server reads back
// exactly the plain batch the phone meant, whatever the batch holds; the phone sends the form
// only to a server that said it reads it, and goes back to plain when a server stops reading it.
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
// @ts-expect-error: plain ESM fixture generator without types
import { generateMembers } from '../../fixtures/generate-members.mjs';
import { COLUMNS_FORM, ColumnsError, expandColumns, FIELD_COLUMNS_FORM, toColumns } from '../../../src/protocol/push-columns';
import type { Mutation } from '../../../src/protocol/outbox';
import { runCycle } from '../../../src/sync/engine';
import { dropAllDatabases, makeDevice, snapshot } from './devices';
import { FakeServer } from './fake-server';

afterEach(dropAllDatabases);

const FC_SEED = Number(process.env.FC_SEED ?? 20251128);
const DEVICE = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const NAMES = ['fullName', 'phone', 'status', 'createdAt', 'deleted', 'notes', '__proto__', 'a.b'];
const stampOf = (ms: number, counter: number, device: string, digits = 4) => `${String(ms).padStart(13, '0')}:${String(counter).padStart(digits, '0')}:${device}`;

const change = fc
  .record({
    dSeq: fc.integer({ min: 1, max: 3 }),
    table: fc.constantFrom('members', 'attendance', 'meetings', 'not-a-table'),
    rowId: fc.string({ minLength: 1, maxLength: 12 }),
    op: fc.constantFrom('upsert', 'delete'),
    fields: fc.dictionary(fc.constantFrom(...NAMES), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
    base: fc.constantFrom('zero', 'same', 'partial', 'extra'),
    dMs: fc.constantFrom(0, 0, 0, 1, 250),
    counter: fc.integer({ min: 0, max: 9999 }),
    stamp: fc.constantFrom('mine', 'mine', 'other', 'old', 'junk'),
    midIsStamp: fc.boolean(),
  });

const batch = fc.record({ first: fc.integer({ min: 1, max: 1e6 }), changes: fc.array(change, { maxLength: 30 }) }).map(({ first, changes }) => {
  let seq = first - 1;
  let ms = 1_765_000_000_000;
  const mutations: Mutation[] = changes.map((c, i) => {
    seq += i === 0 ? 1 : c.dSeq;
    ms += c.dMs;
    const hlc = c.stamp === 'mine' ? stampOf(ms, c.counter, DEVICE) : c.stamp === 'other' ? stampOf(ms, c.counter, 'another-device-0001') : c.stamp === 'old' ? stampOf(ms, 10_000 + c.counter, DEVICE, 5) : 'not a stamp';
    const keys = Object.keys(c.fields);
    const base: Record<string, number> =
      c.base === 'zero' ? Object.fromEntries(keys.map((k) => [k, 0])) : c.base === 'same' ? Object.fromEntries(keys.map((k, j) => [k, j * 7])) : c.base === 'partial' ? Object.fromEntries(keys.slice(1).map((k) => [k, 3])) : { ...Object.fromEntries(keys.map((k) => [k, 0])), other: 5 };
    return { mid: c.midIsStamp ? hlc : `mid-${i}-${seq}`, seq, table: c.table as Mutation['table'], rowId: c.rowId, op: c.op as Mutation['op'], fields: c.fields, base, hlc };
  });
  return { protocol: 1, schemaVersion: 3, deviceId: DEVICE, mutations };
});

const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe('the columns form', () => {
  // A missing base entry is 0 to the server (server/src/sync/merge.ts): a change whose bases
  // are all 0 goes as base 0 and comes back with a 0 for each of its fields.
  const meaning = (b: { mutations: Mutation[] }) =>
    JSON.stringify(b, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [z]) => (a < z ? -1 : a > z ? 1 : 0))) : v)).replace(/"base":\{[^{}]*\}/g, (m) => m.replace(/"[^"]*":0,?/g, '').replace(/,\}/, '}'));
  test.each([COLUMNS_FORM, FIELD_COLUMNS_FORM] as const)('the server reads back the plain batch from the %s form (any fields, bases, stamps and mids)', (form) => {
    fc.assert(
      fc.property(batch, (b) => {
        const plain = wire(b);
        const back = expandColumns(wire(toColumns(plain, form)) as never);
        expect(meaning(back)).toBe(meaning(plain));
        // everything but the zero bases, exactly
        expect(JSON.stringify({ ...back, mutations: back.mutations.map((m) => ({ ...m, base: 0 })) })).toBe(JSON.stringify({ ...plain, mutations: plain.mutations.map((m) => ({ ...m, base: 0 })) }));
      }),
      { seed: FC_SEED, numRuns: 300 },
    );
  });

  test('a batch of new members costs about a fifth fewer gzip bytes than plain, and field-columns a tenth fewer again', () => {
    // generated Vietnamese members (B6's), written as the repos write a new row: createdAt has no base
    const mutations: Mutation[] = generateMembers({ count: 500 }).map(({ id, ...fields }: Record<string, unknown>, i: number) => {
      const hlc = stampOf(1_765_000_000_000, i, DEVICE);
      const base = Object.fromEntries(Object.keys(fields).map((k) => [k, 0]));
      return { mid: hlc, seq: i + 1, table: 'members', rowId: id as string, op: 'upsert', fields: { ...fields, createdAt: '2026-12-06T17:00:00.000Z' }, base, hlc };
    });
    const plain = { protocol: 1, schemaVersion: 3, deviceId: DEVICE, mutations };
    const gz = (x: unknown) => gzipSync(JSON.stringify(x)).length;
    expect(gz(toColumns(plain))).toBeLessThan(gz(plain) * 0.8);
    // field by field: every ethnicity beside the others, every admission date beside the others
    expect(gz(toColumns(plain, FIELD_COLUMNS_FORM))).toBeLessThan(gz(toColumns(plain)) * 0.9);
  });

  test('a columns batch that does not read is refused whole', () => {
    const good = wire(toColumns({ protocol: 1, schemaVersion: 3, deviceId: DEVICE, mutations: [{ mid: 'mid-00001', seq: 1, table: 'members', rowId: 'member-1', op: 'upsert', fields: { fullName: 'A' }, base: { fullName: 0 }, hlc: stampOf(1, 0, DEVICE) }] }));
    const broken: Record<string, unknown>[] = [
      { ...good, names: undefined },
      { ...good, names: [1] },
      { ...good, shapes: [[5]] },
      { ...good, changes: [[1, 'members']] },
      { ...good, changes: [[1, 'members', 'member-1', 0, 3, ['A'], 0, [1, 0]]] },
      { ...good, changes: [[1, 'members', 'member-1', 0, 0, ['A', 'B'], 0, [1, 0]]] },
      { ...good, changes: [[1, 'members', 'member-1', 2, 0, ['A'], 0, [1, 0]]] },
      { ...good, changes: [[1, 'members', 'member-1', 0, 0, ['A'], [1, 2], [1, 0]]] },
      { ...good, changes: [[1, 'members', 'member-1', 0, 0, ['A'], 'x', [1, 0]]] },
      { ...good, changes: [[1, 'members', 'member-1', 0, 0, ['A'], 0, [1, 10_000]]] },
      { ...good, changes: [[1, 'members', 'member-1', 0, 0, ['A'], 0, null]] },
    ];
    expect(expandColumns(good as never).mutations).toHaveLength(1);
    for (const b of broken) expect(() => expandColumns(b as never), JSON.stringify(b)).toThrow(ColumnsError);
  });
});

describe('the phone and the form', () => {
  async function phone(server: FakeServer, name: string) {
    const d = await makeDevice(name);
    await d.link({ role: 'secretary' });
    return { d, transport: server.transport(d.deviceId), cycle: () => runCycle({ db: d.db, localUnitId: d.localUnitId, transport: server.transport(d.deviceId) }) };
  }
  const write = (d: Awaited<ReturnType<typeof phone>>['d'], from: number, n: number) => Promise.all(Array.from({ length: n }, (_, i) => d.write('members', `member-${from + i}`, { fullName: `Đoàn viên ${from + i}` })));

  test('plain to a server that never said it reads columns; columns once it did (heard on a pull), the same rows either way', async () => {
    const older = new FakeServer();
    const a = await phone(older, 'a');
    await write(a.d, 0, 5);
    await a.cycle();
    await write(a.d, 5, 5);
    await a.cycle();
    expect(older.forms).toEqual(['plain', 'plain']);

    const newer = new FakeServer();
    newer.readsColumns = true;
    const b = await phone(newer, 'b');
    await b.cycle(); // nothing to push; the pull tells the forms
    expect((await b.d.db.syncState.get('device'))!.pushForms).toEqual([COLUMNS_FORM, FIELD_COLUMNS_FORM]);
    await write(b.d, 0, 5);
    await b.cycle();
    await write(b.d, 5, 5);
    await b.cycle();
    expect(newer.forms).toEqual(['field-columns', 'field-columns']);
    expect(await b.d.db.outbox.count()).toBe(0);
    expect([...newer.rows.values()].map((r) => r.fields.fullName).sort()).toEqual([...older.rows.values()].map((r) => r.fields.fullName).sort());

    // a server of the last version reads 'columns' only: that is what it gets
    const last = new FakeServer();
    last.readsColumns = true;
    last.columnsForms = [COLUMNS_FORM];
    const c = await phone(last, 'c');
    await c.cycle();
    await write(c.d, 0, 10);
    await c.cycle();
    expect(last.forms).toEqual(['columns']);
    expect([...last.rows.values()].map((r) => r.fields.fullName).sort()).toEqual([...older.rows.values()].map((r) => r.fields.fullName).sort());
  });

  test('a server that stops reading columns (rolled back): the batch goes again plain, nothing lost, and plain stays', async () => {
    const server = new FakeServer();
    server.readsColumns = true;
    const a = await phone(server, 'a');
    await a.cycle();
    server.readsColumns = false;
    await write(a.d, 0, 5);
    expect(await a.cycle()).toMatchObject({ kind: 'done', applied: 5 });
    await write(a.d, 5, 5);
    await a.cycle();
    expect(server.forms).toEqual(['field-columns', 'plain', 'plain']);
    expect((await a.d.db.syncState.get('device'))!.pushForms).toEqual([]);
    expect(server.rows.size).toBe(10);
    // a second phone pulls what the first holds
    const b = await phone(server, 'b');
    await b.cycle();
    expect(await snapshot(b.d.db)).toEqual(await snapshot(a.d.db));
  });
});

// The field-columns form of a pull page (src/protocol/pull-columns.ts): the phone reads back
// exactly the rows the server meant, whatever they hold; a columns page that does not add up is
// refused; the phone asks for the form on every pull and reads a page of rows (an older server)
// as before.
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { FIELD_COLUMNS_PULL, fromPullColumns, PULL_FORM_HEADER, toPullColumns, type PullColumns } from '../../../src/protocol/pull-columns';
import type { PulledRow } from '../../../src/protocol/sync';
import { httpTransport } from '../../../src/sync/transport';
// @ts-expect-error: plain ESM fixture generator without types
import { generateMembers } from '../../fixtures/generate-members.mjs';

const FC_SEED = Number(process.env.FC_SEED ?? 20261207);
const NAMES = ['fullName', 'phone', 'status', 'createdAt', 'notes', '__proto__', 'a.b'];
const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x));

const page = fc
  .array(
    fc.record({
      table: fc.constantFrom('members', 'attendance', 'meetings', 'a-newer-table'),
      id: fc.string({ minLength: 1, maxLength: 12 }),
      fields: fc.dictionary(fc.constantFrom(...NAMES), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
      versions: fc.dictionary(fc.constantFrom(...NAMES, 'deleted'), fc.integer({ min: 1, max: 50 }), { maxKeys: 3 }),
      deleted: fc.boolean(),
      dVersion: fc.integer({ min: 1, max: 40 }),
    }),
    { maxLength: 30 },
  )
  .map((rows) => {
    let version = 100;
    return rows.map(({ dVersion, ...r }): PulledRow => ({ ...r, version: (version += dVersion) }) as PulledRow);
  });

describe('the field-columns pull form', () => {
  test('the phone reads back exactly the rows of the page (any fields, versions, tables, tombstones)', () => {
    fc.assert(
      fc.property(page, (rows) => {
        const plain = wire(rows);
        expect(JSON.stringify(fromPullColumns(wire(toPullColumns(plain))))).toBe(JSON.stringify(plain));
      }),
      { seed: FC_SEED, numRuns: 300 },
    );
  });

  test('a page of new members costs a quarter fewer gzip bytes than the same rows one by one', () => {
    const rows: PulledRow[] = generateMembers({ count: 1000 }).map(({ id, ...fields }: Record<string, unknown>, i: number) => ({ table: 'members', id, fields: { ...fields, createdAt: '2026-12-07T03:00:00.000Z' }, versions: {}, deleted: false, version: 500 + i }));
    const gz = (x: unknown) => gzipSync(JSON.stringify(x)).length;
    expect(gz({ cols: toPullColumns(rows) })).toBeLessThan(gz({ rows }) * 0.75);
  });

  test('a columns page that does not add up is refused whole', () => {
    const good = toPullColumns([
      { table: 'members', id: 'm1', fields: { fullName: 'A', phone: '1' }, versions: {}, deleted: false, version: 3 },
      { table: 'members', id: 'm2', fields: { fullName: 'B', phone: '2' }, versions: {}, deleted: false, version: 4 },
    ]);
    const bad: PullColumns[] = [
      { ...good, values: [] },
      { ...good, values: [[['A', 'B'], ['1']]] },
      { ...good, values: [[['A', 'B', 'C'], ['1', '2', '3']]] },
      { ...good, rows: [['members', 'm1', 7, 3]] },
      { ...good, rows: [['members', 'm1', 0, 'three']] },
      { ...good, rows: [null as never] },
    ];
    for (const cols of bad) expect(() => fromPullColumns(wire(cols))).toThrow(/malformed/);
  });

  test('the phone asks for the form on every pull, and reads a page of rows from a server that does not know it', async () => {
    const seen: Record<string, string>[] = [];
    const rows: PulledRow[] = [{ table: 'members', id: 'm1', fields: { fullName: 'Lê Thị Hoa' }, versions: {}, deleted: false, version: 9 }];
    let answer: unknown = { cols: toPullColumns(rows), cursor: 9, hasMore: false, pushForms: ['columns'] };
    const fetch = async (_url: string, init?: RequestInit) => {
      seen.push(init?.headers as Record<string, string>);
      return new Response(JSON.stringify(answer), { status: 200 });
    };
    const transport = httpTransport({ baseUrl: 'http://server', unitId: 'u1', deviceToken: 't' }, { fetch });
    expect(await transport.pull({ cursor: 0, limit: 1000 })).toEqual({ rows, cursor: 9, hasMore: false, pushForms: ['columns'] });
    answer = { rows, cursor: 9, hasMore: false };
    expect(await transport.pull({ cursor: 0, limit: 1000 })).toEqual(answer);
    expect(seen.map((h) => h[PULL_FORM_HEADER])).toEqual([FIELD_COLUMNS_PULL, FIELD_COLUMNS_PULL]);
  });
});

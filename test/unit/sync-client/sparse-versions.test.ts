// Sparse versions on pulled rows (src/protocol/sparse-versions.ts): what the server leaves out,
// the phone fills back exactly, and a whole map reads the same as before.
import { describe, expect, test } from 'vitest';
import { fieldVersions, SPARSE_VERSIONS_HEADER, sparseVersionsJson } from '../../../src/protocol/sparse-versions';
import type { PulledRow } from '../../../src/protocol/sync';
import { httpTransport } from '../../../src/sync/transport';
import { mergePulled } from '../../../src/sync/apply';

const NOW = '2026-01-01T00:00:00.000Z';

const ROWS: { fields: Record<string, unknown>; versions: Record<string, number>; version: number }[] = [
  // a new member: every field written at once
  { fields: { fullName: 'Nguyễn Thị Thu Hà', phone: '0912345678', createdAt: NOW }, versions: { fullName: 9, phone: 9, createdAt: 9 }, version: 9 },
  // edited later: the phone at 12, the rest older
  { fields: { fullName: 'Trần Văn Minh', phone: '0987654321', createdAt: NOW }, versions: { fullName: 3, phone: 12, createdAt: 3 }, version: 12 },
  // a tombstone: `deleted` has a version but is not a field
  { fields: { fullName: 'Lê Chí Thanh', createdAt: NOW }, versions: { fullName: 4, createdAt: 4, deleted: 7 }, version: 7 },
  // a field cleared to '' and one the server holds as null
  { fields: { fullName: 'Đặng Đức Anh', notes: '', email: null }, versions: { fullName: 2, notes: 5, email: 5 }, version: 5 },
  // nothing at the row's version among the fields (only a key that is not a field)
  { fields: { fullName: 'Võ Thị Ý' }, versions: { fullName: 1, deleted: 6 }, version: 6 },
];

describe('sparse versions', () => {
  test('the server leaves out only field versions equal to the row version; the phone fills them back exactly', () => {
    for (const r of ROWS) {
      const sparse = JSON.parse(sparseVersionsJson(JSON.stringify(r.fields), JSON.stringify(r.versions), r.version)) as Record<string, number>;
      for (const [k, v] of Object.entries(sparse)) expect(r.versions[k]).toBe(v);
      for (const k of Object.keys(r.versions)) if (!(k in sparse)) expect([k in r.fields, r.versions[k]]).toEqual([true, r.version]);
      expect(fieldVersions(r.fields, sparse, r.version)).toEqual(r.versions);
      // a whole map (an older server) reads as itself
      expect(fieldVersions(r.fields, r.versions, r.version)).toEqual(r.versions);
    }
    expect(sparseVersionsJson(JSON.stringify(ROWS[0].fields), JSON.stringify(ROWS[0].versions), 9)).toBe('{}');
  });

  test('mergePulled stores the same row and rev from sparse and whole versions, with and without pending fields', () => {
    const local = { id: 'm1', unitId: 'u', rev: { fullName: 1, phone: 1 }, deleted: false, fullName: 'Cũ', phone: '0900000000', createdAt: NOW, updatedAt: NOW };
    for (const r of ROWS) {
      const whole: PulledRow = { table: 'members', id: 'm1', fields: r.fields, versions: r.versions, deleted: 'deleted' in r.versions, version: r.version };
      const sparse: PulledRow = { ...whole, versions: JSON.parse(sparseVersionsJson(JSON.stringify(r.fields), JSON.stringify(r.versions), r.version)) };
      for (const pending of [new Set<string>(), new Set(['phone']), new Set(['deleted', 'fullName'])]) {
        for (const before of [undefined, local]) {
          expect(mergePulled(before, sparse, pending, 'u', NOW)).toEqual(mergePulled(before, whole, pending, 'u', NOW));
        }
      }
    }
  });

  test('the phone asks for sparse versions on every pull', async () => {
    const seen: Record<string, string>[] = [];
    const fetch = async (_url: string, init?: RequestInit) => {
      seen.push(init?.headers as Record<string, string>);
      return new Response(JSON.stringify({ rows: [], cursor: 0, hasMore: false }), { status: 200 });
    };
    await httpTransport({ baseUrl: 'http://server', unitId: 'u1', deviceToken: 't' }, { fetch }).pull({ cursor: 0, limit: 1000 });
    expect(seen[0][SPARSE_VERSIONS_HEADER]).toBe('sparse');
  });
});

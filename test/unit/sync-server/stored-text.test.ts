// What a phone writes comes back byte for byte, on SQLite and on Postgres (SYNC_STORE): names
// with quotes, backslashes, escaped control characters ("\u0000" included), Vietnamese in both
// Unicode forms, emoji and lone surrogates. The Postgres store sends a
// batch's rows as one JSON parameter (postgres-sync.ts writeRows), so its escaping is checked here
// on a new row and on an edit of a stored one, and on a retried batch answered from its stored results.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectOk, FC_SEED, freshUnit, joinDevice, memberId, newMember, serverRows, startTestSyncServer, type Device, type TestServer } from './helpers';

let t: TestServer;
let admin: string;
let unitId: string;
let phone: Device;

beforeAll(async () => {
  t = await startTestSyncServer();
  ({ admin, unitId } = await freshUnit(t.api));
  phone = await joinDevice(t.api, admin, unitId);
}, 60_000);
afterAll(async () => t?.close());

const awkward = [
  'Nguyễn "Văn" A',
  'C:\\đường\\dẫn \\" \\\\',
  'NUL \u0000 và \u0001\u001f tab\tdòng\nmới',
  'Nguyễn'.normalize('NFD'),
  'Đoàn 👩‍🌾 viên',
  'lẻ \ud800 \udfff',
  '{"không phải": "một đối tượng"}',
  "'; DROP TABLE rows; --",
];

describe('stored text comes back as written', () => {
  it('awkward strings, on a new row and on an edit, read back equal', async () => {
    const ids = awkward.map(() => memberId());
    ids.forEach((id, i) => phone.upsert('members', id, { ...newMember(awkward[i]), notes: awkward[(i + 1) % awkward.length] }));
    expect((await phone.sync()).every((r) => r.status === 'applied')).toBe(true);
    // an edit of every stored row (the update path), with the strings shifted
    ids.forEach((id, i) => phone.upsert('members', id, { fullName: awkward[(i + 3) % awkward.length], hometown: awkward[(i + 5) % awkward.length] }));
    const results = await phone.sync();
    expect(results.every((r) => r.status === 'applied')).toBe(true);

    const rows = await serverRows(t.api, admin, unitId);
    ids.forEach((id, i) => {
      const row = rows.get(`members/${id}`);
      expect(row?.fields.fullName).toBe(awkward[(i + 3) % awkward.length]);
      expect(row?.fields.notes).toBe(awkward[(i + 1) % awkward.length]);
      expect(row?.fields.hometown).toBe(awkward[(i + 5) % awkward.length]);
    });
  });

  it('any string a phone can hold, as a field and as a retried batch, comes back equal', async () => {
    // (the member schema trims text, so the strings are generated trimmed)
    const anyText = fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => s.trim() === s);
    await fc.assert(
      fc.asyncProperty(fc.array(anyText, { minLength: 1, maxLength: 12 }), async (notes) => {
        const ids = notes.map(() => memberId());
        const sent = ids.map((id, i) => phone.upsert('members', id, { ...newMember('Đoàn viên'), notes: notes[i] }));
        expect((await phone.sync()).every((r) => r.status === 'applied')).toBe(true);
        // the same batch again, as a phone that never saw the answer resends it: the stored results answer it
        const again = expectOk(await phone.pushRaw(sent));
        expect(again.results.map((r) => r.mid)).toEqual(sent.map((m) => m.mid));
        const rows = await serverRows(t.api, admin, unitId);
        ids.forEach((id, i) => expect(rows.get(`members/${id}`)?.fields.notes).toBe(notes[i]));
      }),
      { seed: FC_SEED, numRuns: 25 },
    );
  }, 60_000);
});

// Dues before the app (dues-rules R7) over a real database: after importing a real-shaped list,
// nobody is "unpaid for 3+ months" and the rating does not call anyone a debtor; "everyone paid
// up to month M" is one ledger entry per member, no money, synced (the server's own field check
// accepts it) and reversible.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit, refusal } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { importMembers, loadExistingKeys } from '../../../src/features/import/import-repo';
import { parseImportFile } from '../../../src/features/import/pipeline';
import { previewImport } from '../../../src/features/import/validate';
import { collectForMember, reverseEntry } from '../../../src/features/dues/dues-repo';
import { recordOpening } from '../../../src/features/dues/desk-repo';
import { memberDues, monthView } from '../../../src/features/dues/dues-queries';
import { openingView, remittanceView, unpaidWarnings } from '../../../src/features/dues/desk-reads';
import { loadRatingYear } from '../../../src/features/rating/rating-queries';
import { duesText } from '../../../src/features/rating/explain';
import '../../../src/features/rating/i18n';
import { validateFields } from '../../../server/src/sync/fields';
import { SCHEMA_VERSION } from '../../../src/protocol/sync';
import { mergeMutation } from '../../../server/src/sync/merge';
import { deviceState } from '../../../src/data/outbox';

beforeEach(() => freshUnit());

const TODAY = '2026-11-20';
const NOW = '2026-11';

async function importList() {
  const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, '../../fixtures/chi-doan-cong-ty-30-4.csv')));
  const parsed = parseImportFile('chi-doan-cong-ty-30-4.csv', bytes);
  const rows = previewImport(parsed, parsed.mapping, await loadExistingKeys()).okMembers;
  return importMembers('chi-doan-cong-ty-30-4.csv', rows);
}

describe('import, then dues', () => {
  it('right after an import nobody owes the months before the book; after "everyone paid up to this month" the rating says no one owes', async () => {
    const { memberIds } = await importList();
    expect(memberIds.length).toBeGreaterThan(30);
    // The secretary starts the book this month: one member pays November.
    await collectForMember({ memberId: memberIds[0], months: [{ period: NOW, amount: 2000 }], paidAt: '2026-11-10', method: 'cash' });
    expect(await unpaidWarnings(2026, NOW)).toEqual([]);
    const before = await memberDues(memberIds[1], 2026, NOW);
    expect(before?.year.months.slice(0, 10).every((m) => m.state === 'unknown')).toBe(true);
    expect(before?.year.owedMonths).toBe(1);

    const r = await recordOpening({ upTo: NOW, today: TODAY });
    expect(r).toEqual({ recorded: memberIds.length, skipped: 0 });
    expect(await unpaidWarnings(2026, NOW)).toEqual([]);
    const rating = await loadRatingYear(2026, TODAY);
    expect(rating.hasDues).toBe(true);
    const rated = rating.rows.filter((row) => row.suggestion);
    expect(rated.length).toBe(memberIds.length);
    for (const row of rated) {
      expect(row.evidence.duesMonthsOwed).toBe(0);
      expect(row.suggestion?.rule).not.toBe('owed');
      expect(duesText(row.evidence)).not.toMatch(/nợ/);
    }
    // No money: the month's collection and the slip hold only the real payment.
    const month = await monthView(NOW, NOW);
    expect(month).toMatchObject({ collected: 2000, dueCount: memberIds.length, paidCount: memberIds.length, owedAmount: 0, warnings: 0 });
    expect(await remittanceView(NOW)).toMatchObject({ collected: 2000, count: 1, reversals: 0 });
  });
});

describe('opening balances', () => {
  it('one member: months up to M settled, later ones owed; a second tap changes nothing; reversed, the months are unknown again', async () => {
    const { memberIds } = await importList();
    const [a, b] = memberIds;
    const db = await activeDb();
    const outbox = await db.outbox.count();
    expect(await recordOpening({ memberIds: [a], upTo: '2026-06', today: TODAY })).toEqual({ recorded: 1, skipped: 0 });
    expect(await recordOpening({ memberIds: [a], upTo: '2026-06', today: TODAY })).toEqual({ recorded: 0, skipped: 1 });
    expect(await db.outbox.count()).toBe(outbox + 1);
    const mine = await memberDues(a, 2026, NOW);
    expect(mine?.year.months.slice(0, 11).map((m) => m.state)).toEqual([...Array(6).fill('settled'), ...Array(5).fill('owed')]);
    expect(mine?.entries).toEqual([]); // not a payment: not in the member's list of payments
    expect((await unpaidWarnings(2026, NOW)).map((w) => w.member.id)).toEqual([a]);
    // Others: the book starts the month the balance was recorded; only November is asked.
    expect((await memberDues(b, 2026, NOW))?.year.owedMonths).toBe(1);

    // What goes to the server passes the server's own field check.
    const sent = (await db.outbox.toArray()).find((e) => e.table === 'dues')!;
    expect(sent.fields).toMatchObject({ kind: 'opening', amount: 0, period: '2026-06', memberId: a });
    expect(validateFields('dues', 'upsert', sent.fields, SCHEMA_VERSION)).toBeNull();

    const [entry] = (await openingView(a)).entries;
    const rev = await reverseEntry(entry.id, 'Ghi nhầm tháng');
    expect(rev).toMatchObject({ kind: 'opening', reversesId: entry.id, amount: -0 });
    const view = await openingView(a);
    expect(view.openings.has(a)).toBe(false);
    expect(view.entries[0].reversed).toBe(true);
    expect((await memberDues(a, 2026, NOW))?.year.months[0].state).toBe('unknown');
    expect(await unpaidWarnings(2026, NOW)).toEqual([]);

    // The server's merge (append-only ledger) takes the balance and its reversal as new rows.
    const { deviceId } = await deviceState(db);
    const pushed = (await db.outbox.toArray()).filter((e) => e.table === 'dues');
    expect(pushed).toHaveLength(2);
    pushed.forEach((e, i) => {
      const r = mergeMutation({ mutation: e, deviceId, schemaVersion: SCHEMA_VERSION, now: Date.now(), current: null, relatedMinutes: null, nextVersion: i + 1 });
      expect(r.status).toBe('applied');
    });
  });

  it('refuses a month after this one and writes nothing', async () => {
    const { memberIds } = await importList();
    const db = await activeDb();
    const n = await db.dues.count();
    expect(await refusal(recordOpening({ memberIds: [memberIds[0]], upTo: '2026-12', today: TODAY }))).toBe('dues.err_openingMonth');
    expect(await db.dues.count()).toBe(n);
  });
});

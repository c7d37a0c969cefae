// The sync screens (conflicts, needs attention) name dues records and their fields in plain
// words, without the dues screens' messages being loaded.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import '../../../src/sync/i18n';
import { describeRecord } from '../../../src/sync/record-queries';
import { fieldLabel, formatValue, tableLabel } from '../../../src/features/sync/format';
import { createMember } from '../../../src/features/members/members-repo';
import { collectForMember } from '../../../src/features/dues/dues-repo';
import { recordRemittance } from '../../../src/features/dues/desk-repo';
import { activeDb } from '../../../src/data/session';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(() => freshUnit());

describe('dues in the sync screens', () => {
  it('titles, links, table and field labels, values', async () => {
    const lan = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan' });
    const { entries } = await collectForMember({ memberId: lan.id, months: [{ period: '2026-03', amount: 2000 }], paidAt: '2026-03-10', method: 'transfer' });
    await recordRemittance({ period: '2026-03', collected: 2000, amount: 667, paidAt: '2026-03-31', method: 'cash' });
    const db = await activeDb();
    expect(await describeRecord(db, 'dues', entries[0].id)).toMatchObject({ title: 'Nguyễn Thị Lan — tháng 03/2026', href: `/dues/member/${lan.id}` });
    expect(await describeRecord(db, 'remittances', 'remit:2026-03')).toMatchObject({ title: 'Tháng 03/2026', href: '/dues/remit?m=2026-03' });
    expect(tableLabel('dues')).toBe('Sổ thu đoàn phí');
    expect(fieldLabel('dues', 'receiptNo')).toBe('Số phiếu');
    expect(fieldLabel('remittances', 'collected')).toBe('Số đã thu trong tháng');
    expect(formatValue('dues', 'method', 'transfer')).toBe('Chuyển khoản');
    expect(formatValue('duesRates', 'category', 'salaried')).toBe('Có lương');
    expect(formatValue('dues', 'amount', 5000)).toBe('5.000');
  });
});

// The unit's locality ("Địa danh ghi trên văn bản"), printed atop its documents: an optional
// field of the synced unit record, trimmed, at most 60 characters, written with its outbox
// entry in one transaction; records from before it keep working.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { getUnit, updateUnit } from '../../../src/features/settings/settings-repo';
import { LOCALITY_MAX, unitFields, unitRecord } from '../../../src/protocol/unit';
import { validateFields } from '../../../server/src/sync/fields';
import { SCHEMA_VERSION } from '../../../src/protocol/sync';

const UNIT = { name: 'Chi đoàn Khu phố 3', kind: 'branch' as const, parentUnit: 'Đoàn phường 7', subGroups: [] };
const outbox = async () => (await activeDb()).outbox.toArray();

describe('unitFields.locality', () => {
  it('is optional: a record from before it still parses, with none', () => {
    const old = { ...UNIT, id: 'u-0000000001', unitId: 'u-0000000001', rev: {}, deleted: false, createdAt: 'x', updatedAt: 'x' };
    const parsed = unitRecord.safeParse(old);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.locality).toBeUndefined();
  });

  it('accepts a place name and trims it; empty clears it', () => {
    expect(unitFields.parse({ ...UNIT, locality: '  Quận 8 ' }).locality).toBe('Quận 8');
    expect(unitFields.parse({ ...UNIT, locality: 'Thành phố Hồ Chí Minh' }).locality).toBe('Thành phố Hồ Chí Minh');
    expect(unitFields.parse({ ...UNIT, locality: '' }).locality).toBe('');
    expect(unitFields.parse({ ...UNIT, locality: 'x'.repeat(LOCALITY_MAX) }).locality).toHaveLength(60);
  });

  it('refuses more than 60 characters with its own message', () => {
    const parsed = unitFields.safeParse({ ...UNIT, locality: 'x'.repeat(61) });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['locality'], message: 'err.localityTooLong' });
    // spaces around do not count
    expect(unitFields.safeParse({ ...UNIT, locality: ` ${'x'.repeat(60)}  ` }).success).toBe(true);
  });

  it('the server checks it like the other fields of the unit record', () => {
    expect(validateFields('units', 'upsert', { locality: 'Quận 8' }, SCHEMA_VERSION)).toBeNull();
    expect(validateFields('units', 'upsert', { locality: 'x'.repeat(61) }, SCHEMA_VERSION)).toEqual({ error: 'err.localityTooLong', field: 'locality' });
  });
});

describe('updateUnit: locality', () => {
  beforeEach(() => freshUnit());

  it('stores the trimmed locality with one outbox entry of that field, the other details kept', async () => {
    const before = (await outbox()).length;
    const row = await updateUnit({ locality: '  Quận 8 ' });
    expect(row).toMatchObject({ locality: 'Quận 8', name: 'Chi đoàn Công ty May 30/4', parentUnit: 'Đoàn phường 7', subGroups: ['Tổ 1', 'Tổ 2'] });
    expect((await getUnit())?.locality).toBe('Quận 8');
    const added = (await outbox()).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ table: 'units', rowId: row.id, op: 'upsert', fields: { locality: 'Quận 8' } });
    expect(Object.keys(added[0].fields).filter((k) => k !== 'createdAt')).toEqual(['locality']);
  });

  it('refuses one too long and writes nothing', async () => {
    await updateUnit({ locality: 'Quận 8' });
    const before = await outbox();
    await expect(updateUnit({ locality: 'x'.repeat(61) })).rejects.toMatchObject({ issues: [{ path: ['locality'], message: 'err.localityTooLong' }] });
    expect(await outbox()).toEqual(before);
    expect((await getUnit())?.locality).toBe('Quận 8');
  });

  it('cleared, it stays cleared on the other phones: sent as an empty text', async () => {
    await updateUnit({ locality: 'Quận 8' });
    const before = (await outbox()).length;
    await updateUnit({ locality: '' });
    expect((await getUnit())?.locality).toBe('');
    expect((await outbox()).slice(before).map((e) => e.fields.locality)).toEqual(['']);
  });
});

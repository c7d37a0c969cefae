// When reports are due: the unit's delay written with its outbox entry in one transaction; bad
// input refused with a plain message and nothing written; the row's other settings kept.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit, refusal } from '../helpers';
import { activeDb } from '../../../src/data/session';
import { setReportDueDays } from '../../../src/features/reports/report-settings-repo';
import { getReportDueDays } from '../../../src/features/reports/report-list-queries';
import { saveRatingThresholds } from '../../../src/features/rating/rating-repo';

beforeEach(() => freshUnit());

const outbox = async () => (await activeDb()).outbox.toArray();

describe('setReportDueDays', () => {
  it('absent is the default 10 days; a set delay is stored with one outbox entry of that field alone', async () => {
    expect(await getReportDueDays()).toEqual({ days: 10, isSet: false });
    const before = (await outbox()).length;
    const row = await setReportDueDays(15);
    expect(row.reportDueDays).toBe(15);
    expect(await getReportDueDays()).toEqual({ days: 15, isSet: true });
    const added = (await outbox()).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({ table: 'unitSettings', rowId: 'settings:unit', op: 'upsert' });
    expect(Object.keys(added[0].fields).filter((k) => k !== 'createdAt')).toEqual(['reportDueDays']);
    // 0 days is a delay of its own (due the day the period ends)
    await setReportDueDays(0);
    expect(await getReportDueDays()).toEqual({ days: 0, isSet: true });
  });

  it("keeps the row's other settings", async () => {
    await saveRatingThresholds({ ratingGoodMinParticipation: 70 });
    await setReportDueDays(20);
    const s = await (await activeDb()).unitSettings.get('settings:unit');
    expect(s).toMatchObject({ ratingGoodMinParticipation: 70, reportDueDays: 20 });
  });

  it('refuses a delay out of 0–90, not whole, or not a number, and writes nothing', async () => {
    await setReportDueDays(12);
    const before = await outbox();
    for (const bad of [-1, 91, 10.5, Number.NaN, Infinity, '10' as unknown as number]) {
      expect(await refusal(setReportDueDays(bad))).toBe('err.days');
    }
    expect(await outbox()).toEqual(before);
    expect(await getReportDueDays()).toEqual({ days: 12, isSet: true });
  });
});

// The sync screens (conflicts, needs attention) name training and rating records, their
// fields and values in plain words, without those screens' messages being loaded.
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit } from '../helpers';
import '../../../src/sync/i18n';
import { describeRecord } from '../../../src/sync/record-queries';
import { fieldLabel, formatValue, tableLabel } from '../../../src/features/sync/format';
import { createMember } from '../../../src/features/members/members-repo';
import { createDefaultProgramme, registerMembers, setProgress } from '../../../src/features/training/training-repo';
import { saveRatingThresholds, saveUnitRating } from '../../../src/features/rating/rating-repo';
import { activeDb } from '../../../src/data/session';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(() => freshUnit());

describe('training and rating in the sync screens', () => {
  it('titles, links, table and field labels, values', async () => {
    const lan = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan' });
    const items = await createDefaultProgramme(2026);
    await registerMembers(2026, [lan.id]);
    await setProgress(2026, lan.id, items[0].id, { done: true, doneAt: '2026-03-26' });
    await saveUnitRating(2026, 'good');
    await saveRatingThresholds({ ratingGoodMinParticipation: 75 });
    const db = await activeDb();
    expect(await describeRecord(db, 'trainingItems', items[0].id)).toMatchObject({ title: items[0].title, href: '/training/setup?y=2026' });
    expect(await describeRecord(db, 'trainingRegistrations', `2026:${lan.id}`)).toMatchObject({ title: 'Nguyễn Thị Lan', href: `/training/${lan.id}?y=2026` });
    expect(await describeRecord(db, 'trainingProgress', `2026:${lan.id}:${items[0].id}`)).toMatchObject({ title: `Nguyễn Thị Lan — ${items[0].title}`, href: `/training/${lan.id}?y=2026` });
    expect(await describeRecord(db, 'ratings', `2026:${lan.id}`)).toMatchObject({ title: 'Nguyễn Thị Lan', href: `/rating/${lan.id}?y=2026` });
    expect(await describeRecord(db, 'unitRatings', 'unit:2026')).toMatchObject({ title: 'Chi đoàn tự xếp loại năm 2026', href: '/rating?y=2026' });
    expect(await describeRecord(db, 'unitSettings', 'settings:unit')).toMatchObject({ href: '/rating/settings' });
    expect(tableLabel('ratings')).toBe('Xếp loại đoàn viên');
    expect(fieldLabel('ratings', 'overrideReason')).toBe('Lý do khác gợi ý');
    expect(fieldLabel('unitSettings', 'ratingGoodMinParticipation')).toBe('Tốt: tham gia tối thiểu (%)');
    expect(formatValue('ratings', 'level', 'good')).toBe('Hoàn thành tốt nhiệm vụ');
    expect(formatValue('trainingRegistrations', 'outcome', 'not_completed')).toBe('Không hoàn thành');
  });
});

// The meeting and activity forms: what a secretary types → a valid record, or an error key
// on the field that is wrong.
import { describe, expect, it } from 'vitest';
import { fromMeetingForm, parseTime, retitle, toMeetingForm, type MeetingFormValues } from '../../../src/features/meetings/meeting-form-model';
import { fromActivityForm, retitleActivity, toActivityForm } from '../../../src/features/activities/activity-form-model';
import type { Meeting } from '../../../src/protocol/meeting';

const base = (patch: Partial<MeetingFormValues> = {}): MeetingFormValues => ({
  ...toMeetingForm(undefined, { date: '2026-03-15' }),
  title: 'Sinh hoạt chi đoàn tháng 03/2026',
  startTime: '19:30',
  ...patch,
});

describe('time', () => {
  it('reads what people type or pickers send', () => {
    expect(parseTime('19:30')).toBe('19:30');
    expect(parseTime('7:05')).toBe('07:05');
    expect(parseTime('19h30')).toBe('19:30');
    expect(parseTime('19h')).toBe('19:00');
    expect(parseTime('1930')).toBe('19:30');
    expect(parseTime('19:30:00')).toBe('19:30');
    for (const bad of ['24:00', '19:60', 'abc', '', '19:3']) expect(parseTime(bad)).toBeNull();
  });
});

describe('meeting form', () => {
  it('a filled form becomes a planned meeting with local start and end times', () => {
    const r = fromMeetingForm(base({ endTime: '21:00', place: ' Hội trường ', agenda: '1. Điểm danh\n2. Sơ kết', guests: [{ name: 'Lê Văn Tám', role: 'Đoàn phường' }] }));
    expect('fields' in r && r.fields).toMatchObject({
      kind: 'regular', title: 'Sinh hoạt chi đoàn tháng 03/2026', startsAt: '2026-03-15T19:30', endsAt: '2026-03-15T21:00',
      place: 'Hội trường', guests: [{ name: 'Lê Văn Tám', role: 'Đoàn phường' }], status: 'planned',
    });
  });

  it('says what is missing, field by field, in i18n keys', () => {
    const r = fromMeetingForm(base({ title: ' ', date: '', startTime: '' }));
    expect(r).toEqual({ errors: { title: 'err.required', date: 'err.required', startTime: 'err.required' } });
  });

  it('refuses an end before the start and an unreadable time or date', () => {
    expect(fromMeetingForm(base({ endTime: '19:00' }))).toEqual({ errors: { endTime: 'meetings.errEndBeforeStart' } });
    expect(fromMeetingForm(base({ startTime: '25:00' }))).toEqual({ errors: { startTime: 'meetings.errTime' } });
    expect(fromMeetingForm(base({ date: '31/02/2026' }))).toEqual({ errors: { date: 'err.date' } });
  });

  it('accepts a typed dd/mm/yyyy date where the phone has no date picker', () => {
    const r = fromMeetingForm(base({ date: '15/03/2026' }));
    expect('fields' in r && r.fields.startsAt).toBe('2026-03-15T19:30');
  });

  it('drops empty guest rows and points at the row whose name is missing', () => {
    const r = fromMeetingForm(base({ guests: [{ name: '', role: '' }, { name: '', role: 'Bí thư Đoàn phường' }, { name: 'An', role: '' }] }));
    expect(r).toEqual({ errors: { 'guests.1.name': 'err.required' } });
    const ok = fromMeetingForm(base({ guests: [{ name: '', role: '' }, { name: 'An', role: '' }] }));
    expect('fields' in ok && ok.fields.guests).toEqual([{ name: 'An', role: undefined }]);
  });

  it('an existing meeting round-trips through the form unchanged', () => {
    const m = {
      id: 'm1', unitId: 'u1', rev: {}, deleted: false, createdAt: '', updatedAt: '',
      kind: 'committee', title: 'Họp BCH', startsAt: '2026-04-02T07:30', endsAt: '2026-04-02T09:00', place: 'Văn phòng',
      chairId: 'member-0001', minuteTakerId: 'member-0002', guests: [{ name: 'Chị Hoa', role: undefined }], agenda: 'Chuẩn bị 30/4',
      status: 'held', subGroup: 'Tổ 1',
    } satisfies Meeting;
    const r = fromMeetingForm(toMeetingForm(m));
    const { id: _id, unitId: _u, rev: _r, deleted: _d, createdAt: _c, updatedAt: _up, ...fields } = m;
    expect('fields' in r && r.fields).toEqual(fields);
  });

  it('keeps a suggested title in step with kind and date until the secretary types one', () => {
    const suggest = (kind: string, date: string) => (kind === 'regular' ? `Sinh hoạt tháng ${date.slice(5, 7)}` : undefined);
    const v0 = base({ title: 'Sinh hoạt tháng 03' });
    const v1 = retitle(v0, { ...v0, date: '2026-04-10' }, suggest);
    expect(v1.title).toBe('Sinh hoạt tháng 04');
    const v2 = retitle(v1, { ...v1, kind: 'thematic' }, suggest);
    expect(v2.title).toBe(''); // no suggestion for a thematic meeting: the theme must be typed
    const typed = { ...v1, title: 'Sinh hoạt chủ điểm 26/3' };
    expect(retitle(typed, { ...typed, date: '2026-05-01' }, suggest).title).toBe('Sinh hoạt chủ điểm 26/3');
  });
});

describe('activity form', () => {
  it('needs a title and a real date', () => {
    expect(fromActivityForm({ ...toActivityForm(), title: '', date: '' })).toEqual({ errors: { title: 'err.required', date: 'err.required' } });
    expect(fromActivityForm({ ...toActivityForm(), title: 'Chủ nhật xanh', date: '2026-02-30' })).toEqual({ errors: { date: 'err.date' } });
  });
  it('becomes a record, results optional', () => {
    const r = fromActivityForm({ ...toActivityForm(undefined, { date: '2026-03-22' }), title: 'Chủ nhật xanh', results: '  ' });
    expect('fields' in r && r.fields).toEqual({ kind: 'green_sunday', title: 'Chủ nhật xanh', date: '2026-03-22', place: undefined, results: undefined, status: 'planned' });
  });
  it('carries its evidence photos, and none clears them', () => {
    const sha = 'ab'.repeat(32);
    const r = fromActivityForm({ ...toActivityForm(undefined, { date: '2026-03-22' }), title: 'Chủ nhật xanh', photos: [sha] });
    expect('fields' in r && r.fields.photos).toEqual([sha]);
    const cleared = fromActivityForm({ ...toActivityForm(undefined, { date: '2026-03-22' }), title: 'Chủ nhật xanh' });
    expect('fields' in cleared && 'photos' in cleared.fields && cleared.fields.photos).toBe(undefined);
    expect(fromActivityForm({ ...toActivityForm(undefined, { date: '2026-03-22' }), title: 'Chủ nhật xanh', photos: ['not-a-hash'] })).toEqual({ errors: { photos: 'err.sha256' } });
  });
  it('a named campaign is its own title until one is typed', () => {
    const label = (k: string) => ({ green_sunday: 'Chủ nhật xanh', youth_month: 'Tháng Thanh niên' } as Record<string, string>)[k] ?? k;
    const v0 = { ...toActivityForm(), title: 'Chủ nhật xanh' };
    expect(retitleActivity(v0, { ...v0, kind: 'youth_month' }, label).title).toBe('Tháng Thanh niên');
    expect(retitleActivity(v0, { ...v0, kind: 'volunteering' }, label).title).toBe('');
    const typed = { ...v0, title: 'Dọn kênh Nhiêu Lộc' };
    expect(retitleActivity(typed, { ...typed, kind: 'youth_month' }, label).title).toBe('Dọn kênh Nhiêu Lộc');
  });
});

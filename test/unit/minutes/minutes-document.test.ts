// The minutes document model (print view and .docx both render it) and the editor's form
// model: pure functions over plain data.
import { describe, expect, it } from 'vitest';
import { BLANK, buildMinutesDoc, issuerUnitLine, minutesPlainText } from '../../../src/features/minutes/minutes-document';
import { emptyTask, emptyVote, formErrors, toDraftPatch, toForm } from '../../../src/features/minutes/minutes-form';
import { rollRoster } from '../../../src/features/minutes/roll-roster';

const EMPTY_ATTENDANCE = { total: 0, present: 0, late: 0, absentExcused: [], absentUnexcused: [], guests: [] };
const base = {
  unit: { name: 'Chi đoàn Công ty May 30/4', kind: 'branch' as const, parentUnit: 'Đoàn phường 7' },
  meeting: { kind: 'regular' as const, title: 'Sinh hoạt tháng 3', startsAt: '2026-03-15T19:30' },
  attendance: EMPTY_ATTENDANCE,
};

describe('minutes document', () => {
  it('numbers the sections in the order of DOMAIN.md and leaves room to write in an empty draft', () => {
    const doc = buildMinutesDoc({ ...base, minutes: undefined });
    expect(doc.isDraft).toBe(true);
    expect(doc.body.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      'I. THỜI GIAN, ĐỊA ĐIỂM',
      'II. THÀNH PHẦN THAM DỰ',
      'III. CHỦ TRÌ, THƯ KÝ',
      'IV. CHƯƠNG TRÌNH',
      'V. NỘI DUNG',
      'VI. KẾT LUẬN, NGHỊ QUYẾT VÀ PHÂN CÔNG NHIỆM VỤ',
    ]);
    const text = minutesPlainText(doc);
    expect(text).toContain(`Địa điểm: ${BLANK}`);
    expect(text).toContain(`Chủ trì: ${BLANK}`);
    expect(text).toContain('Buổi sinh hoạt kết thúc vào lúc …… giờ …… phút cùng ngày.');
    expect(text).not.toContain('Biểu quyết'); // optional parts appear only when filled
    expect(text).not.toContain('Thu đoàn phí');
    expect(doc.placeDate).toBe('……, ngày 15 tháng 3 năm 2026');
  });

  it("heads the page with the unit's locality, never the meeting's room, which stays in the body", () => {
    const meeting = { ...base.meeting, place: 'Hội trường tầng 2' };
    const withLocality = buildMinutesDoc({ ...base, unit: { ...base.unit, locality: 'Quận 8' }, meeting, minutes: undefined });
    expect(withLocality.placeDate).toBe('Quận 8, ngày 15 tháng 3 năm 2026');
    expect(minutesPlainText(withLocality)).toContain('Địa điểm: Hội trường tầng 2');
    const without = buildMinutesDoc({ ...base, meeting, minutes: undefined });
    expect(without.placeDate).toBe('……, ngày 15 tháng 3 năm 2026');
    expect(without.placeDate).not.toContain('Hội trường');
    expect(minutesPlainText(without)).toContain('Địa điểm: Hội trường tầng 2');
  });

  it('one paragraph per typed line; a typed place-and-date line wins over the computed one', () => {
    const doc = buildMinutesDoc({ ...base, minutes: { discussion: 'Một\n\n  Hai  ', placeAndDate: 'Phường 7, ngày 15 tháng 3 năm 2026' } });
    const paras = doc.body.map((b) => b.text);
    expect(paras).toContain('Một');
    expect(paras).toContain('Hai');
    expect(doc.placeDate).toBe('Phường 7, ngày 15 tháng 3 năm 2026');
  });

  it('names the issuing unit with its level, in capitals', () => {
    expect(issuerUnitLine({ name: 'Chi đoàn Công ty May 30/4', kind: 'branch', parentUnit: 'x' })).toBe('CHI ĐOÀN CÔNG TY MAY 30/4');
    expect(issuerUnitLine({ name: 'Lớp 12A1', kind: 'branch', parentUnit: 'x' })).toBe('CHI ĐOÀN LỚP 12A1');
    expect(issuerUnitLine({ name: 'phường 7', kind: 'baseUnion', parentUnit: 'x' })).toBe('ĐOÀN PHƯỜNG 7');
  });

  it('calls a committee meeting "Cuộc họp" and shows the theme of a thematic one', () => {
    expect(buildMinutesDoc({ ...base, meeting: { ...base.meeting, kind: 'committee' }, minutes: { endedAt: '21:00' } }).closing).toBe(
      'Cuộc họp kết thúc vào lúc 21 giờ 00 phút cùng ngày.',
    );
    const thematic = buildMinutesDoc({ ...base, meeting: { ...base.meeting, kind: 'thematic', title: 'Tự hào Đoàn ta' }, minutes: undefined });
    expect(thematic.subtitle).toBe('SINH HOẠT CHỦ ĐIỂM');
    expect(thematic.theme).toBe('Chủ đề: Tự hào Đoàn ta');
  });
});

describe('minutes form', () => {
  it('saves rows that say what they are about, deadlines ISO when real dates', () => {
    const form = toForm(undefined);
    form.votes = [{ ...emptyVote(), matter: ' Kết nạp ', votesFor: '30', votesAgainst: '', present: '32' }, { ...emptyVote(), votesFor: '3' }];
    form.tasks = [{ ...emptyTask(), what: 'Dọn hội trường', due: '5/4/26' }, { ...emptyTask(), what: 'Báo cáo', due: '31/02' }, emptyTask()];
    form.endedAt = '21:0';
    const patch = toDraftPatch(form);
    expect(patch.votes).toEqual([{ matter: 'Kết nạp', votesFor: 30, votesAgainst: 0, present: 32 }]);
    expect(patch.tasks).toEqual([
      { what: 'Dọn hội trường', who: undefined, due: '2026-04-05' },
      { what: 'Báo cáo', who: undefined, due: '31/02' }, // kept as typed: nothing is lost
    ]);
    expect(patch.endedAt).toBeUndefined();
    expect(formErrors(form)).toEqual({ 'votes.1.matter': 'minutes.errVoteMatter', 'votes.1.counts': 'minutes.errVoteTotal', 'tasks.1.due': 'err.date', endedAt: 'minutes.errTime' });
    // and back: the form shows dd/mm/yyyy
    expect(toForm({ tasks: patch.tasks, votes: patch.votes }).tasks.map((t) => t.due)).toEqual(['05/04/2026', '31/02']);
  });

  it('refuses votes where for + against exceed present', () => {
    const form = toForm(undefined);
    form.votes = [{ ...emptyVote(), matter: 'Kỷ luật', votesFor: '20', votesAgainst: '13', present: '32' }];
    expect(formErrors(form)).toEqual({ 'votes.0.counts': 'minutes.errVoteTotal' });
    form.votes[0].votesAgainst = '12';
    expect(formErrors(form)).toEqual({});
  });

  it('refuses what the meeting cannot hold: more present than could be, an end before the start', () => {
    // found in use: "Có mặt: 500" in a unit of 40 and an end at 15:00 after a 16:30 start, locked
    const form = toForm(undefined);
    form.votes = [{ ...emptyVote(), matter: 'Kết nạp', votesFor: '480', votesAgainst: '', present: '500' }];
    form.endedAt = '15:00';
    const bounds = { startsAt: '16:30', mostPresent: 38 };
    expect(formErrors(form, bounds)).toEqual({ 'votes.0.counts': 'minutes.errVotePresent', endedAt: 'minutes.errEndBeforeStart' });
    form.votes[0] = { ...form.votes[0], votesFor: '36', present: '38' };
    form.endedAt = '18:30';
    expect(formErrors(form, bounds)).toEqual({});
  });
});

describe('roll roster', () => {
  const m = (id: string, fullName: string, extra: object = {}) => ({ id, fullName, status: 'active' as const, ...extra });
  it('participating members of the sub-group plus anyone already marked, sorted by given name', () => {
    const members = [
      m('a', 'Trần Văn Bình', { subGroup: 'Tổ 1' }),
      m('b', 'Lê Thị An', { subGroup: 'Tổ 1' }),
      m('c', 'Phạm Chí', { subGroup: 'Tổ 2' }),
      m('d', 'Vũ Đức', { subGroup: 'Tổ 1', status: 'transferred_out' as const }),
      m('e', 'Hà Yến', { subGroup: 'Tổ 1', status: 'transferred_out' as const }),
      m('f', 'Ngô Em', { subGroup: 'Tổ 1', deleted: true }),
    ];
    expect(rollRoster(members, 'Tổ 1', new Set(['e'])).map((x) => x.fullName)).toEqual(['Lê Thị An', 'Trần Văn Bình', 'Hà Yến']);
    expect(rollRoster(members, undefined, new Set()).map((x) => x.id)).toEqual(['b', 'a', 'c']);
  });
});

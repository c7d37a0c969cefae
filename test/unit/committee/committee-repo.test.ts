// The committee over real Dexie (fake-indexeddb): a term and its seats, the refusals (which
// write nothing), members.position and the unit's term label and secretary kept in step in
// the same transaction, the settings row written field by field, and the committee screen's
// reads (names, members who left, vacancies, the congress due, meetings per period).
import { beforeEach, describe, expect, it } from 'vitest';
import { freshUnit, refusal } from '../helpers';
import { addMemberEvent, createMember } from '../../../src/features/members/members-repo';
import { createMeeting } from '../../../src/features/meetings/meetings-repo';
import { assignSeat, endSeat, removeSeat, saveCommitteeSettings, saveTerm, updateSeat } from '../../../src/features/committee/committee-repo';
import { getSeat, loadCommittee } from '../../../src/features/committee/committee-queries';
import { catchUpPositions } from '../../../src/features/committee/positions-sync';
import { catchUpCommittee } from '../../../src/sync/app-sync';
import { saveRatingThresholds } from '../../../src/features/rating/rating-repo';
import { activeDb } from '../../../src/data/session';
import { closeUnitDb } from '../../../src/data/db';
import { resetSession } from '../../../src/data/session';
import { createUnit } from '../../../src/features/setup/unit-repo';
import { MEMBER_DEFAULTS, type Member } from '../../../src/protocol/member';

const TODAY = '2026-06-15';
const ADMITTED = '2019-03-26';

async function people(...names: string[]): Promise<Member[]> {
  const out: Member[] = [];
  for (const fullName of names) out.push(await createMember({ ...MEMBER_DEFAULTS, fullName, admissionDate: ADMITTED }));
  return out;
}

async function position(id: string) {
  return (await (await activeDb()).members.get(id))!.position;
}

async function outboxSize() {
  return (await activeDb()).outbox.count();
}

const TERM = { label: '2025–2027', startsOn: '2025-03-20', size: 5, deputies: 1 };

beforeEach(() => freshUnit());

describe('terms', () => {
  it('fills the planned end from the term length setting when left empty', async () => {
    expect((await saveTerm(TERM, undefined, TODAY)).endsOn).toBe('2027-09-20');
    await saveCommitteeSettings({ termMonths: 60 });
    expect((await saveTerm({ ...TERM, label: '2030–2035', startsOn: '2030-01-10' })).endsOn).toBe('2035-01-10');
    expect((await saveTerm({ ...TERM, label: '2031–2033', startsOn: '2031-01-10', endsOn: '2033-12-31' })).endsOn).toBe('2033-12-31');
  });

  it('refuses an end before the start, more deputies than seats, a second term on the same day — writing nothing', async () => {
    await saveTerm(TERM, undefined, TODAY);
    const before = await outboxSize();
    expect(await refusal(saveTerm({ ...TERM, startsOn: '2025-06-01', endsOn: '2025-05-01' }))).toBe('committee.errEndBeforeStart');
    expect(await refusal(saveTerm({ ...TERM, startsOn: '2025-06-01', size: 3, deputies: 3 }))).toBe('committee.errDeputiesOverSize');
    expect(await refusal(saveTerm({ ...TERM, label: 'khác' }))).toBe('committee.errSameStart');
    expect(await refusal(saveTerm({ ...TERM, label: '' }))).toBe('err.required');
    expect(await outboxSize()).toBe(before);
  });

  it('refuses to shrink a term below the seats it holds', async () => {
    const t = await saveTerm({ ...TERM, size: 3 }, undefined, TODAY);
    const [a, b, c] = await people('Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường');
    await assignSeat({ termId: t.id, memberId: a.id, position: 'secretary', from: TERM.startsOn }, TODAY);
    await assignSeat({ termId: t.id, memberId: b.id, position: 'deputySecretary', from: TERM.startsOn }, TODAY);
    await assignSeat({ termId: t.id, memberId: c.id, position: 'committeeMember', from: TERM.startsOn }, TODAY);
    expect(await refusal(saveTerm({ ...TERM, size: 2, deputies: 1 }, t.id, TODAY))).toBe('committee.errSeatsDontFit');
    expect(await refusal(saveTerm({ ...TERM, startsOn: '2025-04-01' }, t.id, TODAY))).toBe('committee.errSeatsDontFit');
    expect((await saveTerm({ ...TERM, size: 4, label: '2025–2028' }, t.id, TODAY)).size).toBe(4);
  });

  it('drops the Ban Thường vụ size of a chi đoàn, keeps it for a Đoàn cơ sở', async () => {
    expect((await saveTerm({ ...TERM, standingSize: 3 }, undefined, TODAY)).standingSize).toBeUndefined();
    closeUnitDb();
    resetSession();
    await createUnit({ name: 'Đoàn phường 7', kind: 'baseUnion', parentUnit: 'Đoàn TNCS tỉnh', subGroups: [] });
    const t = await saveTerm({ ...TERM, size: 9, deputies: 2, standingSize: 3 }, undefined, TODAY);
    expect(t.standingSize).toBe(3);
    expect(await refusal(saveTerm({ ...TERM, startsOn: '2026-01-01', size: 5, standingSize: 7 }))).toBe('committee.errStandingOverSize');
    const [a, b, c, d] = await people('Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung');
    await assignSeat({ termId: t.id, memberId: a.id, position: 'secretary', standing: true, from: TERM.startsOn }, TODAY);
    await assignSeat({ termId: t.id, memberId: b.id, position: 'deputySecretary', standing: true, from: TERM.startsOn }, TODAY);
    await assignSeat({ termId: t.id, memberId: c.id, position: 'committeeMember', standing: true, from: TERM.startsOn }, TODAY);
    expect(await refusal(assignSeat({ termId: t.id, memberId: d.id, position: 'committeeMember', standing: true, from: TERM.startsOn }, TODAY))).toBe('committee.err_tooManyStanding');
    expect((await assignSeat({ termId: t.id, memberId: d.id, position: 'committeeMember', from: TERM.startsOn }, TODAY)).standing).toBe(false);
  });
});

describe('seats', () => {
  it('refuses a second secretary, more deputies or seats than decided, one member twice — writing nothing', async () => {
    const t = await saveTerm({ ...TERM, size: 3 }, undefined, TODAY);
    const [a, b, c, d] = await people('Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung');
    const seat = (memberId: string, pos: 'secretary' | 'deputySecretary' | 'committeeMember', from = TERM.startsOn) => assignSeat({ termId: t.id, memberId, position: pos, from }, TODAY);
    await seat(a.id, 'secretary');
    await seat(b.id, 'deputySecretary');
    const before = await outboxSize();
    expect(await refusal(seat(c.id, 'secretary'))).toBe('committee.err_secondSecretary');
    expect(await refusal(seat(c.id, 'deputySecretary'))).toBe('committee.err_tooManyDeputies');
    expect(await refusal(seat(a.id, 'committeeMember', '2025-05-01'))).toBe('committee.err_twoSeats');
    expect(await refusal(seat(c.id, 'committeeMember', '2025-01-01'))).toBe('committee.err_beforeTerm');
    expect(await outboxSize()).toBe(before);
    await seat(c.id, 'committeeMember');
    expect(await refusal(seat(d.id, 'committeeMember'))).toBe('committee.err_tooManySeats');
  });

  it('refuses a member not in the unit on the first day of the seat', async () => {
    const t = await saveTerm(TERM, undefined, TODAY);
    const [late] = await people('Võ Thị Mới');
    await addMemberEvent({ memberId: late.id, kind: 'transfer_out', date: '2025-12-31' });
    const fresh = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Đặng Văn Sau', admissionDate: '2025-09-02' });
    expect(await refusal(assignSeat({ termId: t.id, memberId: late.id, position: 'committeeMember', from: '2026-01-05' }, TODAY))).toBe('committee.errNotInUnit');
    expect(await refusal(assignSeat({ termId: t.id, memberId: fresh.id, position: 'committeeMember', from: TERM.startsOn }, TODAY))).toBe('committee.errNotInUnit');
    expect((await assignSeat({ termId: t.id, memberId: fresh.id, position: 'committeeMember', from: '2025-09-02' }, TODAY)).from).toBe('2025-09-02');
  });

  it('keeps members.position and the unit’s term and secretary in step, in the same write', async () => {
    const t = await saveTerm(TERM, undefined, TODAY);
    const [a, b, c] = await people('Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường');
    // a position typed by hand before the committee was recorded gives way to the roster
    await (await import('../../../src/features/members/members-repo')).updateMember(c.id, { position: 'secretary' });
    const sa = await assignSeat({ termId: t.id, memberId: a.id, position: 'secretary', from: TERM.startsOn }, TODAY);
    const sb = await assignSeat({ termId: t.id, memberId: b.id, position: 'deputySecretary', from: TERM.startsOn }, TODAY);
    expect([await position(a.id), await position(b.id), await position(c.id)]).toEqual(['secretary', 'deputySecretary', 'member']);
    const db = await activeDb();
    const unit = (await db.units.toArray())[0];
    expect(unit).toMatchObject({ term: '2025–2027', secretaryName: 'Nguyễn Văn An' });
    // the member's position is sent in the outbox like any edit
    expect(await db.outbox.filter((m) => m.table === 'members' && m.rowId === a.id && m.fields.position === 'secretary').count()).toBe(1);

    // the secretary moves away: her seat ends, she is a member again; the deputy is elected secretary
    await endSeat(sa.id, '2026-04-30', 'moved', TODAY);
    expect(await position(a.id)).toBe('member');
    await endSeat(sb.id, '2026-05-09', 'promoted', TODAY);
    await assignSeat({ termId: t.id, memberId: b.id, position: 'secretary', from: '2026-05-10' }, TODAY);
    expect(await position(b.id)).toBe('secretary');
    expect((await db.units.toArray())[0].secretaryName).toBe('Trần Thị Bình');

    // a seat starting later does not change today's position
    const sc = await assignSeat({ termId: t.id, memberId: c.id, position: 'committeeMember', from: '2026-07-01' }, TODAY);
    expect(await position(c.id)).toBe('member');
    await updateSeat(sc.id, { from: '2026-06-01' }, TODAY);
    expect(await position(c.id)).toBe('committeeMember');
    await removeSeat(sc.id, TODAY);
    expect(await position(c.id)).toBe('member');
  });

  it('refuses an end without a reason or before the start, and an edit can reopen an ended seat', async () => {
    const t = await saveTerm(TERM, undefined, TODAY);
    const [a] = await people('Nguyễn Văn An');
    const s = await assignSeat({ termId: t.id, memberId: a.id, position: 'committeeMember', from: '2025-04-01' }, TODAY);
    expect(await refusal(endSeat(s.id, '2026-01-01', ' ', TODAY))).toBe('committee.errReasonRequired');
    expect(await refusal(endSeat(s.id, '2025-03-01', 'resigned', TODAY))).toBe('committee.err_toBeforeFrom');
    const ended = await endSeat(s.id, '2026-01-01', 'resigned', TODAY);
    expect(ended).toMatchObject({ to: '2026-01-01', endReason: 'resigned' });
    const open = await updateSeat(s.id, { to: '' }, TODAY);
    expect(open).toMatchObject({ to: '', endReason: '' });
    expect(await position(a.id)).toBe('committeeMember');
  });
});

describe('a committee change dated later takes effect on its day', () => {
  const YESTERDAY = '2026-06-14';

  it('catches the members’ positions up with the committee of the day, writing only what differs', async () => {
    const t = await saveTerm(TERM, undefined, TODAY);
    const [a, b, c] = await people('Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường');
    // saved last month: a's seat ends yesterday, b's starts today
    const before = '2026-05-15';
    await assignSeat({ termId: t.id, memberId: a.id, position: 'secretary', from: TERM.startsOn, to: YESTERDAY, endReason: 'moved' }, before);
    await assignSeat({ termId: t.id, memberId: b.id, position: 'secretary', from: TODAY }, before);
    await assignSeat({ termId: t.id, memberId: c.id, position: 'committeeMember', from: TERM.startsOn }, before);
    expect([await position(a.id), await position(b.id)]).toEqual(['secretary', 'member']);
    const db = await activeDb();
    expect((await db.units.toArray())[0].secretaryName).toBe('Nguyễn Văn An');

    const queued = await outboxSize();
    expect(await catchUpPositions(TODAY)).toBe(true);
    expect([await position(a.id), await position(b.id), await position(c.id)]).toEqual(['member', 'secretary', 'committeeMember']);
    expect((await db.units.toArray())[0].secretaryName).toBe('Trần Thị Bình');
    // through the outbox, like any edit: a, b and the unit's secretary, nothing for c
    const sent = (await db.outbox.toArray()).slice(queued);
    expect(sent.map((m) => [m.table, m.rowId, m.fields]).sort()).toEqual(
      [['members', a.id, { position: 'member' }], ['members', b.id, { position: 'secretary' }], ['units', (await db.units.toArray())[0].id, { secretaryName: 'Trần Thị Bình' }]].sort(),
    );

    // nothing differs now: no write, no outbox entry (a second phone, or the next start)
    const after = await outboxSize();
    const stamp = (await db.members.get(a.id))!.updatedAt;
    expect(await catchUpPositions(TODAY)).toBe(false);
    expect(await outboxSize()).toBe(after);
    expect((await db.members.get(a.id))!.updatedAt).toBe(stamp);
  });

  it('a new term starting today brings its label to the unit', async () => {
    await saveTerm(TERM, undefined, TODAY);
    await saveTerm({ ...TERM, label: '2026–2029', startsOn: TODAY }, undefined, '2026-06-01');
    const db = await activeDb();
    expect((await db.units.toArray())[0].term).toBe('2025–2027');
    await catchUpPositions(TODAY);
    expect((await db.units.toArray())[0].term).toBe('2026–2029');
  });

  it('does nothing in a unit with no committee, and the start-up run writes what the day changed', async () => {
    const [a] = await people('Nguyễn Văn An');
    await (await import('../../../src/features/members/members-repo')).updateMember(a.id, { position: 'secretary' });
    const queued = await outboxSize();
    expect(await catchUpPositions(TODAY)).toBe(false);
    await catchUpCommittee();
    expect(await outboxSize()).toBe(queued);
    expect(await position(a.id)).toBe('secretary'); // typed by hand, no committee recorded: kept

    const t = await saveTerm(TERM, undefined, '2025-04-01');
    await assignSeat({ termId: t.id, memberId: a.id, position: 'secretary', from: TERM.startsOn, to: '2025-12-31', endReason: 'moved' }, '2025-04-01');
    expect(await position(a.id)).toBe('secretary');
    await catchUpCommittee(); // today: the real date, past the seat's end
    expect(await position(a.id)).toBe('member');
  });
});

describe('settings', () => {
  it('writes term length and frequency into the unit settings row, other settings untouched', async () => {
    await saveRatingThresholds({ ratingExcellentMinParticipation: 95 });
    await saveCommitteeSettings({ termMonths: 60, committeeMeetingFrequency: 'quarterly' });
    const row = await (await activeDb()).unitSettings.get('settings:unit');
    expect(row).toMatchObject({ ratingExcellentMinParticipation: 95, termMonths: 60, committeeMeetingFrequency: 'quarterly' });
    expect(await refusal(saveCommitteeSettings({ termMonths: 3 }))).toBe('err.months');
  });
});

describe('the committee screen’s reads', () => {
  it('names the seats, drops members who left, shows vacancies by position and the congress due', async () => {
    const t = await saveTerm({ ...TERM, endsOn: '2026-08-31' }, undefined, TODAY);
    const [a, b, c] = await people('Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường');
    await assignSeat({ termId: t.id, memberId: a.id, position: 'secretary', from: TERM.startsOn }, TODAY);
    await assignSeat({ termId: t.id, memberId: b.id, position: 'committeeMember', from: TERM.startsOn }, TODAY);
    await assignSeat({ termId: t.id, memberId: c.id, position: 'committeeMember', from: TERM.startsOn }, TODAY);
    await addMemberEvent({ memberId: c.id, kind: 'transfer_out', date: '2026-05-31' });
    const v = await loadCommittee(TODAY);
    expect(v.current!.seats.map((s) => s.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(v.current!.ended.map((s) => s.name)).toEqual(['Lê Văn Cường']);
    expect(v.current!.state).toMatchObject({ size: 5, filled: 2, vacancies: 3, complete: false });
    expect(v.current!.vacant).toEqual({ secretary: 0, deputySecretary: 1, committeeMember: 2 });
    expect(v.current).toMatchObject({ due: '2026-08-31', monthsLeft: 2, soon: 'soon' });
    expect(v.terms.map((x) => x.id)).toEqual([t.id]);
  });

  it('tags namesakes with the birth year: on the roster, among the ended seats and on the seat’s page', async () => {
    const t = await saveTerm(TERM, undefined, TODAY);
    const an = (dateOfBirth: string) => createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Văn An', dateOfBirth, admissionDate: ADMITTED });
    const a1 = await an('1998-04-02');
    await an('2001-09-15'); // holds no seat: the roster still says which An is the secretary
    const a3 = await an('1995-01-20');
    const [b] = await people('Trần Thị Bình');
    await assignSeat({ termId: t.id, memberId: a1.id, position: 'secretary', from: TERM.startsOn }, TODAY);
    await assignSeat({ termId: t.id, memberId: b.id, position: 'deputySecretary', from: TERM.startsOn }, TODAY);
    const ended = await assignSeat({ termId: t.id, memberId: a3.id, position: 'committeeMember', from: TERM.startsOn, to: '2026-01-31', endReason: 'moved' }, TODAY);
    const v = await loadCommittee(TODAY);
    expect(v.current!.seats.map((s) => s.name)).toEqual(['Nguyễn Văn An (1998)', 'Trần Thị Bình']);
    expect(v.current!.ended.map((s) => s.name)).toEqual(['Nguyễn Văn An (1995)']);
    expect((await getSeat(ended.id))!.name).toBe('Nguyễn Văn An (1995)');
  });

  it('counts committee meetings of the unit year per month, naming the months missed', async () => {
    await saveTerm(TERM, undefined, TODAY);
    const meet = (startsAt: string, kind: 'committee' | 'regular' = 'committee', status: 'held' | 'planned' = 'held') =>
      createMeeting({ kind, title: 'Họp BCH', startsAt, place: 'Văn phòng', guests: [], status });
    for (const m of ['01', '02', '04', '05']) await meet(`2026-${m}-05T19:00`);
    await meet('2026-03-05T19:00', 'regular');
    await meet('2026-06-20T19:00', 'committee', 'planned');
    const v = await loadCommittee(TODAY);
    expect(v.meetings).toMatchObject({ frequency: 'monthly', held: 4, due: 5, missed: ['2026-03'], currentHeld: false });
    await saveCommitteeSettings({ committeeMeetingFrequency: 'quarterly' });
    expect((await loadCommittee(TODAY)).meetings).toMatchObject({ frequency: 'quarterly', held: 2, due: 2, missed: [], currentHeld: true });
  });

  it('shows no committee before the first term', async () => {
    const v = await loadCommittee(TODAY);
    expect(v.current).toBeUndefined();
    expect(v.meetings.periods).toHaveLength(6);
  });
});

// The pure rules behind the level above's reports table and the notes threads.
import { describe, expect, it } from 'vitest';
import { cellOf, tallyOf } from '../../../src/protocol/completeness-rules';
import { isUnreadBy, sideOfRole, threadsOf, type NoteLike } from '../../../src/protocol/note-rules';
import { reportPeriod, reportId } from '../../../src/protocol/report-period';
import { reportStanding, type ReviewLike, type VersionLike } from '../../../src/protocol/report-status';

const Q1 = reportPeriod('quarter', 2026, 1);
const DUE = '2026-04-10';
function item(versions: VersionLike[] = [], reviews: ReviewLike[] = [], today = '2026-05-01') {
  return { period: Q1, id: reportId(Q1), standing: reportStanding(undefined, versions, reviews, DUE, today) };
}
const v = (version: number, day: string): VersionLike => ({ version, submittedAt: `${day}T08:00:00.000Z`, dueOn: DUE });

describe('completeness cells', () => {
  it('says on time, late by N days, missing by N days, not due, returned, received, out of sight', () => {
    expect(cellOf(item([v(1, '2026-04-09')]), '2026-05-01')).toMatchObject({ state: 'onTime', sent: 1, wasLate: false });
    expect(cellOf(item([v(1, '2026-04-15')]), '2026-05-01')).toMatchObject({ state: 'late', days: 5, wasLate: true });
    expect(cellOf(item([], [], '2026-05-01'), '2026-05-01')).toMatchObject({ state: 'missing', days: 21, sent: 0 });
    expect(cellOf(item([], [], '2026-04-10'), '2026-04-10')).toMatchObject({ state: 'notDue' });
    const returned = item([v(1, '2026-04-15')], [{ version: 1, decision: 'returned', comment: 'Thiếu số liệu', reviewedAt: '2026-04-20T00:00:00Z' }]);
    expect(cellOf(returned, '2026-05-01')).toMatchObject({ state: 'returned', wasLate: true });
    // version 2 sent after the return, not yet reviewed: sent, judged by the first version
    const resent = item([v(1, '2026-04-09'), v(2, '2026-04-25')], [{ version: 1, decision: 'returned', reviewedAt: '2026-04-20T00:00:00Z' }]);
    expect(cellOf(resent, '2026-05-01')).toMatchObject({ state: 'onTime', sent: 2 });
    const received = item([v(1, '2026-04-09')], [{ version: 1, decision: 'received', reviewedAt: '2026-04-11T00:00:00Z' }]);
    expect(cellOf(received, '2026-05-01').state).toBe('received');
    // due before the unit began in the app: nobody's business here
    expect(cellOf(item(), '2026-05-01', '2026-05-01')).toMatchObject({ state: 'outOfSight' });
  });

  it('tallies a period: sent of the units followed, late, missing, returned', () => {
    const cells = [
      cellOf(item([v(1, '2026-04-09')]), '2026-05-01'),
      cellOf(item([v(1, '2026-04-12')]), '2026-05-01'),
      cellOf(item(), '2026-05-01'),
      cellOf(item([v(1, '2026-04-15')], [{ version: 1, decision: 'returned', comment: 'x', reviewedAt: '2026-04-20' }]), '2026-05-01'),
      cellOf(item(), '2026-05-01', '2026-05-01'),
    ];
    expect(tallyOf(cells)).toEqual({ units: 4, sent: 3, late: 2, missing: 1, returned: 1 });
  });
});

describe('note threads', () => {
  const n = (id: string, threadId: string, from: 'above' | 'unit', at: string, extra: Partial<NoteLike> = {}): NoteLike => ({
    id, threadId, kind: id === threadId ? (from === 'above' ? 'guidance' : 'question') : 'reply', from, body: id, at, ...extra,
  });

  it('groups by thread, opening note first, newest activity first, unread per side', () => {
    const notes = [
      n('g1', 'g1', 'above', '2026-03-01T00:00:00Z'),
      n('q1', 'q1', 'unit', '2026-03-02T00:00:00Z', { readAt: '2026-03-02T05:00:00Z' }),
      // a reply stamped (clock skew) before the question it answers still follows it
      n('r1', 'q1', 'above', '2026-03-01T23:00:00Z'),
      n('r2', 'g1', 'unit', '2026-03-05T00:00:00Z'),
      n('gone', 'g1', 'above', '2026-03-06T00:00:00Z', { deleted: true }),
    ];
    const unit = threadsOf(notes, 'unit');
    expect(unit.map((t) => t.id)).toEqual(['g1', 'q1']);
    expect(unit[0]).toMatchObject({ kind: 'guidance', unread: 1, lastAt: '2026-03-05T00:00:00Z' });
    expect(unit[1].notes.map((x) => x.id)).toEqual(['q1', 'r1']);
    expect(unit[1]).toMatchObject({ kind: 'question', unread: 1 });
    const above = threadsOf(notes, 'above');
    expect(above.map((t) => t.unread)).toEqual([1, 0]);
    expect(isUnreadBy(notes[0], 'above')).toBe(false);
    expect(sideOfRole('supervisor')).toBe('above');
    expect([undefined, 'secretary', 'deputy', 'viewer'].map(sideOfRole)).toEqual(['unit', 'unit', 'unit', 'unit']);
  });
});

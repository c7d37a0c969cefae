// The check-in rules: overdue is open and past its due day; the quarters of a calendar year
// are held, missed (ended with none), current or future.
import { describe, expect, it } from 'vitest';
import { actionOrder, isOverdue, lastCheckIn, missedQuarters, openActions, overdueActions, quarterCheckIns, quarterOf, quarterSpan } from '../../../src/protocol/checkin-rules';

describe('checkin rules', () => {
  it('an open action past its due day is overdue; due today, done, dropped, deleted or undated are not', () => {
    const today = '2026-05-10';
    expect(isOverdue({ status: 'open', dueOn: '2026-05-09' }, today)).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: '2026-05-10' }, today)).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2026-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'dropped', dueOn: '2026-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: '2026-01-01', deleted: true }, today)).toBe(false);
    expect(isOverdue({ status: 'open' }, today)).toBe(false);
  });

  it('lists open and overdue actions, the longest overdue first', () => {
    const acts = [
      { id: 'a', status: 'open', dueOn: '2026-04-01' },
      { id: 'b', status: 'open', dueOn: '2026-02-01' },
      { id: 'c', status: 'done', dueOn: '2026-01-01' },
      { id: 'd', status: 'open', dueOn: '2026-12-01' },
      { id: 'e', status: 'open', deleted: true },
      { id: 'f', status: 'open' },
    ];
    expect(openActions(acts).map((a) => a.id)).toEqual(['a', 'b', 'd', 'f']);
    expect(overdueActions(acts, '2026-05-10').map((a) => a.id)).toEqual(['b', 'a']);
    expect(actionOrder(acts, '2026-05-10').map((a) => a.id)).toEqual(['b', 'a', 'd', 'f', 'c']);
  });

  it('finds the last check-in by date, skipping deleted ones', () => {
    const rows = [
      { id: '1', date: '2026-02-01' },
      { id: '2', date: '2026-08-01', deleted: true },
      { id: '3', date: '2026-05-01' },
    ];
    expect(lastCheckIn(rows)?.id).toBe('3');
    expect(lastCheckIn([])).toBeUndefined();
  });

  it('knows the calendar quarters', () => {
    expect(['2026-01-01', '2026-03-31', '2026-04-01', '2026-09-30', '2026-12-31'].map(quarterOf)).toEqual([1, 1, 2, 3, 4]);
    expect(quarterSpan(2026, 2)).toEqual({ from: '2026-04-01', to: '2026-06-30' });
    expect(quarterSpan(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('marks each quarter held, missed, current or future', () => {
    const rows = [{ date: '2026-02-10' }, { date: '2026-03-30' }, { date: '2026-08-01', deleted: true }, { date: '2025-12-31' }];
    expect(quarterCheckIns(rows, 2026, '2026-08-15')).toEqual([
      { quarter: 1, held: 2, state: 'held' },
      { quarter: 2, held: 0, state: 'missed' },
      { quarter: 3, held: 0, state: 'current' },
      { quarter: 4, held: 0, state: 'future' },
    ]);
    // the quarter's last day is still current; the next day it is missed
    expect(quarterCheckIns([], 2026, '2026-06-30')[1].state).toBe('current');
    expect(quarterCheckIns([], 2026, '2026-07-01')[1].state).toBe('missed');
    // a past year: every empty quarter missed
    expect(missedQuarters(rows, 2025, '2026-08-15')).toEqual([1, 2, 3]);
    // a future year: all future
    expect(quarterCheckIns([], 2027, '2026-08-15').map((q) => q.state)).toEqual(['future', 'future', 'future', 'future']);
  });

  it('a quarter that ended before the unit started its book is not missed', () => {
    // started 20/05: Q1 is before it; Q2 ended after it with no check-in
    expect(quarterCheckIns([], 2026, '2026-08-15', '2026-05-20').map((q) => q.state)).toEqual(['before', 'missed', 'current', 'future']);
    // a check-in before the book started still counts as held
    expect(quarterCheckIns([{ date: '2026-02-01' }], 2026, '2026-08-15', '2026-05-20')[0].state).toBe('held');
  });
});

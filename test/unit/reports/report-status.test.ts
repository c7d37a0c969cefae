import { describe, expect, it } from 'vitest';
import { reportStanding } from '../../../src/protocol/report-status';

const DUE = '2026-04-10';
const v = (version: number, day: string) => ({ version, submittedAt: `${day}T09:00:00.000Z`, dueOn: DUE });

describe('reportStanding', () => {
  it('not started: due soon a week before, late after the due date', () => {
    expect(reportStanding(undefined, [], [], DUE, '2026-04-02')).toMatchObject({ state: 'notStarted', dueSoon: false, late: false });
    expect(reportStanding(undefined, [], [], DUE, '2026-04-03')).toMatchObject({ dueSoon: true, late: false });
    expect(reportStanding(undefined, [], [], DUE, '2026-04-10')).toMatchObject({ dueSoon: true, late: false });
    expect(reportStanding({ status: 'draft', version: 1 }, [], [], DUE, '2026-04-11')).toMatchObject({ state: 'draft', dueSoon: false, late: true });
  });
  it('sent on time or late, judged by the first version', () => {
    expect(reportStanding({ status: 'submitted', version: 1 }, [v(1, '2026-04-10')], [], DUE, '2026-05-01')).toMatchObject({ state: 'submitted', sent: 1, onTime: true, late: false });
    expect(reportStanding({ status: 'submitted', version: 1 }, [v(1, '2026-04-11')], [], DUE, '2026-05-01')).toMatchObject({ onTime: false, late: false });
  });
  it('received, returned, and the draft of the next version', () => {
    const returned = { version: 1, decision: 'returned' as const, comment: 'Bổ sung số liệu đoàn phí', reviewedAt: '2026-04-12T00:00:00Z' };
    expect(reportStanding({ status: 'submitted', version: 1 }, [v(1, '2026-04-08')], [returned], DUE, '2026-04-13')).toMatchObject({ state: 'returned', review: returned });
    const drafting = reportStanding({ status: 'draft', version: 2 }, [v(1, '2026-04-08')], [returned], DUE, '2026-04-13');
    expect(drafting).toMatchObject({ state: 'returned', drafting: 2, sent: 1, onTime: true });
    const sent2 = reportStanding({ status: 'submitted', version: 2 }, [v(1, '2026-04-08'), v(2, '2026-04-20')], [returned], DUE, '2026-04-21');
    expect(sent2).toMatchObject({ state: 'submitted', sent: 2, onTime: true, review: undefined });
    const received = { ...returned, version: 2, decision: 'received' as const };
    expect(reportStanding({ status: 'submitted', version: 2 }, [v(2, '2026-04-20'), v(1, '2026-04-08')], [returned, received], DUE, '2026-04-21').state).toBe('received');
  });
});

// A hand-written set of a quarter's figures (issue 10), valid against the schema: for tests of
// the narrative, the document, the server's rules and the screens, which need figures without
// computing them.
import type { ReportFigures } from '../../../src/protocol/report-figures-schema';

export function sampleFigures(over: Partial<ReportFigures> = {}): ReportFigures {
  return {
    asOf: '2026-03-31',
    membership: {
      v: 1, start: 40, end: 42, admitted: 3, transferredIn: 1, transferredOut: 1, graduated: 1, struckOff: 0,
      disciplined: 0, cardsIssued: 2, turned30: 1,
      groups: [
        { name: 'Tổ May 1', start: 22, end: 23 },
        { name: 'Tổ May 2', start: 18, end: 19 },
      ],
    },
    meetings: {
      v: 1,
      byKind: [
        { kind: 'regular', held: 3, attendancePct: 86 },
        { kind: 'thematic', held: 1, attendancePct: 90.5 },
      ],
      attendancePct: 87.1,
      regularHeld: 3,
      monthsWithoutRegular: [],
    },
    activities: {
      v: 1,
      byKind: [
        { kind: 'green_sunday', count: 2, participants: 35 },
        { kind: 'youth_month', count: 1, participants: 40 },
      ],
      total: 3,
      participants: 75,
    },
    projects: { v: 1, items: [{ id: 'project-0001', title: 'Sửa sân chơi cho con công nhân', stage: 'inProgress', acceptedInPeriod: false }] },
    training: { v: 1, year: 2026, roster: 42, registered: 40, registeredPct: 95.2, assessed: 0, completing: 0, completingPct: undefined },
    dues: { v: 1, collected: 1_260_000, owedMonths: 9, owedMembers: 4, owedAmount: 90_000, remitted: 420_000, toRemit: 420_000 },
    recognition: { v: 1, commended: 2, disciplined: 0, introducedToParty: 1, admittedToParty: 0 },
    targets: {
      v: 1,
      year: 2026,
      items: [
        { id: 'target-0001', title: 'Chi đoàn đạt Hoàn thành tốt nhiệm vụ', measure: 'level', value: undefined, goal: 3, pct: undefined, status: 'notMeasurable' },
        { id: 'target-0002', title: '100 % đoàn viên đăng ký học tập', measure: 'percent', value: 95.2, goal: 100, pct: 95.2, status: 'behind' },
      ],
    },
    ...over,
  };
}

// Properties of a report's figures over generated units (a seeded generator: a failure names
// its seed): the figures never depend on the order rows were read in, nor on how the members are
// sliced; they always fit the schema; the head count at the end is the start plus what came in
// minus what went out, for members whose moves are all inside the period.
import { describe, expect, it } from 'vitest';
import { computeReportFigures, figureSteps, type ReportInputs } from '../../../src/protocol/report-figures';
import { reportPeriod, type ReportPeriod } from '../../../src/protocol/report-period';
import { reportFigures } from '../../../src/protocol/report-figures-schema';
import { ACTIVITY_KINDS, MEETING_KINDS } from '../../../src/protocol/meeting-enums';
import { AVAILABLE_RULES, RULE_MEASURE, type TargetLike } from '../../../src/protocol/target-rules';
import { emptyInputs } from './figures-inputs';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pad = (n: number) => String(n).padStart(2, '0');

function gen(seed: number): { inputs: ReportInputs; period: ReportPeriod; asOf: string } {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T,>(xs: readonly T[]): T => xs[int(xs.length)];
  const day = () => `${2025 + int(2)}-${pad(1 + int(12))}-${pad(1 + int(28))}`;
  const school = r() < 0.4;
  const period = pick([reportPeriod('quarter', 2026, 1 + int(4)), reportPeriod('half_year', 2025, 1 + int(2), school ? 'school' : 'calendar'), reportPeriod('year', 2025, 1, school ? 'school' : 'calendar')]);
  const asOf = r() < 0.5 ? period.to : period.from.slice(0, 8) + pad(1 + int(28));
  const year = school ? (Number(asOf.slice(5, 7)) < 9 ? Number(asOf.slice(0, 4)) - 1 : Number(asOf.slice(0, 4))) : Number(asOf.slice(0, 4));
  const n = 5 + int(40);
  const ids = Array.from({ length: n }, (_, i) => `m${pad(i)}`);
  const members = ids.map((id) => ({
    id,
    status: pick(['active', 'active', 'active', 'transferred_out', 'graduated']),
    admissionDate: r() < 0.7 ? '2020-01-01' : day(),
    archivedAt: r() < 0.05 ? '2025-01-01' : undefined,
    deleted: r() < 0.05,
    dateOfBirth: `${1994 + int(4)}-${pad(1 + int(12))}-${pad(1 + int(28))}`,
    subGroup: pick(['Tổ 1', 'Tổ 2', '', 'Lớp cũ']),
    duesCategory: pick(['salaried', 'unsalaried'] as const),
  }));
  const kinds = ['admission', 'transfer_in', 'transfer_out', 'graduation', 'struck_off', 'discipline', 'card_issued', 'commendation', 'party_introduction', 'party_admission'];
  const memberEvents = Array.from({ length: int(40) }, (_, i) => {
    const kind = pick(kinds);
    return { id: `e${i}`, memberId: pick(ids), kind, date: day(), disciplineLevel: kind === 'discipline' ? pick(['reprimand', 'expulsion']) : undefined, deleted: r() < 0.05 };
  });
  const meetings = Array.from({ length: int(20) }, (_, i) => ({ id: `mt${i}`, kind: pick(MEETING_KINDS), status: pick(['held', 'held', 'planned', 'cancelled'] as const), startsAt: `${day()}T19:30`, deleted: r() < 0.05 }));
  const activities = Array.from({ length: int(12) }, (_, i) => ({ id: `a${i}`, kind: pick(ACTIVITY_KINDS), status: pick(['held', 'planned']), date: day() }));
  const events = [...meetings.map((m) => m.id), ...activities.map((a) => a.id)];
  const attendance = events.flatMap((eventId) => ids.filter(() => r() < 0.6).map((memberId) => ({ eventId, memberId, status: pick(['present', 'late', 'absent_excused', 'absent_unexcused']) })));
  const dues = ids.flatMap((memberId, i) =>
    Array.from({ length: int(6) }, (_, j) => ({ id: `d${i}-${j}`, memberId, period: `${2025 + int(2)}-${pad(1 + int(12))}`, amount: pick([2000, 5000, 3000]), paidAt: day() })),
  );
  const reversals = dues.filter(() => r() < 0.1).map((d) => ({ ...d, id: `${d.id}-r`, amount: -d.amount, reversesId: d.id, paidAt: d.paidAt < '2026-12-01' ? d.paidAt.slice(0, 8) + '28' : d.paidAt }));
  const targets: TargetLike[] = Array.from({ length: int(6) }, (_, i) => {
    const rule = pick(AVAILABLE_RULES);
    return { id: `t${i}`, title: `Chỉ tiêu ${i}`, measure: RULE_MEASURE[rule], goal: RULE_MEASURE[rule] === 'percent' ? 80 : 1 + int(5), source: 'computed', rule, sortOrder: int(3) };
  });
  const inputs = emptyInputs(year, school ? 'school' : 'calendar', {
    subGroups: ['Tổ 1', 'Tổ 2'],
    members,
    memberEvents,
    meetings,
    activities,
    attendance,
    dues: [...dues, ...reversals],
    firstPaidAt: '2025-01-01',
    duesExemptions: ids.filter(() => r() < 0.1).map((memberId) => ({ memberId, fromPeriod: '2026-01', toPeriod: '2026-03' })),
    remittances: Array.from({ length: int(12) }, (_, i) => ({ period: `2026-${pad(i + 1)}`, amount: 1000 * int(10) })),
    registrations: ids.filter(() => r() < 0.8).map((memberId) => ({ memberId, itemIds: [], registeredAt: day(), outcome: pick(['', 'excellent', 'good', 'completed', 'not_completed'] as const) })),
    ratings: ids.filter(() => r() < 0.7).map((memberId) => ({ memberId, level: pick(['', 'excellent', 'good', 'completed', 'not_completed'] as const) })),
    unitRating: r() < 0.5 ? { level: 'good' } : undefined,
    youthProjects: Array.from({ length: int(4) }, (_, i) => ({ id: `p${i}`, year, title: `Công trình ${i}`, stage: pick(['registered', 'inProgress', 'accepted', 'dropped'] as const), registeredOn: day(), startedOn: day(), acceptedOn: day(), droppedOn: day() })),
    targets,
  });
  return { inputs, period, asOf };
}

function shuffled<T>(xs: readonly T[], r: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function shuffleAll(inputs: ReportInputs, seed: number): ReportInputs {
  const r = rng(seed);
  const out = { ...inputs } as Record<string, unknown>;
  for (const [k, v] of Object.entries(inputs)) if (Array.isArray(v) && k !== 'subGroups') out[k] = shuffled(v, r);
  return out as unknown as ReportInputs;
}

function runSteps(inputs: ReportInputs, period: ReportPeriod, asOf: string, slice: number) {
  const steps = figureSteps(inputs, period, asOf, slice);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

describe('report figures over generated units', () => {
  it('never depend on row order or slicing, and fit the schema', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { inputs, period, asOf } = gen(seed);
      const base = computeReportFigures(inputs, period, asOf);
      const parsed = reportFigures.safeParse(base);
      expect(parsed.success, `seed ${seed}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      expect(computeReportFigures(shuffleAll(inputs, seed * 7), period, asOf), `seed ${seed}`).toEqual(base);
      expect(runSteps(shuffleAll(inputs, seed * 13), period, asOf, 3), `seed ${seed} sliced`).toEqual(base);
      expect(base.ratings === undefined, `seed ${seed}`).toBe(period.kind !== 'year');
    }
  });

  it('end = start + in − out, for members whose every move is dated inside the period', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const { inputs, period, asOf } = gen(seed);
      // keep only live members with no moves before the period (their stay is known from the events)
      const moving = new Set(['admission', 'transfer_in', 'transfer_out', 'graduation', 'struck_off']);
      const members = inputs.members.filter((m) => !m.deleted && !m.archivedAt).map((m) => ({ ...m, status: 'active', admissionDate: '2020-01-01' }));
      // one move at most per member, dated in the period up to asOf, and only moves
      const seen = new Set<string>();
      const memberEvents = inputs.memberEvents.filter((e) => {
        if (e.deleted || !moving.has(e.kind) || e.date < period.from || e.date > asOf || seen.has(e.memberId)) return false;
        seen.add(e.memberId);
        return true;
      }).map((e) => ({ ...e, disciplineLevel: undefined }));
      // a member whose only move starts a stay arrived then: no admission date before it
      const arriving = new Map(memberEvents.filter((e) => e.kind === 'admission' || e.kind === 'transfer_in').map((e) => [e.memberId, e.date]));
      const f = computeReportFigures({ ...inputs, members: members.map((m) => (arriving.has(m.id) ? { ...m, admissionDate: arriving.get(m.id) } : m)), memberEvents }, period, asOf).membership;
      // a leaving dated asOf still counts at the end (the leaving day is in the unit);
      // an arrival dated on the first day already counts at the start
      const leftOnLastDay = memberEvents.filter((e) => !arriving.has(e.memberId) && e.date === asOf).length;
      const cameOnFirstDay = memberEvents.filter((e) => arriving.has(e.memberId) && e.date === period.from).length;
      expect(f.end, `seed ${seed}`).toBe(f.start + f.admitted + f.transferredIn - cameOnFirstDay - (f.transferredOut + f.graduated + f.struckOff - leftOnLastDay));
    }
  });
});

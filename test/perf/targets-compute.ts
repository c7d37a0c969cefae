// The year's targets over a 5,000-member unit, computed in Node (issue 9: "targets for a
// 5,000-member unit must compute without a task > 200 ms at 4× CPU"). computeTargets runs in
// one task after the reads (targets-queries.ts), so its time is that task's length. Node on this
// machine, unthrottled: ×4 stands in for Chromium throttled 4× (both V8 on the same CPU).
//   npx tsx test/perf/targets-compute.ts [--count 5000] [--runs 9]
// Profile: COUNT generated members (test/fixtures/generate-members.mjs), 10 % with a move in
// the year, ratings for all, registrations for 95 % with outcomes, 12 regular + 4 committee
// meetings, 30 activities, a committee of 9, 12 remittances, and the template's eight targets
// plus two entered ones.
// @ts-expect-error: plain ESM fixture generator without types
import { generateMembers } from '../fixtures/generate-members.mjs';
import { computeSteps, computeTargets, memberFact, needsEligibility, yearBasis, yearContext, type MemberFact, type TargetLike, type YearInputs } from '../../src/protocol/target-rules';
import { templateTargets } from '../../src/protocol/target-template';
import { yearSpan } from '../../src/protocol/year';

const args = Object.fromEntries(process.argv.slice(2).reduce<[string, string][]>((acc, a, i, all) => (a.startsWith('--') ? [...acc, [a.slice(2), all[i + 1]]] : acc), []));
const COUNT = Number(args.count ?? 5000);
const RUNS = Number(args.runs ?? 9);
const Y = 2026;
const pad = (n: number) => String(n).padStart(2, '0');

export const members = (generateMembers({ count: COUNT }) as { id: string; status: string; admissionDate?: string }[]).map((m) => ({ ...m, status: 'active' }));
const levels = ['excellent', 'good', 'good', 'completed', 'not_completed'] as const;
export const inputs: YearInputs = {
  span: yearSpan(Y),
  today: `${Y}-10-15`,
  members,
  memberEvents: members.flatMap((m, i) => (i % 10 === 0 ? [{ id: `e${i}`, memberId: m.id, kind: i % 20 === 0 ? 'admission' : 'transfer_out', date: `${Y}-${pad(1 + (i % 12))}-10` }] : [])),
  ratings: members.map((m, i) => ({ memberId: m.id, level: levels[i % 5] })),
  unitRating: { level: 'good' },
  registrations: members.filter((_, i) => i % 20 !== 0).map((m, i) => ({ memberId: m.id, itemIds: [], outcome: i % 3 ? 'good' : '' })),
  youthProjects: [{ id: 'p1', year: Y, stage: 'inProgress' }],
  meetings: [
    ...Array.from({ length: 12 }, (_, i) => ({ id: `r${i}`, kind: 'regular', status: 'held' as const, startsAt: `${Y}-${pad(i + 1)}-10T19:30` })),
    ...Array.from({ length: 4 }, (_, i) => ({ id: `c${i}`, kind: 'committee', status: 'held' as const, startsAt: `${Y}-${pad(i * 3 + 1)}-05T19:30` })),
  ],
  activities: Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, kind: 'green_sunday', status: 'held', date: `${Y}-${pad(1 + (i % 12))}-01` })),
  terms: [{ id: 't1', label: 'k', startsOn: '2025-06-01', size: 9 }],
  seats: members.slice(0, 9).map((m, i) => ({ id: `s${i}`, termId: 't1', memberId: m.id, position: i ? ('committeeMember' as const) : ('secretary' as const), from: '2025-06-01' })),
  remittances: Array.from({ length: 9 }, (_, i) => ({ period: `${Y}-${pad(i + 1)}` })),
  meetingFrequency: 'monthly',
  committeeMeetingFrequency: 'quarterly',
};
export const targets: TargetLike[] = [
  ...templateTargets(Y).map((t) => ({ ...t, source: 'computed' as const })),
  { id: 'x1', title: 'Chủ nhật xanh', measure: 'count', goal: 12, source: 'computed', rule: 'activitiesOfKind', ruleParam: 'green_sunday', sortOrder: 100 },
  { id: 'x2', title: 'Tọa đàm', measure: 'count', goal: 3, source: 'entered', enteredValue: 2, sortOrder: 110 },
];

if (!process.env.TARGETS_FIXTURE_ONLY) {
  // As targets-queries computeInSlices does it: member facts in slices of SLICE, then the targets.
  const SLICE = 500;
  const whole: number[] = [];
  const slices: number[] = [];
  const finals: number[] = [];
  let out: ReturnType<typeof computeTargets> = [];
  const withElig = needsEligibility(targets);
  for (let i = 0; i < RUNS + 2; i++) {
    let t0 = performance.now();
    out = computeTargets(targets, inputs);
    const all = performance.now() - t0;
    const { day, moves } = yearBasis(inputs);
    const facts: MemberFact[] = [];
    let worst = 0;
    for (let k = 0; k < inputs.members.length; k += SLICE) {
      t0 = performance.now();
      for (const m of inputs.members.slice(k, k + SLICE)) facts.push(memberFact(m, inputs, day, moves, withElig));
      worst = Math.max(worst, performance.now() - t0);
    }
    // one target per task, as targets-queries does: the longest step
    let last = 0;
    t0 = performance.now();
    const steps = computeSteps(targets, inputs, yearContext(inputs, facts, withElig));
    while (!steps.next().done) {
      last = Math.max(last, performance.now() - t0);
      t0 = performance.now();
    }
    last = Math.max(last, performance.now() - t0);
    if (i < 2) continue; // two warm-up runs: the JIT, as on a screen opened a second time
    whole.push(all);
    slices.push(worst);
    finals.push(last);
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const max = (xs: number[]) => Math.max(...xs);
  const line = (name: string, xs: number[]) => console.log(`${name.padEnd(34)} median ${med(xs).toFixed(1)} ms, max ${max(xs).toFixed(1)} ms  (≈ 4×: ${(med(xs) * 4).toFixed(0)} / ${(max(xs) * 4).toFixed(0)} ms)`);
  console.log(`members ${COUNT}, targets ${targets.length}, runs ${RUNS}, Node unthrottled (×4 ≈ Chromium at 4× CPU)`);
  line('all at once (one task)', whole);
  line(`longest slice of ${SLICE} members`, slices);
  line('longest target step after the slices', finals);
  for (const r of out) console.log(`  ${r.status.padEnd(13)} ${String(r.value === undefined ? '—' : Math.round(r.value * 10) / 10).padStart(6)} / ${r.goal}  ${r.target.title}`);
}

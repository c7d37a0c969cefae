// The rating's evidence as a view: every member's row before the decisions (the register entry
// in brief, the year's eligibility, participation, months absent, training outcome, dues),
// worked out from the member digests (rating-queries.ts) and kept in the year views
// (data/year-views.ts), so that opening /rating again reads one row, not 5,000 digests and
// their rules (PERFORMANCE.md B9). The decisions are read as before: a decision changes no
// evidence, and the suggestions are made from both (rating-view.ts finishRows).
import type { DigestMember } from '../../data/member-digest';
import { activeDb } from '../../data/session';
import { throughYearView, viewStamp, type ViewForm } from '../../data/year-views';
import { unitYearSpan } from '../../data/unit-year';
import type { Eligibility, Evidence } from '../../protocol/rating-rules';
import type { TrainingOutcome } from '../../protocol/training-enums';
import type { YearLike, YearSpan } from '../../protocol/year';
import { loadRatingEvidence, type RatingEvidence } from './rating-queries';
import type { PreparedRow } from './rating-view';

type MemberField = Exclude<keyof DigestMember, 'id'>;
const MEMBER_FIELDS: readonly MemberField[] = ['fullName', 'status', 'admissionDate', 'archivedAt', 'duesCategory', 'subGroup', 'cardNumber'];
type NumberField = 'participationPct' | 'meetingsHeld' | 'unexcusedMonths' | 'duesMonthsPaid' | 'duesMonthsOwed';
const NUMBER_FIELDS: readonly NumberField[] = ['participationPct', 'meetingsHeld', 'unexcusedMonths', 'duesMonthsPaid', 'duesMonthsOwed'];
const OUTCOMES: readonly (TrainingOutcome | '')[] = ['', 'excellent', 'good', 'completed', 'not_completed'];

/** Stored: the rows as columns (a number left out is NaN; an ineligible member's reason kept as it is, by row). */
interface StoredEvidence {
  year: number;
  span: YearSpan;
  eventCount: number;
  hasDues: boolean;
  ids: string[];
  member: Record<MemberField, (string | undefined)[]>;
  /** eligible members' months in the unit */
  from: (string | undefined)[];
  to: (string | undefined)[];
  ineligible: Record<number, Eligibility>;
  listed: Uint8Array;
  numbers: Record<NumberField, Float64Array>;
  /** -1: none; else the place in OUTCOMES */
  outcomes: Int8Array;
}

export const EVIDENCE_VIEW_FORM: ViewForm<RatingEvidence, StoredEvidence> = {
  pack(e) {
    const n = e.prepared.length;
    const s: StoredEvidence = {
      year: e.year,
      span: e.span,
      eventCount: e.eventCount,
      hasDues: e.hasDues,
      ids: new Array(n),
      member: Object.fromEntries(MEMBER_FIELDS.map((f) => [f, new Array(n)])) as StoredEvidence['member'],
      from: new Array(n),
      to: new Array(n),
      ineligible: {},
      listed: new Uint8Array(n),
      numbers: Object.fromEntries(NUMBER_FIELDS.map((f) => [f, new Float64Array(n)])) as StoredEvidence['numbers'],
      outcomes: new Int8Array(n),
    };
    e.prepared.forEach((p, i) => {
      s.ids[i] = p.member.id;
      for (const f of MEMBER_FIELDS) s.member[f][i] = p.member[f];
      if (p.eligibility.eligible) {
        s.from[i] = p.eligibility.from;
        s.to[i] = p.eligibility.to;
      } else s.ineligible[i] = p.eligibility;
      s.listed[i] = p.listed ? 1 : 0;
      for (const f of NUMBER_FIELDS) s.numbers[f][i] = p.evidence[f] ?? NaN;
      s.outcomes[i] = p.evidence.trainingOutcome === undefined ? -1 : OUTCOMES.indexOf(p.evidence.trainingOutcome);
    });
    return s;
  },
  unpack(s) {
    const prepared: PreparedRow[] = new Array(s.ids.length);
    for (let i = 0; i < prepared.length; i++) {
      const member = { id: s.ids[i] } as DigestMember;
      for (const f of MEMBER_FIELDS) {
        const v = s.member[f][i];
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each field's own type, as stored
        if (v !== undefined) (member as any)[f] = v;
      }
      const evidence: Evidence = {};
      for (const f of NUMBER_FIELDS) {
        const v = s.numbers[f][i];
        if (!Number.isNaN(v)) evidence[f] = v;
      }
      const o = s.outcomes[i];
      if (o >= 0) evidence.trainingOutcome = OUTCOMES[o];
      const eligibility: Eligibility = s.ineligible[i] ?? { eligible: true, from: s.from[i]!, to: s.to[i]! };
      prepared[i] = { member, eligibility, listed: s.listed[i] === 1, evidence };
    }
    return { year: s.year, span: s.span, eventCount: s.eventCount, hasDues: s.hasDues, prepared, complete: true };
  },
};

/**
 * The year's rating evidence for the whole unit: from the year views while nothing was written
 * since it was worked out, else from the member digests (`onHead` gets the first rows first).
 */
export async function loadEvidenceView(year: YearLike, today: string, onHead?: (first: RatingEvidence) => void): Promise<RatingEvidence> {
  const db = await activeDb();
  const span: YearSpan = typeof year === 'number' ? await unitYearSpan(year, db) : year;
  // The code's address names its build (its chunk's hash covers what it imports).
  return throughYearView(db, `rating:${span.from}`, viewStamp(import.meta.url, today, span.from, span.to), () => loadRatingEvidence(span, today, undefined, onHead), EVIDENCE_VIEW_FORM);
}

// recognition-v1 (issue 10): commendations, discipline decisions (any level), introductions to
// the Party and admissions to it, dated from the period's first day to the day computed, of live
// member records (as membership-v1 counts its moves).
import type { RecognitionFigure } from '../report-figures-schema';
import type { ReportPeriod } from '../report-period';
import type { ReportInputs } from './inputs';
import { eventsInPeriod } from './membership';

export const RECOGNITION_V = 1;

export function recognitionFigure(inputs: ReportInputs, period: ReportPeriod, asOf: string): RecognitionFigure {
  const out: RecognitionFigure = { v: RECOGNITION_V, commended: 0, disciplined: 0, introducedToParty: 0, admittedToParty: 0 };
  for (const e of eventsInPeriod(inputs, period, asOf)) {
    if (e.kind === 'commendation') out.commended++;
    else if (e.kind === 'discipline') out.disciplined++;
    else if (e.kind === 'party_introduction') out.introducedToParty++;
    else if (e.kind === 'party_admission') out.admittedToParty++;
  }
  return out;
}

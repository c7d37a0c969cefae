// How a target reads: its value and goal in words ("75%", "3", "Có", "Hoàn thành tốt nhiệm
// vụ"), its status, its warning line and the reasons behind a yes/no. Pure over messages.
import type { TargetMeasure } from '../../protocol/target-enums';
import type { TargetResult } from '../../protocol/target-rules';
import { yearLabel, type YearSpan } from '../../protocol/year';
import { ty, tyd } from './i18n';
import { parseWhole } from '../../lib/money';

export function valueText(measure: TargetMeasure, v: number | undefined): string {
  if (v === undefined) return '—';
  switch (measure) {
    case 'percent':
      return `${Math.round(v)}%`;
    case 'yesNo':
      return v >= 1 ? ty('yes') : ty('no');
    case 'level':
      return tyd(`level_${Math.round(v)}`);
    default:
      return String(v);
  }
}

export function goalText(measure: TargetMeasure, goal: number): string {
  if (measure === 'yesNo') return ty('goalYes');
  return valueText(measure, goal);
}

/** "3 / 12", "75% / 80%"; a yes/no target is its answer alone ("Chưa đạt"). */
export function figureText(r: TargetResult): string {
  const m = r.target.measure;
  return m === 'yesNo' ? valueText(m, r.value) : `${valueText(m, r.value)} / ${goalText(m, r.goal)}`;
}

/** The expected-pace figure is worth a word only between nothing and the whole goal. */
export const showsMark = (r: TargetResult): boolean => r.status !== 'met' && r.expected > 0 && r.expected < r.goal;

export const spanLabel = (span: YearSpan): string => yearLabel(span.year, span.kind);

/** Rules with their own "need N more …" line. */
const COUNT_NOUNS = new Set(['regularMeetingsHeld', 'activitiesOfKind', 'membersAdmitted', 'partyIntroductions', 'duesRemittedMonths', 'projectsAccepted']);

/** "Còn 2 tháng, cần thêm 4 buổi sinh hoạt" — when behind or out of reach. */
export function warningText(r: TargetResult): string | undefined {
  const w = r.warning;
  if (!w) return undefined;
  const rule = r.target.source === 'computed' ? r.target.rule : undefined;
  if (w.code === 'count' && rule && COUNT_NOUNS.has(rule)) return tyd(`warn_count_${rule}`, w.params);
  return tyd(`warn_${w.code}`, w.params);
}

/** The reasons behind the number (a committee's vacancies, ratings decided so far…). */
export function whyLines(r: TargetResult): string[] {
  return (r.evidence.why ?? []).map((w) => tyd(`why_${w.code}`, w.params));
}

/** Where the bar is filled to, and where the expected-pace mark sits (0–100). */
export function barOf(r: TargetResult): { fill: number; mark?: number } {
  const g = r.goal;
  const clamp = (x: number) => Math.max(0, Math.min(100, x));
  const fill = r.value === undefined ? 0 : g > 0 ? clamp((r.value / g) * 100) : 100;
  const mark = g > 0 && r.expected > 0 ? clamp((r.expected / g) * 100) : undefined;
  return { fill, mark };
}

/**
 * A goal or a figure as typed (NaN when it is not one): a count or a level whole, with the
 * Vietnamese thousands dot ("1.000" is a thousand; Number() read it as 1, found in use); a
 * percent may have a decimal comma ("95,5").
 */
export function readFigure(text: string, measure: TargetMeasure): number {
  if (measure === 'percent') return /^\d{1,3}([.,]\d{1,2})?$/.test(text.trim()) ? Number(text.trim().replace(',', '.')) : NaN;
  return parseWhole(text) ?? NaN;
}


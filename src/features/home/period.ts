// The period a regular meeting is due in, as Vietnamese documents write it. Pure, tested.
import type { MeetingFrequency } from '../../protocol/meeting-enums';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** monthly → "03/2026"; quarterly → "I/2026" (quý I). */
export function periodLabel(frequency: MeetingFrequency, today: string): string {
  const y = today.slice(0, 4);
  const m = Number(today.slice(5, 7));
  return frequency === 'quarterly' ? `${ROMAN[Math.floor((m - 1) / 3)]}/${y}` : `${today.slice(5, 7)}/${y}`;
}

// The day a report's figures count up to (issue 10): apart from the rules so the loader and the
// screens can say it without loading them.
import type { ReportPeriod } from '../report-period';

/** The period's last day once it is over, today while it runs (its first day before it starts). */
export function asOfFor(period: Pick<ReportPeriod, 'from' | 'to'>, today: string): string {
  return today < period.from ? period.from : today > period.to ? period.to : today;
}

// The scorecard's messages, registered when its chunk loads: ts('title') = t('scorecard.title').
// English sits in i18n/en/index.ts with the rest of English.
import { registerMessages, tDynamic } from '../../../i18n';
import vi from '../../../i18n/vi/scorecard.json';

registerMessages('scorecard', vi);

export type ScorecardKey = keyof typeof vi;

export function ts(key: ScorecardKey, params?: Record<string, string | number>): string {
  return tDynamic(`scorecard.${key}`, params);
}

/** A key built from data (a stage, a state, a column): unknown keys show as given. */
export function tsd(key: string, params?: Record<string, string | number>): string {
  return tDynamic(`scorecard.${key}`, params);
}

// The "Năm công tác" card's messages, registered when the settings chunk loads (not in the
// shell's bundled Vietnamese): ty('title') = t('yearKind.title'). English: i18n/en/index.ts.
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/year-kind.json';

registerMessages('yearKind', vi);

export type YearKindKey = keyof typeof vi;

export function ty(key: YearKindKey, params?: Record<string, string | number>): string {
  return tDynamic(`yearKind.${key}`, params);
}

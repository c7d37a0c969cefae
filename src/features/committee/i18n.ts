// The committee screens' messages, registered when their chunk loads (not bundled with the
// shell): tc('title') = t('committee.title'). English sits in i18n/en/index.ts (lazy).
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/committee.json';
import type { CommitteePosition } from '../../protocol/committee-enums';

registerMessages('committee', vi);

export type CommitteeKey = keyof typeof vi;

export function tc(key: CommitteeKey, params?: Record<string, string | number>): string {
  return tDynamic(`committee.${key}`, params);
}

export const positionLabel = (p: CommitteePosition) => tc(`position_${p}`);

/** Reasons a seat ends, picked with one tap; any other reason is typed and stored as written. */
export const END_REASONS = ['moved', 'resigned', 'promoted', 'dismissed'] as const;

export function reasonLabel(reason: string | undefined): string {
  return (END_REASONS as readonly string[]).includes(reason ?? '') ? tc(`reason_${reason as (typeof END_REASONS)[number]}`) : (reason ?? '');
}

/** A user-facing error: repo errors carry "committee.*" or "err.*" keys. */
export function errorText(e: unknown): string {
  const key = (e as { key?: string })?.key;
  return tDynamic(key ?? 'err.unexpected');
}

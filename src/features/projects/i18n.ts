// The project screens' messages, registered when their chunk loads (not bundled with the
// shell, as training does): pt('title') = t('projects.title'). English sits in
// i18n/en/index.ts with the rest of English (lazy).
import { registerMessages, tDynamic } from '../../i18n';
import vi from '../../i18n/vi/projects.json';
import { formatDate } from '../../lib/dates';
import type { YouthProjectKind, YouthProjectStage } from '../../protocol/youth-project-enums';
import type { StageStep } from '../../protocol/youth-project-rules';

registerMessages('projects', vi);

export type ProjectsKey = keyof typeof vi;

export function pt(key: ProjectsKey, params?: Record<string, string | number>): string {
  return tDynamic(`projects.${key}`, params);
}

/** A user-facing error: repo errors carry "projects.*" or "err.*" keys. */
export function errorText(e: unknown): string {
  const key = (e as { key?: string })?.key;
  return tDynamic(key ?? 'err.unexpected');
}

export const kindLabel = (k: YouthProjectKind) => pt(`kind_${k}`);
export const stageLabel = (s: YouthProjectStage) => pt(`stage_${s}`);
export const stepLabel = (s: StageStep) => pt(`step_${s}`);

/** "01/03/2026 – 30/04/2026", one side alone, or "" */
export function dateRange(from?: string, to?: string): string {
  if (from && to) return pt('whenRange', { from: formatDate(from), to: formatDate(to) });
  return formatDate(from || to || undefined);
}

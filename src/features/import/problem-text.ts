// Plain-language text for row problems and file errors (i18n keys under "import").
import { currentLang, tDynamic } from '../../i18n';
import { ti, type ImportKey } from './i18n';
import { ImportError } from './errors';
import { MAX_DATA_ROWS } from './limits';
import type { Problem } from './validate';
import type { ColumnTarget } from './columns';

export function problemText(p: Problem): string {
  const params = { column: p.column ?? '', value: p.value ?? '', line: p.line ?? '' };
  if (p.code === 'field') return ti('p_field', { ...params, message: tDynamic(p.message ?? 'err.invalid') });
  return tDynamic(`import.p_${p.code}`, params);
}

export function targetLabel(target: ColumnTarget): string {
  return target === 'ignore' ? ti('ignore') : tDynamic(`import.col_${target}`);
}

/** The message for anything thrown while reading, importing or undoing. */
export function errorText(e: unknown, fallback: ImportKey & ('e_unreadable' | 'e_importFailed' | 'e_undoFailed')): string {
  if (e instanceof ImportError) return tDynamic(`import.e_${e.code}`, { max: formatCount(MAX_DATA_ROWS) });
  const key = (e as { key?: unknown })?.key;
  if (typeof key === 'string' && key.startsWith('err.')) return tDynamic(key);
  return ti(fallback);
}

/** "26/03/2025 14:05" in local time. */
export function formatAt(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getDate())}/${p(d.getMonth() + 1)}/${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** 50000 → "50.000" (vi) or "50,000" (en). */
export function formatCount(n: number): string {
  return n.toLocaleString(currentLang() === 'en' ? 'en-US' : 'vi-VN');
}

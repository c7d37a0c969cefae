// STYLE.md: "A feature that needs another feature's labels or helpers imports from that
// feature's public module (its repo/queries, or a small index.ts), never from its internals."
// Read from the sources: every import (static, dynamic, re-export) in src/features/X that lands
// in src/features/Y must land on Y's index.ts, a *-repo.ts or a *-queries.ts. Pure helpers
// several features share live in src/lib (or src/protocol) instead. Stylesheets are not code:
// the activity screens wear the meeting screens' look (meetings.css) on purpose.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../../..');
const FEATURES = join(ROOT, 'src/features');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(e.name) ? [path] : [];
  });
}

/** Relative specifiers of `… from '…'`, `import '…'` and `import('…')`. */
function relativeImports(code: string): string[] {
  const found = code.matchAll(/\bfrom\s*['"](\.[^'"]*)['"]|\bimport\s*\(?\s*['"](\.[^'"]*)['"]/g);
  return [...found].map((m) => m[1] ?? m[2]);
}

/** "members/member-queries" → allowed; "meetings/labels" → not. */
function isPublicModule(pathInFeature: string): boolean {
  const file = pathInFeature.replace(/\.(ts|tsx)$/, '');
  // above/registry: which supervisor account and units this phone holds (COMMON foundation), a data module every level-above feature reads
  return file === '' || file === 'index' || /^[a-z-]+-(repo|queries)$/.test(file) || pathInFeature.replace(/\.ts$/, '') === 'registry';
}

function crossFeatureImports(): string[] {
  const offenders: string[] = [];
  for (const file of sources(FEATURES)) {
    const [feature] = relative(FEATURES, file).split('/');
    for (const spec of relativeImports(readFileSync(file, 'utf8'))) {
      const target = relative(FEATURES, resolve(dirname(file), spec));
      if (target.startsWith('..') || target.endsWith('.css')) continue; // outside src/features (lib, data, ui, …), or a stylesheet
      const [other, ...rest] = target.split('/');
      if (other !== feature && !isPublicModule(rest.join('/'))) offenders.push(`${relative(ROOT, file)} → ${spec}`);
    }
  }
  return offenders;
}

describe('feature boundaries', () => {
  it("no feature imports another feature's internals, only its index.ts, *-repo.ts or *-queries.ts", () => {
    expect(crossFeatureImports()).toEqual([]);
  });

  it('tells public modules from internals', () => {
    expect(['', 'index', 'index.ts', 'member-queries', 'attendance-repo.ts'].every(isPublicModule)).toBe(true);
    expect(['labels', 'calendar', 'member-search', 'MembersPage', 'sub/x-repo'].some(isPublicModule)).toBe(false);
  });
});

// What the service worker precaches is decided from the module graph (scripts/precache-plan.ts):
// reaching from the entry stops at dynamic imports of listed modules; whatever only they lead
// to — chunks, CSS, a worker — is left out; anything a field screen also reaches stays.
import { describe, expect, test } from 'vitest';
import { matchesAny, planPrecache, type BuiltChunk } from '../../../scripts/precache-plan';

function chunk(file: string, o: Partial<BuiltChunk> = {}): BuiltChunk {
  return { file, isEntry: false, entryModule: null, modules: [], imports: [], dynamicImports: [], css: [], code: '', ...o };
}

// A small app: shell → members (field) and import (not precached); both use a shared helper,
// the import page has its own CSS, a worker and a lazily loaded zip library.
const graph = (): { chunks: BuiltChunk[]; assets: string[] } => ({
  chunks: [
    chunk('assets/index.js', {
      isEntry: true,
      entryModule: 'src/main.tsx',
      modules: ['src/main.tsx', 'src/app/routes.tsx'],
      imports: ['assets/preact.js'],
      dynamicImports: ['assets/MembersPage.js', 'assets/ImportPage.js', 'assets/en.js'],
      css: ['assets/index.css'],
      // the routes table names the lazy chunks' CSS in its preload lists
      code: 'm.f=["assets/MembersPage.js","assets/ImportPage.js","assets/ImportPage.css"]',
    }),
    chunk('assets/preact.js', { modules: ['node_modules/preact/dist/preact.module.js'] }),
    chunk('assets/MembersPage.js', {
      entryModule: 'src/features/members/MembersPage.tsx',
      modules: ['src/features/members/MembersPage.tsx'],
      imports: ['assets/dates.js', 'assets/preact.js'],
    }),
    chunk('assets/ImportPage.js', {
      entryModule: 'src/features/import/ImportPage.tsx',
      modules: ['src/features/import/ImportPage.tsx', 'src/features/import/import-client.ts'],
      imports: ['assets/dates.js', 'assets/csv.js'],
      dynamicImports: ['assets/fflate.js'],
      css: ['assets/ImportPage.css'],
      code: 'new Worker(new URL(`/assets/import.worker-x1.js`,import.meta.url))',
    }),
    chunk('assets/dates.js', { modules: ['src/lib/dates.ts'] }),
    chunk('assets/csv.js', { modules: ['src/lib/csv.ts'] }),
    chunk('assets/fflate.js', { entryModule: 'node_modules/fflate/esm/browser.js', modules: ['node_modules/fflate/esm/browser.js'] }),
    chunk('assets/en.js', { entryModule: 'src/i18n/en/index.ts', modules: ['src/i18n/en/index.ts', 'src/i18n/en/common.json'] }),
  ],
  assets: ['index.html', 'assets/index.css', 'assets/ImportPage.css', 'assets/import.worker-x1.js', 'favicon.svg'],
});

const NOT_PRECACHED = matchesAny(['src/i18n/en/', 'src/features/import/ImportPage.tsx']);

describe('planPrecache', () => {
  test('leaves out listed dynamic imports and what only they lead to: chunks, their CSS, a worker their code names', () => {
    const { chunks, assets } = graph();
    const plan = planPrecache(chunks, assets, NOT_PRECACHED);
    expect(plan.leftOut).toEqual([
      'assets/ImportPage.css',
      'assets/ImportPage.js',
      'assets/csv.js',
      'assets/en.js',
      'assets/fflate.js',
      'assets/import.worker-x1.js',
    ]);
    expect(plan.conflicts).toEqual([]);
  });

  test('a chunk a field screen also reaches stays precached', () => {
    const { chunks, assets } = graph();
    const members = chunks.find((c) => c.file === 'assets/MembersPage.js')!;
    members.imports.push('assets/csv.js');
    members.dynamicImports.push('assets/fflate.js');
    const plan = planPrecache(chunks, assets, NOT_PRECACHED);
    expect(plan.leftOut).not.toContain('assets/csv.js');
    expect(plan.leftOut).not.toContain('assets/fflate.js');
    expect(plan.leftOut).toContain('assets/ImportPage.js');
  });

  test('nothing listed: nothing left out; the entry, its CSS, html and public files are never left out', () => {
    const { chunks, assets } = graph();
    expect(planPrecache(chunks, assets, () => false).leftOut).toEqual([]);
    const all = planPrecache(chunks, assets, matchesAny(['src/', 'node_modules/'])).leftOut;
    for (const f of ['assets/index.js', 'assets/index.css', 'index.html', 'favicon.svg']) expect(all).not.toContain(f);
  });

  test('a listed module inside a precached chunk (imported statically by a field screen) is a conflict', () => {
    const { chunks, assets } = graph();
    const members = chunks.find((c) => c.file === 'assets/MembersPage.js')!;
    members.modules.push('src/i18n/en/common.json');
    expect(planPrecache(chunks, assets, NOT_PRECACHED).conflicts).toEqual(['src/i18n/en/common.json is in assets/MembersPage.js, which is precached']);
  });
});

describe('matchesAny', () => {
  test('a folder prefix ends with "/"; a file matches exactly', () => {
    const m = matchesAny(['src/i18n/en/', 'src/features/import/ImportPage.tsx']);
    expect(m('src/i18n/en/index.ts')).toBe(true);
    expect(m('src/i18n/english.ts')).toBe(false);
    expect(m('src/features/import/ImportPage.tsx')).toBe(true);
    expect(m('src/features/import/ImportPage.tsx.bak')).toBe(false);
  });
});

// Built chunks must never import each other in a circle (issue 8 item 1: backup's chunk ran
// before the chunk holding its messages). scripts/chunk-cycles.ts finds such cycles and fails
// the build; scripts/chunk-groups.ts changes the feature grouping so none is made.
import { describe, expect, test } from 'vitest';
import { chunkCycles, describeCycle, type ChunkNode } from '../../../scripts/chunk-cycles';
import { acyclicGroups, type ModuleGraph } from '../../../scripts/chunk-groups';

const chunks = (edges: Record<string, string[]>): ChunkNode[] => Object.entries(edges).map(([file, imports]) => ({ file, imports }));

describe('chunkCycles: chunks that import each other in a circle', () => {
  test('a tree and a diamond have none', () => {
    expect(chunkCycles(chunks({ index: ['a', 'b'], a: ['c'], b: ['c'], c: [] }))).toEqual([]);
  });

  test('the backup case: the feature chunk and the route chunk import each other', () => {
    expect(chunkCycles(chunks({ index: [], 'BackupPage.js': ['f-backup.js', 'common.js'], 'f-backup.js': ['BackupPage.js'], 'common.js': [] }))).toEqual([
      ['BackupPage.js', 'f-backup.js'],
    ]);
  });

  test('a longer cycle is reported once, as a path back to its start; a chunk importing itself counts', () => {
    const found = chunkCycles(chunks({ x: ['a'], a: ['b'], b: ['c'], c: ['a', 'd'], d: [], s: ['s'] }));
    expect(found).toContainEqual(['a', 'b', 'c']);
    expect(found).toContainEqual(['s']);
    expect(found).toHaveLength(2);
  });

  test('two separate cycles are both reported; imports of files outside the bundle are ignored', () => {
    const found = chunkCycles(chunks({ a: ['b', 'https://cdn/x.js'], b: ['a'], c: ['d'], d: ['c'] }));
    expect(found.map((c) => c.sort())).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  test('a deep chain does not overflow the stack', () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 20_000; i++) edges[`c${i}`] = [`c${i + 1}`];
    edges.c20000 = ['c0'];
    expect(chunkCycles(chunks(edges))[0]).toHaveLength(20_001);
  });

  test('the message names the modules whose imports make each edge', () => {
    const modules: Record<string, string[]> = { A: ['src/a.ts'], B: ['src/b.ts', 'src/b2.ts'] };
    const imports: Record<string, string[]> = { 'src/a.ts': ['src/b.ts'], 'src/b2.ts': ['src/a.ts'] };
    expect(describeCycle(['A', 'B'], (f) => modules[f] ?? [], (m) => imports[m] ?? [])).toBe(
      'A → B (src/a.ts imports src/b.ts), B → A (src/b2.ts imports src/a.ts)',
    );
  });
});

/** A module graph from "module: static imports" (and "~module" for a dynamic import). */
function graph(edges: Record<string, string[]>): ModuleGraph {
  const ids = new Set(Object.keys(edges));
  for (const to of Object.values(edges)) for (const t of to) ids.add(t.replace(/^~/, ''));
  const stat = (id: string) => (edges[id] ?? []).filter((t) => !t.startsWith('~'));
  const list = [...ids];
  return {
    ids: list,
    imports: stat,
    importers: (id) => list.filter((i) => stat(i).includes(id)),
    dynamicImporters: (id) => list.filter((i) => (edges[i] ?? []).includes('~' + id)),
  };
}
const folder = (id: string) => /^features\/(\w+)\//.exec(id)?.[1] ?? null;

describe('acyclicGroups: feature groups that cannot make a cycle', () => {
  test('what only a group imports joins it (the messages of backup, which sat in the route chunk)', () => {
    const g = graph({
      main: ['~features/backup/Page'],
      'features/backup/Page': ['features/backup/i18n', 'lib/dates'],
      'features/backup/i18n': ['i18n/vi/backup.json'],
      'features/members/List': ['lib/dates'],
    });
    const groups = acyclicGroups(g, folder, () => true);
    expect(groups.get('i18n/vi/backup.json')).toBe('backup');
    expect(groups.get('lib/dates')).toBeUndefined(); // shared with members: vite's split
    expect(groups.get('main')).toBeUndefined();
  });

  test('features that import each other share one chunk; one that only imports stays apart', () => {
    const g = graph({
      'features/meetings/Page': ['features/attendance/repo'],
      'features/attendance/repo': ['lib/x'],
      'lib/x': ['features/activities/repo'], // through an ungrouped module
      'features/activities/repo': ['features/meetings/labels'],
      'features/home/Page': ['features/meetings/labels'],
    });
    // lib/x is shared by nobody else, but may not join (as for the shell's modules)
    const groups = acyclicGroups(g, folder, (id) => id.startsWith('features/'));
    expect(groups.get('features/meetings/Page')).toBe('activities-attendance-meetings');
    expect(groups.get('features/attendance/repo')).toBe('activities-attendance-meetings');
    expect(groups.get('features/activities/repo')).toBe('activities-attendance-meetings');
    expect(groups.get('features/home/Page')).toBe('home');
  });

  test('a module shared with screens of the same feature left out of the group joins it; one only they use stays out', () => {
    const g = graph({
      'features/dues/Home': ['lib/money', '~features/dues/Grid'],
      'features/dues/Grid': ['lib/money', 'lib/grid-only'],
    });
    const base = (id: string) => (id === 'features/dues/Grid' ? null : folder(id)); // not precached
    const groups = acyclicGroups(g, base, (id) => id !== 'features/dues/Grid', folder);
    expect(groups.get('lib/money')).toBe('dues');
    expect(groups.get('lib/grid-only')).toBeUndefined();
    expect(groups.get('features/dues/Grid')).toBeUndefined();
  });

  test('a module something imports with import() is a route of its own and joins nothing', () => {
    const g = graph({ 'features/a/Page': ['lib/y', '~lib/lazy'], 'lib/lazy': [] });
    const groups = acyclicGroups(g, folder, () => true);
    expect(groups.get('lib/y')).toBe('a');
    expect(groups.get('lib/lazy')).toBeUndefined();
  });
});

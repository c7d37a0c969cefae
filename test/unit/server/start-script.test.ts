// scripts/start.mjs decides whether `npm start` must rebuild dist/ or dist-server/ first.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS, missingServerFlags } from '../../../scripts/server-flags.mjs';

type StartScript = { staleBuildReason(root: string): string | null; staleServerReason(root: string): string | null };
const scriptUrl = pathToFileURL(path.resolve(__dirname, '../../../scripts/start.mjs')).href;
const { staleBuildReason, staleServerReason } = (await import(scriptUrl)) as StartScript;

let root: string;
const past = new Date('2024-01-01T00:00:00Z');
const later = new Date('2024-06-01T00:00:00Z');

function write(relative: string, mtime: Date): void {
  const file = path.join(root, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, relative);
  utimesSync(file, mtime, mtime);
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'scd-start-'));
  write('src/main.tsx', past);
  write('src/features/members/MembersPage.tsx', past);
  write('index.html', past);
  write('vite.config.ts', past);
  write('public/icons/icon-192.png', past);
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('staleBuildReason', () => {
  it('asks for a build when dist/index.html is missing', () => {
    expect(staleBuildReason(root)).toMatch(/does not exist/);
  });

  it('is null when the build is newer than every input', () => {
    write('dist/index.html', later);
    expect(staleBuildReason(root)).toBeNull();
  });

  it.each(['src/features/members/MembersPage.tsx', 'index.html', 'vite.config.ts', 'public/icons/icon-192.png'])(
    'asks for a build when %s changed after it',
    (input) => {
      write('dist/index.html', later);
      write(input, new Date('2024-07-01T00:00:00Z'));
      expect(staleBuildReason(root)).toContain(input);
    },
  );
});

describe('staleServerReason (dist-server/index.mjs)', () => {
  beforeEach(() => {
    write('server/src/index.ts', past);
    write('package.json', past);
    write('scripts/build-server.mjs', past);
    write('scripts/server-flags.mjs', past);
  });

  it('asks for a build when the bundle is missing, and is null when it is newer than its sources', () => {
    expect(staleServerReason(root)).toBe('dist-server/index.mjs does not exist');
    write('dist-server/index.mjs', later);
    expect(staleServerReason(root)).toBeNull();
  });

  it.each(['server/src/index.ts', 'src/main.tsx', 'package.json', 'scripts/build-server.mjs', 'scripts/server-flags.mjs'])('asks for a build when %s changed after it', (input) => {
    write('dist-server/index.mjs', later);
    write(input, new Date('2024-07-01T00:00:00Z'));
    expect(staleServerReason(root)).toContain(input);
  });
});

describe('the V8 flags the server starts with (scripts/server-flags.mjs)', () => {
  const repo = path.resolve(__dirname, '../../..');

  it('npm start passes them to the process that runs the server, and the README shows them', () => {
    const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} scripts/start.mjs`);
    const readme = readFileSync(path.join(repo, 'README.md'), 'utf8');
    const commands = readme.split('\n').filter((l) => /^(PORT=\d+ )?node .*dist-server\/index\.mjs/.test(l));
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const line of commands) {
      expect(line).toContain(`node ${SERVER_NODE_FLAGS.join(' ')} dist-server/index.mjs`);
    }
  });

  it('names the flags a process lacks, given on the command line or in NODE_OPTIONS (- or _ alike)', () => {
    expect(missingServerFlags([], '')).toEqual([...SERVER_NODE_FLAGS]);
    expect(missingServerFlags([...SERVER_NODE_FLAGS], '')).toEqual([]);
    const [first, ...rest] = SERVER_NODE_FLAGS;
    expect(missingServerFlags(rest, first.replaceAll('-', '_').replace(/^__/, '--'))).toEqual([]);
    expect(missingServerFlags(rest, '--enable-source-maps')).toEqual([first]);
  });
});

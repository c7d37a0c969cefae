// B1 (PERFORMANCE.md, docs/decisions.md): every schema is written with zod/mini. One import of
// classic 'zod' anywhere the client reaches puts JSON-Schema generation back in the precache
// (+16 KB gz), and a classic schema mixed into a mini one changes the inferred types.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { memberFields } from '../../../src/protocol/member';

const ROOT = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.(ts|tsx|mts|mjs)$/.test(e.name) ? [path] : [];
  });
}

describe('zod/mini only', () => {
  it('no source file imports classic zod', () => {
    const classic = /\bfrom\s+['"]zod(\/v4)?['"]|\bimport\(\s*['"]zod(\/v4)?['"]\s*\)/;
    const offenders = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'server'))]
      .filter((f) => classic.test(readFileSync(f, 'utf8')))
      .map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('schemas are mini: no classic methods such as .toJSONSchema or .optional', () => {
    expect('toJSONSchema' in memberFields).toBe(false);
    expect('optional' in memberFields).toBe(false);
    expect(typeof memberFields.safeParse).toBe('function');
  });
});

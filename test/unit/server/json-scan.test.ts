// The JSON scanner that checks a body while it arrives: it must accept exactly what
// JSON.parse accepts (however the bytes are split), and stop at the first level too deep.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonScanError, JsonScanner } from '../../../server/src/http/json-scan';

const FC_SEED = Number(process.env.FC_SEED ?? 20251128);
const utf8 = (text: string) => new TextEncoder().encode(text);

/** Feeds `text` in pieces of `step` bytes; the error the scanner threw, or null. */
function scan(text: string, maxDepth = 1000, step = Infinity): JsonScanError | null {
  const bytes = utf8(text);
  const scanner = new JsonScanner(maxDepth);
  try {
    for (let at = 0; at < bytes.length; at += step) scanner.feed(bytes.subarray(at, Math.min(bytes.length, at + step)));
    scanner.end();
    return null;
  } catch (error) {
    if (error instanceof JsonScanError) return error;
    throw error;
  }
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('JsonScanner accepts what JSON.parse accepts', () => {
  it.each([
    '{}',
    '[]',
    ' \t\r\n{ "a" : [ 1 , -2.5e+3 , 0 , -0 , 1E-7 , 0.5 ] , "b" : { } } \n',
    '"x"',
    '0',
    '-12',
    'true',
    'false',
    'null',
    '"\\u00e9\\"\\\\\\/\\b\\f\\n\\r\\t"',
    '"Nguyễn Thị Hà 👩‍🎓 ☃"',
    '{"deleted":true,"n":null,"list":[false,[],{}]}',
    '\u{feff}{"bom":1}',
  ])('accepts %j', (text) => {
    expect(scan(text)).toBeNull();
    expect(scan(text, 1000, 1)).toBeNull();
  });

  it.each([
    ['', 'The body is empty; send a JSON object'],
    ['  \n ', 'The body is empty; send a JSON object'],
    ['{', 'ends before the JSON value does'],
    ['[1,]', 'a byte that starts no JSON value at byte 3'],
    ['{"a":1,}', 'an object key that is not a string at byte 7'],
    ['{a:1}', 'an object key that is not a string at byte 1'],
    ['{"a" 1}', 'a key not followed by ":" at byte 5'],
    ['[1 2]', 'a value not followed by "," or "]" at byte 3'],
    ['{"a":1]', 'a "]" that closes no array at byte 6'],
    ['{"a":1 x', 'a value not followed by "," or "}" at byte 7'],
    ['[}', 'a byte that starts no JSON value at byte 1'],
    ['01', 'a number with a leading zero at byte 1'],
    ['-', 'ends before'],
    ['1.', 'ends before'],
    ['1.e3', 'a "." not followed by a digit at byte 2'],
    ['1e', 'ends before'],
    ['1e+', 'ends before'],
    ['+1', 'a byte that starts no JSON value at byte 0'],
    ['.5', 'a byte that starts no JSON value'],
    ['NaN', 'a byte that starts no JSON value'],
    ['tru', 'ends before'],
    ['trux', 'a misspelt true at byte 3'],
    ['nul', 'ends before'],
    ['"abc', 'ends before'],
    ['"a\nb"', 'a control character inside a string (escape it) at byte 2'],
    ['"\\x"', 'an unknown escape in a string at byte 2'],
    ['"\\u12G4"', 'a \\u escape that is not 4 hex digits at byte 5'],
    ['{} {}', 'more after the JSON value at byte 3'],
    ['1 2', 'more after the JSON value at byte 2'],
    ["{'a':1}", 'an object key that is not a string'],
    ['[1]]', 'more after the JSON value at byte 3'],
    ['\u00a0{}', 'a byte that starts no JSON value at byte 0'],
  ])('refuses %j: %s', (text, message) => {
    expect(parses(text) && text.trim() !== '').toBe(false);
    for (const step of [Infinity, 1, 2]) {
      const error = scan(text, 1000, step);
      expect(error?.problem).toBe('invalid_json');
      expect(error?.message).toContain(message);
    }
  });

  it('agrees with JSON.parse on any JSON value, split anywhere', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.integer({ min: 1, max: 9 }), (value, step) => {
        const text = JSON.stringify(value, null, step % 3 === 0 ? 2 : undefined);
        expect(scan(text, 1000, step)).toBeNull();
      }),
      { seed: FC_SEED, numRuns: 400 },
    );
  });

  it('agrees with JSON.parse on mangled JSON (accepts exactly the texts it parses)', () => {
    const mangled = fc
      .tuple(fc.jsonValue({ maxDepth: 4 }), fc.array(fc.tuple(fc.nat(), fc.constantFrom('', ',', ']', '}', '"', '\\', ':', '-', '0', 'e', '.', ' ', '\u0001', 'é', 'tru')), { maxLength: 3 }))
      .map(([value, edits]) => {
        let text = JSON.stringify(value);
        for (const [at, insert] of edits) {
          const i = text.length ? at % text.length : 0;
          text = text.slice(0, i) + insert + text.slice(i + (insert === '' ? 1 : 0));
        }
        return text;
      });
    fc.assert(
      fc.property(mangled, fc.integer({ min: 1, max: 5 }), (text, step) => {
        expect(scan(text, 1000, step) === null).toBe(parses(text));
      }),
      { seed: FC_SEED, numRuns: 2000 },
    );
  });
});

describe('JsonScanner depth', () => {
  const nest = (levels: number, open = '[', close = ']') => open.repeat(levels) + close.repeat(levels);

  it('takes exactly maxDepth levels and refuses the next one where it opens', () => {
    expect(scan(nest(64), 64)).toBeNull();
    const error = scan(nest(65), 64);
    expect(error?.problem).toBe('too_deep');
    expect(error?.message).toBe('JSON nested deeper than 64 levels (at byte 64)');
    expect(error?.offset).toBe(64);
  });

  it('counts objects and arrays alike, and depth comes back down', () => {
    const mixed = '{"a":[{"b":[1]}]}'; // 4 levels
    expect(scan(mixed, 4)).toBeNull();
    expect(scan(mixed, 3)?.problem).toBe('too_deep');
    expect(scan(`[${mixed},${mixed},[[[]]]]`, 5)).toBeNull();
  });

  it('stops at the first level too deep: the rest of a 1 MB nesting is never looked at', () => {
    const scanner = new JsonScanner(64);
    const huge = utf8(nest(512 * 1024));
    const started = performance.now();
    expect(() => scanner.feed(huge)).toThrow(/nested deeper than 64 levels \(at byte 64\)/);
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('brackets inside strings do not count', () => {
    expect(scan(JSON.stringify({ text: '[[[[{{{{'.repeat(100) }), 2)).toBeNull();
  });
});

// The first line of defence against path traversal: URL path → path inside dist/, or refusal.
import { describe, expect, it } from 'vitest';
import { parseRequestPath } from '../../../server/src/http/static-files';

describe('parseRequestPath', () => {
  it.each([
    ['/', ''],
    ['/sw.js', 'sw.js'],
    ['/assets/index-AbC123.js', 'assets/index-AbC123.js'],
    ['//assets//x.js', 'assets/x.js'],
    ['/members/Nguy%E1%BB%85n', 'members/Nguyễn'],
  ])('%s → %s', (input, relative) => {
    expect(parseRequestPath(input)).toEqual({ kind: 'file', relative });
  });

  it.each(['/..', '/../x', '/a/../../x', '/..%2fx', '/%2e%2e%2fx', '/a/%2E%2E/x', '/.', '/x%00.js', '/..%5cx', '/a%5C..%5Cx', '/%E0%A4%A'])(
    '%s is refused',
    (input) => {
      expect(parseRequestPath(input)).toEqual({ kind: 'bad' });
    },
  );

  it.each(['/.env', '/.git/config', '/assets/.hidden.js'])('%s is hidden', (input) => {
    expect(parseRequestPath(input)).toEqual({ kind: 'hidden' });
  });
});

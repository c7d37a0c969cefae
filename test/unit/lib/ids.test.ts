import { describe, expect, it } from 'vitest';
import { uuidv7 } from '../../../src/lib/ids';

describe('uuidv7', () => {
  it('ids made in one millisecond sort in the order they were made (two addenda written at once)', () => {
    const now = Date.now() + 1_000;
    const ids = Array.from({ length: 5_000 }, () => uuidv7(now));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps the time in its first 48 bits', () => {
    const now = Date.UTC(2030, 0, 1);
    const id = uuidv7(now);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBeGreaterThanOrEqual(now);
  });
});

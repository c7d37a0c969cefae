// A validation issue shows our words: "err.*" keys pass, zod/mini's bare "Invalid input" does not.
import { describe, expect, it } from 'vitest';
import { messageKey } from '../../../src/protocol/message-key';
import { memberFields, MEMBER_DEFAULTS } from '../../../src/protocol/member';

describe('messageKey', () => {
  it('keeps our keys and turns anything else into err.invalid', () => {
    expect(messageKey('err.date')).toBe('err.date');
    expect(messageKey('Invalid input')).toBe('err.invalid');
    expect(messageKey('err.')).toBe('err.invalid');
    expect(messageKey(undefined)).toBe('err.invalid');
  });
  it('a schema check without a key of its own (an unknown status) reads as err.invalid', () => {
    const parsed = memberFields.safeParse({ ...MEMBER_DEFAULTS, fullName: 'Hồ Văn Minh', status: 'nghỉ' });
    expect(parsed.success).toBe(false);
    expect(messageKey(parsed.error?.issues[0]?.message)).toBe('err.invalid');
  });
});

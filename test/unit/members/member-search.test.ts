import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldWords } from '../../../src/lib/fold';
import { buildMemberIndex, phoneDigits, searchMembers } from '../../../src/lib/member-search';
import { matchesFilter, DEFAULT_FILTER } from '../../../src/features/members/member-filters';
import type { Member } from '../../../src/protocol/member';

let n = 0;
function member(fullName: string, extra: Partial<Member> = {}): Member {
  n++;
  return {
    id: `m-${String(n).padStart(8, '0')}`, unitId: 'unit-0001', rev: {}, deleted: false, createdAt: '', updatedAt: '',
    fullName, position: 'member', duesCategory: 'unsalaried', partyStatus: 'none', status: 'active', ...extra,
  };
}

describe('member search as you type', () => {
  const index = buildMemberIndex([
    member('Dương Tuấn Long'),
    member('Trương Gia Đạt', { cardNumber: '473933459' }),
    member('Lê Thị Đường'),
    member('Nguyễn Bảo Yến', { phone: '0708758510' }),
    member('Đặng Diệu Châu'),
  ]);
  const names = (q: string) => searchMembers(index, q).map((m) => m.member.fullName);

  it('"duong" finds Dương and Đường', () => {
    expect(names('duong')).toEqual(['Lê Thị Đường', 'Dương Tuấn Long']); // Đ sorts after D, before L
  });
  it('ignores case and accepts NFD input', () => {
    expect(names('ĐẶNG'.normalize('NFD'))).toEqual(['Đặng Diệu Châu']);
  });
  it('matches words in any order and card numbers or phones', () => {
    expect(names('long duong')).toEqual(['Dương Tuấn Long']);
    expect(names('4739')).toEqual(['Trương Gia Đạt']);
    expect(names('0708')).toEqual(['Nguyễn Bảo Yến']);
  });
  it('finds a phone typed with spaces, dots or +84 by its digits, and the other way round', () => {
    const phones = buildMemberIndex([
      member('Hoàng Văn Hải', { phone: '0912 345 678' }),
      member('Phạm Thị Thu', { phone: '+84 988.111.222' }),
      member('Lý Quốc Bảo', { phone: '0977-000-111' }),
    ]);
    const found = (q: string) => searchMembers(phones, q).map((m) => m.member.fullName);
    expect(found('0912345678')).toEqual(['Hoàng Văn Hải']);
    expect(found('0912 345 678')).toEqual(['Hoàng Văn Hải']);
    expect(found('+84912345678')).toEqual(['Hoàng Văn Hải']);
    expect(found('0988111222')).toEqual(['Phạm Thị Thu']);
    expect(found('+84 988 111')).toEqual(['Phạm Thị Thu']);
    expect(found('0977000')).toEqual(['Lý Quốc Bảo']);
    expect(found('0912345679')).toEqual([]);
  });
  it('lists in Vietnamese name order when the query is empty', () => {
    expect(names('')).toEqual(['Đặng Diệu Châu', 'Trương Gia Đạt', 'Lê Thị Đường', 'Dương Tuấn Long', 'Nguyễn Bảo Yến']);
  });
});

describe('the rule of a match', () => {
  // A member matches when every folded query word is in its haystack, or, for a query that
  // reads as a phone number, when the phone's digits hold the query's digits. Any shortcut
  // searchMembers takes for speed (B5) must give exactly this, in the index's order.
  const rule = (haystack: string, q: string) => {
    const words = foldWords(q);
    if (!words.length) return true;
    const digits = /^[\d\s+.()-]+$/.test(q) ? phoneDigits(q) : undefined;
    return words.every((w) => haystack.includes(w)) || (!!digits && haystack.includes(digits));
  };
  const people = fc.array(
    fc.record({
      name: fc.constantFrom('Nguyễn Văn An', 'Trần Thị Thu', 'Đặng Đức Anh', 'Lê Chí Dũng', 'Dương Thị Mai', 'Phạm 0912 Long'),
      phone: fc.option(fc.constantFrom('0912 345 678', '+84 912.345.679', '0084912345600', '0708758510', '91234'), { nil: undefined }),
      card: fc.option(fc.stringMatching(/^\d{6,9}$/), { nil: undefined }),
    }),
    { maxLength: 30 },
  );
  const query = fc.oneof(
    fc.constantFrom('0912', '091', '+84 912', '0912 345', '91 23', 'nguyen van', 'van an', 'đức', 'thi 0912', ' ', '.', '84', '0084 912', '0084912345600', '+84912345679', '(091) 234'),
    fc.stringMatching(/^[\d +.()-]{0,12}$/),
    fc.string({ maxLength: 8 }),
  );

  it('gives exactly the members the rule lets through, in the index order', () => {
    fc.assert(
      fc.property(people, query, (list, q) => {
        const index = buildMemberIndex(list.map((p) => member(p.name, { phone: p.phone, cardNumber: p.card })));
        expect(searchMembers(index, q)).toEqual(index.filter((m) => rule(m.haystack, q)));
      }),
      { seed: Number(process.env.FC_SEED ?? 20251207), numRuns: 400 },
    );
  });

  // As a secretary types: letters added and taken back, a phone number between words, over
  // the same list each time (searchMembers keeps what it answered for that list).
  const typing = fc.array(
    fc.oneof(
      fc.record({ add: fc.constantFrom('n', 'g', 'u', 'y', 'e', 'a', ' ', 'đ', 'Đ', 'ứ', 'c', 't', 'h', 'i', '0', '9', '1', '2', '+', '8', '4', '.') }),
      fc.record({ back: fc.integer({ min: 1, max: 4 }) }),
      fc.record({ set: query }),
      // typed out key by key: "+84 91234567" → "+84 912345678" reads the 84 as a leading 0
      fc.record({ type: fc.constantFrom('+84 912345678', '0084912345600', '84912345679', 'nguyen van an', 'thi 0912') }),
    ),
    { maxLength: 40 },
  );
  it("gives the rule's answer after every keystroke, whatever was typed before", () => {
    fc.assert(
      fc.property(people, typing, (list, keys) => {
        const index = buildMemberIndex(list.map((p) => member(p.name, { phone: p.phone, cardNumber: p.card })));
        let q = '';
        const check = () => expect(searchMembers(index, q)).toEqual(index.filter((m) => rule(m.haystack, q)));
        for (const k of keys) {
          if ('type' in k) for (const ch of k.type) (q += ch), check();
          else (q = 'add' in k ? q + k.add : 'back' in k ? q.slice(0, -k.back) : k.set), check();
        }
      }),
      { seed: Number(process.env.FC_SEED ?? 20251207), numRuns: 300 },
    );
  });
});

describe('list filters', () => {
  it('hides archived and departed members by default', () => {
    expect(matchesFilter(member('A B', { archivedAt: '2026-01-01T00:00:00Z' }), DEFAULT_FILTER, 2026)).toBe(false);
    expect(matchesFilter(member('A B', { status: 'graduated' }), DEFAULT_FILTER, 2026)).toBe(false);
    expect(matchesFilter(member('A B', { status: 'temporary' }), DEFAULT_FILTER, 2026)).toBe(true);
  });
  it('filters by turning 30 this year, position and sub-group', () => {
    const m = member('A B', { dateOfBirth: '1996-03-01', position: 'secretary', subGroup: 'Tổ 1' });
    expect(matchesFilter(m, { ...DEFAULT_FILTER, turningThirty: true }, 2026)).toBe(true);
    expect(matchesFilter(m, { ...DEFAULT_FILTER, turningThirty: true }, 2025)).toBe(false);
    expect(matchesFilter(m, { ...DEFAULT_FILTER, position: 'member' }, 2026)).toBe(false);
    expect(matchesFilter(m, { ...DEFAULT_FILTER, subGroup: 'Tổ 2' }, 2026)).toBe(false);
    expect(matchesFilter(m, { ...DEFAULT_FILTER, status: 'archived' }, 2026)).toBe(false);
  });
});

describe('phoneDigits', () => {
  it('keeps digits and reads +84, 0084 and an 11-digit 84… as the leading 0', async () => {
    const { phoneDigits } = await import('../../../src/lib/member-search');
    expect(phoneDigits('0912 345 678')).toBe('0912345678');
    expect(phoneDigits('+84 912.345.678')).toBe('0912345678');
    expect(phoneDigits('0084912345678')).toBe('0912345678');
    expect(phoneDigits('84912345678')).toBe('0912345678');
    expect(phoneDigits('028 3822 1234')).toBe('02838221234');
  });
});

import { describe, expect, it } from 'vitest';
import { buildMemberIndex, searchMembers } from '../../../src/lib/member-search';
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

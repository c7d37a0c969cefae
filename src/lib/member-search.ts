// Search as you type over the register (PERFORMANCE.md B5: ≤ 5 ms per keystroke over 5,000
// members at 4× throttling). Folding is done once per member when the index is built;
// a keystroke only runs String.includes over precomputed strings.
import { fold, foldWords } from './fold';
import { sortByName } from './names';
import type { Member } from '../protocol/member';

export interface IndexedMember {
  member: Member;
  /** folded name, card number, phone (as typed and as digits), sub-group: what a query matches */
  haystack: string;
}

/** Builds the index, sorted the Vietnamese way (given name, then family name). */
export function buildMemberIndex(members: Member[]): IndexedMember[] {
  const indexed = members.map((member) => ({
    member,
    haystack: fold([member.fullName, member.cardNumber, member.phone, member.phone && phoneDigits(member.phone), member.subGroup].filter(Boolean).join(' ')),
  }));
  return sortByName(indexed, (m) => m.member.fullName);
}

/**
 * Every query word must appear in the member's haystack, in any order; or, for a query that
 * reads as a phone number ("0912345678", "+84 912 345 678"), its digits in the phone's.
 */
export function searchMembers(index: IndexedMember[], query: string): IndexedMember[] {
  const words = foldWords(query);
  if (!words.length) return index;
  const digits = phoneQuery(query);
  // One function for the whole pass, none per member: a keystroke over 5,000 members made
  // 5,000 closures for the collector before (B5).
  const hit = (h: string) => {
    for (const w of words) if (!h.includes(w)) return !!digits && h.includes(digits);
    return true;
  };
  return index.filter((m) => hit(m.haystack));
}

/*
 * Phone numbers are kept as typed ("0912 345 678", "+84 912.345.678") and shown that way;
 * search compares digits, the country code (+84, 0084, or 84 before a whole number, as some
 * exported lists write it) read as the leading 0. Here rather than in a module of its own,
 * which would be a chunk of its own in the precache (B1).
 */
export const phoneDigits = (s: string) => s.replace(/\D/g, '').replace(/^(00)?84(?=\d{9,10}$)/, '0');

/** The digits a query asks for when it reads as a phone number (digits, + . - ( ) and spaces). */
const phoneQuery = (q: string) => (/^[\d\s+.()-]+$/.test(q) ? phoneDigits(q) : undefined);

// Search as you type over the register (PERFORMANCE.md B5: ≤ 5 ms per keystroke over 5,000
// members at 4× throttling). Folding is done once per member when the index is built;
// a keystroke only runs String.includes over precomputed strings.
import { fold, foldWords } from './fold';
import { sortByName } from './names';
import type { Member } from '../protocol/member';

export interface IndexedMember {
  member: Member;
  /** folded name, card number, phone, sub-group: what a query matches */
  haystack: string;
}

/** Builds the index, sorted the Vietnamese way (given name, then family name). */
export function buildMemberIndex(members: Member[]): IndexedMember[] {
  const indexed = members.map((member) => ({
    member,
    haystack: fold([member.fullName, member.cardNumber, member.phone, member.subGroup].filter(Boolean).join(' ')),
  }));
  return sortByName(indexed, (m) => m.member.fullName);
}

/** Every query word must appear in the member's haystack, in any order. */
export function searchMembers(index: IndexedMember[], query: string): IndexedMember[] {
  const words = foldWords(query);
  if (!words.length) return index;
  return index.filter((m) => words.every((w) => m.haystack.includes(w)));
}

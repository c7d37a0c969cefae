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
 * What was asked of one list (an index, or the part of one a filter lets through): its
 * haystacks side by side in one array, so a new query runs `includes` down an array of strings
 * rather than through 5,000 objects; and the answers to the query being typed, each query a
 * prefix of the next (B5).
 */
interface Searched {
  hays: string[];
  typed: Answer[];
}
interface Answer {
  /** the query's folded words, joined by one space */
  key: string;
  /** the digits a query that reads as a phone number also matches by */
  digits?: string;
  members: IndexedMember[];
}
const searched = new WeakMap<readonly IndexedMember[], Searched>();

/**
 * Every query word must appear in the member's haystack, in any order; or, for a query that
 * reads as a phone number ("0912345678", "+84 912 345 678"), its digits in the phone's.
 *
 * A list is read when it is first searched and must not change after (each list here is a
 * fresh array from buildMemberIndex or a filter). A query that only adds to the one before
 * ("ng" → "ngu", "nguyen" → "nguyen v", "091" → "0912") is matched within that one's answer:
 * a member holding every longer word, or the longer digits, holds the shorter ones. Taking
 * letters back ("ngu" → "ng") gives the shorter query's answer again.
 */
export function searchMembers(index: IndexedMember[], query: string): IndexedMember[] {
  const words = foldWords(query);
  if (!words.length) return index;
  const digits = phoneQuery(query) || undefined;
  let s = searched.get(index);
  if (!s) searched.set(index, (s = { hays: index.map((m) => m.haystack), typed: [] }));
  const key = words.join(' ');
  // The answers kept are a chain, each query narrowing the one before: drop those this one does not narrow.
  const typed = s.typed;
  while (typed.length && !narrows(key, digits, typed[typed.length - 1])) typed.pop();
  const last = typed[typed.length - 1];
  if (last?.key === key && last.digits === digits) return last.members;
  // One function for the whole pass, none per member: a keystroke over 5,000 members made
  // 5,000 closures for the collector before (B5).
  const hit = (h: string) => {
    for (const w of words) if (!h.includes(w)) return !!digits && h.includes(digits);
    return true;
  };
  const members = last ? last.members.filter((m) => hit(m.haystack)) : scan(index, s.hays, hit);
  typed.push({ key, digits, members });
  return members;
}

/** Whether every member a query matches is in an earlier answer (the query's words and digits both extend it). */
const narrows = (key: string, digits: string | undefined, a: Answer) =>
  key.startsWith(a.key) && (digits ? !!a.digits && digits.startsWith(a.digits) : !a.digits);

function scan(index: IndexedMember[], hays: string[], hit: (h: string) => boolean): IndexedMember[] {
  const out: IndexedMember[] = [];
  for (let i = 0; i < hays.length; i++) if (hit(hays[i])) out.push(index[i]);
  return out;
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

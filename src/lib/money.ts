// Money is integer đồng (DOMAIN.md): shown as "5.000 ₫" (vi-VN grouping, a no-break space
// before the sign so it never wraps alone), and in words on receipts.

import { wholeVi } from './vi-number';

// Not Intl: a page's first Intl object loads ICU's Vietnamese data (lib/vi-number.ts).

/** 5000 → "5.000 ₫"; -2000 → "−2.000 ₫". */
export function formatMoney(n: number): string {
  const s = wholeVi(Math.abs(Math.round(n)));
  return `${n < 0 ? '−' : ''}${s}\u00a0₫`;
}

/** "5.000" without the sign, for tight columns. */
export function formatAmount(n: number): string {
  return (n < 0 ? '−' : '') + wholeVi(Math.abs(Math.round(n)));
}

/** What a secretary types ("5.000", "5000", "5,000 đ") → integer đồng, or null. */
export function parseMoney(raw: string): number | null {
  return parseWhole(raw.replace(/\s*(₫|đ|đồng|vnđ|vnd)\.?\s*$/i, ''));
}

/**
 * A whole number as typed in Vietnam: "1.000", "1.200.000", "5000", "1 000", or with commas as
 * Excel writes it in English ("1,000"); zero decimals are dropped ("5000.00", "5.000,00").
 * Anything else is null: a decimal ("5.000,5", "1.2") or a group that is not three digits
 * ("5.00.0"). Taking every dot and comma away, as this did before, read "5.000,5" as 50.005
 * (found in use on the rates screen); Number("1.000") is 1 (the targets' form).
 */
export function parseWhole(raw: string): number | null {
  let s = raw.trim();
  // zero decimals as a spreadsheet writes them: "5000.00", "5.000,00" (never "5.000.00")
  const decimals = /^(\d[\d.,\s\u00a0]*)([.,])0{1,2}$/.exec(s);
  if (decimals) {
    if (decimals[1].includes(decimals[2])) return null;
    s = decimals[1];
  }
  const plain = /^\d{1,9}$/.test(s);
  const grouped = /^\d{1,3}([.,\s\u00a0])\d{3}(?:\1\d{3}){0,2}$/.test(s);
  if (!plain && !grouped) return null;
  return Number(s.replace(/[.,\s\u00a0]/g, ''));
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const SCALES = ['', 'nghìn', 'triệu', 'tỷ'];

/** Reads 0–999 the Vietnamese way; `full` = a higher group came before ("không trăm linh năm"). */
function readTriple(n: number, full: boolean): string {
  const h = Math.floor(n / 100);
  const t = Math.floor((n % 100) / 10);
  const u = n % 10;
  const out: string[] = [];
  if (h > 0 || full) out.push(DIGITS[h], 'trăm');
  if (t === 0) {
    if (u > 0 && (h > 0 || full)) out.push('linh');
  } else if (t === 1) out.push('mười');
  else out.push(DIGITS[t], 'mươi');
  if (u > 0) {
    if (u === 1 && t > 1) out.push('mốt');
    else if (u === 5 && t > 0) out.push('lăm');
    else out.push(DIGITS[u]);
  }
  return out.join(' ');
}

/** 5000 → "Năm nghìn đồng"; 2015000 → "Hai triệu không trăm mười lăm nghìn đồng" (integers below 10¹²). */
export function moneyInWords(n: number): string {
  let v = Math.abs(Math.round(n));
  if (v === 0) return 'Không đồng';
  const groups: number[] = [];
  while (v > 0) {
    groups.push(v % 1000);
    v = Math.floor(v / 1000);
  }
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    if (groups[i] === 0) continue;
    const full = i < groups.length - 1;
    parts.push(readTriple(groups[i], full), SCALES[i]);
  }
  const s = (n < 0 ? 'âm ' : '') + parts.filter(Boolean).join(' ') + ' đồng';
  return s.charAt(0).toUpperCase() + s.slice(1);
}

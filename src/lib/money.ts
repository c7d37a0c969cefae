// Money is integer đồng (DOMAIN.md): shown as "5.000 ₫" (vi-VN grouping, a no-break space
// before the sign so it never wraps alone), and in words on receipts.

// Made on first use: a page's first Intl object loads ICU's Vietnamese data (~200 ms at 4× CPU).
let grouping: Intl.NumberFormat | undefined;
const group = { format: (n: number) => (grouping ??= new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 })).format(n) };

/** 5000 → "5.000 ₫"; -2000 → "−2.000 ₫". */
export function formatMoney(n: number): string {
  const s = group.format(Math.abs(Math.round(n)));
  return `${n < 0 ? '−' : ''}${s}\u00a0₫`;
}

/** "5.000" without the sign, for tight columns. */
export function formatAmount(n: number): string {
  return (n < 0 ? '−' : '') + group.format(Math.abs(Math.round(n)));
}

/** What a secretary types ("5.000", "5000", "5,000 đ") → integer đồng, or null. */
export function parseMoney(raw: string): number | null {
  const digits = raw.replace(/[.,\s₫đ]/gi, '');
  if (!/^\d{1,9}$/.test(digits)) return null;
  return Number(digits);
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

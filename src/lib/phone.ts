// Phone numbers are kept as typed ("0912 345 678", "+84 912.345.678") and shown that way;
// search compares digits only, with the country code +84 (or 0084, or a bare 84 on an
// 11-digit number, as some exported lists write it) read as the leading 0.
// Part of the member list's chunk (precached): keep it small.

export function phoneDigits(s: string): string {
  const d = s.replace(/\D/g, '');
  const cc = /^\s*\+84/.test(s) ? 2 : d.startsWith('0084') ? 4 : d.length == 11 && d.startsWith('84') ? 2 : 0;
  return cc ? '0' + d.slice(cc) : d;
}

/** The digits a query asks for when it reads as a phone number (3+ digits, nothing else but + . - spaces). */
export function phoneQuery(q: string): string | undefined {
  return /^[\d\s+().-]+$/.test(q) && /\d.*\d.*\d/.test(q) ? phoneDigits(q) : undefined;
}

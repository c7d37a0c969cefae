// Words of the documents' head shared with the year's plan (features/targets/plan-document.ts
// has the same, but another feature's internals are not ours to import). Pure.
export const ORGANISATION_NAME = 'ĐOÀN TNCS HỒ CHÍ MINH';

/** "Chi đoàn Công ty May 30/4" → "BCH CHI ĐOÀN CÔNG TY MAY 30/4". */
export function issuerLine(unit: { name: string; kind: 'branch' | 'baseUnion' } | undefined): string {
  if (!unit) return 'BCH CHI ĐOÀN ……………';
  const name = unit.name.trim().toLocaleUpperCase('vi');
  const named = /^(CHI ĐOÀN|ĐOÀN)\b/.test(name) ? name : `${unit.kind === 'baseUnion' ? 'ĐOÀN' : 'CHI ĐOÀN'} ${name}`;
  return /^BCH\b/.test(name) ? name : `BCH ${named}`;
}

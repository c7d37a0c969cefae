// English counts agree with their number ("1 reversal", "2 reversals") through Intl.PluralRules
// in t(); Vietnamese has one form. Every English message that counts something has its forms.
import { afterEach, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { setLanguage, t, tDynamic } from '../../../src/i18n';
import '../../../src/features/dues/i18n'; // registers the dues words, as its chunk does
import '../../../src/features/dues/desk-i18n'; // and the remittance slip's, as the screens left out of the precache do

afterEach(async () => {
  await setLanguage('vi');
});

describe('plurals', () => {
  it('English picks the form by the count param (count, else n)', async () => {
    await setLanguage('en');
    expect(tDynamic('dues.remitReversals', { n: 1 })).toBe('1 reversal');
    expect(tDynamic('dues.remitReversals', { n: 2 })).toBe('2 reversals');
    expect(t('activities.yearCount', { n: 1, held: 1 })).toBe('1 activity, 1 held.');
    expect(t('activities.yearCount', { n: 2, held: 0 })).toBe('2 activities, 0 held.');
    expect(t('members.count', { n: 0 })).toBe('0 members');
    expect(tDynamic('import.importButton', { count: '1' })).toBe('Import 1 member');
    expect(tDynamic('import.importButton', { count: '1,000' })).toBe('Import 1,000 members');
  });

  it('Vietnamese has one form for every number', () => {
    expect(tDynamic('dues.remitReversals', { n: 1 })).toBe('1 lượt hủy');
    expect(t('members.count', { n: 1 })).toBe(t('members.count', { n: 2 }).replace('2', '1'));
  });

  it('no English message counts a plural noun without its forms', () => {
    const bare: string[] = [];
    const dir = new URL('../../../src/i18n/en/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const ns = file.replace('.json', '');
      const dict = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as Record<string, string | { one?: string; other?: string }>;
      for (const [key, msg] of Object.entries(dict)) {
        if (typeof msg === 'string') {
          // "{n} members", "{count} data rows": the number decides the noun's form
          if (/\{(n|count)\} (\w+ )?(?!(was|has|this|as|is)\b)\w{2,}s\b/.test(msg)) bare.push(`${ns}.${key}: ${msg}`);
        } else {
          expect(msg.one, `${ns}.${key}`).toBeTruthy();
          expect(msg.other, `${ns}.${key}`).toBeTruthy();
        }
      }
    }
    expect(bare).toEqual([]);
  });
});

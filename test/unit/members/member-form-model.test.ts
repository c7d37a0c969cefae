import { describe, expect, it } from 'vitest';
import { fromFormValues, toFormValues } from '../../../src/features/members/member-form-model';

describe('member form values → record', () => {
  const base = () => ({ ...toFormValues(), fullName: 'Nguyễn Bảo Yến' });

  it('accepts a minimal member with defaults', () => {
    const r = fromFormValues(base(), '2026-11-28');
    expect(r).toEqual({ fields: expect.objectContaining({ fullName: 'Nguyễn Bảo Yến', status: 'active', position: 'member' }) });
  });
  it('parses typed dates to ISO and shows them back as dd/mm/yyyy', () => {
    const r = fromFormValues({ ...base(), dateOfBirth: '6/9/2003', admissionDate: '06/10/2019' }, '2026-11-28');
    expect('fields' in r && r.fields.dateOfBirth).toBe('2003-09-06');
    expect(toFormValues({ dateOfBirth: '2003-09-06' }).dateOfBirth).toBe('06/09/2003');
  });
  it('gives an error key per bad field, never a half record', () => {
    const r = fromFormValues({ ...base(), fullName: ' ', dateOfBirth: '31/02/2003', phone: 'abc', email: 'x@' }, '2026-11-28');
    expect(r).toEqual({ errors: { fullName: 'err.required', dateOfBirth: 'err.date', phone: 'err.phone', email: 'err.email' } });
  });
  it('warns (never refuses) on an age at admission outside 16–30, and refuses a birth in the future', () => {
    // Old records admitted at 14 or 15 must still save (the form warns: age-rules.test.tsx).
    expect(fromFormValues({ ...base(), dateOfBirth: '01/01/2010', admissionDate: '01/06/2024' }, '2026-11-28')).toEqual({
      fields: expect.objectContaining({ dateOfBirth: '2010-01-01', admissionDate: '2024-06-01' }),
    });
    expect(fromFormValues({ ...base(), dateOfBirth: '01/01/2000', admissionDate: '01/06/2016' }, '2026-11-28')).toEqual({ fields: expect.any(Object) });
    expect(fromFormValues({ ...base(), dateOfBirth: '01/01/2027' }, '2026-11-28')).toEqual({ errors: { dateOfBirth: 'err.birthInFuture' } });
  });

  it('keeps a name as the import does: one space between words, composed letters', () => {
    const r = fromFormValues({ ...base(), fullName: '  Trương   Thị\u00a0 Kiều\u0300 ' }, '2026-11-28');
    expect('fields' in r && r.fields.fullName).toBe('Trương Thị Kiều\u0300'.normalize('NFC'));
  });

  it('refuses a birth year that makes the member over sixty (a two-digit year read in the last century)', () => {
    const r = fromFormValues({ ...base(), dateOfBirth: '6/9/28' }, '2026-11-28');
    expect('errors' in r && r.errors.dateOfBirth).toBe('err.birthTooOld');
    expect('fields' in fromFormValues({ ...base(), dateOfBirth: '6/9/1990' }, '2026-11-28')).toBe(true);
  });
});

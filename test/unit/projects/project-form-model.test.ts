// The registration form's values → the repo's input: dates, money as typed ("5.000.000"),
// sources with their errors, emptied text as '' (so an edit clears it on every phone).
import { describe, expect, it } from 'vitest';
import { fromProjectForm, sourcesTotal, toProjectForm, type ProjectFormValues } from '../../../src/features/projects/project-form-model';

const blank = (): ProjectFormValues => ({ ...toProjectForm(undefined, '2026-03-02'), title: 'Tuyến hẻm xanh' });

describe('the project form', () => {
  it('reads money as typed and leaves the total to the sources when there are some', () => {
    const r = fromProjectForm({ ...blank(), budget: '999', sources: [{ source: 'Đoàn phường', amount: '3.000.000' }, { source: ' Tài trợ ', amount: '2,500,000' }] });
    expect(r).toEqual({ input: expect.objectContaining({ budget: undefined, budgetSources: [{ source: 'Đoàn phường', amount: 3_000_000 }, { source: 'Tài trợ', amount: 2_500_000 }] }) });
    expect(sourcesTotal({ ...blank(), sources: [{ source: 'a', amount: '1.000' }, { source: 'b', amount: 'x' }] })).toBe(1000);
    expect(fromProjectForm({ ...blank(), budget: '5.000.000 đ' })).toEqual({ input: expect.objectContaining({ budget: 5_000_000, budgetSources: undefined }) });
  });

  it('names the field at fault: a source without a name or amount, a bad count, an end before the start', () => {
    const r = fromProjectForm({
      ...blank(),
      title: ' ',
      sources: [{ source: '', amount: '1000' }, { source: 'Tài trợ', amount: '' }, { source: '', amount: '' }],
      volunteerDays: '-3',
      startsOn: '2026-04-10',
      endsOn: '2026-04-01',
    });
    expect(r).toEqual({ errors: { title: 'err.required', 'source.0': 'err.required', 'amount.1': 'err.required', volunteerDays: 'projects.count', endsOn: 'projects.errEndBeforeStart' } });
  });

  it("an edit's emptied text is '' and an emptied number undefined (the repo writes it 0)", () => {
    const r = fromProjectForm({ ...blank(), place: '  ', description: '', volunteerDays: '' });
    expect(r).toEqual({ input: expect.objectContaining({ place: '', description: '', volunteerDays: undefined, leaderId: '' }) });
  });
});

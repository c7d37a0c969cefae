// Every problem and file error the importer can report has a message in both languages,
// and each column target a label (the mapping screen and the export headings use them).
import { describe, expect, it } from 'vitest';
import vi from '../../../src/i18n/vi/import.json';
import en from '../../../src/i18n/en/import.json';
import { IMPORT_FIELDS } from '../../../src/features/import/columns';
import type { ProblemCode } from '../../../src/features/import/convert';
import type { ImportErrorCode } from '../../../src/features/import/errors';

const PROBLEMS: ProblemCode[] = ['missingName', 'badDate', 'birthInFuture', 'badGender', 'dupCardFile', 'dupCardRegister', 'dupPersonFile', 'dupPersonRegister', 'admissionAge', 'over30', 'yearOnly', 'badDues', 'field'];
const ERRORS: ImportErrorCode[] = ['empty', 'unreadable', 'notXlsx', 'oldXls', 'noHeader', 'tooBig', 'unsupported'];

describe('import messages', () => {
  it.each([
    ['vi', vi],
    ['en', en],
  ] as const)('%s has every problem, error and column label', (_, dict) => {
    const d = dict as Record<string, string>;
    for (const p of PROBLEMS) expect(d[`p_${p}`], p).toBeTruthy();
    for (const e of ERRORS) expect(d[`e_${e}`], e).toBeTruthy();
    for (const f of IMPORT_FIELDS) expect(d[`col_${f}`], f).toBeTruthy();
  });

  it('en has exactly the keys of vi', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });
});

import { describe, expect, it } from 'vitest';
import { excelSerialToIso, formatDate, isValidIsoDate, parseDateText, parseYear, turnsThirtyIn, yearsBetween } from '../../../src/lib/dates';

describe('dates as secretaries write them', () => {
  const today = new Date(2026, 10, 28);
  it('parses dd/mm/yyyy, d/m/yy and other separators', () => {
    expect(parseDateText('06/09/2003', today)).toBe('2003-09-06');
    expect(parseDateText('6/9/03', today)).toBe('2003-09-06');
    expect(parseDateText('6/9/98', today)).toBe('1998-09-06');
    expect(parseDateText('21.04.1998', today)).toBe('1998-04-21');
    expect(parseDateText('2001-12-11', today)).toBe('2001-12-11');
  });
  it('refuses impossible dates', () => {
    expect(parseDateText('31/02/2001', today)).toBeNull();
    expect(parseDateText('29/02/2001', today)).toBeNull();
    expect(parseDateText('29/02/2004', today)).toBe('2004-02-29');
    expect(parseDateText('13/13/2001', today)).toBeNull();
    expect(parseDateText('hôm qua', today)).toBeNull();
    expect(isValidIsoDate('2001-02-30')).toBe(false);
  });
  it('reads Excel serial dates', () => {
    expect(excelSerialToIso(36526)).toBe('2000-01-01');
    expect(excelSerialToIso(45000)).toBe('2023-03-15');
    expect(excelSerialToIso(-1)).toBeNull();
  });
  it('formats and counts years', () => {
    expect(formatDate('2003-09-06')).toBe('06/09/2003');
    expect(yearsBetween('2000-06-10', '2016-06-09')).toBe(15);
    expect(yearsBetween('2000-06-10', '2016-06-10')).toBe(16);
    expect(turnsThirtyIn('1996-05-01', 2026)).toBe(true);
    expect(turnsThirtyIn('1997-05-01', 2026)).toBe(false);
  });
});

describe('a year from the address bar (?y=), shared by the dues, meetings and activities screens', () => {
  it('takes four digits from 1990 to 2100, else nothing (the screen then shows this year)', () => {
    expect(parseYear('2026')).toBe(2026);
    for (const s of [undefined, '', '1989', '2101', '26', '2026.0', ' 2026', 'abcd']) expect(parseYear(s)).toBeUndefined();
  });
});

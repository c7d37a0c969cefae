import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { writeXlsx } from '../../../src/lib/xlsx/write';
import { isDateFormat, openXlsx, readXlsx, XlsxError } from '../../../src/lib/xlsx/read';
import { columnIndex, columnLetters, numberToText } from '../../../src/lib/xlsx/cells';
import { excelSerialToIso } from '../../../src/lib/dates';

describe('cells helpers', () => {
  it('converts column letters both ways', () => {
    for (const [l, i] of [['A', 0], ['Z', 25], ['AA', 26], ['AZ', 51], ['BA', 52], ['XFD', 16383]] as const) {
      expect(columnIndex(l)).toBe(i);
      expect(columnLetters(i)).toBe(l);
    }
  });

  it('prints numbers without exponent', () => {
    expect(numberToText(84912345678)).toBe('84912345678');
    expect(numberToText(123456789012345)).toBe('123456789012345');
    expect(numberToText(1e20)).toBe('100000000000000000000');
    expect(numberToText(0.1 + 0.2)).toBe('0.3');
    expect(numberToText(1.5)).toBe('1.5');
  });
});

describe('writeXlsx', () => {
  it('writes the OOXML parts Excel needs', () => {
    const files = unzipSync(writeXlsx({ name: 'Đoàn viên', rows: [['Họ và tên'], ['An']], headerRows: 1 }));
    for (const part of ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/styles.xml'])
      expect(files[part], part).toBeDefined();
    const ct = strFromU8(files['[Content_Types].xml']);
    expect(ct).toContain('/xl/worksheets/sheet1.xml');
    expect(ct).toContain('spreadsheetml.styles+xml');
    expect(strFromU8(files['xl/workbook.xml'])).toContain('name="Đoàn viên"');
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="yes"\?>/);
  });

  it('escapes XML and drops characters XML cannot hold', () => {
    const bytes = writeXlsx({ name: 'S', rows: [['a<b & "c" \u0001d']] });
    const sheet = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('a&lt;b &amp; &quot;c&quot; d');
    expect(readXlsx(bytes)).toEqual([['a<b & "c" d']]);
  });

  it('sanitises and de-duplicates sheet names', () => {
    const book = openXlsx(writeXlsx([{ name: 'a/b', rows: [] }, { name: 'A/B', rows: [] }, { name: '', rows: [] }]));
    expect(book.sheetNames).toEqual(['a b', 'A B (2)', 'Sheet3']);
  });
});

describe('write → read round trip', () => {
  it('keeps text (leading zeros, Vietnamese, newlines), numbers and date serials', () => {
    const rows = [
      ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đoàn', 'Ghi chú'],
      [1, 'Đặng Diệu Châu', { serial: 35906 }, '042461005', 'dòng 1\ndòng 2'],
      [2, 'Tạ Đức Khang', { serial: 34583 }, '0912345678', null],
    ];
    const read = readXlsx(writeXlsx({ name: 'S', rows, headerRows: 1 }));
    expect(read).toEqual([
      ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đoàn', 'Ghi chú'],
      [1, 'Đặng Diệu Châu', { serial: 35906 }, '042461005', 'dòng 1\ndòng 2'],
      [2, 'Tạ Đức Khang', { serial: 34583 }, '0912345678'],
    ]);
    expect(excelSerialToIso(35906)).toBe('1998-04-21');
  });
});

/** A workbook shaped like Excel's own output, built by hand (not by our writer). */
function excelLikeWorkbook(opts: { date1904?: boolean; prefix?: string } = {}) {
  const p = opts.prefix ? `${opts.prefix}:` : '';
  const ns = opts.prefix ? `xmlns:${opts.prefix}` : 'xmlns';
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const files = {
    '[Content_Types].xml': '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    '_rels/.rels':
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    'xl/workbook.xml': `<${p}workbook ${ns}="${main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${
      opts.date1904 ? `<${p}workbookPr date1904="1"/>` : ''
    }<${p}sheets><${p}sheet name="Hướng dẫn" sheetId="2" r:id="rId2"/><${p}sheet name="DS" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    'xl/_rels/workbook.xml.rels':
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
      '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    'xl/sharedStrings.xml': `<${p}sst ${ns}="${main}" count="4" uniqueCount="4">` +
      `<${p}si><${p}t>DANH SÁCH ĐOÀN VIÊN</${p}t></${p}si>` +
      `<${p}si><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t>Họ và </${p}t></${p}r><${p}r><${p}t xml:space="preserve">tên</${p}t></${p}r><${p}rPh sb="0" eb="1"><${p}t>ホ</${p}t></${p}rPh></${p}si>` +
      `<${p}si><${p}t>Ngày sinh</${p}t></${p}si>` +
      `<${p}si><${p}t>Lê &amp; Văn_x000D_</${p}t></${p}si></${p}sst>`,
    'xl/styles.xml': `<${p}styleSheet ${ns}="${main}"><${p}numFmts count="1"><${p}numFmt numFmtId="165" formatCode="[$-42A]dd/mm/yyyy;@"/></${p}numFmts>` +
      `<${p}cellXfs count="4"><${p}xf numFmtId="0"/><${p}xf numFmtId="14" applyNumberFormat="1"/><${p}xf numFmtId="165" applyNumberFormat="1"><${p}alignment horizontal="center"/></${p}xf><${p}xf numFmtId="49"/></${p}cellXfs></${p}styleSheet>`,
    'xl/worksheets/sheet1.xml': `<${p}worksheet ${ns}="${main}"><${p}sheetData>` +
      `<${p}row r="1"><${p}c r="A1" t="s"><${p}v>0</${p}v></${p}c></${p}row>` +
      `<${p}row r="3" spans="1:4"><${p}c r="A3" t="s"><${p}v>1</${p}v></${p}c><${p}c r="B3" t="s"><${p}v>2</${p}v></${p}c><${p}c r="D3" t="inlineStr"><${p}is><${p}t>SĐT</${p}t></${p}is></${p}c></${p}row>` +
      `<${p}row r="4"><${p}c r="A4" t="s"><${p}v>3</${p}v></${p}c><${p}c r="B4" s="1"><${p}v>36526</${p}v></${p}c><${p}c r="C4" s="3"/><${p}c r="D4"><${p}v>912345678</${p}v></${p}c></${p}row>` +
      `<${p}row r="5"><${p}c r="A5" t="str"><${p}f>A4</${p}f><${p}v>Công thức</${p}v></${p}c><${p}c r="B5" s="2"><${p}v>37000.5</${p}v></${p}c><${p}c r="C5" t="b"><${p}v>1</${p}v></${p}c><${p}c r="D5" t="e"><${p}v>#N/A</${p}v></${p}c></${p}row>` +
      `</${p}sheetData></${p}worksheet>`,
    'xl/worksheets/sheet2.xml': `<${p}worksheet ${ns}="${main}"><${p}sheetData/></${p}worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

describe('readXlsx on an Excel-shaped workbook', () => {
  it('follows the relationships, reads shared/rich/inline strings, date styles, formulas, booleans', () => {
    const book = openXlsx(excelLikeWorkbook());
    expect(book.sheetNames).toEqual(['Hướng dẫn', 'DS']);
    expect(book.readSheet(0)).toEqual([]);
    expect(book.readSheet(1)).toEqual([
      ['DANH SÁCH ĐOÀN VIÊN'],
      [],
      ['Họ và tên', 'Ngày sinh', '', 'SĐT'],
      ['Lê & Văn\r', { serial: 36526 }, '', 912345678],
      ['Công thức', { serial: 37000.5 }, 'TRUE', '#N/A'],
    ]);
  });

  it('handles namespace-prefixed SpreadsheetML (x:row, x:c)', () => {
    expect(openXlsx(excelLikeWorkbook({ prefix: 'x' })).readSheet(1)[3][1]).toEqual({ serial: 36526 });
  });

  it('converts 1904 date-system serials to the 1900 system', () => {
    const cell = openXlsx(excelLikeWorkbook({ date1904: true })).readSheet(1)[3][1];
    expect(cell).toEqual({ serial: 36526 + 1462 });
  });

  it('recognises custom date formats but not number formats', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[$-42A]d mmmm yyyy')).toBe(true);
    expect(isDateFormat('#,##0 "đồng"')).toBe(false);
    expect(isDateFormat('0.00')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
  });

  it('rejects what is not an xlsx', () => {
    expect(() => openXlsx(strToU8('Họ và tên,Ngày sinh'))).toThrow(XlsxError);
    expect(() => openXlsx(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).toThrowError(/encrypted/);
    const noWorkbook = zipSync({ 'hello.xml': strToU8('<a/>') });
    expect(() => openXlsx(noWorkbook)).toThrowError(/notXlsx/);
  });

  it('stays linear on a hostile sheet whose rows never close', () => {
    const book = excelLikeWorkbook();
    const files = unzipSync(book);
    const rows = '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c>'.repeat(40_000);
    files['xl/worksheets/sheet1.xml'] = strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    const book2 = openXlsx(zipSync(files, { level: 1 }));
    const t0 = performance.now();
    expect(book2.readSheet(1)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('reads attributes separated by newlines', () => {
    const files = unzipSync(excelLikeWorkbook());
    files['xl/worksheets/sheet1.xml'] = strToU8('<worksheet><sheetData><row\n r="2"><c\n r="B2"\n t="inlineStr"><is><t>y</t></is></c></row></sheetData></worksheet>');
    expect(openXlsx(zipSync(files)).readSheet(1)).toEqual([[], ['', 'y']]);
  });

  it('refuses sheets over the row limit', () => {
    const rows = Array.from({ length: 20 }, (_, i) => [`r${i}`]);
    expect(() => readXlsx(writeXlsx({ name: 'S', rows }), { maxRows: 10 })).toThrowError(/tooManyRows/);
  });
});

import { describe, expect, it } from 'vitest';
import { csvBytes, decodeText, detectDelimiter, neutraliseFormula, parseCsv, stripFormulaGuard, toCsv } from '../../../src/lib/csv';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Họ và tên')]);
    expect(decodeText(bytes)).toBe('Họ và tên');
  });

  it('reads UTF-8 without BOM', () => {
    expect(decodeText(utf8('Đặng Diệu Châu'))).toBe('Đặng Diệu Châu');
  });

  it('reads UTF-16LE with BOM (Excel "Unicode text")', () => {
    const s = 'Nữ\tKinh';
    const bytes = new Uint8Array(2 + s.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      bytes[2 + i * 2] = s.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = s.charCodeAt(i) >> 8;
    }
    expect(decodeText(bytes)).toBe(s);
  });

  it('falls back to Windows-1258 for invalid UTF-8 and composes the tone marks', () => {
    // "Hồ" in cp1258: H, o with circumflex (0xF4), combining grave (0xCC)
    const text = decodeText(new Uint8Array([0x48, 0xf4, 0xcc]));
    expect(text).toBe('Hồ');
    expect(text).toBe(text.normalize('NFC'));
  });
});

describe('detectDelimiter', () => {
  it('picks ; when lines are split by ; even with commas inside addresses', () => {
    const text = 'DANH SÁCH\nHọ và tên;Địa chỉ;SĐT\nAn;12 Lê Lợi, Phường 7, Quận 3;0912345678\nBình;5 Trần Phú, Phường 1;0987654321\n';
    expect(detectDelimiter(text)).toBe(';');
  });

  it('picks , for the comma fixture-like file with quoted commas', () => {
    expect(detectDelimiter('a,b,c\n1,"x; y; z",3\n4,5,6\n')).toBe(',');
  });

  it('picks tab for tab-separated text', () => {
    expect(detectDelimiter('a\tb\tc\n1\t2\t3\n')).toBe('\t');
  });
});

describe('parseCsv', () => {
  it('handles BOM, CRLF, quoted commas, doubled quotes and newlines inside quotes', () => {
    const text = '\ufeffHọ và tên,Ghi chú\r\n"Nguyễn Văn ""Tí""","dòng 1\r\ndòng 2, có phẩy"\r\nAn,\r\n';
    expect(parseCsv(text)).toEqual([
      ['Họ và tên', 'Ghi chú'],
      ['Nguyễn Văn "Tí"', 'dòng 1\r\ndòng 2, có phẩy'],
      ['An', ''],
    ]);
  });

  it('auto-detects ; and keeps empty fields', () => {
    expect(parseCsv('a;b;c\n1;;3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '', '3'],
    ]);
  });

  it('honours an Excel sep= line', () => {
    expect(parseCsv('sep=;\na;b,c\n')).toEqual([['a', 'b,c']]);
  });

  it('accepts LF and lone CR line ends and no final newline', () => {
    expect(parseCsv('a,b\rc,d\ne,f')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });

  it('is lenient with an unterminated quote', () => {
    expect(parseCsv('a,"b\n')).toEqual([['a', 'b\n']]);
  });

  it('parses 50,000 rows quickly', () => {
    const line = '1,Nguyễn Văn An,01/01/2000,Nam,"12 Lê Lợi, Phường 7",0912345678\n';
    const text = 'STT,Họ và tên,Ngày sinh,Giới tính,Địa chỉ,SĐT\n' + line.repeat(50_000);
    const t0 = performance.now();
    const rows = parseCsv(text);
    expect(rows).toHaveLength(50_001);
    expect(rows[50_000][4]).toBe('12 Lê Lợi, Phường 7');
    expect(performance.now() - t0).toBeLessThan(3000);
  });
});

describe('toCsv and formula guard', () => {
  it('quotes what needs quoting and ends lines with CRLF', () => {
    expect(toCsv([['a', 'b,c', 'd"e', 'f\ng', ' lead']])).toBe('a,"b,c","d""e","f\ng"," lead"\r\n');
  });

  it('round-trips through parseCsv', () => {
    const rows = [
      ['Họ và tên', 'Ghi chú'],
      ['Lê "Bé" Na', 'a, b\r\nc'],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('csvBytes starts with a UTF-8 BOM', () => {
    expect([...csvBytes('x').slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it.each(['=1+1', '+84912', '-5', '@SUM(A1)', '\tx', '\rx', "=cmd|' /C calc'!A0"])('neutralises %j', (v) => {
    expect(neutraliseFormula(v)).toBe(`'${v}`);
    expect(stripFormulaGuard(neutraliseFormula(v))).toBe(v);
  });

  it('leaves ordinary text alone', () => {
    expect(neutraliseFormula('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    expect(neutraliseFormula("O'Neil")).toBe("O'Neil");
    expect(stripFormulaGuard("'abc")).toBe("'abc");
  });
});

// The VietQR payload (EMVCo fields, CRC) and the small QR encoder (src/lib/qr.ts), checked
// against known values: the CRC-16/CCITT-FALSE check value, a published VietQR payload, and
// the module matrices of the qrcode-generator library (a dev reference only, not shipped).
import { describe, expect, it } from 'vitest';
import qrcode from 'qrcode-generator';
import { encodeQr, formatBits, qrPath, rsDivisor, rsRemainder } from '../../../src/lib/qr';
import { crc16, plainPurpose, vietQrPayload } from '../../../src/lib/vietqr';

describe('VietQR payload', () => {
  it('CRC-16/CCITT-FALSE: the standard check value, and a published VietQR code', () => {
    expect(crc16('123456789')).toBe('29B1');
    // github.com/thanhtinhpas1/vietqr-parser README: a VCB account, no amount.
    const published = '00020001021238570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304CD60';
    expect(crc16(published.slice(0, -4))).toBe('CD60');
  });

  it('builds the NAPAS fields: template 38 with GUID, BIN, account and service; amount; purpose without marks', () => {
    const p = vietQrPayload({ bin: '970436', account: '0881000458086', amount: 6000, purpose: 'Đoàn phí T01-03/2026 Nguyễn Thị Lan' });
    expect(p).toBe(
      '000201' + '010212' + '38570010A00000072701270006970436011308810004580860208QRIBFTTA' + '5303704' + '54046000' + '5802VN' + '6229' + '0825Doan phi T01-03/2026 Nguy' + '6304' + crc16(p.slice(0, -4)),
    );
    expect(vietQrPayload({ bin: '970436', account: '0881000458086' })).toBe(`00020101021138570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304${crc16('00020101021138570010A00000072701270006970436011308810004580860208QRIBFTTA53037045802VN6304')}`);
    expect(plainPurpose('Đóng đoàn phí – Tổ Cắt')).toBe('Dong doan phi To Cat');
  });
});

/** qrcode-generator's matrix for the same text, level M, version and mask. */
function reference(text: string, version: number) {
  const q = qrcode(version as 0, 'M');
  q.addData(text, 'Byte');
  q.make();
  const n = q.getModuleCount();
  const m = Array.from({ length: n }, (_, y) => Array.from({ length: n }, (_, x) => q.isDark(y, x)));
  // Its mask, read back from the format bits beside the top-left finder.
  let bits = 0;
  const at = (x: number, y: number) => (m[y][x] ? 1 : 0);
  for (let i = 0; i <= 5; i++) bits |= at(8, i) << i;
  bits |= (at(8, 7) << 6) | (at(8, 8) << 7) | (at(7, 8) << 8);
  for (let i = 9; i < 15; i++) bits |= at(14 - i, 8) << i;
  const mask = [0, 1, 2, 3, 4, 5, 6, 7].find((k) => formatBits(k) === bits);
  return { m, mask };
}

describe('QR encoder (byte mode, level M)', () => {
  it('Reed–Solomon: the ISO/IEC 18004 annex I example (1-M, "01234567")', () => {
    const data = [0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11];
    expect(rsRemainder(data, rsDivisor(10))).toEqual([0xa5, 0x24, 0xd4, 0xc1, 0xed, 0x36, 0xc7, 0x87, 0x2c, 0x55]);
  });

  const cases: [string, string][] = [
    ['version 1', 'Sổ Chi Đoàn'],
    ['version 4 (2 blocks)', 'A'.repeat(55)],
    ['version 6 (4 blocks)', 'https://example.vn/doan-phi?'.padEnd(100, 'x')],
    ['version 7 (version bits)', 'b'.repeat(120)],
    ['version 9 (short and long blocks)', 'c'.repeat(175)],
    ['version 10 (16-bit count)', 'd'.repeat(200)],
    ['a VietQR payload', vietQrPayload({ bin: '970436', account: '0881000458086', amount: 24000, purpose: 'Doan phi 2026 Tran Van Hai' })],
  ];
  for (const [name, text] of cases) {
    it(`matches the reference module for module: ${name}`, () => {
      const ours = encodeQr(text);
      const bytes = new TextEncoder().encode(text);
      const ref = reference(String.fromCharCode(...bytes), ours.version);
      expect(ref.mask).toBeDefined();
      const same = encodeQr(text, ref.mask);
      expect(same.size).toBe(ref.m.length);
      expect(same.modules).toEqual(ref.m);
    });
  }

  it('picks the smallest version and a mask; draws rows as SVG path runs', () => {
    const q = encodeQr('0123456789');
    expect(q.version).toBe(1);
    expect(q.size).toBe(21);
    expect(q.mask).toBeGreaterThanOrEqual(0);
    expect(qrPath(q)).toMatch(/^M4 4h7v1h-7z/); // the top-left finder's first row
    expect(() => encodeQr('x'.repeat(300))).toThrow();
  });
});

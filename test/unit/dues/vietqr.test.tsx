// @vitest-environment jsdom
// The VietQR payload (EMVCo fields, CRC), checked against known values: the CRC-16/CCITT-FALSE
// check value and a published VietQR payload. And the card the dues screen shows: its QR code
// is qrcode-generator's (the app's one encoder, src/ui/Qr.tsx) for that payload at level M,
// module for module, read back from the SVG without a decoder.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/preact';
import qrcode from 'qrcode-generator';
import VietQrCard from '../../../src/features/dues/VietQrCard';
import { crc16, plainPurpose, vietQrPayload } from '../../../src/lib/vietqr';

afterEach(cleanup);

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

/** The dark modules an SVG path of row runs ("Mx yhNv1h-Nz") paints, as "x,y" without the quiet zone. */
function paintedModules(d: string): Set<string> {
  const dark = new Set<string>();
  for (const [, x, y, run] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(run); i++) dark.add(`${Number(x) - 4 + i},${Number(y) - 4}`);
  }
  return dark;
}

describe('VietQR card', () => {
  it("draws qrcode-generator's level-M code for the transfer's payload, module for module", () => {
    const bank = { bin: '970436', account: '0881000458086', name: 'Vietcombank' };
    const purpose = 'Đoàn phí T01-03/2026 Nguyễn Thị Lan';
    const payload = vietQrPayload({ bin: bank.bin, account: bank.account, amount: 24000, purpose });
    const { container } = render(<VietQrCard bank={bank} amount={24000} purpose={purpose} />);
    const svg = container.querySelector('svg[role="img"]')!;
    expect(svg.getAttribute('aria-label')).toContain('24.000');

    const ref = qrcode(0, 'M');
    ref.addData(payload, 'Byte');
    ref.make();
    const n = ref.getModuleCount();
    // 136 bytes at level M need version 8 (49 modules); at level L version 7 would do.
    expect(payload.length).toBe(136);
    expect(n).toBe(49);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${n + 8} ${n + 8}`);
    const expected = new Set<string>();
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (ref.isDark(y, x)) expected.add(`${x},${y}`);
    const painted = paintedModules(svg.querySelector('path')!.getAttribute('d')!);
    expect(painted.size).toBe(expected.size);
    expect([...painted].filter((m) => !expected.has(m))).toEqual([]);
  });
});

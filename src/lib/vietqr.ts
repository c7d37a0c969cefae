// VietQR transfer codes, made on the phone with no network: the EMVCo merchant-presented
// payload NAPAS uses for a transfer to an account (NAPAS "QR Switching" technical spec, part IV):
//   00 payload format "01" · 01 "11" static / "12" with an amount · 38 NAPAS template
//   (00 GUID A000000727, 01 beneficiary: 00 bank BIN + 01 account, 02 service QRIBFTTA) ·
//   53 currency 704 (VND) · 54 amount · 58 country VN · 62 additional data (08 purpose) ·
//   63 CRC-16/CCITT-FALSE over everything before it, "6304" included.

const tlv = (id: string, value: string) => `${id}${String(value.length).padStart(2, '0')}${value}`;

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF), as 4 upper-case hex digits. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const b of new TextEncoder().encode(text)) {
    crc ^= b << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** Bank apps show the purpose as typed, without Vietnamese marks: "Đoàn phí tháng 3" → "Doan phi thang 3". */
export function plainPurpose(s: string, max = 25): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^0-9A-Za-z .,/-]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

export interface VietQrInput {
  /** the bank's 6-digit NAPAS BIN, e.g. 970436 */
  bin: string;
  account: string;
  /** đồng; omitted or 0 = the payer types it */
  amount?: number;
  purpose?: string;
}

export function vietQrPayload({ bin, account, amount, purpose }: VietQrInput): string {
  const beneficiary = tlv('00', bin) + tlv('01', account);
  const napas = tlv('00', 'A000000727') + tlv('01', beneficiary) + tlv('02', 'QRIBFTTA');
  const text = purpose ? plainPurpose(purpose) : '';
  const body =
    tlv('00', '01') +
    tlv('01', amount ? '12' : '11') +
    tlv('38', napas) +
    tlv('53', '704') +
    (amount ? tlv('54', String(Math.round(amount))) : '') +
    tlv('58', 'VN') +
    (text ? tlv('62', tlv('08', text)) : '') +
    '6304';
  return body + crc16(body);
}

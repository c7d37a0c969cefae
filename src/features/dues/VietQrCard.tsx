// A VietQR code for a transfer to the unit's account, made on the phone (no network): the
// member scans it in their bank app and finds account, amount and purpose filled in. Its own
// chunk with the app's QR encoder (src/ui/Qr.tsx), loaded when asked for (and kept by the
// service worker from then).
import { formatMoney } from '../../lib/money';
import { plainPurpose, vietQrPayload } from '../../lib/vietqr';
import { Qr } from '../../ui/Qr';
import type { BankDetails } from './dues-queries';
import { tq } from './desk-i18n';
import './dues-qr.css';

export default function VietQrCard({ bank, amount, purpose }: { bank: BankDetails; amount: number; purpose: string }) {
  const payload = vietQrPayload({ bin: bank.bin, account: bank.account, amount, purpose });
  return (
    <figure class="dues-qr">
      <Qr text={payload} label={tq('qrLabel', { amount: formatMoney(amount) })} size={240} />
      <figcaption>
        <strong>{formatMoney(amount)}</strong>
        <span>{bank.name ? `${bank.name} · ` : ''}{bank.account} ({tq('bankBinShort', { bin: bank.bin })})</span>
        <span>{tq('qrPurpose', { purpose: plainPurpose(purpose) })}</span>
        <small class="muted">{tq('qrHint')}</small>
      </figcaption>
    </figure>
  );
}

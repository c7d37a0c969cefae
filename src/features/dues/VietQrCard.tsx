// A VietQR code for a transfer to the unit's account, made on the phone (no network): the
// member scans it in their bank app and finds account, amount and purpose filled in. Its own
// chunk with the QR encoder, loaded when asked for (and kept by the service worker from then).
import { useMemo } from 'preact/hooks';
import { formatMoney } from '../../lib/money';
import { encodeQr, qrPath } from '../../lib/qr';
import { plainPurpose, vietQrPayload } from '../../lib/vietqr';
import type { BankDetails } from './dues-queries';
import { tq } from './desk-i18n';

export default function VietQrCard({ bank, amount, purpose }: { bank: BankDetails; amount: number; purpose: string }) {
  const qr = useMemo(() => encodeQr(vietQrPayload({ bin: bank.bin, account: bank.account, amount, purpose })), [bank.bin, bank.account, amount, purpose]);
  const view = qr.size + 8;
  return (
    <figure class="dues-qr">
      <svg viewBox={`0 0 ${view} ${view}`} width="240" height="240" role="img" aria-label={tq('qrLabel', { amount: formatMoney(amount) })} shape-rendering="crispEdges">
        <rect width={view} height={view} fill="#fff" />
        <path d={qrPath(qr)} fill="#000" />
      </svg>
      <figcaption>
        <strong>{formatMoney(amount)}</strong>
        <span>{bank.name ? `${bank.name} · ` : ''}{bank.account} ({tq('bankBinShort', { bin: bank.bin })})</span>
        <span>{tq('qrPurpose', { purpose: plainPurpose(purpose) })}</span>
        <small class="muted">{tq('qrHint')}</small>
      </figcaption>
    </figure>
  );
}

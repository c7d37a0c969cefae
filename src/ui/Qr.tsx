// The app's one QR code, drawn as SVG (no inline script or data: URL, so the strict CSP holds)
// with the qrcode-generator library: the dues VietQR card and the invite code both use it.
// It imports the encoder statically, so it stays out of the first bundle and the precache:
// import it from a chunk loaded on request (dues/VietQrCard.tsx, sync/Qr.tsx).
import qrcode from 'qrcode-generator';
import { useMemo } from 'preact/hooks';

/**
 * The dark modules of `text`'s QR code, level M, smallest version that holds it, as one SVG
 * path (a run of dark modules per row, inside a 4-module quiet zone). Byte mode writes each
 * character's low byte, so the text must be ASCII (URLs, VietQR payloads: plainPurpose).
 */
export function qrDrawing(text: string): { size: number; path: string } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  let path = '';
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      if (!qr.isDark(y, x)) continue;
      let run = 1;
      while (x + run < n && qr.isDark(y, x + run)) run++;
      path += `M${x + 4} ${y + 4}h${run}v1h-${run}z`;
      x += run;
    }
  }
  return { size: n, path };
}

export function Qr({ text, label, size = 220 }: { text: string; label: string; size?: number }) {
  const { size: n, path } = useMemo(() => qrDrawing(text), [text]);
  const box = n + 8;
  return (
    <svg class="qr" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${box} ${box}`} shape-rendering="crispEdges">
      <rect width={box} height={box} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}

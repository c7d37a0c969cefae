// A QR code drawn as SVG rects (no inline script or data: URL, so the strict CSP holds).
// The encoder loads only when a code is shown.
import { useEffect, useState } from 'preact/hooks';

export function Qr({ text, label, size = 220 }: { text: string; label: string; size?: number }) {
  const [cells, setCells] = useState<{ n: number; path: string } | null>(null);
  useEffect(() => {
    let alive = true;
    void import('qrcode-generator').then((m) => {
      const qrcode = (m as unknown as { default?: typeof m }).default ?? m;
      const qr = (qrcode as unknown as (t: 0, l: 'M') => { addData(s: string): void; make(): void; getModuleCount(): number; isDark(r: number, c: number): boolean })(0, 'M');
      qr.addData(text);
      qr.make();
      const n = qr.getModuleCount();
      let path = '';
      for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) path += `M${c + 4} ${r + 4}h1v1h-1z`;
      if (alive) setCells({ n, path });
    });
    return () => {
      alive = false;
    };
  }, [text]);
  if (!cells) return <div class="qr" style={{ width: size, height: size }} />;
  const box = cells.n + 8;
  return (
    <svg class="qr" role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${box} ${box}`} shape-rendering="crispEdges">
      <rect width={box} height={box} fill="#fff" />
      <path d={cells.path} fill="#000" />
    </svg>
  );
}

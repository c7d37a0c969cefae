// The invite QR: the app's QR component (src/ui/Qr.tsx) with its encoder, loaded only when a
// code is shown.
import { useEffect, useState } from 'preact/hooks';

type QrType = typeof import('../../ui/Qr').Qr;

export function Qr({ text, label, size = 220 }: { text: string; label: string; size?: number }) {
  const [Loaded, setLoaded] = useState<{ C: QrType } | null>(null);
  useEffect(() => {
    let alive = true;
    void import('../../ui/Qr').then((m) => alive && setLoaded({ C: m.Qr }));
    return () => {
      alive = false;
    };
  }, []);
  if (!Loaded) return <div class="qr" style={{ width: size, height: size }} />;
  return <Loaded.C text={text} label={label} size={size} />;
}

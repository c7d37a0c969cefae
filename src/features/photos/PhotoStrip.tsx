// The photos of one record: on this phone → the picture (an object URL, revoked when it goes);
// not here → "Tải ảnh" (fetched from the server on demand, then kept); not on the server yet →
// a small "Chờ tải lên" badge. With onRemove, each photo has a remove button (PhotoField).
import { useEffect, useState } from 'preact/hooks';
import { useLive } from '../../data/live';
import { downloadPhoto } from './photos-repo';
import { photoStates, type PhotoState } from './photo-queries';
import { errorText, pt } from './i18n';
import './photos.css';

export interface PhotoStripProps {
  hashes: readonly string[];
  onRemove?: (sha256: string) => void;
}

export function PhotoStrip({ hashes, onRemove }: PhotoStripProps) {
  const live = useLive(() => photoStates(hashes), [hashes.join(',')]);
  if (!hashes.length) return null;
  const states = live.value;
  return (
    <ul class="photo-strip" aria-label={pt('count', { n: hashes.length })}>
      {hashes.map((sha256, i) => {
        const p = states?.photos[i];
        return (
          <li key={sha256} class="photo-tile" data-sha256={sha256}>
            {p?.blob ? <Thumb blob={p.blob} label={pt('open', { n: i + 1 })} /> : p ? <Missing photo={p} canDownload={states.canDownload} /> : <span class="photo-missing" />}
            {p?.isWaiting && <span class="photo-badge">{pt('waiting')}</span>}
            {onRemove && (
              <button type="button" class="photo-remove w" aria-label={pt('remove')} onClick={() => onRemove(sha256)}>
                ×
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function Thumb({ blob, label }: { blob: Blob; label: string }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    const u = URL.createObjectURL(blob);
    setUrl(u);
    return () => URL.revokeObjectURL(u);
  }, [blob]);
  if (!url) return <span class="photo-missing" />;
  return (
    <a href={url} target="_blank" rel="noopener" aria-label={label}>
      <img src={url} alt={label} loading="lazy" />
    </a>
  );
}

function Missing({ photo, canDownload }: { photo: PhotoState; canDownload: boolean }) {
  const [state, setState] = useState<{ busy?: boolean; error?: string }>({});
  const fetchIt = async () => {
    setState({ busy: true });
    try {
      await downloadPhoto(photo.sha256);
      setState({});
    } catch (e) {
      setState({ error: errorText(e) });
    }
  };
  return (
    <div class="photo-missing">
      {canDownload ? (
        <button type="button" class="btn" disabled={state.busy} onClick={() => void fetchIt()}>
          {state.busy ? pt('downloading') : pt('download')}
        </button>
      ) : (
        <span class="small muted">{pt('notHere')}</span>
      )}
      {state.error && <span class="small error" role="alert">{state.error}</span>}
    </div>
  );
}

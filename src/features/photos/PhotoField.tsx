// Photos of a record being edited: "Chụp ảnh" opens the camera, "Chọn từ thư viện" the
// gallery (several at once). Each photo is made small and kept on the phone at once
// (photos-repo.ts: bytes, fileRefs row and upload queue in one transaction), then its hash
// joins `value`; the record holding the hashes is saved by the caller.
import { useEffect, useState } from 'preact/hooks';
import { markDirty } from '../../pwa/dirty';
import { photoList } from '../../protocol/file-ref';
import { addPhotoFromFile } from './photos-repo';
import { PhotoStrip } from './PhotoStrip';
import { errorText, pt } from './i18n';
import './photos.css';

/** as many as a record may hold (protocol/file-ref.ts photoList) */
export const MAX_PHOTOS = 20;

export interface PhotoFieldProps {
  id: string;
  value: readonly string[];
  onChange: (next: string[]) => void | Promise<void>;
  /** ask before removing (where removing saves at once) */
  confirmRemove?: boolean;
}

export function PhotoField({ id, value, onChange, confirmRemove }: PhotoFieldProps) {
  const [state, setState] = useState<{ busy?: boolean; error?: string }>({});
  const isFull = value.length >= MAX_PHOTOS;
  // A photo being made small is not kept yet: a reload or a tap away then lost it, unasked
  // (found in use). The page asks first, as for a half-filled form.
  useEffect(() => markDirty(`photo:${id}`, !!state.busy), [id, state.busy]);
  useEffect(() => () => markDirty(`photo:${id}`, false), [id]);

  const add = async (input: HTMLInputElement) => {
    const files = Array.from(input.files ?? []);
    input.value = ''; // the same photo can be chosen again later
    if (!files.length) return;
    setState({ busy: true });
    let next = [...value];
    let error: string | undefined;
    for (const file of files) {
      if (next.length >= MAX_PHOTOS) {
        error = pt('full', { n: MAX_PHOTOS });
        break;
      }
      try {
        const sha256 = await addPhotoFromFile(file);
        if (!next.includes(sha256)) next = [...next, sha256];
      } catch (e) {
        error = errorText(e);
      }
    }
    try {
      if (next.length !== value.length) await onChange(photoList.parse(next));
    } catch (e) {
      error = errorText(e);
    }
    setState({ error });
  };

  const remove = (sha256: string) => {
    if (confirmRemove && !confirm(pt('removeConfirm'))) return;
    void onChange(value.filter((h) => h !== sha256));
  };

  return (
    <div class="photo-field" id={id}>
      <PhotoStrip hashes={value} onRemove={remove} />
      {state.busy && <p class="muted small" role="status">{pt('processing')}</p>}
      {state.error && <p class="error small" role="alert">{state.error}</p>}
      {isFull ? (
        <p class="muted small">{pt('full', { n: MAX_PHOTOS })}</p>
      ) : (
        <div class="photo-actions w">
          <label class="btn">
            <input type="file" accept="image/*" capture="environment" class="photo-input" data-testid={`${id}-camera`} disabled={state.busy} onChange={(e) => void add(e.currentTarget)} />
            {pt('take')}
          </label>
          <label class="btn">
            <input type="file" accept="image/*" multiple class="photo-input" data-testid={`${id}-gallery`} disabled={state.busy} onChange={(e) => void add(e.currentTarget)} />
            {pt('pick')}
          </label>
        </div>
      )}
    </div>
  );
}

// A photo as the phone keeps and sends it: JPEG, longest side at most MAX_SIDE px, the quality
// stepped down until it is about TARGET_BYTES (a 12 MP camera photo of 4–6 MB becomes
// ~200 KB: a unit's year of evidence fits the phone and the server, and uploads over 3G).
// Turned upright from its EXIF orientation while decoding (createImageBitmap 'from-image'),
// so the stored pixels need no EXIF (the canvas writes none: no GPS position leaves the phone).
import { MAX_FILE_BYTES } from '../../protocol/file-ref';
import { UserError } from '../../lib/user-error';

export const MAX_SIDE = 1600;
export const TARGET_BYTES = 200 * 1024;
const QUALITIES = [0.85, 0.75, 0.65, 0.55, 0.45];

export interface ResizedPhoto {
  blob: Blob;
  width: number;
  height: number;
}

/** Longest side ≤ maxSide, proportions kept (pure). */
export function fitWithin(width: number, height: number, maxSide = MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export async function resizePhoto(file: Blob): Promise<ResizedPhoto> {
  const started = performance.now();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (e) {
    throw new UserError('photos.errNotImage', e);
  }
  try {
    let size = fitWithin(bitmap.width, bitmap.height);
    // Rarely (a very detailed picture) even the lowest quality is too big: shrink and try again.
    for (let round = 0; round < 4; round++) {
      let blob: Blob | undefined;
      let quality = QUALITIES[0];
      for (quality of QUALITIES) {
        blob = await encode(bitmap, size.width, size.height, quality);
        if (blob.size <= TARGET_BYTES) break;
      }
      if (blob && blob.size <= MAX_FILE_BYTES) {
        // For the browser test's measurement (and devtools): how long, how big.
        performance.measure('photo-resize', { start: started, detail: { from: file.size, to: blob.size, quality, ...size } });
        return { blob, ...size };
      }
      size = fitWithin(size.width, size.height, Math.round(Math.max(size.width, size.height) * 0.75));
    }
    throw new UserError('photos.errTooLarge');
  } finally {
    bitmap.close();
  }
}

async function encode(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    draw(canvas.getContext('2d'), bitmap, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  draw(canvas.getContext('2d'), bitmap, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new UserError('photos.errNotImage'))), 'image/jpeg', quality));
}

function draw(ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null, bitmap: ImageBitmap, width: number, height: number): void {
  if (!ctx) throw new UserError('photos.errNotImage');
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(bitmap, 0, 0, width, height);
}

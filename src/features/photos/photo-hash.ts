// What the phone checks of a photo's bytes before keeping it: the server checks the same.
export { sha256Hex } from '../../lib/sha256';

/** JPEG files start with FF D8 FF. */
export function isJpegBytes(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

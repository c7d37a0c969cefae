// sha256 of a photo's bytes, as the server names it (docs/sync-api.md "Files"). crypto.subtle
// is asynchronous and not IndexedDB: it runs before a repo's transaction, never inside one.
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** JPEG files start with FF D8 FF, the check the server makes too. */
export function isJpegBytes(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
}

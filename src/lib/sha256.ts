// sha256 of bytes as lowercase hex, as the server names a photo (docs/sync-api.md "Files").
// crypto.subtle is asynchronous and not IndexedDB: call it before a Dexie transaction, never inside one.
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

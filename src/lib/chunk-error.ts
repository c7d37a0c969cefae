// Tells a chunk that could not be fetched from an error thrown by a screen's own code. Some
// chunks are left out of the precache (vite.config.ts): offline before their first download,
// their import() fails this way. Part of the shell bundle; no imports, so lazy chunks can use
// it too without pulling anything else of the shell.

/**
 * Chromium "Failed to fetch dynamically imported module", Firefox "error loading dynamically
 * imported module", Safari "Importing a module script failed", vite "Unable to preload CSS".
 */
export function isChunkLoadError(e: unknown): boolean {
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS/i.test(message);
}

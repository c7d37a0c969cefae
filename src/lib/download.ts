// Save a file the app made (a .docx, an .xlsx, a backup) through the browser's download.
// The object URL is revoked later, not at once: some mobile browsers read the blob after
// click() returns.
export function downloadFile(bytes: BlobPart, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// Send a file the app made through the phone's share sheet (Web Share API level 2: Zalo,
// Messenger, mail — how secretaries send a report to cấp trên), or download it where the
// browser cannot share files (desktop Firefox, older WebViews, http without TLS). The user
// closing the share sheet is their choice, not a failure: nothing is downloaded then.

export type ShareOutcome = 'shared' | 'cancelled' | 'downloaded';

export interface ShareTarget {
  canShare?: (data: ShareData) => boolean;
  share?: (data: ShareData) => Promise<void>;
}

export interface SharedFile {
  bytes: BlobPart;
  fileName: string;
  mimeType: string;
  title: string;
}

/**
 * Shares the file, or calls `download` when files cannot be shared: no API, canShare says no,
 * or share() fails for another reason than the user cancelling (AbortError).
 */
export async function shareOrDownload(
  f: SharedFile,
  download: (bytes: BlobPart, fileName: string, mimeType: string) => void,
  target: ShareTarget | null = typeof navigator === 'undefined' ? null : navigator,
): Promise<ShareOutcome> {
  let data: ShareData | undefined;
  if (target?.share && target.canShare && typeof File === 'function') {
    data = { files: [new File([f.bytes], f.fileName, { type: f.mimeType })], title: f.title };
    if (!safeCanShare(target, data)) data = undefined;
  }
  if (data) {
    try {
      await target!.share!(data);
      return 'shared';
    } catch (e) {
      if ((e as { name?: string })?.name === 'AbortError') return 'cancelled';
      // NotAllowedError (no user gesture left after loading the writer), DataError, a
      // WebView's own refusal: the file still reaches the user, by download.
    }
  }
  download(f.bytes, f.fileName, f.mimeType);
  return 'downloaded';
}

function safeCanShare(target: ShareTarget, data: ShareData): boolean {
  try {
    return target.canShare!(data);
  } catch {
    return false;
  }
}

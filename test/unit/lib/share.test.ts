// Share falls back to download: where the browser has no Web Share, cannot share files, or
// share() fails; not when the user closes the share sheet.
import { describe, expect, it, vi } from 'vitest';
import { shareOrDownload, type ShareTarget } from '../../../src/lib/share';

const FILE = { bytes: new Uint8Array([80, 75, 3, 4]), fileName: 'bao-cao-2026-q1-v1.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', title: 'Báo cáo quý I năm 2026' };

function domError(name: string): Error {
  const e = new Error(name);
  e.name = name;
  return e;
}

describe('shareOrDownload', () => {
  it('shares the file through the share sheet when the browser can', async () => {
    const download = vi.fn();
    const share = vi.fn(async (_: ShareData) => undefined);
    const canShare = vi.fn((d: ShareData) => !!d.files?.length);
    expect(await shareOrDownload(FILE, download, { share, canShare })).toBe('shared');
    expect(download).not.toHaveBeenCalled();
    const data = share.mock.calls[0][0];
    expect(data.title).toBe('Báo cáo quý I năm 2026');
    expect(data.files).toHaveLength(1);
    const f = data.files![0];
    expect([f.name, f.type, f.size]).toEqual([FILE.fileName, FILE.mimeType, 4]);
  });

  it.each<[string, ShareTarget | null]>([
    ['no Web Share at all', null],
    ['a navigator without share', {}],
    ['share without canShare (files not supported)', { share: async () => undefined }],
    ['canShare refuses files', { share: async () => undefined, canShare: () => false }],
    ['canShare throws', { share: async () => undefined, canShare: () => { throw new TypeError('bad'); } }],
    ['share refused (no user gesture left)', { share: async () => { throw domError('NotAllowedError'); }, canShare: () => true }],
    ['share fails otherwise', { share: async () => { throw domError('DataError'); }, canShare: () => true }],
  ])('downloads the file when %s', async (_, target) => {
    const download = vi.fn();
    expect(await shareOrDownload(FILE, download, target)).toBe('downloaded');
    expect(download).toHaveBeenCalledWith(FILE.bytes, FILE.fileName, FILE.mimeType);
  });

  it('does nothing more when the user closes the share sheet', async () => {
    const download = vi.fn();
    const target = { share: async () => { throw domError('AbortError'); }, canShare: () => true };
    expect(await shareOrDownload(FILE, download, target)).toBe('cancelled');
    expect(download).not.toHaveBeenCalled();
  });
});

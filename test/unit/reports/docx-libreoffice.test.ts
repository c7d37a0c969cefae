// The .docx files checked by a real consumer (issue 10): LibreOffice converts the minutes and
// a report to PDF in one run, and the PDFs' text (pdftotext) holds their header, title, a
// section, a figure and the signature. CI installs LibreOffice and poppler (.ci/run) and this
// test fails there without them; elsewhere it skips when they are missing.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildMinutesDoc } from '../../../src/features/minutes/minutes-document';
import { minutesDocx } from '../../../src/features/minutes/minutes-docx';
import { buildReportDoc, versionDocInput } from '../../../src/features/reports/report-document';
import { reportDocx } from '../../../src/features/reports/report-docx';
import { sampleVersion } from './report-doc-fixture';

const has = (cmd: string) => spawnSync('which', [cmd]).status === 0;
const soffice = ['soffice', 'libreoffice'].find(has);
const pdftotext = has('pdftotext') ? 'pdftotext' : undefined;
const ready = !!soffice && !!pdftotext;

/**
 * The PDF's text, one space between words, composed (LibreOffice may emit decomposed marks):
 * in reading order, or as laid out, which keeps a table's row on one line (a figure's label
 * beside its value).
 */
function pdfText(file: string, layout = false): string {
  const r = spawnSync(pdftotext!, [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', timeout: 30_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.normalize('NFC').replace(/\s+/g, ' ');
}

function pages(file: string): number {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(r.stdout)?.[1] ?? 0);
}

describe.skipIf(!ready && !process.env.CI)('.docx opened by LibreOffice', () => {
  it('converts the minutes and a report to PDF holding their text', () => {
    expect(soffice, 'CI must have LibreOffice (.ci/run installs libreoffice-writer-nogui)').toBeTruthy();
    expect(pdftotext, 'CI must have pdftotext (.ci/run installs poppler-utils)').toBeTruthy();
    const dir = mkdtempSync(join(tmpdir(), 'scd-lo-'));
    try {
      const minutes = buildMinutesDoc({
        unit: { name: 'Chi đoàn Công ty May 30/4', kind: 'branch', parentUnit: 'Đoàn phường 7' },
        meeting: { kind: 'regular', title: 'Sinh hoạt tháng 3', startsAt: '2026-03-15T19:30', place: 'Hội trường' },
        minutes: { status: 'finalized', conclusions: 'Nhất trí triển khai Tháng Thanh niên.', endedAt: '21:05' },
        attendance: { total: 3, present: 3, late: 0, absentExcused: [], absentUnexcused: [], guests: [] },
        chairName: 'Đặng Diệu Châu',
        minuteTakerName: 'Hồ Văn Minh',
      });
      const report = buildReportDoc(versionDocInput(sampleVersion(), 'branch'));
      writeFileSync(join(dir, 'bien-ban.docx'), minutesDocx(minutes));
      writeFileSync(join(dir, 'bao-cao.docx'), reportDocx(report));

      // One soffice process for both files, with a profile of its own (a first start makes it,
      // and a desktop LibreOffice already running would otherwise take the job).
      const started = performance.now();
      const r = spawnSync(
        soffice!,
        [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, join(dir, 'bien-ban.docx'), join(dir, 'bao-cao.docx')],
        { encoding: 'utf8', timeout: 150_000 },
      );
      const ms = Math.round(performance.now() - started);
      console.info(`LibreOffice converted 2 .docx to PDF in ${ms} ms (one process, first start included)`);
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      for (const f of ['bien-ban.pdf', 'bao-cao.pdf']) expect(existsSync(join(dir, f)), f).toBe(true);

      const m = pdfText(join(dir, 'bien-ban.pdf'));
      for (const s of ['ĐOÀN TNCS HỒ CHÍ MINH', 'CHI ĐOÀN CÔNG TY MAY 30/4', 'BIÊN BẢN', 'KẾT LUẬN, NGHỊ QUYẾT', 'Nhất trí triển khai Tháng Thanh niên.', 'CHỦ TRÌ', 'Đặng Diệu Châu']) {
        expect(m, s).toContain(s);
      }

      const b = pdfText(join(dir, 'bao-cao.pdf'));
      for (const s of [
        'ĐOÀN TNCS HỒ CHÍ MINH', // header
        'BCH CHI ĐOÀN CÔNG TY MAY 30/4',
        'Số: 05-BC/CĐ',
        'BÁO CÁO', // title
        'Kết quả công tác Đoàn và phong trào thanh niên quý I năm 2026',
        'I. TÌNH HÌNH CHUNG', // a section
        'Kết nạp 3 đoàn viên mới.',
        'PHỤ LỤC SỐ LIỆU',
        'TM. BAN CHẤP HÀNH', // the signature
        'BÍ THƯ Đặng Diệu Châu',
      ]) {
        expect(b, s).toContain(s);
      }
      const table = pdfText(join(dir, 'bao-cao.pdf'), true);
      for (const s of ['Tỷ lệ tham dự bình quân 87,1%', 'Đã thu trong kỳ 1.260.000 đồng', '95,2% 100% 95,2% Chậm tiến độ']) {
        expect(table, s).toContain(s);
      }
      // the appendix starts a page of its own
      expect(pages(join(dir, 'bao-cao.pdf'))).toBeGreaterThanOrEqual(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 160_000);
});

// @vitest-environment jsdom
// The report's .docx and .xlsx: a real WordprocessingML package (unzipped, parsed as XML)
// holding what the A4 page shows, and a spreadsheet that reads back with the app's reader.
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { buildReportDoc, draftDocInput, versionDocInput } from '../../../src/features/reports/report-document';
import { reportDocx } from '../../../src/features/reports/report-docx';
import { reportXlsx, XLSX_HEADER } from '../../../src/features/reports/report-xlsx';
import { readXlsx } from '../../../src/lib/xlsx/read';
import { sampleFigures } from './figures-fixture';
import { sampleReport, sampleVersion, UNIT } from './report-doc-fixture';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** The visible text of document.xml: every w:t in order, paragraphs on their own lines. */
function docxLines(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files)) {
    const d = new DOMParser().parseFromString(strFromU8(files[name]), 'application/xml');
    expect(d.getElementsByTagName('parsererror'), name).toHaveLength(0);
  }
  const doc = new DOMParser().parseFromString(strFromU8(files['word/document.xml']), 'application/xml');
  return [...doc.getElementsByTagNameNS(W, 'p')].map((p) => [...p.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join(''));
}

describe('report .docx', () => {
  const sent = buildReportDoc(versionDocInput(sampleVersion(), 'branch'));

  it('holds the header, title, sections, signature and the figures appendix on a page of its own', () => {
    const bytes = reportDocx(sent);
    const lines = docxLines(bytes);
    for (const line of [
      'ĐOÀN PHƯỜNG 7',
      'BCH CHI ĐOÀN CÔNG TY MAY 30/4',
      'Số: 05-BC/CĐ',
      'ĐOÀN TNCS HỒ CHÍ MINH',
      sent.placeDate,
      'BÁO CÁO',
      'Kết quả công tác Đoàn và phong trào thanh niên quý I năm 2026',
      'PHẦN I. KẾT QUẢ CÔNG TÁC ĐOÀN VÀ PHONG TRÀO THANH NIÊN QUÝ I NĂM 2026',
      '3. Công tác xây dựng tổ chức Đoàn',
      'Kết nạp 3 đoàn viên mới.',
      'Nơi nhận:',
      '- Đoàn phường 7 (để báo cáo);',
      'TM. BAN CHẤP HÀNH',
      'BÍ THƯ',
      'Đặng Diệu Châu',
      'PHỤ LỤC SỐ LIỆU',
      'Đoàn viên cuối kỳ',
      '42',
      '– Sinh hoạt định kỳ: tỷ lệ tham dự',
      '86%',
      'Chỉ tiêu năm 2026',
      '100 % đoàn viên đăng ký học tập',
      '95,2%',
      'Chậm tiến độ',
    ]) {
      expect(lines, line).toContain(line);
    }
    expect(lines).not.toContain('BẢN NHÁP');
    // the signature comes before the appendix, which starts a page
    expect(lines.indexOf('Đặng Diệu Châu')).toBeLessThan(lines.indexOf('PHỤ LỤC SỐ LIỆU'));
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    expect(xml).toMatch(/<w:pPr><w:pageBreakBefore\/>[^]*?PHỤ LỤC SỐ LIỆU/);
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
  });

  it('marks a draft and leaves the targets table out when the year has none', () => {
    const draft = buildReportDoc(draftDocInput(sampleReport(), UNIT, sampleFigures({ targets: undefined }), '2026-04-03'));
    const lines = docxLines(reportDocx(draft));
    expect(lines).toContain('BẢN NHÁP');
    expect(lines.some((l) => l.startsWith('Chỉ tiêu năm'))).toBe(false);
    expect(lines).toContain('Phường 7, ngày 03 tháng 4 năm 2026');
  });
});

describe('report .xlsx', () => {
  it('reads back as one sheet of figures with Vietnamese labels, numbers kept as numbers', () => {
    const doc = buildReportDoc(versionDocInput(sampleVersion(), 'branch'));
    const rows = readXlsx(reportXlsx(doc, 'Chi đoàn Công ty May 30/4'));
    expect(String(rows[0][0])).toBe('Số liệu báo cáo kết quả công tác Đoàn và phong trào thanh niên quý I năm 2026 — Chi đoàn Công ty May 30/4');
    expect(rows[1]).toEqual(XLSX_HEADER);
    const find = (label: string) => rows.find((r) => r[1] === label);
    expect(find('Đoàn viên cuối kỳ')).toEqual(['Đoàn viên', 'Đoàn viên cuối kỳ', 42]); // the reader drops empty cells at a row's end
    expect(find('Tỷ lệ tham dự bình quân')?.slice(0, 4)).toEqual(['Sinh hoạt chi đoàn', 'Tỷ lệ tham dự bình quân', 87.1, '%']);
    expect(find('Đã thu trong kỳ')?.slice(2, 4)).toEqual([1_260_000, 'đồng']);
    expect(find('Tổ May 2 (đầu kỳ → cuối kỳ)')?.[2]).toBe('18 → 19');
    expect(find('100 % đoàn viên đăng ký học tập')).toEqual(['Chỉ tiêu năm 2026', '100 % đoàn viên đăng ký học tập', 95.2, '%', 100, 95.2, 'Chậm tiến độ']);
    expect(find('Chi đoàn đạt Hoàn thành tốt nhiệm vụ')?.slice(4)).toEqual(['Hoàn thành tốt nhiệm vụ', '', 'Chưa đo được']);
    // every figure of the appendix is a row
    expect(rows.length).toBe(2 + doc.appendix.groups.reduce((n, g) => n + g.rows.length, 0) + doc.appendix.targets.length);
  });

  it('says a draft is one', () => {
    const draft = buildReportDoc(draftDocInput(sampleReport(), UNIT, sampleFigures(), '2026-04-03'));
    expect(String(readXlsx(reportXlsx(draft, UNIT.name))[0][0])).toMatch(/\(bản nháp\)$/);
  });
});

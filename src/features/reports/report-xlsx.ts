// The report's figures as an .xlsx: one sheet, the appendix's rows (report-figures-rows.ts)
// with their group on every row so cấp trên can filter and add up several units' sheets.
// Numbers stay numbers (percentages 0–100, money in đồng), the unit in a column of its own.
// Vietnamese labels. Pure.
import { writeXlsx } from '../../lib/xlsx/write';
import type { WriteCell } from '../../lib/xlsx/cells';
import type { ReportDoc } from './report-document';
import type { FigureUnit } from './report-figures-rows';

const UNIT_TEXT: Record<FigureUnit, string> = { count: '', pct: '%', money: 'đồng', text: '' };

export const XLSX_HEADER = ['Nhóm', 'Nội dung', 'Số liệu', 'Đơn vị', 'Mục tiêu', 'Tỷ lệ đạt (%)', 'Đánh giá'];

/** The sheet's rows: the report it belongs to, the column names, then one row a figure. */
export function reportXlsxRows(doc: ReportDoc, unitName: string): WriteCell[][] {
  const a = doc.appendix;
  const rows: WriteCell[][] = [
    [`Số liệu báo cáo ${doc.subtitle.charAt(0).toLocaleLowerCase('vi') + doc.subtitle.slice(1)} — ${unitName}${doc.isDraft ? ' (bản nháp)' : ''}`],
    XLSX_HEADER,
  ];
  for (const g of a.groups) {
    for (const r of g.rows) rows.push([g.title, r.label, r.value ?? '', UNIT_TEXT[r.unit]]);
  }
  for (const t of a.targets) {
    const pct = t.raw.measure === 'percent';
    const numeric = pct || t.raw.measure === 'count';
    rows.push([
      a.targetsTitle ?? '',
      t.title,
      numeric ? (t.raw.value ?? '') : t.value === '—' ? '' : t.value,
      pct ? '%' : '',
      numeric ? t.raw.goal : t.goal,
      t.pct ?? '',
      t.status,
    ]);
  }
  return rows;
}

export function reportXlsx(doc: ReportDoc, unitName: string): Uint8Array {
  return writeXlsx({ name: 'Số liệu', rows: reportXlsxRows(doc, unitName), columnWidths: [34, 48, 14, 8, 12, 12, 16], headerRows: 2 });
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

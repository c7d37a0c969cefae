// The check-in record as a .docx: the same model as the print view (checkin-document.ts), in
// the layout of Vietnamese administrative documents — Times New Roman 13 pt on A4, 2 cm
// margins, a borderless two-column head, the actions as a bordered table, two signatures. Pure.
import { buildDocx, type Block, type Paragraph, type Run } from '../../lib/docx';
import type { CheckinDoc } from './checkin-document';

const TEXT_WIDTH = 17; // cm: A4 (21 cm) less 2 cm margins each side

const p = (runs: Run[], o: Omit<Paragraph, 'kind' | 'runs'> = {}): Paragraph => ({ kind: 'p', runs, ...o });
const centred = (text: string, r: Omit<Run, 'text'> = {}, o: Omit<Paragraph, 'kind' | 'runs'> = {}) => p([{ text, ...r }], { align: 'center', after: 0, ...o });
const cell = (text: string, r: Omit<Run, 'text'> = {}, align: Paragraph['align'] = 'left') => [p([{ text, ...r }], { align, after: 0 })];
const heading = (text: string) => p([{ text, bold: true }], { before: 6, after: 3, keepNext: true });
const body = (text: string) => p([{ text }], { align: 'both', indent: 1, after: 3 });

export function checkinDocxBlocks(doc: CheckinDoc): Block[] {
  const half = TEXT_WIDTH / 2;
  return [
    {
      kind: 'table',
      columns: [7.5, TEXT_WIDTH - 7.5],
      rows: [
        [
          [centred(doc.issuer.parent), centred(doc.issuer.unit, { bold: true }), centred('***'), centred(doc.issuer.number, {}, { before: 3 })],
          [centred(doc.organisation, { bold: true, underline: true }), centred(doc.placeDate, { italic: true }, { before: 6 })],
        ],
      ],
    },
    centred(doc.title, { bold: true, size: 14 }, { before: 18 }),
    centred(doc.subtitle, { bold: true }),
    centred('-----', {}, { after: 6 }),
    ...doc.facts.map((f) => p([{ text: `${f.label}: `, bold: true }, { text: f.text }], { indent: 1, after: 3 })),
    p([{ text: 'Thành phần tham dự:', bold: true }], { indent: 1, after: 3 }),
    ...(doc.attendees.length ? doc.attendees.map((a) => body(`- ${a}`)) : [body('……………………………')]),
    heading('I. TÌNH HÌNH, KẾT QUẢ GIAO BAN'),
    ...(doc.findings.length ? doc.findings.map(body) : [body('……………………………')]),
    heading('II. CÁC VIỆC THỐNG NHẤT THỰC HIỆN'),
    doc.rows.length
      ? {
          kind: 'table',
          borders: true,
          header: true,
          columns: [1.1, 6.1, 3.2, 2.6, 4],
          rows: [
            [cell('TT', { bold: true }, 'center'), cell('Nội dung', { bold: true }, 'center'), cell('Người thực hiện', { bold: true }, 'center'), cell('Thời hạn', { bold: true }, 'center'), cell('Kết quả', { bold: true }, 'center')],
            ...doc.rows.map((r) => [cell(r.no, {}, 'center'), cell(r.what), cell(r.who), cell(r.due, {}, 'center'), cell(r.result, { size: 12 })]),
          ],
        }
      : body('Không có.'),
    p([{ text: doc.closing }], { align: 'both', indent: 1, before: 6, after: 12 }),
    {
      kind: 'table',
      columns: [half, half],
      rows: [doc.signs.map((s) => [...s.role.map((r) => centred(r, { bold: true })), ...(s.role.length < 2 ? [centred('')] : []), centred(''), centred(''), centred(''), centred(s.name, { bold: true })])],
    },
  ];
}

export function checkinDocx(doc: CheckinDoc): Uint8Array {
  return buildDocx(checkinDocxBlocks(doc), {
    font: 'Times New Roman',
    size: 13,
    margins: { top: 2, right: 2, bottom: 2, left: 2 },
    title: `${doc.title} ${doc.subtitle}`,
  });
}

// The year's plan as a .docx: the same model as the print view (plan-document.ts), in the
// layout of Vietnamese administrative documents — Times New Roman 13 pt on A4, 2 cm margins,
// a borderless two-column header, the targets as a bordered table. Pure.
import { buildDocx, type Block, type Paragraph, type Run } from '../../lib/docx';
import type { PlanDoc } from './plan-document';

const TEXT_WIDTH = 17; // cm: A4 (21 cm) less 2 cm margins each side

const p = (runs: Run[], o: Omit<Paragraph, 'kind' | 'runs'> = {}): Paragraph => ({ kind: 'p', runs, ...o });
const centred = (text: string, r: Omit<Run, 'text'> = {}, o: Omit<Paragraph, 'kind' | 'runs'> = {}) => p([{ text, ...r }], { align: 'center', after: 0, ...o });
const cell = (text: string, r: Omit<Run, 'text'> = {}, align: Paragraph['align'] = 'left') => [p([{ text, ...r }], { align, after: 0 })];

export function planDocxBlocks(doc: PlanDoc): Block[] {
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
    p([{ text: doc.intro }], { align: 'both', indent: 1, after: 6 }),
    {
      kind: 'table',
      borders: true,
      header: true,
      columns: [1.2, 7.3, 3.2, 5.3],
      rows: [
        [cell('TT', { bold: true }, 'center'), cell('Chỉ tiêu', { bold: true }, 'center'), cell('Mức phấn đấu', { bold: true }, 'center'), cell('Cách tính, minh chứng', { bold: true }, 'center')],
        ...doc.rows.map((r) => [cell(r.no, {}, 'center'), cell(r.title), cell(r.goal, {}, 'center'), cell(r.how, { size: 12 })]),
      ],
    },
    p([{ text: doc.closing }], { align: 'both', indent: 1, before: 6, after: 12 }),
    {
      kind: 'table',
      columns: [half, half],
      rows: [
        [
          [p([{ text: 'Nơi nhận:', bold: true, italic: true, size: 12 }], { after: 0 }), ...doc.recipients.map((r) => p([{ text: `- ${r}`, size: 11 }], { after: 0 }))],
          [...doc.signature.role.map((r) => centred(r, { bold: true })), centred(''), centred(''), centred(''), centred(doc.signature.name, { bold: true })],
        ],
      ],
    },
  ];
}

export function planDocx(doc: PlanDoc): Uint8Array {
  return buildDocx(planDocxBlocks(doc), {
    font: 'Times New Roman',
    size: 13,
    margins: { top: 2, right: 2, bottom: 2, left: 2 },
    title: `${doc.title} ${doc.subtitle}`,
  });
}

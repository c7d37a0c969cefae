// The report as a .docx: the same model as the A4 page (report-document.ts), laid out as
// Vietnamese administrative documents are — Times New Roman 13 pt on A4, 2 cm margins, a
// borderless two-column header and signature block, the figures' appendix on a page of its
// own as bordered tables. Pure.
import { buildDocx, type Block, type Paragraph, type Run } from '../../lib/docx';
import type { ReportBlock, ReportDoc } from './report-document';
import { decimalText, figureText } from './report-figures-rows';

const TEXT_WIDTH = 17; // cm: A4 (21 cm) less 2 cm margins each side

const p = (runs: Run[], o: Omit<Paragraph, 'kind' | 'runs'> = {}): Paragraph => ({ kind: 'p', runs, ...o });
const centred = (text: string, r: Omit<Run, 'text'> = {}, o: Omit<Paragraph, 'kind' | 'runs'> = {}) => p([{ text, ...r }], { align: 'center', after: 0, ...o });
/** A cell of the appendix's tables: 12 pt, as tables of figures usually are. */
const cell = (text: string, r: Omit<Run, 'text'> = {}, o: Omit<Paragraph, 'kind' | 'runs'> = {}) => [p([{ text, size: 12, ...r }], { after: 0, ...o })];

function bodyBlock(b: ReportBlock): Paragraph {
  switch (b.kind) {
    case 'part':
      return centred(b.text, { bold: true }, { before: 12, after: 6, keepNext: true });
    case 'heading':
      return p([{ text: b.text, bold: true }], { before: 8, after: 3, keepNext: true });
    case 'subheading':
      return p([{ text: b.text, bold: true, italic: true }], { before: 4, after: 2, keepNext: true, indent: 1 });
    case 'para':
      return p([{ text: b.text }], { align: 'both', indent: 1, after: 3 });
  }
}

function appendix(doc: ReportDoc): Block[] {
  const a = doc.appendix;
  const blocks: Block[] = [
    centred(a.title, { bold: true, size: 14 }, { pageBreakBefore: true }),
    centred(a.subtitle, { italic: true }, { after: 8 }),
    {
      kind: 'table',
      borders: true,
      header: true,
      columns: [12, TEXT_WIDTH - 12],
      rows: [
        [cell('Nội dung', { bold: true }, { align: 'center' }), cell('Số liệu', { bold: true }, { align: 'center' })],
        ...a.groups.flatMap((g) => [
          [cell(g.title, { bold: true }), cell('')],
          ...g.rows.map((r) => [cell(r.sub ? `– ${r.label}` : r.label, r.sub ? { italic: true } : {}, r.sub ? { indent: 0.5 } : {}), cell(figureText(r), {}, { align: 'right' })]),
        ]),
      ],
    },
  ];
  if (a.targets.length) {
    blocks.push(p([{ text: a.targetsTitle ?? '', bold: true }], { before: 10, after: 4, keepNext: true }), {
      kind: 'table',
      borders: true,
      header: true,
      columns: [1, 6, 2.4, 3.1, 1.8, 2.7],
      rows: [
        ['TT', 'Chỉ tiêu', 'Kết quả', 'Mục tiêu', 'Tỷ lệ', 'Đánh giá'].map((h) => cell(h, { bold: true }, { align: 'center' })),
        ...a.targets.map((t) => [
          cell(t.no, {}, { align: 'center' }),
          cell(t.title),
          cell(t.value, {}, { align: 'center' }),
          cell(t.goal, {}, { align: 'center' }),
          cell(t.pct === undefined ? '—' : `${decimalText(t.pct)}%`, {}, { align: 'center' }),
          cell(t.status, {}, { align: 'center' }),
        ]),
      ],
    });
  }
  return blocks;
}

export function reportDocxBlocks(doc: ReportDoc): Block[] {
  const half = TEXT_WIDTH / 2;
  const blocks: Block[] = [
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
  ];
  if (doc.isDraft) blocks.push(centred('BẢN NHÁP', { bold: true, italic: true }, { before: 12 }));
  blocks.push(
    centred(doc.title, { bold: true, size: 14 }, { before: doc.isDraft ? 6 : 18 }),
    centred(doc.subtitle, { bold: true }),
    centred('-----', {}, { after: 6 }),
    ...doc.body.map(bodyBlock),
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
    ...appendix(doc),
  );
  return blocks;
}

export function reportDocx(doc: ReportDoc): Uint8Array {
  return buildDocx(reportDocxBlocks(doc), {
    font: 'Times New Roman',
    size: 13,
    margins: { top: 2, right: 2, bottom: 2, left: 2 },
    title: `${doc.title} ${doc.subtitle}`,
  });
}

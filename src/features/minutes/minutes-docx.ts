// The minutes as a .docx: the same document model as the print view (minutes-document.ts),
// laid out the way Vietnamese administrative documents are — Times New Roman 13 pt on A4,
// 2 cm margins, a borderless two-column header and signatures block. Pure.
import { buildDocx, type Block, type Paragraph, type Run } from '../../lib/docx';
import type { DocBlock, MinutesDoc } from './minutes-document';

const TEXT_WIDTH = 17; // cm: A4 (21 cm) less 2 cm margins each side

const p = (runs: Run[], o: Omit<Paragraph, 'kind' | 'runs'> = {}): Paragraph => ({ kind: 'p', runs, ...o });
const centred = (text: string, r: Omit<Run, 'text'> = {}, o: Omit<Paragraph, 'kind' | 'runs'> = {}) => p([{ text, ...r }], { align: 'center', after: 0, ...o });

function bodyBlock(b: DocBlock): Paragraph {
  switch (b.kind) {
    case 'heading':
      return p([{ text: b.text, bold: true }], { before: 8, after: 3, keepNext: true });
    case 'subheading':
      return p([{ text: b.text, bold: true, italic: true }], { before: 4, after: 2, keepNext: true, indent: 1 });
    case 'para':
    case 'item': {
      const runs: Run[] = b.label ? [{ text: b.label, bold: true }, ...(b.text ? [{ text: ` ${b.text}` }] : [])] : [{ text: b.text }];
      return p(runs, { align: 'both', indent: 1, after: 3, keepNext: !b.text });
    }
  }
}

export function minutesDocxBlocks(doc: MinutesDoc): Block[] {
  const blocks: Block[] = [
    {
      kind: 'table',
      columns: [7.5, TEXT_WIDTH - 7.5],
      rows: [
        [
          [centred(doc.issuer.parent), centred(doc.issuer.unit, { bold: true }), centred('***')],
          [centred(doc.organisation, { bold: true, underline: true }), centred(doc.placeDate, { italic: true }, { before: 6 })],
        ],
      ],
    },
  ];
  if (doc.isDraft) blocks.push(centred('BẢN NHÁP', { bold: true, italic: true }, { before: 12 }));
  blocks.push(centred(doc.title, { bold: true, size: 14 }, { before: doc.isDraft ? 6 : 18 }));
  blocks.push(centred(doc.subtitle, { bold: true }));
  if (doc.theme) blocks.push(centred(doc.theme, { italic: true }));
  blocks.push(p([], { after: 6 }));
  blocks.push(...doc.body.map(bodyBlock));
  blocks.push(p([{ text: doc.closing }], { align: 'both', indent: 1, before: 6, after: 12 }));
  const half = TEXT_WIDTH / 2;
  blocks.push({
    kind: 'table',
    columns: [half, half],
    rows: [
      doc.signatures.map((s) => [
        centred(s.role, { bold: true }),
        centred('(Ký, ghi rõ họ tên)', { italic: true }),
        centred(''),
        centred(''),
        centred(''),
        centred(s.name, { bold: true }),
      ]),
    ],
  });
  for (const a of doc.addenda) {
    blocks.push(centred(a.heading, { bold: true }, { before: 18, after: 6, keepNext: true }));
    blocks.push(...a.paragraphs.map((text) => p([{ text }], { align: 'both', indent: 1, after: 3 })));
  }
  return blocks;
}

export function minutesDocx(doc: MinutesDoc): Uint8Array {
  return buildDocx(minutesDocxBlocks(doc), {
    font: 'Times New Roman',
    size: 13,
    margins: { top: 2, right: 2, bottom: 2, left: 2 },
    title: `${doc.title} ${doc.subtitle}`,
  });
}

/** "bien-ban-2026-03-15.docx" */
export function minutesFileName(startsAt: string): string {
  return `bien-ban-${startsAt.slice(0, 10)}.docx`;
}

// A minimal .docx (WordprocessingML) writer: paragraphs of runs and borderless tables, on A4
// in one font — what Vietnamese administrative documents need, without a docx library.
// The package holds [Content_Types].xml, _rels/.rels, word/document.xml, word/styles.xml and
// word/_rels/document.xml.rels; Word and LibreOffice open it. Element order inside w:pPr,
// w:rPr, w:tblPr and w:sectPr follows the schema (Word refuses files that do not). Pure.
import { strToU8, zipSync } from 'fflate';
import { escapeXml } from './escape-xml';

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  /** points; the document's size when absent */
  size?: number;
}

export interface Paragraph {
  kind: 'p';
  runs: Run[];
  align?: 'left' | 'center' | 'right' | 'both';
  /** first-line indent, cm */
  indent?: number;
  /** space before/after, points */
  before?: number;
  after?: number;
  keepNext?: boolean;
  /** starts a new page (an appendix) */
  pageBreakBefore?: boolean;
}

export interface Table {
  kind: 'table';
  /** column widths, cm (they should add up to the text width) */
  columns: number[];
  /** rows → cells → paragraphs */
  rows: Paragraph[][][];
  /** single lines around every cell (a table of figures); absent = borderless (a layout grid) */
  borders?: boolean;
  /** the first row is a header, repeated on each page */
  header?: boolean;
}

export type Block = Paragraph | Table;

export interface DocxOptions {
  font?: string;
  /** points */
  size?: number;
  /** cm */
  margins?: { top: number; right: number; bottom: number; left: number };
  title?: string;
}

/** A4 in twentieths of a point. */
export const A4 = { w: 11906, h: 16838 };
const cm = (x: number) => Math.round((x * 1440) / 2.54);

function runXml(r: Run): string {
  const props =
    (r.bold ? '<w:b/><w:bCs/>' : '') +
    (r.italic ? '<w:i/><w:iCs/>' : '') +
    (r.size ? `<w:sz w:val="${Math.round(r.size * 2)}"/><w:szCs w:val="${Math.round(r.size * 2)}"/>` : '') +
    (r.underline ? '<w:u w:val="single"/>' : '');
  const rPr = props ? `<w:rPr>${props}</w:rPr>` : '';
  // Line breaks inside a run become <w:br/>, tabs <w:tab/>.
  const parts = r.text.split(/(\r?\n|\t)/).map((part) => {
    if (part === '\t') return '<w:tab/>';
    if (part === '\n' || part === '\r\n') return '<w:br/>';
    return part ? `<w:t xml:space="preserve">${escapeXml(part)}</w:t>` : '';
  });
  return `<w:r>${rPr}${parts.join('')}</w:r>`;
}

function paragraphXml(p: Paragraph): string {
  const spacing = p.before !== undefined || p.after !== undefined ? `<w:spacing w:before="${(p.before ?? 0) * 20}" w:after="${(p.after ?? 0) * 20}"/>` : '';
  const props =
    (p.keepNext ? '<w:keepNext/>' : '') + (p.pageBreakBefore ? '<w:pageBreakBefore/>' : '') + spacing + (p.indent ? `<w:ind w:firstLine="${cm(p.indent)}"/>` : '') + (p.align ? `<w:jc w:val="${p.align}"/>` : '');
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}${p.runs.map(runXml).join('')}</w:p>`;
}

function tableXml(t: Table): string {
  const edges = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'];
  const borders = t.borders
    ? edges.map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('')
    : edges.map((s) => `<w:${s} w:val="nil"/>`).join('');
  // Bordered cells get a little room so text does not touch the lines.
  const pad = t.borders ? cm(0.15) : 0;
  const grid = t.columns.map((c) => `<w:gridCol w:w="${cm(c)}"/>`).join('');
  const rows = t.rows
    .map((cells, r) => {
      const tcs = cells
        .map((paras, i) => {
          const body = paras.length ? paras.map(paragraphXml).join('') : '<w:p/>';
          return `<w:tc><w:tcPr><w:tcW w:w="${cm(t.columns[i] ?? 0)}" w:type="dxa"/></w:tcPr>${body}</w:tc>`;
        })
        .join('');
      return `<w:tr><w:trPr><w:cantSplit/>${t.header && r === 0 ? '<w:tblHeader/>' : ''}</w:trPr>${tcs}</w:tr>`;
    })
    .join('');
  const width = t.columns.reduce((a, c) => a + cm(c), 0);
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${width}" w:type="dxa"/><w:tblBorders>${borders}</w:tblBorders>` +
    `<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="${pad}" w:type="dxa"/><w:right w:w="${pad}" w:type="dxa"/></w:tblCellMar>` +
    `<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows}</w:tbl>`
  );
}

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function documentXml(blocks: Block[], opts: DocxOptions = {}): string {
  const m = opts.margins ?? { top: 2, right: 2, bottom: 2, left: 2 };
  // A table must be followed by a paragraph before the section properties.
  const body = blocks.map((b) => (b.kind === 'table' ? tableXml(b) : paragraphXml(b))).join('') + (blocks.at(-1)?.kind === 'table' ? '<w:p/>' : '');
  const sect =
    `<w:sectPr><w:pgSz w:w="${A4.w}" w:h="${A4.h}"/>` +
    `<w:pgMar w:top="${cm(m.top)}" w:right="${cm(m.right)}" w:bottom="${cm(m.bottom)}" w:left="${cm(m.left)}" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>`;
  return `${XML_HEAD}<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}${sect}</w:body></w:document>`;
}

export function stylesXml(opts: DocxOptions = {}): string {
  const font = escapeXml(opts.font ?? 'Times New Roman');
  const size = Math.round((opts.size ?? 13) * 2);
  return (
    `${XML_HEAD}<w:styles xmlns:w="${W_NS}"><w:docDefaults>` +
    `<w:rPrDefault><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}"/>` +
    `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:after="60" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault>` +
    `</w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style></w:styles>`
  );
}

const CONTENT_TYPES =
  `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
  `</Types>`;

const ROOT_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `</Relationships>`;

const DOCUMENT_RELS =
  `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
  `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
  `</Relationships>`;

function coreXml(title: string): string {
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escapeXml(title)}</dc:title><dc:language>vi-VN</dc:language></cp:coreProperties>`
  );
}

/** The .docx file's bytes. */
export function buildDocx(blocks: Block[], opts: DocxOptions = {}): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8(CONTENT_TYPES),
      '_rels/.rels': strToU8(ROOT_RELS),
      'docProps/core.xml': strToU8(coreXml(opts.title ?? '')),
      'word/document.xml': strToU8(documentXml(blocks, opts)),
      'word/styles.xml': strToU8(stylesXml(opts)),
      'word/_rels/document.xml.rels': strToU8(DOCUMENT_RELS),
    },
    { level: 6 },
  );
}

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

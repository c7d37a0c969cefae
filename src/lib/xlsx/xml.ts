// The little XML the .xlsx reader needs: entity decoding, attributes,
// and the text of <t> runs. A regex tokenizer, not a DOM: SpreadsheetML is machine-written
// and regular, and this runs in node tests and workers where DOMParser does not exist.

const ENTITY = /&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(ENTITY, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e];
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for CR). */
export function decodeOoxmlEscapes(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Attribute map of a start tag's attribute text; namespace prefixes are dropped. */
export function parseAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    const name = m[1].includes(':') && !m[1].startsWith('xmlns') ? m[1].slice(m[1].indexOf(':') + 1) : m[1];
    out[name] = decodeEntities(m[3] ?? m[4] ?? '');
  }
  return out;
}

/** One attribute of a start tag, without building the whole map (hot path in sheet rows). */
export function attr(s: string, name: string): string | undefined {
  let j = s.indexOf(` ${name}=`);
  if (j < 0) j = new RegExp(`\\s${name}=`).exec(s)?.index ?? -1;
  if (j < 0) return undefined;
  const start = j + name.length + 2;
  const q = s[start];
  const end = s.indexOf(q, start + 1);
  return end < 0 ? undefined : decodeEntities(s.slice(start + 1, end));
}

/**
 * The text of a rich or plain string item (<si>, <is>): every <t> run concatenated,
 * phonetic runs (<rPh>) skipped.
 */
export function textRuns(xml: string): string {
  const body = xml.indexOf('<rPh') >= 0 ? xml.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, '') : xml;
  let out = '';
  const re = /<(?:\w+:)?t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body))) if (m[1]) out += m[1];
  return decodeOoxmlEscapes(decodeEntities(out));
}

const isTagBoundary = (code: number) => code === 32 || code === 47 || code === 62 || code === 9 || code === 10 || code === 13;

/**
 * Each <name …>body</name> or <name …/> in order, as [attribute text, body or undefined],
 * with whatever namespace prefix the document uses (x:row). A forward scan with indexOf:
 * linear even on hostile input (an unclosed element ends the scan instead of being searched
 * for again from every start tag). Elements of this name must not nest.
 */
export function* elements(xml: string, name: string): Generator<[string, string | undefined]> {
  const first = new RegExp(`<(\\w+:)?${name}[\\s/>]`).exec(xml);
  if (!first) return;
  const open = `<${first[1] ?? ''}${name}`;
  const close = `</${first[1] ?? ''}${name}>`;
  let i = first.index;
  while (i >= 0) {
    if (!isTagBoundary(xml.charCodeAt(i + open.length))) {
      i = xml.indexOf(open, i + 1);
      continue;
    }
    const tagEnd = xml.indexOf('>', i);
    if (tagEnd < 0) return;
    if (xml.charCodeAt(tagEnd - 1) === 47) {
      yield [xml.slice(i + open.length, tagEnd - 1), undefined];
      i = xml.indexOf(open, tagEnd);
      continue;
    }
    const end = xml.indexOf(close, tagEnd);
    if (end < 0) return;
    yield [xml.slice(i + open.length, tagEnd), xml.slice(tagEnd + 1, end)];
    i = xml.indexOf(open, end + close.length);
  }
}

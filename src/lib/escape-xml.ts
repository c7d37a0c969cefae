// Text and attribute values for the XML the app writes (.docx minutes, .xlsx exports).

// Characters XML 1.0 cannot hold at all (control characters other than tab and newlines):
// dropped rather than written into a file Word or Excel then refuses to open.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

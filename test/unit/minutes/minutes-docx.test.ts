// @vitest-environment jsdom
// The .docx export: a real WordprocessingML package (unzipped with fflate, parsed as XML)
// holding the title, the attendance block from the roll, the votes and the signatures.
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { buildMinutesDoc, type MinutesDocInput } from '../../../src/features/minutes/minutes-document';
import { minutesDocx, minutesFileName } from '../../../src/features/minutes/minutes-docx';
import { buildDocx } from '../../../src/lib/docx';
import { escapeXml } from '../../../src/lib/escape-xml';
import { attendanceLines, voteLine } from '../../../src/protocol/minutes-text';

const INPUT: MinutesDocInput = {
  unit: { name: 'Chi đoàn Công ty May 30/4', kind: 'branch', parentUnit: 'Đoàn phường 7', locality: 'Quận 8' },
  meeting: { kind: 'regular', title: 'Sinh hoạt tháng 3', startsAt: '2026-03-15T19:30', place: 'Hội trường', agenda: 'Kiểm điểm tháng 2\nTriển khai Tháng Thanh niên' },
  minutes: {
    status: 'finalized',
    reviewOfLastPeriod: 'Hoàn thành 5/6 chỉ tiêu.',
    discussion: 'Chuẩn bị Chủ nhật xanh <ngày 22/3> & "Ngày hội".',
    speakers: 'Đ/c Minh: đề nghị tăng cường.',
    duesCollected: 'Thu 64.000 đồng.',
    votes: [{ matter: 'Kết nạp đoàn viên Lê Văn Tám', votesFor: 30, votesAgainst: 2, present: 32 }],
    conclusions: 'Nhất trí triển khai.',
    tasks: [{ what: 'Chuẩn bị hội trường', who: 'Hồ Văn Minh', due: '2026-03-20' }],
    endedAt: '21:05',
  },
  attendance: {
    total: 4, present: 2, late: 1,
    absentExcused: [{ name: 'Nguyễn Bảo Yến', reason: 'ốm' }],
    absentUnexcused: ['Tạ Đức Khang'],
    guests: [{ name: 'Lê Văn Tám', role: 'Đoàn phường' }],
  },
  chairName: 'Đặng Diệu Châu',
  minuteTakerName: 'Hồ Văn Minh',
  addenda: [{ text: 'Đính chính: có mặt 3 đồng chí.', writtenAt: '2026-03-16T02:00:00.000Z' }],
};

function unzipDoc(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  return { files, xml: (name: string) => strFromU8(files[name]) };
}

/** The visible text of document.xml: every w:t in order, paragraphs on their own lines. */
function visibleText(xml: string): string {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return [...doc.getElementsByTagNameNS(W, 'p')]
    .map((p) => [...p.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join(''))
    .join('\n');
}

describe('minutes .docx', () => {
  const bytes = minutesDocx(buildMinutesDoc(INPUT));
  const { files, xml } = unzipDoc(bytes);

  it('is a zip holding the WordprocessingML parts, each well-formed XML', () => {
    expect(Object.keys(files).sort()).toEqual(
      ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/styles.xml'].sort(),
    );
    for (const name of Object.keys(files)) {
      const doc = new DOMParser().parseFromString(xml(name), 'application/xml');
      expect(doc.getElementsByTagName('parsererror'), name).toHaveLength(0);
    }
    expect(xml('[Content_Types].xml')).toContain('wordprocessingml.document.main+xml');
    expect(xml('_rels/.rels')).toContain('Target="word/document.xml"');
  });

  it('is A4 with 2 cm margins in Times New Roman 13 pt', () => {
    expect(xml('word/document.xml')).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(xml('word/document.xml')).toMatch(/<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/);
    expect(xml('word/styles.xml')).toContain('w:ascii="Times New Roman"');
    expect(xml('word/styles.xml')).toContain('<w:sz w:val="26"/>');
  });

  it('holds the header, title, attendance lines, votes, tasks, signatures and addenda', () => {
    const text = visibleText(xml('word/document.xml'));
    for (const line of [
      'ĐOÀN PHƯỜNG 7',
      'CHI ĐOÀN CÔNG TY MAY 30/4',
      'ĐOÀN TNCS HỒ CHÍ MINH',
      'Quận 8, ngày 15 tháng 3 năm 2026',
      'BIÊN BẢN',
      'SINH HOẠT CHI ĐOÀN THÁNG 03/2026',
      ...attendanceLines(INPUT.attendance).map((l) => `- ${l}`),
      `a) Kết nạp đoàn viên Lê Văn Tám: ${voteLine(INPUT.minutes!.votes![0])}`,
      '- Chuẩn bị hội trường; người thực hiện: Hồ Văn Minh; thời hạn: 20/03/2026.',
      'Buổi sinh hoạt kết thúc vào lúc 21 giờ 05 phút cùng ngày.',
      'THƯ KÝ',
      'CHỦ TRÌ',
      'Đặng Diệu Châu',
      'Đính chính: có mặt 3 đồng chí.',
    ]) {
      expect(text.split('\n'), line).toContain(line);
    }
    expect(text).toContain('Vắng có lý do: 1 đồng chí: Nguyễn Bảo Yến (ốm).');
    expect(text).not.toContain('BẢN NHÁP');
    // signature names sit under their roles, the chair on the right
    const lines = text.split('\n');
    expect(lines.indexOf('THƯ KÝ')).toBeLessThan(lines.indexOf('CHỦ TRÌ'));
    expect(lines.lastIndexOf('Hồ Văn Minh')).toBeLessThan(lines.lastIndexOf('Đặng Diệu Châu'));
  });

  it('escapes what users type (<, >, &, quotes) and drops characters XML cannot hold', () => {
    const raw = xml('word/document.xml');
    expect(raw).toContain('Chuẩn bị Chủ nhật xanh &lt;ngày 22/3&gt; &amp; &quot;Ngày hội&quot;.');
    expect(visibleText(raw)).toContain('Chuẩn bị Chủ nhật xanh <ngày 22/3> & "Ngày hội".');
    expect(escapeXml('a\u0001b\u000Bc')).toBe('abc');
    const odd = buildDocx([{ kind: 'p', runs: [{ text: 'x\u0007y\ttab\nbr' }] }]);
    const docXml = strFromU8(unzipSync(odd)['word/document.xml']);
    expect(docXml).toContain('<w:t xml:space="preserve">xy</w:t><w:tab/><w:t xml:space="preserve">tab</w:t><w:br/>');
    visibleText(docXml);
  });

  it('marks a draft "BẢN NHÁP"', () => {
    const draft = minutesDocx(buildMinutesDoc({ ...INPUT, minutes: { ...INPUT.minutes, status: 'draft' } }));
    expect(visibleText(unzipDoc(draft).xml('word/document.xml'))).toContain('BẢN NHÁP');
  });

  it('names the file after the meeting date', () => {
    expect(minutesFileName('2026-03-15T19:30')).toBe('bien-ban-2026-03-15.docx');
  });
});

// LibreOffice opening it (a PDF holding its text): test/unit/reports/docx-libreoffice.test.ts,
// one LibreOffice run for the minutes and a report, required in CI.

// @vitest-environment jsdom
// The check-in's record: the document model's text, the A4 view (what a reader sees) and the
// .docx (a real WordprocessingML package holding the findings and the actions).
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/preact';
import { strFromU8, unzipSync } from 'fflate';
import { buildCheckinDoc, checkinFileName, type CheckinDocInput } from '../../../src/features/checkins/checkin-document';
import { checkinDocx } from '../../../src/features/checkins/checkin-docx';
import { CheckinDocumentView } from '../../../src/features/checkins/CheckinDocumentView';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

const input: CheckinDocInput = {
  unit: { name: 'Chi đoàn Công ty May 30/4', kind: 'branch', parentUnit: 'Đoàn phường 7', secretaryName: 'Trần Văn Minh' },
  checkIn: {
    date: '2026-04-15',
    place: 'Nhà văn hóa khu phố 3',
    attendees: 'Đ/c Nguyễn Thị Lan, UV BCH Đoàn phường\n\nĐ/c Trần Văn Minh, Bí thư chi đoàn',
    findings: 'Chi đoàn sinh hoạt đều hằng tháng.\nĐoàn phí chậm nộp 2 tháng.',
    byName: 'Nguyễn Thị Lan',
  },
  actions: [
    { what: 'Thu đủ đoàn phí quý I', who: 'Bí thư', dueOn: '2026-05-01', status: 'done', followUp: 'Đã nộp ngày 28/4' },
    { what: 'Đăng ký công trình thanh niên', who: '', dueOn: '', status: 'open' },
  ],
};

function docxLines(bytes: Uint8Array): string[] {
  const files = unzipSync(bytes);
  for (const name of Object.keys(files)) {
    const d = new DOMParser().parseFromString(strFromU8(files[name]), 'application/xml');
    expect(d.getElementsByTagName('parsererror'), name).toHaveLength(0);
  }
  const doc = new DOMParser().parseFromString(strFromU8(files['word/document.xml']), 'application/xml');
  return [...doc.getElementsByTagNameNS(W, 'p')].map((p) => [...p.getElementsByTagNameNS(W, 't')].map((t) => t.textContent).join(''));
}

describe('check-in record', () => {
  const doc = buildCheckinDoc(input);

  it('builds the head, the title with the quarter, the facts, findings, actions and both signatures', () => {
    expect(doc.issuer).toEqual({ parent: 'ĐOÀN PHƯỜNG 7', unit: 'BCH CHI ĐOÀN CÔNG TY MAY 30/4', number: 'Số: ……-BB/ĐTN' });
    expect(doc.placeDate).toBe('……, ngày 15 tháng 4 năm 2026');
    expect(doc.subtitle).toBe('Giao ban quý II năm 2026 giữa Đoàn phường 7 và Chi đoàn Công ty May 30/4');
    expect(doc.facts).toEqual([
      { label: 'Thời gian', text: 'ngày 15/04/2026.' },
      { label: 'Địa điểm', text: 'Nhà văn hóa khu phố 3.' },
    ]);
    expect(doc.attendees).toEqual(['Đ/c Nguyễn Thị Lan, UV BCH Đoàn phường', 'Đ/c Trần Văn Minh, Bí thư chi đoàn']);
    expect(doc.findings).toHaveLength(2);
    expect(doc.rows).toEqual([
      { no: '1', what: 'Thu đủ đoàn phí quý I', who: 'Bí thư', due: '01/05/2026', result: 'Đã hoàn thành: Đã nộp ngày 28/4' },
      { no: '2', what: 'Đăng ký công trình thanh niên', who: '', due: '', result: 'Đang thực hiện' },
    ]);
    expect(doc.signs).toEqual([
      { role: ['ĐẠI DIỆN ĐOÀN PHƯỜNG 7'], name: 'Nguyễn Thị Lan' },
      { role: ['TM. BAN CHẤP HÀNH', 'BÍ THƯ'], name: 'Trần Văn Minh' },
    ]);
    expect(checkinFileName('2026-04-15')).toBe('bien-ban-giao-ban-2026-04-15.docx');
  });

  it("dates it under the unit's locality; the check-in's own place stays in the facts", () => {
    const d = buildCheckinDoc({ ...input, unit: { ...input.unit!, locality: 'Quận 8' } });
    expect(d.placeDate).toBe('Quận 8, ngày 15 tháng 4 năm 2026');
    expect(d.facts[1]).toEqual({ label: 'Địa điểm', text: 'Nhà văn hóa khu phố 3.' });
    expect(docxLines(checkinDocx(d))).toContain('Quận 8, ngày 15 tháng 4 năm 2026');
    // no locality: dots for the pen, never the check-in's place
    expect(doc.placeDate).not.toContain('Nhà văn hóa');
  });

  it('leaves blanks to fill by hand when the place, the unit or the findings are missing', () => {
    const d = buildCheckinDoc({ unit: undefined, checkIn: { date: '2026-11-02' }, actions: [] });
    expect(d.issuer.parent).toBe('……………');
    expect(d.subtitle).toBe('Giao ban quý IV năm 2026 giữa cấp trên và chi đoàn');
    expect(d.facts[1].text).toMatch(/^…+$/);
    expect(d.placeDate).toBe('……, ngày 02 tháng 11 năm 2026');
    expect(d.findings).toEqual([]);
  });

  it('shows the record on the A4 sheet', () => {
    const { container } = render(<CheckinDocumentView doc={doc} />);
    const text = container.textContent ?? '';
    for (const s of ['BCH CHI ĐOÀN CÔNG TY MAY 30/4', 'BIÊN BẢN', doc.subtitle, 'Địa điểm: Nhà văn hóa khu phố 3.', '- Đ/c Trần Văn Minh, Bí thư chi đoàn', 'Đoàn phí chậm nộp 2 tháng.', 'II. CÁC VIỆC THỐNG NHẤT THỰC HIỆN', 'Đã hoàn thành: Đã nộp ngày 28/4', 'ĐẠI DIỆN ĐOÀN PHƯỜNG 7', 'Trần Văn Minh'])
      expect(text).toContain(s);
    const rows = [...container.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows[0]).toEqual(['1', 'Thu đủ đoàn phí quý I', 'Bí thư', '01/05/2026', 'Đã hoàn thành: Đã nộp ngày 28/4']);
  });

  it('writes a .docx that unzips and holds the findings and the actions', () => {
    const lines = docxLines(checkinDocx(doc));
    for (const s of ['ĐOÀN PHƯỜNG 7', 'BCH CHI ĐOÀN CÔNG TY MAY 30/4', 'BIÊN BẢN', doc.subtitle, 'Thời gian: ngày 15/04/2026.', '- Đ/c Nguyễn Thị Lan, UV BCH Đoàn phường', 'Chi đoàn sinh hoạt đều hằng tháng.', 'Đoàn phí chậm nộp 2 tháng.', 'Thu đủ đoàn phí quý I', '01/05/2026', 'Đã hoàn thành: Đã nộp ngày 28/4', 'Đăng ký công trình thanh niên', 'TM. BAN CHẤP HÀNH', 'Trần Văn Minh', 'Nguyễn Thị Lan'])
      expect(lines).toContain(s);
    // no actions: the section says so
    expect(docxLines(checkinDocx(buildCheckinDoc({ ...input, actions: [] })))).toContain('Không có.');
  });
});

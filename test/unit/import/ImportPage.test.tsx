// @vitest-environment jsdom
// The import screen as a secretary uses it: choose the fixture file, check the columns,
// see the preview, import, then undo with a confirmation. Real Dexie over fake-indexeddb;
// jsdom has no Worker, so the pipeline runs inline (the same code the worker runs).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { freshUnit } from '../helpers';
import { activeDb } from '../../../src/data/session';
import ImportPage from '../../../src/features/import/ImportPage';
import { importMembers } from '../../../src/features/import/import-repo';
import { collectForMember } from '../../../src/features/dues/dues-repo';
import { setRate } from '../../../src/features/dues/desk-repo';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

// fake-indexeddb under jsdom on a busy CI box is slow: give async steps room.
const SLOW = { timeout: 10_000 };

const fixture = readFileSync(path.resolve(__dirname, '../../fixtures/chi-doan-cong-ty-30-4.csv'));

function chooseFile(name: string, content: BlobPart) {
  const input = document.querySelector('input[type=file]') as HTMLInputElement;
  const file = new File([content], name);
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

beforeEach(async () => {
  await freshUnit();
});
afterEach(() => cleanup());

describe('ImportPage', () => {
  it('imports the fixture in three steps and undoes it', async () => {
    render(<ImportPage />);
    expect(screen.getByText('Bước 1/3 · Chọn tệp')).toBeTruthy();
    chooseFile('chi-doan-cong-ty-30-4.csv', fixture);

    await screen.findByText('Bước 2/3 · Kiểm tra các cột', {}, SLOW);
    const nameSelect = screen.getByLabelText('Cột "Họ và tên"') as HTMLSelectElement;
    expect(nameSelect.value).toBe('fullName');
    expect((screen.getByLabelText('Cột "STT"') as HTMLSelectElement).value).toBe('ignore');
    expect(screen.getByText('Ví dụ: Đặng Diệu Châu')).toBeTruthy();

    // Mapping two columns to the same field blocks "Tiếp tục" with a reason.
    fireEvent.change(screen.getByLabelText('Cột "Dân tộc"'), { target: { value: 'fullName' } });
    expect(screen.getByRole('alert').textContent).toContain('cùng là "Họ và tên"');
    expect((screen.getByText('Tiếp tục') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Cột "Dân tộc"'), { target: { value: 'ethnicity' } });
    fireEvent.click(screen.getByText('Tiếp tục'));

    await screen.findByText('Bước 3/3 · Xem trước', {}, SLOW);
    expect(screen.getByText('42 dòng hợp lệ sẽ được nhập')).toBeTruthy();
    // The fixture has no dues column: the list's category is asked, and nothing is imported before.
    expect(screen.getByText('Tệp không có cột loại đoàn phí. Các đoàn viên trong danh sách này đóng đoàn phí mức nào?')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Nhập 42 đoàn viên' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByText('Chọn loại đoàn phí ở trên rồi mới nhập được.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Nhập 42 đoàn viên' }));
    const db = await activeDb();
    await new Promise((r) => setTimeout(r, 50));
    expect(await db.members.count()).toBe(0);
    fireEvent.click(screen.getByLabelText(/^Có lương \(5\.000 ₫\/tháng\)/));
    expect(screen.getByText('Loại đoàn phí của 42 đoàn viên: Có lương')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Nhập 42 đoàn viên' }) as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(screen.getByText('Nhập 42 đoàn viên'));

    await screen.findByText('Đã nhập 42 đoàn viên từ "chi-doan-cong-ty-30-4.csv".', {}, SLOW);
    const imported = await db.members.filter((m) => !m.deleted).toArray();
    expect(imported).toHaveLength(42);
    expect(imported.every((m) => m.duesCategory === 'salaried')).toBe(true);
    expect((await db.imports.toArray())[0].duesDefault).toEqual({ category: 'salaried', count: 42 });
    expect(screen.getByText('Loại đoàn phí chọn khi nhập: Có lương (42 đoàn viên)')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Hoàn tác' }));
    const dialog = await screen.findByRole('alertdialog', {}, SLOW);
    expect(dialog.textContent).toContain('Xóa 42 đoàn viên');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hoàn tác' }));
    await screen.findByText('Đã hoàn tác lần nhập từ "chi-doan-cong-ty-30-4.csv".', {}, SLOW);
    await waitFor(async () => expect(await db.members.filter((m) => !m.deleted).count()).toBe(0), SLOW);
  });

  it('shows rows with problems, excludes them, and lets a possible duplicate be included', async () => {
    render(<ImportPage />);
    const csv = 'DANH SÁCH ĐOÀN VIÊN\n\nHọ và tên;Ngày sinh;SĐT\nNguyễn Văn An;01/01/2000;0912345678\n;02/02/2000;\nTrần Bình;31/02/2001;\nNguyễn  Văn An;01/01/2000;\n';
    chooseFile('ds.csv', csv);
    await screen.findByText('Bước 2/3 · Kiểm tra các cột', {}, SLOW);
    expect(screen.getByText('ds.csv: 4 dòng dữ liệu, dòng tiêu đề là dòng 3.')).toBeTruthy();
    fireEvent.click(screen.getByText('Tiếp tục'));
    await screen.findByText('Bước 3/3 · Xem trước', {}, SLOW);
    expect(screen.getByText('2 dòng có lỗi, sẽ không nhập')).toBeTruthy();
    expect(screen.getByText('Thiếu họ tên.')).toBeTruthy();
    expect(screen.getByText('Cột "Ngày sinh": "31/02/2001" không phải ngày có thật (ghi theo ngày/tháng/năm).')).toBeTruthy();
    expect(screen.getByText('Trùng họ tên và ngày sinh với dòng 4.')).toBeTruthy();
    expect(screen.getByText('Nhập 1 đoàn viên')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Vẫn nhập dòng này'));
    expect(screen.getByText('Nhập 2 đoàn viên')).toBeTruthy();
  });

  it('undo says who is kept because dues were collected from them, and keeps them', async () => {
    const record = await importMembers('ds.csv', ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường'].map((fullName) => ({ ...MEMBER_DEFAULTS, fullName })));
    await collectForMember({ memberId: record.memberIds[1], months: [{ period: '2026-03', amount: 2000 }], paidAt: '2026-03-12', method: 'cash' });
    render(<ImportPage />);
    fireEvent.click(await screen.findByRole('button', { name: 'Hoàn tác' }, SLOW));
    const dialog = await screen.findByRole('alertdialog', {}, SLOW);
    expect(dialog.textContent).toContain('Xóa 2 đoàn viên đã nhập từ "ds.csv"');
    expect(dialog.textContent).toContain('Giữ lại 1 đoàn viên vì sổ đã ghi việc khác của họ');
    expect(within(dialog).getByText('Trần Thị Bình: đã thu đoàn phí')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hoàn tác' }));
    await screen.findByText('Đã hoàn tác lần nhập từ "ds.csv": xóa 2 đoàn viên, giữ lại 1 đoàn viên đã có dữ liệu khác. Nếu họ không thuộc chi đoàn, hãy lưu trữ hồ sơ của họ.', {}, SLOW);
    const db = await activeDb();
    expect((await db.members.filter((m) => !m.deleted).toArray()).map((m) => m.fullName)).toEqual(['Trần Thị Bình']);
  });

  it('says in words how gender is read from a "Nữ" column, and notes an admission at 15', async () => {
    render(<ImportPage />);
    chooseFile('nu.csv', 'Họ và tên;Ngày sinh;Ngày vào Đoàn;Nữ\nTrần Thị Bình;06/09/2003;26/03/2019;x\nLê Văn Cường;01/02/2001;26/03/2018;\n');
    await screen.findByText('Bước 2/3 · Kiểm tra các cột', {}, SLOW);
    expect((screen.getByLabelText('Cột "Nữ"') as HTMLSelectElement).value).toBe('gender');
    fireEvent.click(screen.getByText('Tiếp tục'));
    await screen.findByText('Bước 3/3 · Xem trước', {}, SLOW);
    expect(screen.getByText('Giới tính theo cột "Nữ": ô có đánh dấu (x, ✓, 1 hoặc chữ "Nữ") là Nữ, ô để trống là Nam.')).toBeTruthy();
    expect(screen.getByText('2 dòng hợp lệ sẽ được nhập')).toBeTruthy();
    expect(screen.getByText('Lưu ý (1 dòng vẫn được nhập như sổ cũ ghi)')).toBeTruthy();
    expect(screen.getByText('Tuổi khi vào Đoàn là 15 (Điều lệ: 16 đến 30). Vẫn nhập như sổ cũ ghi; sửa sau nếu ghi nhầm.')).toBeTruthy();
  });

  it('takes the unit\'s own rates into the choice, and gives the chosen category to the empty cells of a dues column', async () => {
    await setRate('salaried', '2020-01', 10000);
    render(<ImportPage />);
    chooseFile('dp.csv', 'Họ và tên;Ngày sinh;Loại đoàn phí\nNguyễn Văn An;01/01/2000;Có lương\nTrần Thị Bình;02/02/2001;\nLê Văn Cường;03/03/2002;SV\nPhạm Thị Dung;04/04/2003;Hợp đồng\n');
    await screen.findByText('Bước 2/3 · Kiểm tra các cột', {}, SLOW);
    expect((screen.getByLabelText('Cột "Loại đoàn phí"') as HTMLSelectElement).value).toBe('duesCategory');
    fireEvent.click(screen.getByText('Tiếp tục'));
    await screen.findByText('Bước 3/3 · Xem trước', {}, SLOW);
    expect(screen.getByText('2 dòng để trống hoặc ghi không rõ ở cột "Loại đoàn phí". Những đoàn viên này đóng đoàn phí mức nào?')).toBeTruthy();
    expect(screen.getByText('Cột "Loại đoàn phí": "Hợp đồng" không rõ là có lương hay chưa; tính theo loại đoàn phí chọn ở trên.')).toBeTruthy();
    expect(screen.getByLabelText(/^Có lương \(10\.000 ₫\/tháng\)/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Nhập 4 đoàn viên' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByLabelText(/^Chưa có lương \/ học sinh, sinh viên \(2\.000 ₫\/tháng\)/));
    expect(screen.getByText('Loại đoàn phí của 2 đoàn viên: Chưa có lương')).toBeTruthy();
    fireEvent.click(screen.getByText('Nhập 4 đoàn viên'));
    await screen.findByText('Đã nhập 4 đoàn viên từ "dp.csv".', {}, SLOW);
    const db = await activeDb();
    const byName = new Map((await db.members.toArray()).map((m) => [m.fullName, m.duesCategory]));
    expect(Object.fromEntries(byName)).toEqual({ 'Nguyễn Văn An': 'salaried', 'Trần Thị Bình': 'unsalaried', 'Lê Văn Cường': 'unsalaried', 'Phạm Thị Dung': 'unsalaried' });
    expect((await db.imports.toArray())[0].duesDefault).toEqual({ category: 'unsalaried', count: 2 });
  });

  it('explains a file it cannot use', async () => {
    render(<ImportPage />);
    chooseFile('ds.xlsx', 'not a zip');
    expect((await screen.findByRole('alert', {}, SLOW)).textContent).toContain('không phải Excel .xlsx hợp lệ');
    chooseFile('ds.csv', 'a,b\n1,2\n');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Không tìm thấy dòng tiêu đề'), SLOW);
  });
});

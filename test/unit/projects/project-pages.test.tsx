// @vitest-environment jsdom
// Registering a project through the form (budget from its sources), then on its page: the
// stepper, the next step as the big button, acceptance refused without its decision, the
// log; and the year's list with its stage chips — over real Dexie.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { LocationProvider, Route, Router } from 'preact-iso';
import { freshUnit } from '../helpers';
import ProjectsPage from '../../../src/features/projects/ProjectsPage';
import ProjectFormPage from '../../../src/features/projects/ProjectFormPage';
import ProjectDetailPage from '../../../src/features/projects/ProjectDetailPage';
import { advanceProject, dropProject, registerProject, undoLastStep } from '../../../src/features/projects/projects-repo';
import { getProject, listProjectsInYear } from '../../../src/features/projects/projects-queries';
import { createMember } from '../../../src/features/members/members-repo';
import { markAttendance } from '../../../src/features/attendance/attendance-repo';
import { loadEvent, rollEventKind } from '../../../src/features/attendance/roll-event';
import { MEMBER_DEFAULTS } from '../../../src/protocol/member';

beforeEach(() => freshUnit());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function mountAt(url: string) {
  history.replaceState(null, '', url);
  return render(
    <LocationProvider>
      <Router>
        <Route path="/projects" component={ProjectsPage} />
        <Route path="/projects/new" component={ProjectFormPage} />
        <Route path="/projects/:id" component={ProjectDetailPage} />
        <Route path="/projects/:id/edit" component={ProjectFormPage} />
      </Router>
    </LocationProvider>,
  );
}
const type = (label: string | RegExp, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('the registration form', () => {
  it('adds budget sources with a live total, saves, and lands on the project', async () => {
    const lan = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Nguyễn Thị Lan' });
    mountAt('/projects/new?y=2026');
    await screen.findByRole('heading', { name: 'Đăng ký công trình, phần việc' });
    type('Tên công trình, phần việc', 'Tuyến hẻm xanh');
    type('Ngày đăng ký', '2026-03-02');
    type(/Tổng kinh phí/, '5.000.000');
    fireEvent.click(screen.getByRole('button', { name: /Thêm nguồn kinh phí/ }));
    // the typed total becomes the first source's amount, the total is now their sum
    expect((screen.getByLabelText('Số tiền (đồng)') as HTMLInputElement).value).toBe('5.000.000');
    type('Nguồn kinh phí', 'Đoàn phường');
    fireEvent.click(screen.getByRole('button', { name: /Thêm nguồn kinh phí/ }));
    const names = screen.getAllByLabelText('Nguồn kinh phí');
    const amounts = screen.getAllByLabelText('Số tiền (đồng)');
    fireEvent.input(names[1], { target: { value: 'Doanh nghiệp tài trợ' } });
    fireEvent.input(amounts[1], { target: { value: '2500000' } });
    expect(screen.getByText(/Tổng kinh phí: 7\.500\.000\s₫/)).toBeTruthy();
    type('Số ngày công dự kiến', '40');
    fireEvent.change(screen.getByLabelText('Người phụ trách'), { target: { value: lan.id } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    await screen.findByRole('heading', { name: 'Tuyến hẻm xanh' });
    const [saved] = await listProjectsInYear(2026);
    expect(saved).toMatchObject({ budget: 7_500_000, budgetSources: [{ source: 'Đoàn phường', amount: 5_000_000 }, { source: 'Doanh nghiệp tài trợ', amount: 2_500_000 }], leaderId: lan.id, volunteerDays: 40 });
    expect(location.pathname).toBe(`/projects/${saved.id}`);
    expect(screen.getByText('Nguyễn Thị Lan')).toBeTruthy();
    expect(screen.getByText('Ngày công: 0 / dự kiến 40')).toBeTruthy();
  });

  it('a source without its amount is pointed out, nothing saved', async () => {
    mountAt('/projects/new');
    await screen.findByRole('heading', { name: 'Đăng ký công trình, phần việc' });
    type('Tên công trình, phần việc', 'Tuyến hẻm xanh');
    fireEvent.click(screen.getByRole('button', { name: /Thêm nguồn kinh phí/ }));
    type('Nguồn kinh phí', 'Đoàn phường');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByText('Còn 1 chỗ cần sửa, xem dòng chữ đỏ bên dưới từng ô.');
    expect(await listProjectsInYear(Number(new Date().getFullYear()))).toEqual([]);
  });
});

describe('the project page', () => {
  it('shows each step done with its date, the next step as the big button, and takes acceptance only with its decision', async () => {
    const p = await registerProject({ title: 'Tuyến hẻm xanh', kind: 'project', registeredOn: '2026-03-02' });
    await advanceProject(p.id, { date: '2026-03-09' });
    await advanceProject(p.id, { date: '2026-03-16' });
    await advanceProject(p.id, { date: '2026-03-23' });
    const an = await createMember({ ...MEMBER_DEFAULTS, fullName: 'Trần Văn An' });
    await markAttendance(p.id, an.id, 'present');
    mountAt(`/projects/${p.id}`);
    await screen.findByRole('heading', { name: 'Tuyến hẻm xanh' });
    const steps = screen.getByRole('list', { name: 'Tiến độ' });
    expect(within(steps).getByText('Duyệt kế hoạch').closest('li')!.textContent).toContain('09/03/2026');
    expect(screen.getByText('1 đoàn viên đã tham gia.')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Ghi nhận người tham gia/ }).getAttribute('href')).toBe(`/projects/${p.id}/roll`);

    fireEvent.click(screen.getByRole('button', { name: 'Nghiệm thu' }));
    type('Ngày', '2026-03-30');
    type('Cấp nghiệm thu', 'Ban Thường vụ Đoàn phường 7');
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await screen.findByText('Nhập số quyết định nghiệm thu.');
    expect((await getProject(p.id))!.stage).toBe('completed');
    type('Số quyết định nghiệm thu', '15/QĐ-ĐTN');
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await screen.findByText('Đã ghi: Đã nghiệm thu.');
    expect(await getProject(p.id)).toMatchObject({ stage: 'accepted', acceptedOn: '2026-03-30', acceptanceDecision: '15/QĐ-ĐTN' });
    expect(await screen.findByText('Quyết định 15/QĐ-ĐTN · Ban Thường vụ Đoàn phường 7')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Dừng công trình' })).toBeNull();
  });

  it('an acceptance undone by mistake comes back with its date, decision and who accepted filled', async () => {
    const p = await registerProject({ title: 'Tuyến hẻm xanh', kind: 'project', registeredOn: '2026-03-02' });
    for (const date of ['2026-03-09', '2026-03-16', '2026-03-23']) await advanceProject(p.id, { date });
    await advanceProject(p.id, { date: '2026-03-30', acceptanceDecision: '15/QĐ-ĐTN', acceptedBy: 'Ban Thường vụ Đoàn phường 7' });
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    mountAt(`/projects/${p.id}`);
    await screen.findByText('Quyết định 15/QĐ-ĐTN · Ban Thường vụ Đoàn phường 7');
    fireEvent.click(screen.getByRole('button', { name: /Hoàn tác bước vừa ghi/ }));
    await screen.findByText('Đã hoàn tác.');
    expect(await getProject(p.id)).toMatchObject({ stage: 'completed', acceptedOn: '' });
    await waitFor(() => expect(screen.queryByText(/Quyết định 15\/QĐ-ĐTN/)).toBeNull());

    fireEvent.click(await screen.findByRole('button', { name: 'Nghiệm thu' }));
    expect((screen.getByLabelText('Ngày') as HTMLInputElement).value).toBe('2026-03-30');
    expect((screen.getByLabelText('Số quyết định nghiệm thu') as HTMLInputElement).value).toBe('15/QĐ-ĐTN');
    expect((screen.getByLabelText('Cấp nghiệm thu') as HTMLInputElement).value).toBe('Ban Thường vụ Đoàn phường 7');
    fireEvent.click(screen.getByRole('button', { name: 'Xác nhận' }));
    await screen.findByText('Đã ghi: Đã nghiệm thu.');
    expect(await getProject(p.id)).toMatchObject({ stage: 'accepted', acceptedOn: '2026-03-30', acceptanceDecision: '15/QĐ-ĐTN' });
  });

  it('a project opened after its acceptance was undone offers the kept decision', async () => {
    const p = await registerProject({ title: 'Tuyến hẻm xanh', kind: 'project', registeredOn: '2026-03-02' });
    for (const date of ['2026-03-09', '2026-03-16', '2026-03-23']) await advanceProject(p.id, { date });
    await advanceProject(p.id, { date: '2026-03-30', acceptanceDecision: '15/QĐ-ĐTN', acceptedBy: 'Ban Thường vụ Đoàn phường 7' });
    await undoLastStep(p.id);
    mountAt(`/projects/${p.id}`);
    fireEvent.click(await screen.findByRole('button', { name: 'Nghiệm thu' }));
    expect((screen.getByLabelText('Số quyết định nghiệm thu') as HTMLInputElement).value).toBe('15/QĐ-ĐTN');
    expect((screen.getByLabelText('Cấp nghiệm thu') as HTMLInputElement).value).toBe('Ban Thường vụ Đoàn phường 7');
  });

  it('adds a log entry and shows it newest first', async () => {
    const p = await registerProject({ title: 'Tuyến hẻm xanh', kind: 'project', registeredOn: '2026-03-02' });
    mountAt(`/projects/${p.id}`);
    await screen.findByRole('heading', { name: 'Tuyến hẻm xanh' });
    fireEvent.click(screen.getByRole('button', { name: /Thêm nhật ký/ }));
    type('Ngày', '2026-03-10');
    type('Nội dung', 'Khảo sát hẻm 12');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await screen.findByText('Khảo sát hẻm 12');
    expect(screen.getByText('10/03/2026')).toBeTruthy();
  });
});

describe('the year list', () => {
  it("shows the year's projects with their stage and filters by stage", async () => {
    const a = await registerProject({ title: 'Tuyến hẻm xanh', kind: 'project', registeredOn: '2026-03-02' });
    const b = await registerProject({ title: 'Thư viện khu phố', kind: 'task', registeredOn: '2026-04-02' });
    await registerProject({ title: 'Sân chơi thiếu nhi', kind: 'project', registeredOn: '2025-05-02' });
    await dropProject(b.id, { date: '2026-04-05', reason: 'Không có mặt bằng' });
    mountAt('/projects?y=2026');
    await screen.findByText('Tuyến hẻm xanh');
    expect(screen.getByText('2 công trình, phần việc; 0 đã nghiệm thu.')).toBeTruthy();
    expect(screen.queryByText('Sân chơi thiếu nhi')).toBeNull();
    expect(screen.getByText('Thư viện khu phố').closest('a')!.textContent).toContain('Đã dừng');
    fireEvent.click(screen.getByRole('button', { name: 'Đã dừng' }));
    await waitFor(() => expect(screen.queryByText('Tuyến hẻm xanh')).toBeNull());
    expect(screen.getByText('Thư viện khu phố')).toBeTruthy();
    expect(a.year).toBe(2026);
  });
});

describe("the project's roll", () => {
  it('/projects/:id/roll takes the project as its event', async () => {
    const p = await registerProject({ title: 'Tuyến hẻm xanh', kind: 'project', registeredOn: '2026-03-02', startsOn: '2026-03-10', endsOn: '2026-04-30', place: 'Hẻm 12' });
    expect(rollEventKind(`/projects/${p.id}/roll`)).toBe('project');
    expect(await loadEvent(p.id, 'project', '2026-12-01')).toEqual({ id: p.id, kind: 'project', title: 'Tuyến hẻm xanh', when: '10/03/2026 – 30/04/2026', day: '2026-12-01', place: 'Hẻm 12' });
    expect(await loadEvent('nope-0000', 'project', '2026-12-01')).toBeNull();
  });
});

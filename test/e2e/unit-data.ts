// A little of everything a unit records, entered through the screens as a secretary does, so
// the route tests can open each screen with real ids: a member, a meeting, an activity, the
// year's training programme, a youth project and a dues receipt. Also: the server side of a unit (admin,
// unit, invite through the API) and joining a phone to it.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { heading } from './app';

const WAIT = { timeout: 30_000 };

export interface UnitData {
  memberId: string;
  memberName: string;
  meetingId: string;
  activityId: string;
  projectId: string;
  trainingItemId: string;
  receiptNo: string;
  targetId: string;
}

/** The PWA's banners (install offer, ready offline) sit over the bottom of the page: close them as a user would. */
export async function calm(page: Page): Promise<void> {
  for (const name of ['Để sau', 'Đóng', 'Đã hiểu']) {
    const b = page.locator('.banner').getByRole('button', { name, exact: true });
    if (await b.count()) await b.first().click({ timeout: 2_000 }).catch(() => undefined);
  }
}

const idIn = (page: Page, re: RegExp) => {
  const m = re.exec(new URL(page.url()).pathname);
  if (!m) throw new Error(`no id in ${page.url()}`);
  return m[1];
};

export async function recordUnitData(page: Page, baseUrl: string, memberName = 'Nguyễn Thị Thu Hà'): Promise<UnitData> {
  const year = new Date().getFullYear();
  const memberId = await addMember(page, baseUrl, memberName);

  await page.goto(baseUrl + '/meetings/new');
  await page.getByLabel('Loại buổi sinh hoạt').selectOption('regular');
  await page.getByLabel('Chủ đề / tên buổi').fill('Sinh hoạt chi đoàn tháng 5');
  await page.getByLabel('Ngày', { exact: true }).fill(`${year}-05-10`);
  await page.getByLabel('Giờ bắt đầu').fill('08:00');
  await page.getByLabel('Địa điểm').fill('Hội trường khu phố');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.waitForURL((u) => /^\/meetings\/(?!new$)[^/]+$/.test(u.pathname), WAIT);
  const meetingId = idIn(page, /^\/meetings\/([^/]+)$/);

  await page.goto(baseUrl + '/activities/new');
  await page.getByLabel('Tên hoạt động').fill('Ra quân dọn vệ sinh kênh');
  await page.getByLabel('Ngày', { exact: true }).fill(`${year}-05-17`);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.waitForURL((u) => /^\/activities\/(?!new$)[^/]+$/.test(u.pathname), WAIT);
  const activityId = idIn(page, /^\/activities\/([^/]+)$/);

  await page.goto(baseUrl + '/projects/new');
  await page.getByLabel('Tên công trình, phần việc').fill('Tuyến hẻm xanh – sạch – sáng');
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await page.waitForURL((u) => /^\/projects\/(?!new$)[^/]+$/.test(u.pathname), WAIT);
  const projectId = idIn(page, /^\/projects\/([^/]+)$/);

  await page.goto(baseUrl + `/training?y=${year}`);
  await page.getByRole('button', { name: 'Tạo chương trình 5 nội dung' }).click();
  const item = page.locator('a[href^="/training/item/"]').first();
  await item.waitFor({ state: 'attached', ...WAIT });
  const trainingItemId = (await item.getAttribute('href'))!.split('/').pop()!;

  await page.goto(baseUrl + `/dues/member/${memberId}`);
  await page.locator('.dues-monthpick label').first().click();
  await calm(page);
  await page.getByRole('button', { name: /^Thu / }).click();
  const receipt = page.getByRole('link', { name: 'Xem phiếu thu' });
  await receipt.waitFor(WAIT);
  const receiptNo = decodeURIComponent((await receipt.getAttribute('href'))!.split('/').pop()!);

  await page.goto(baseUrl + '/year');
  await page.getByRole('button', { name: 'Theo kế hoạch củng cố (9 chỉ tiêu)' }).click();
  const target = page.locator('a.tcard').first();
  await target.waitFor({ state: 'attached', ...WAIT });
  const targetId = decodeURIComponent((await target.getAttribute('href'))!.split('/').pop()!);
  return { memberId, memberName, meetingId, activityId, projectId, trainingItemId, receiptNo, targetId };
}

async function api<T>(baseUrl: string, path: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(`${baseUrl}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Cấp trên's admin (first run), a unit and a one-time secretary invite, through the API. */
export async function serverUnitInvite(baseUrl: string, unitName: string): Promise<string> {
  const { token } = await api<{ token: string }>(baseUrl, '/setup', { username: 'admin-phuong-7', password: 'mat-khau-cap-tren' });
  const unit = await api<{ id: string }>(baseUrl, '/units', { name: unitName, parentUnit: 'Đoàn phường 7' }, token);
  const { code } = await api<{ code: string }>(baseUrl, `/units/${unit.id}/invites`, { role: 'secretary' }, token);
  return code;
}

/** A new phone joins with the code from its first-run screen and finishes its first sync. */
export async function joinWithCode(page: Page, baseUrl: string, code: string): Promise<void> {
  await page.goto(baseUrl + '/');
  await heading(page, 'Thiết lập đơn vị').waitFor(WAIT);
  await page.getByRole('link', { name: 'Tham gia đơn vị bằng mã mời' }).click();
  await page.getByLabel('Mã mời').fill(code);
  await page.getByLabel('Tên máy').fill('Điện thoại chị Hà');
  await calm(page);
  await page.getByRole('button', { name: 'Tham gia' }).click();
  await joinedHome(page);
}

/** A new phone that joined lands on its unit's home, with the first sync done (the chip says when). */
export async function joinedHome(page: Page): Promise<void> {
  await page.waitForURL((u) => u.pathname === '/', WAIT);
  await expect.poll(() => page.locator('h1.unit-name').innerText().catch(() => ''), WAIT).not.toBe('');
  await expect.poll(() => page.locator('.sync-chip').innerText().catch(() => ''), WAIT).toMatch(/Đã đồng bộ \d{2}:\d{2}/);
}

/** Adds a member through the form (name only) and returns its id. */
export async function addMember(page: Page, baseUrl: string, name: string): Promise<string> {
  await page.goto(baseUrl + '/members/new');
  await page.getByLabel('Họ và tên').fill(name);
  await calm(page);
  await page.getByRole('button', { name: 'Lưu', exact: true }).click();
  await heading(page, name).waitFor(WAIT);
  return idIn(page, /^\/members\/([^/]+)$/);
}

/**
 * Once the manifest icons are on the phone, Chromium offers to install the app offline too, and
 * the app's "Cài đặt ứng dụng" banner covers the bottom of the screen: a user taps "Để sau".
 * Playwright does the same whenever the banner is in the way of an action.
 */
export async function dismissInstallOfferWhenInTheWay(page: Page): Promise<void> {
  const later = page.locator('.banner').getByRole('button', { name: 'Để sau', exact: true });
  await page.addLocatorHandler(later, (b) => b.click(), { noWaitAfter: true });
}

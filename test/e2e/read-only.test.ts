// A phone joined to its unit as a viewer browses the whole book and is offered nothing to edit
// (issue 11: "no edit control is offered where the role cannot write"), in the production
// build at 360×740: every route of the route table (read from its source, as every-route does;
// routes with a parameter this test has no id for are skipped) shows no visible control marked
// "w", no visible enabled button or link that says an edit verb, and no enabled field to type
// into; a route that only writes shows the read-only notice instead. Offline after a reload
// too. The secretary's phone that recorded the data still has its controls and no bar.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cleanupAll, launchBrowser, ROOT, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { waitForServiceWorker } from './app';
import { calm, joinWithCode, recordUnitData, type UnitData } from './unit-data';
import { isEditOnly, isUnitScreen } from '../../src/features/readonly/edit-only';

const WAIT = { timeout: 30_000 };
const UNIT_NAME = 'Chi đoàn Khu phố 5';

/** Words that start an edit: a reader's screen must show none of them on an enabled control. */
const EDIT_VERB = /^\s*(\+|Thêm|Sửa(?! cùng lúc)|Xóa|Xoá|Lưu|Chốt|Thu\b|Điểm danh|Tạo|Bắt đầu|Nhập|Ghi|Đánh dấu|Hủy|Huỷ|Khôi phục|Đã tổ chức|Lưu trữ|Bỏ lưu trữ|Đăng ký|Đổi|Chụp|Chọn ảnh|Gửi|Soạn|Ra khỏi|Kết thúc|Mở lại|Nhiệm kỳ mới|Bầu)/i;

function routeUrls(d: UnitData): string[] {
  const src = readFileSync(join(ROOT, 'src/app/routes.tsx'), 'utf8');
  const ids: Record<string, string> = {
    ':id': '',
    '/members/:id': d.memberId,
    '/meetings/:id': d.meetingId,
    '/activities/:id': d.activityId,
    '/projects/:id': d.projectId,
    '/training/item/:itemId': d.trainingItemId,
    '/training/:memberId': d.memberId,
    '/rating/:memberId': d.memberId,
    '/year/targets/:id': d.targetId,
    '/reports/:id': 'report:2026:q1',
  };
  const urls: string[] = [];
  for (const [, path] of src.matchAll(/\{\s*path:\s*'([^']+)'\s*,\s*component:/g)) {
    if (path === '/*' || !isUnitScreen(path)) continue;
    if (path === '/dues/:page') urls.push('/dues/collect', '/dues/grid', '/dues/remit', '/dues/warnings', '/dues/exemptions', '/dues/rates', '/dues/opening');
    else if (path === '/dues/:page/:id') urls.push(`/dues/member/${d.memberId}`, `/dues/receipt/${encodeURIComponent(d.receiptNo)}`);
    else if (path === '/sync/:page') urls.push('/sync/conflicts', '/sync/attention');
    else if (!path.includes(':')) urls.push(path);
    else {
      const url = path.replace(/^(\/[^/]+(?:\/item|\/targets)?\/):(\w+)/, (whole) => (ids[whole] ? whole.slice(0, whole.lastIndexOf(':')) + encodeURIComponent(ids[whole]) : whole));
      if (!url.includes(':')) urls.push(url);
    }
  }
  return urls;
}

/** What on the screen would let a reader change the book. */
async function editControls(page: Page): Promise<string[]> {
  return page.evaluate((verb) => {
    const re = new RegExp(verb.source, verb.flags);
    const visible = (el: Element) => {
      const r = (el as HTMLElement).getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const found: string[] = [];
    for (const el of document.querySelectorAll('.w')) if (visible(el)) found.push(`.w ${el.tagName} "${(el as HTMLElement).innerText.trim().slice(0, 40)}"`);
    for (const el of document.querySelectorAll<HTMLButtonElement | HTMLAnchorElement>('.content button, .content a, .content label.btn')) {
      if (!visible(el) || el.matches(':disabled')) continue;
      const text = el.innerText.trim();
      if (re.test(text)) found.push(`${el.tagName} "${text.slice(0, 40)}"`);
    }
    // Search boxes and pickers of what to show (month, year, filter) change the view, not the book.
    for (const el of document.querySelectorAll<HTMLInputElement>('.content input, .content textarea, .content select')) {
      if (!visible(el) || el.matches(':disabled') || el.readOnly || el.type === 'search' || el.closest('[role=search], .filters, nav, .filter-chips')) continue;
      found.push(`${el.tagName} ${el.type} #${el.id}`);
    }
    return found;
  }, { source: EDIT_VERB.source, flags: EDIT_VERB.flags } as unknown as RegExp);
}

async function openAsReader(page: Page, baseUrl: string, urls: string[], shot: string): Promise<string[]> {
  const failures: string[] = [];
  // The first route is a full load; the rest are opened inside the app, as a reader moves
  // through it (the router's popstate). A full load per route waited each time for the bar,
  // which comes with the sync chip 2 s after the page's load event (issue 13, B2).
  await page.goto(baseUrl + urls[0]);
  for (const url of urls) {
    await page.evaluate((u) => {
      history.pushState(null, '', u);
      dispatchEvent(new PopStateEvent('popstate'));
    }, url);
    await page.waitForURL((u) => u.pathname + u.search === url, WAIT);
    await page.locator('.ro-bar').waitFor(WAIT);
    const path = url.split('?')[0];
    if (isEditOnly(path)) {
      const notice = await page.getByRole('heading', { name: 'Chỉ được xem' }).isVisible();
      const content = await page.locator('.content').isVisible();
      if (!notice || content) failures.push(`${url}: the read-only notice is ${notice ? 'shown' : 'missing'}, the screen is ${content ? 'visible' : 'hidden'}`);
      continue;
    }
    await page.locator('main h1').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
    await page.waitForTimeout(300); // reads that come after the first paint
    const found = await editControls(page);
    if (found.length) {
      failures.push(`${url}: ${found.join(' | ')}`);
      await screenshot(page, `${shot}-FAILED-${url}`).catch(() => undefined);
    }
  }
  return failures;
}

let server: AppServer;
const api = async <T,>(path: string, body: unknown, token?: string): Promise<T> => {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

beforeAll(async () => {
  server = await startServer();
});
afterAll(cleanupAll);

describe('a viewer phone browses the book read-only (built app, 360×740)', () => {
  let secretary: BrowserSession;
  let viewer: BrowserSession;
  let data: UnitData;
  let viewerCode: string;

  test('the secretary records the book and it reaches the server', async () => {
    const { token } = await api<{ token: string }>('/setup', { username: 'admin-phuong-5', password: 'mat-khau-cap-tren' });
    const unit = await api<{ id: string }>('/units', { name: UNIT_NAME, parentUnit: 'Đoàn phường 5' }, token);
    const { code } = await api<{ code: string }>(`/units/${unit.id}/invites`, { role: 'secretary' }, token);
    viewerCode = (await api<{ code: string }>(`/units/${unit.id}/invites`, { role: 'viewer' }, token)).code;
    secretary = await launchBrowser();
    await joinWithCode(secretary.page, server.url, code);
    await waitForServiceWorker(secretary.page);
    data = await recordUnitData(secretary.page, server.url);
    const { page } = secretary;
    await page.goto(server.url + '/sync');
    const now = page.getByRole('button', { name: 'Đồng bộ ngay' });
    await now.waitFor(WAIT);
    await calm(page);
    await now.click();
    await expect.poll(() => page.getByTestId('pending').innerText(), WAIT).toBe('Không có thay đổi nào đang chờ.');
  });

  test("the secretary's phone looks as before: its controls, no bar", async () => {
    const { page } = secretary;
    await page.goto(`${server.url}/members/${data.memberId}`);
    await page.getByRole('link', { name: 'Sửa', exact: true }).waitFor(WAIT);
    expect(await page.locator('.ro-bar').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.hasAttribute('data-ro'))).toBe(false);
    await page.goto(`${server.url}/members/new`);
    await page.getByLabel('Họ và tên').waitFor(WAIT);
    expect(await page.getByRole('heading', { name: 'Chỉ được xem' }).count()).toBe(0);
  });

  test('online: every unit route shows the bar and nothing to edit; edit-only routes the notice', async () => {
    viewer = await launchBrowser();
    await joinWithCode(viewer.page, server.url, viewerCode);
    await waitForServiceWorker(viewer.page);
    const { page } = viewer;
    await page.goto(`${server.url}/members/${data.memberId}`);
    await page.getByRole('heading', { name: data.memberName }).waitFor(WAIT);
    await expect.poll(() => page.locator('.ro-bar').innerText(), WAIT).toBe(`Chỉ xem · ${UNIT_NAME}`);
    await screenshot(page, 'read-only-member');
    const urls = routeUrls(data);
    expect(urls.length).toBeGreaterThan(40);
    expect(await openAsReader(page, server.url, urls, 'read-only-online')).toEqual([]);
    await page.goto(`${server.url}/members/new`);
    await page.getByRole('heading', { name: 'Chỉ được xem' }).waitFor(WAIT);
    await screenshot(page, 'read-only-notice');
  });

  test('offline, after a reload: the same', async () => {
    const { page } = viewer;
    await viewer.setOffline(true);
    await page.reload();
    expect(await openAsReader(page, server.url, routeUrls(data), 'read-only-offline')).toEqual([]);
    await page.goto(server.url + '/');
    await page.locator('.ro-bar').waitFor(WAIT);
    await screenshot(page, 'read-only-home-offline');
    await viewer.setOffline(false);
  });
});

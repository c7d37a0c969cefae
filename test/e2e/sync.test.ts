// Issue 4 end to end, in the built app served by the real server: the admin of cấp trên
// creates the first account, a unit and two invite codes; a secretary who recorded offline
// joins with one (her member goes up), a deputy joins with the other on a second phone (the
// member comes down). Both phones go offline and change the same member's phone number;
// back online they show the same data, and the conflicts screen shows both numbers side by
// side on both phones. The secretary keeps the deputy's number: both phones follow.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { cleanupAll, launchBrowser, screenshot, startServer, type AppServer, type BrowserSession } from './harness';
import { heading, setupUnit, UNIT } from './app';
import { joinedHome } from './unit-data';

const WAIT = { timeout: 30_000 };
const MEMBER = { name: 'Hoàng Thị Mai Anh', phone: '0905123456' };
const PHONE_SECRETARY = '0911111111';
const PHONE_DEPUTY = '0922222222';

let server: AppServer;
let secretary: BrowserSession;
let deputy: BrowserSession;
const codes: { secretary?: string; deputy?: string } = {};
let memberPath = '';

beforeAll(async () => {
  server = await startServer();
  secretary = await launchBrowser();
  deputy = await launchBrowser();
});
afterAll(cleanupAll);

/** The PWA's banners (install offer, ready offline) sit over the bottom of the page: close them as a user would. */
async function calm(page: Page) {
  for (const name of ['Để sau', 'Đóng', 'Đã hiểu']) {
    const b = page.locator('.banner').getByRole('button', { name, exact: true });
    if (await b.count()) await b.first().click({ timeout: 2_000 }).catch(() => undefined);
  }
}

async function syncNow(page: Page) {
  await page.goto(server.url + '/sync');
  const button = page.getByRole('button', { name: 'Đồng bộ ngay' });
  await button.waitFor(WAIT);
  await calm(page);
  await button.click();
  await expect.poll(() => page.getByTestId('pending').innerText(), WAIT).toBe('Không có thay đổi nào đang chờ.');
  await expect.poll(() => button.isEnabled(), WAIT).toBe(true);
}

async function phoneShown(page: Page): Promise<string> {
  await page.goto(server.url + memberPath);
  await heading(page, MEMBER.name).waitFor(WAIT);
  for (const p of [MEMBER.phone, PHONE_SECRETARY, PHONE_DEPUTY]) if (await page.getByText(p).count()) return p;
  return '';
}

describe('two phones, one unit, both offline, same field', () => {
  test('admin first run: account, unit, two invite codes (text and QR)', async () => {
    const page = await secretary.newPage();
    await page.goto(server.url + '/admin');
    await heading(page, 'Quản trị máy chủ').waitFor(WAIT);
    await page.getByLabel('Tên đăng nhập').fill('admin-phuong-7');
    await page.getByLabel('Mật khẩu', { exact: true }).fill('mat-khau-cap-tren');
    await page.getByLabel('Nhập lại mật khẩu').fill('mat-khau-cap-tren');
    await page.getByRole('button', { name: 'Tạo tài khoản quản trị' }).click();
    await page.getByLabel('Tên đơn vị').waitFor(WAIT);
    await page.getByLabel('Tên đơn vị').fill('Chi đoàn Công ty May 30/4');
    await page.getByLabel('Cấp trên (không bắt buộc)').fill('Đoàn phường 7');
    await page.getByRole('button', { name: 'Tạo', exact: true }).click();
    const unit = page.getByRole('listitem', { name: 'Chi đoàn Công ty May 30/4' });
    await unit.waitFor(WAIT);
    await unit.getByText('Mã mời và các máy').click();
    await unit.getByRole('button', { name: 'Tạo mã mời' }).click();
    const first = unit.locator('.invite-code').first();
    await first.waitFor(WAIT);
    codes.secretary = (await first.innerText()).trim();
    await unit.getByLabel('Vai trò của người được mời').selectOption({ label: 'Phó bí thư / cán bộ' });
    await unit.getByRole('button', { name: 'Tạo mã mời' }).click();
    await expect.poll(() => unit.locator('.invite-code').count(), WAIT).toBe(2);
    codes.deputy = (await unit.locator('.invite-code').first().innerText()).trim();
    expect(codes.secretary).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/);
    expect(codes.deputy).not.toBe(codes.secretary);
    await expect.poll(() => unit.getByRole('img', { name: 'Mã QR để quét bằng điện thoại' }).count(), WAIT).toBe(2);
    await screenshot(page, 'sync-1-admin-invites');
    await page.close();
  });

  test('the secretary recorded offline first, then joins: her member goes to the server', async () => {
    const { page } = secretary;
    await page.goto(server.url + '/');
    await setupUnit(page);
    await page.goto(server.url + '/members/new');
    await page.getByLabel('Họ và tên').fill(MEMBER.name);
    await page.getByLabel('Số điện thoại').fill(MEMBER.phone);
    await calm(page);
    await page.getByRole('button', { name: 'Lưu' }).click();
    await heading(page, MEMBER.name).waitFor(WAIT);
    memberPath = new URL(page.url()).pathname;
    expect(memberPath).toMatch(/^\/members\/[0-9a-f-]{36}$/);

    await page.goto(server.url + '/join');
    await page.getByLabel('Mã mời').fill(codes.secretary!.toLowerCase());
    await page.getByLabel('Tên máy').fill('Điện thoại chị Châu');
    await calm(page);
    await page.getByRole('button', { name: 'Tham gia' }).click();
    await heading(page, 'Đồng bộ').waitFor(WAIT);
    await expect.poll(() => page.getByTestId('pending').innerText(), WAIT).toBe('Không có thay đổi nào đang chờ.');
    await expect.poll(() => page.getByTestId('last-synced').innerText(), WAIT).toMatch(/^\d{2}:\d{2}$/);
    await expect.poll(() => page.locator('.sync-chip').innerText(), WAIT).toMatch(/Đã đồng bộ \d{2}:\d{2}/);
    await screenshot(page, 'sync-2-secretary-joined');
  });

  test('a deputy joins on a second phone and receives the unit', async () => {
    const { page } = deputy;
    await page.goto(server.url + '/');
    await heading(page, 'Thiết lập đơn vị').waitFor(WAIT);
    await page.getByRole('link', { name: 'Tham gia đơn vị bằng mã mời' }).click();
    await page.getByLabel('Mã mời').fill(codes.deputy!);
    await page.getByLabel('Tên máy').fill('Điện thoại anh Khang');
    await calm(page);
    await page.getByRole('button', { name: 'Tham gia' }).click();
    // a new phone lands on its unit's home, synced
    await joinedHome(page);
    expect(await phoneShown(page)).toBe(MEMBER.phone);
    // The unit's record came with the first sync: the secretary's details (she had set the unit
    // up before joining), which replaced the name the admin typed; no "no unit on this phone".
    await page.goto(server.url + '/settings');
    await expect.poll(() => page.locator('#unit-name').inputValue().catch(() => ''), WAIT).toBe(UNIT.name);
    expect(await page.locator('#unit-parentUnit').inputValue()).toBe(UNIT.parent);
    expect(await page.locator('#unit-secretaryName').inputValue()).toBe(UNIT.secretary);
    expect(await page.getByText('Máy này chưa có đơn vị nào.').count()).toBe(0);
    await screenshot(page, 'sync-3-deputy-received');
  });

  test('both offline, both change the phone number; the top bar shows what waits', async () => {
    for (const [b, phone] of [
      [secretary, PHONE_SECRETARY],
      [deputy, PHONE_DEPUTY],
    ] as const) {
      const { page } = b;
      // Open the form while online (no reliance on the service worker here), then lose the network.
      await page.goto(server.url + memberPath + '/edit');
      const field = page.getByLabel('Số điện thoại');
      await expect.poll(() => field.inputValue(), WAIT).toBe(MEMBER.phone);
      await b.setOffline(true);
      await field.fill(phone);
      await calm(page);
      await page.getByRole('button', { name: 'Lưu' }).click();
      await heading(page, MEMBER.name).waitFor(WAIT);
      await expect.poll(() => page.locator('.sync-chip').innerText(), WAIT).toMatch(/Ngoại tuyến · 1|1 thay đổi đang chờ/);
    }
    await screenshot(secretary.page, 'sync-4-secretary-offline-edit');
  });

  test('back online: both phones show the same data, and the conflict side by side', async () => {
    await secretary.setOffline(false);
    await deputy.setOffline(false);
    for (const b of [secretary, deputy, secretary]) await syncNow(b.page);
    const [a, b] = [await phoneShown(secretary.page), await phoneShown(deputy.page)];
    expect(a).toBe(b);
    expect([PHONE_SECRETARY, PHONE_DEPUTY]).toContain(a);

    for (const [s, mine, theirs] of [
      [secretary, PHONE_SECRETARY, PHONE_DEPUTY],
      [deputy, PHONE_DEPUTY, PHONE_SECRETARY],
    ] as const) {
      const { page } = s;
      await expect.poll(() => page.locator('.sync-badge').innerText(), WAIT).toBe('1');
      await page.goto(server.url + '/sync/conflicts');
      const card = page.getByRole('listitem', { name: `${MEMBER.name} — Số điện thoại` });
      await card.waitFor(WAIT);
      expect(await card.locator('[data-side="Bản của máy này"] .value').innerText()).toBe(mine);
      expect(await card.locator('[data-side="Bản của máy khác"] .value').innerText()).toBe(theirs);
      await screenshot(page, `sync-5-conflict-${s === secretary ? 'secretary' : 'deputy'}`);
    }
  });

  test('the secretary keeps the deputy\u2019s number: both phones follow, nothing left to choose', async () => {
    const { page } = secretary;
    const card = page.getByRole('listitem', { name: `${MEMBER.name} — Số điện thoại` });
    await calm(page);
    await card.locator('[data-side="Bản của máy khác"]').getByRole('button', { name: 'Giữ bản này' }).click();
    await page.getByText('Đã chọn. Sẽ gửi cho các máy khác khi đồng bộ.').waitFor(WAIT);
    for (const b of [secretary, deputy, secretary]) await syncNow(b.page);
    expect(await phoneShown(secretary.page)).toBe(PHONE_DEPUTY);
    expect(await phoneShown(deputy.page)).toBe(PHONE_DEPUTY);
    for (const b of [secretary, deputy]) {
      await b.page.goto(server.url + '/sync/conflicts');
      await b.page.getByText('Không có gì cần chọn.').waitFor(WAIT);
    }
    const pageErrors = [...secretary.errors, ...deputy.errors].filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e));
    expect(pageErrors).toEqual([]);
  });

  test('two tabs on one phone: only one syncs at a time (Web Lock), both tabs\u2019 writes reach the other phone', async () => {
    const tabA = secretary.page;
    const tabB = await secretary.newPage();
    // Every push and pull of this phone, from either tab, with when it started and ended.
    const spans: { start: number; end: number }[] = [];
    const open = new Map<unknown, number>();
    secretary.context.on('request', (r) => {
      if (/\/api\/v1\/units\/[^/]+\/(push|pull)$/.test(r.url())) open.set(r, Date.now());
    });
    const done = (r: unknown) => {
      const start = open.get(r);
      if (start !== undefined) spans.push({ start, end: Date.now() });
      open.delete(r);
    };
    secretary.context.on('requestfinished', done);
    secretary.context.on('requestfailed', done);
    await tabB.goto(server.url + '/sync');
    await heading(tabB, 'Đồng bộ').waitFor(WAIT);
    const names = ['Tab một: Vũ Hải Đăng', 'Tab hai: Đỗ Thu Trang'];
    for (const [tab, name] of [
      [tabA, names[0]],
      [tabB, names[1]],
    ] as const) {
      await tab.goto(server.url + '/members/new');
      await tab.getByLabel('Họ và tên').fill(name);
      await calm(tab);
      await tab.getByRole('button', { name: 'Lưu' }).click();
      await heading(tab, name).waitFor(WAIT);
    }
    // Both tabs asked to sync at once.
    await Promise.all([tabA.goto(server.url + '/sync'), tabB.goto(server.url + '/sync')]);
    for (const t of [tabA, tabB]) await calm(t);
    await Promise.all([tabA, tabB].map((t) => t.getByRole('button', { name: 'Đồng bộ ngay' }).click()));
    for (const t of [tabA, tabB]) await expect.poll(() => t.getByTestId('pending').innerText(), WAIT).toBe('Không có thay đổi nào đang chờ.');
    const sorted = spans.sort((a, b) => a.start - b.start);
    expect(sorted.length).toBeGreaterThan(1);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i].start, 'two sync requests of one phone overlapped').toBeGreaterThanOrEqual(sorted[i - 1].end);
    await syncNow(deputy.page);
    await deputy.page.goto(server.url + '/members');
    for (const name of names) await deputy.page.getByText(name).first().waitFor(WAIT);
    await tabB.close();
  });

  test('the secretary revokes the deputy\u2019s phone: it stops syncing and keeps what it records', async () => {
    const { page } = secretary;
    await page.goto(server.url + '/sync');
    await calm(page);
    await page.getByRole('link', { name: 'Các máy của đơn vị' }).click();
    await heading(page, 'Các máy của đơn vị').waitFor(WAIT);
    const mine = page.getByRole('listitem').filter({ hasText: 'Điện thoại chị Châu' });
    await mine.getByText('máy này').waitFor(WAIT);
    const theirs = page.getByRole('listitem').filter({ hasText: 'Điện thoại anh Khang' });
    page.once('dialog', (d) => void d.accept());
    await calm(page);
    await theirs.getByRole('button', { name: 'Thu hồi' }).click();
    await theirs.getByText(/^Đã thu hồi/).waitFor(WAIT);
    await screenshot(page, 'sync-6-devices-revoked');

    const d = deputy.page;
    await d.goto(server.url + memberPath + '/edit');
    const field = d.getByLabel('Số điện thoại');
    await expect.poll(() => field.inputValue(), WAIT).toBe(PHONE_DEPUTY);
    await field.fill('0933333333');
    await calm(d);
    await d.getByRole('button', { name: 'Lưu' }).click();
    await heading(d, MEMBER.name).waitFor(WAIT);
    // The write itself triggers a sync (debounced): the server answers 401 and sync pauses.
    await d.goto(server.url + '/sync');
    await d.getByRole('link', { name: 'Nhập mã mời mới' }).waitFor(WAIT);
    expect(await d.getByRole('button', { name: 'Đồng bộ ngay' }).isDisabled()).toBe(true);
    await expect.poll(() => d.locator('.sync-chip').innerText(), WAIT).toBe('Cần tham gia lại');
    expect(await d.getByTestId('pending').innerText()).toBe('1 thay đổi đang chờ');
    await screenshot(d, 'sync-7-deputy-revoked');
  });
});

describe('a phone that joins a unit nobody set up on a phone', () => {
  test('Settings shows the unit the admin created, from the first sync', async () => {
    // The admin (signed in over the API, as the admin page does) creates a second unit and a code.
    const api = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${server.url}/api/v1${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      expect(res.ok, `${path}: HTTP ${res.status}`).toBe(true);
      return res.json();
    };
    const { token } = await api('/login', { username: 'admin-phuong-7', password: 'mat-khau-cap-tren' });
    const unit = await api('/units', { name: 'Chi đoàn Khu phố 3', parentUnit: 'Đoàn phường 7' }, token);
    const { code } = await api(`/units/${unit.id}/invites`, { role: 'deputy' }, token);

    const phone = await launchBrowser();
    const { page } = phone;
    await page.goto(server.url + '/join?code=' + encodeURIComponent(code));
    await page.getByLabel('Tên máy').fill('Điện thoại chị Hà');
    await calm(page);
    await page.getByRole('button', { name: 'Tham gia' }).click();
    await joinedHome(page);
    await page.goto(server.url + '/settings');
    await expect.poll(() => page.locator('#unit-name').inputValue().catch(() => ''), WAIT).toBe('Chi đoàn Khu phố 3');
    expect(await page.locator('#unit-parentUnit').inputValue()).toBe('Đoàn phường 7');
    expect(await page.getByText('Máy này chưa có đơn vị nào.').count()).toBe(0);
    await screenshot(page, 'sync-8-joined-unit-settings');
  });
});

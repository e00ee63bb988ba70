import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CangProcess, changedPassword, startCang } from '../support/cang-process.js';
import { waitUntil } from '../support/wait-until.js';
import { launchBrowser, screenshot, seriousViolations, type TestBrowser } from './support/browser.js';

const COMMUNE = 'VN-HP/GOV/11383';
const DEPARTMENT = 'VN-HP/GOV/STP';
const PROVIDER_SYSTEM = `${COMMUNE}/HTTT-HOTICH`;
const CLIENT_SYSTEM = `${DEPARTMENT}/HTTT-LLTP`;
const SERVICE = `${PROVIDER_SYSTEM}/tra-cuu`;
const OPENAPI = JSON.stringify({
  openapi: '3.1.0',
  info: { title: 'Tra cứu hộ gia đình', version: '1.0' },
  paths: { '/households/{id}': { get: { summary: 'Một hộ gia đình theo mã hộ', responses: { 200: {} } } } },
});

/**
 * The console end to end, in Debian's Chromium against a real `cang start` on a fresh data directory:
 * an operator logs in with the printed password and replaces it, registers a service and a grant, issues a token; a
 * call through the exchange then shows in the log search and the traffic, and the chain verifies.
 */
describe('console: exchange', () => {
  let dataDir = '';
  let provider: Server;
  let providerUrl = '';
  let cang: CangProcess;
  let browser: TestBrowser;
  let page: Page;
  const visited: string[] = [];
  /** What the first login replaces the printed password with. */
  let newPassword = '';

  /** Opens a console path and waits for its heading. */
  async function open(path: string, heading: string | RegExp): Promise<void> {
    await page.goto(`${cang.adminUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  /** No serious or critical axe-core violation on the current screen. */
  async function expectAccessible(screen: string): Promise<void> {
    visited.push(screen);
    expect(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-browser-'));
    chmodSync(dataDir, 0o700);
    provider = createServer((req, res) => {
      req.resume();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ maHo: req.url, chuHo: 'Nguyễn Văn An' }));
    });
    await new Promise<void>((done) => provider.listen(0, '127.0.0.1', done));
    providerUrl = `http://127.0.0.1:${(provider.address() as { port: number }).port}`;
    // The first login is this test's own: the console must ask for a new password.
    cang = await startCang(dataDir, {}, undefined, { firstLogin: 'leave' });
    newPassword = changedPassword(cang.adminPassword!);
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await cang?.kill();
    provider?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs in with the printed administrator password, in Vietnamese by default, and must replace it', async () => {
    expect(cang.adminPassword).toBeTruthy();
    await page.goto(`${cang.adminUrl}/`);
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await expectAccessible('login');
    // The form checks before sending.
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(page.getByText('Không được để trống').first().isVisible()).resolves.toBe(true);
    await page.locator('input[name=username]').fill('admin');
    await page.locator('input[name=password]').fill(cang.adminPassword!);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    // 1. The printed password opens nothing but the page that replaces it; the API refuses the rest.
    await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
    await expectAccessible('first password');
    await screenshot(page, 'first-password');
    const refused = await page.request.get(`${cang.adminUrl}/api/v1/organisations`);
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'password-change-required' });
    // 2. The form checks before sending: the two new passwords must match.
    await page.locator('input[name=currentPassword]').fill(cang.adminPassword!);
    await page.locator('input[name=newPassword]').fill(newPassword);
    await page.locator('input[name=confirmPassword]').fill(`${newPassword}x`);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByText('Hai mật khẩu mới không khớp').waitFor();
    await page.locator('input[name=confirmPassword]').fill(newPassword);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    // 3. Changed: the console opens, and the session no longer asks.
    await page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
    await expect(page.getByRole('navigation', { name: 'Điều hướng chính' }).textContent()).resolves.toContain(
      'Người dùng',
    );
    await expectAccessible('home');
    await screenshot(page, 'login-home');
  });

  it('registers a service and a grant, issues a token, and shows the call in the log and traffic', async () => {
    // 1. The ward registers its household system and lookup service, with an OpenAPI document.
    await open(`/organisations/${COMMUNE}`, 'Phường Lê Chân');
    await expectAccessible('organisation detail');
    const addSystem = page.locator('form[aria-labelledby=add-system-title]');
    await addSystem.locator('input[name=code]').fill('HTTT HOTICH');
    await addSystem.locator('input[name=name]').fill('Hệ thống hộ tịch phường Lê Chân');
    await addSystem.getByRole('button').click();
    // A bad code is caught before sending, next to its field.
    await expect(addSystem.locator('.field.invalid input[name=code]').count()).resolves.toBe(1);
    await addSystem.locator('input[name=code]').fill('HTTT-HOTICH');
    await addSystem.getByRole('button').click();
    await page.getByRole('link', { name: 'Hệ thống hộ tịch phường Lê Chân' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hệ thống hộ tịch phường Lê Chân' }).waitFor();
    const addService = page.locator('form[aria-labelledby=add-service-title]');
    await addService.locator('input[name=code]').fill('tra-cuu');
    await addService.locator('input[name=name]').fill('Tra cứu hộ gia đình');
    await addService.locator('input[name=baseUrl]').fill(providerUrl);
    await addService.locator('textarea[name=openapi]').fill(OPENAPI);
    await addService.getByRole('button').click();
    await page.getByRole('link', { name: 'Tra cứu hộ gia đình' }).waitFor();
    await expectAccessible('system detail');

    // 2. Its OpenAPI document reads as paths, methods and summaries.
    await page.getByRole('link', { name: 'Tra cứu hộ gia đình' }).click();
    await page.getByText('Một hộ gia đình theo mã hộ').waitFor();
    await expect(page.locator('.operations').textContent()).resolves.toContain('GET /households/{id}');
    await expectAccessible('service detail');

    // 3. Sở Tư pháp registers its client system and is issued a token, shown once.
    await open(`/organisations/${DEPARTMENT}`, 'Sở Tư pháp');
    const addClient = page.locator('form[aria-labelledby=add-system-title]');
    await addClient.locator('input[name=code]').fill('HTTT-LLTP');
    await addClient.locator('input[name=name]').fill('Hệ thống lý lịch tư pháp');
    await addClient.getByRole('button').click();
    await page.getByRole('link', { name: 'Hệ thống lý lịch tư pháp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hệ thống lý lịch tư pháp' }).waitFor();
    const issue = page.locator('form[aria-labelledby=issue-token-title]');
    await issue.locator('input[name=label]').fill('máy chủ LLTP');
    await issue.getByRole('button').click();
    const tokenBox = page.locator('#issued-token');
    await tokenBox.waitFor();
    const token = await tokenBox.inputValue();
    expect(token).toMatch(/^\S{20,}$/);
    await expect(page.getByText('Mã chỉ hiển thị một lần').isVisible()).resolves.toBe(true);
    await expectAccessible('credentials');
    await screenshot(page, 'token-issued');

    // 4. The ward grants it GET on /households/*.
    await open('/grants', 'Quyền truy cập');
    const grant = page.locator('form[aria-labelledby=create-grant-title]');
    await grant.locator('input[name=client]').fill(CLIENT_SYSTEM);
    await grant.locator('input[name=service]').fill(SERVICE);
    await grant.getByLabel('GET', { exact: true }).check();
    await grant.locator('textarea[name=pathPatterns]').fill('/households/*');
    await grant.locator('input[name=quota]').fill('600');
    await grant.getByRole('button', { name: 'Cấp quyền' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã cấp quyền' }).waitFor();
    await page.locator('tbody').getByText(CLIENT_SYSTEM).first().waitFor();
    await expectAccessible('grants');
    await screenshot(page, 'grants');

    // 5. A call goes through the exchange (once the new configuration is published).
    let transactionId = '';
    await waitUntil(async () => {
      const response = await fetch(`${cang.exchangeUrl}/r1/${SERVICE}/households/HP-305-000123`, {
        headers: { 'x-cang-client': CLIENT_SYSTEM, authorization: `Bearer ${token}` },
      });
      transactionId = response.headers.get('x-cang-id') ?? '';
      await response.arrayBuffer();
      return response.status === 200;
    }, 'the new grant is served');

    // 6. It appears in the log search, found by its transaction id.
    await open('/log', 'Nhật ký giao dịch');
    const search = page.locator('form[aria-labelledby=log-search-title]');
    await search.locator('input[name=service]').fill(SERVICE);
    await search.locator('input[name=id]').fill(transactionId);
    await search.getByRole('button', { name: 'Tìm kiếm' }).click();
    const results = page.locator('section[aria-labelledby=log-results-title] tbody');
    await results.getByText('/households/HP-305-000123').waitFor();
    await expect(results.textContent()).resolves.toContain(CLIENT_SYSTEM);

    // 7. The chain verifies from the console.
    await page.getByRole('button', { name: 'Kiểm tra chuỗi nhật ký' }).click();
    const verdict = page.getByTestId('verify-result');
    await verdict.waitFor();
    await expect(verdict.textContent()).resolves.toContain('Chuỗi nhật ký toàn vẹn');
    await expectAccessible('log');
    await screenshot(page, 'log-verified');

    // 8. And in the traffic: the service has one request, drawn in the charts.
    await open('/traffic', 'Lưu lượng');
    const row = page.locator('tbody tr').filter({ hasText: SERVICE });
    await row.waitFor();
    await expect(row.locator('td.num').first().textContent()).resolves.toBe('1');
    await page.locator('.chart canvas').first().waitFor();
    await expect(page.locator('.chart canvas').count()).resolves.toBeGreaterThanOrEqual(3);
    await expectAccessible('traffic');
    await screenshot(page, 'traffic');
  });

  it('finds an organisation by a search without diacritics', async () => {
    await open('/organisations', 'Tổ chức');
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('so tu phap');
    const rows = page.locator('tbody tr');
    await rows.filter({ hasText: 'Sở Tư pháp' }).waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await expectAccessible('organisations');
    await screenshot(page, 'search-without-diacritics');
  });

  /**
   * Opens the grants screen and waits until it has loaded everything it loads (the grants, then every
   * organisation's systems and services for the suggestions), so no request of the page is still out.
   */
  async function openGrantsSettled() {
    await open('/grants', 'Quyền truy cập');
    await page.locator('tbody').getByText(CLIENT_SYSTEM).first().waitFor();
    await page.locator(`#grant-services option[value="${SERVICE}"]`).waitFor({ state: 'attached' });
    return page.locator('form[aria-labelledby=create-grant-title]');
  }

  /** The next answer of the admin API to `method` on `path` (query aside). */
  function nextAnswer(method: string, path: string) {
    return page.waitForResponse(
      (response) => response.request().method() === method && new URL(response.url()).pathname === path,
    );
  }

  async function logInAgain(): Promise<void> {
    await page.getByText('Phiên làm việc đã hết').waitFor();
    await page.locator('input[name=username]').fill('admin');
    await page.locator('input[name=password]').fill(newPassword);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  }

  it('keeps a form’s contents when sending it finds the session gone, back from login', async () => {
    const grant = await openGrantsSettled();
    await grant.locator('input[name=client]').fill(CLIENT_SYSTEM);
    await grant.locator('input[name=service]').fill(`${COMMUNE}/HTTT-HOTICH/khong-co`);
    await browser.context.clearCookies();
    // 1. The page has nothing left to load, so the submit is what finds the session gone.
    const [refused] = await Promise.all([
      nextAnswer('POST', '/api/v1/grants'),
      grant.getByRole('button', { name: 'Cấp quyền' }).click(),
    ]);
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'unauthenticated', status: 401 });
    // 2. Back from login, the form holds what was typed.
    await logInAgain();
    await page.getByRole('heading', { level: 1, name: 'Quyền truy cập' }).waitFor();
    await expect(grant.locator('input[name=service]').inputValue()).resolves.toBe(
      `${COMMUNE}/HTTT-HOTICH/khong-co`,
    );
    await screenshot(page, 'draft-kept');
  });

  it('keeps a form’s contents when a request of the page finds the session gone first', async () => {
    const grant = await openGrantsSettled();
    await grant.locator('input[name=client]').fill(CLIENT_SYSTEM);
    await grant.locator('input[name=service]').fill(`${COMMUNE}/HTTT-HOTICH/khong-co`);
    await browser.context.clearCookies();
    // 1. Another screen's load, not a submit, finds the session gone.
    const navigation = page.getByRole('navigation', { name: 'Điều hướng chính' });
    const [refused] = await Promise.all([
      nextAnswer('GET', '/api/v1/organisations'),
      navigation.getByRole('link', { name: /^Tổ chức/ }).click(),
    ]);
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toMatchObject({ code: 'unauthenticated', status: 401 });
    await logInAgain();
    await page.getByRole('heading', { level: 1, name: 'Tổ chức' }).waitFor();
    // 2. The grant form, opened again, holds what was typed before the session was lost.
    await navigation.getByRole('link', { name: /^Quyền truy cập/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Quyền truy cập' }).waitFor();
    await expect(grant.locator('input[name=service]').inputValue()).resolves.toBe(
      `${COMMUNE}/HTTT-HOTICH/khong-co`,
    );
  });

  it('shows the API’s refusal of a grant for an unknown service by its field, and grants nothing', async () => {
    const grant = await openGrantsSettled();
    const before = (await (await page.request.get(`${cang.adminUrl}/api/v1/grants`)).json()) as {
      items: unknown[];
    };
    await grant.locator('input[name=client]').fill(CLIENT_SYSTEM);
    await grant.locator('input[name=service]').fill(`${COMMUNE}/HTTT-HOTICH/khong-co`);
    const [refused] = await Promise.all([
      nextAnswer('POST', '/api/v1/grants'),
      grant.getByRole('button', { name: 'Cấp quyền' }).click(),
    ]);
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toMatchObject({
      code: 'validation-failed',
      errors: [{ pointer: '/service', detail: `no service ${COMMUNE}/HTTT-HOTICH/khong-co` }],
    });
    // The console shows the problem's own message and puts the detail by the service field.
    await expect(grant.getByRole('alert').textContent()).resolves.toBe(
      'Dữ liệu chưa hợp lệ: xem các ô được đánh dấu.',
    );
    await expect(grant.locator('.field.invalid .field-error').textContent()).resolves.toBe(
      `no service ${COMMUNE}/HTTT-HOTICH/khong-co`,
    );
    const after = (await (await page.request.get(`${cang.adminUrl}/api/v1/grants`)).json()) as {
      items: unknown[];
    };
    expect(after.items).toEqual(before.items);
    await screenshot(page, 'grant-refused');
  });

  it('switches to English and back', async () => {
    await open('/organisations', 'Tổ chức');
    await page.getByRole('button', { name: /English/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expect(page.getByRole('navigation', { name: 'Main navigation' }).textContent()).resolves.toContain(
      'Transaction log',
    );
    // Dates stay in Vietnamese style (dd/mm/yyyy) in both languages.
    await expect(page.locator('tbody td').nth(4).textContent()).resolves.toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    await expectAccessible('organisations (English)');
    await screenshot(page, 'english');
    await page.getByRole('button', { name: /Tiếng Việt/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổ chức' }).waitFor();
  });

  it('forgets saved drafts on a deliberate logout', async () => {
    await open('/grants', 'Quyền truy cập');
    await page.locator('form[aria-labelledby=create-grant-title] input[name=client]').fill(CLIENT_SYSTEM);
    const drafts = () =>
      page.evaluate<string[]>("Object.keys(sessionStorage).filter((key) => key.startsWith('cang:draft:'))");
    await expect.poll(drafts).not.toEqual([]);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.locator('input[name=username]').waitFor();
    await expect(drafts()).resolves.toEqual([]);
  });
});

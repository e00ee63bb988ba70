import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deadlineAfter, localDateOf, workingCalendarOf } from '../../src/core/index.js';
import { type CangProcess, startCang } from '../support/cang-process.js';
import { waitUntil } from '../support/wait-until.js';
import { launchBrowser, screenshot, seriousViolations, type TestBrowser } from './support/browser.js';

const COMMUNE = 'VN-HP/GOV/11383';
const DEPARTMENT = 'VN-HP/GOV/STP';
const PROVIDER_SYSTEM = `${COMMUNE}/HTTT-HOTICH`;
const CLIENT_SYSTEM = `${DEPARTMENT}/HTTT-LLTP`;
const SERVICE = `${PROVIDER_SYSTEM}/tra-cuu`;
const ENTRY_TITLE = 'Tra cứu thông tin hộ tịch phường Lê Chân';
const PERSON = '031095001234';
/** An open dataset of another publisher; the sample catalog of a first start holds none of this name. */
const OPEN_TITLE = 'Danh sách tổ chức hành nghề luật sư';
const PASSWORD = 'mat-khau-thu-nghiem-1';
const USERS = {
  commune: { username: 'lechan-admin', displayName: 'Quản trị Phường Lê Chân', scope: COMMUNE },
  department: { username: 'stp-admin', displayName: 'Quản trị Sở Tư pháp', scope: DEPARTMENT },
  auditor: { username: 'kiem-toan', displayName: 'Kiểm toán viên' },
} as const;

/**
 * The catalog end to end, in Debian's Chromium against a real `cang start`: the ward publishes its
 * household lookup in the catalog; the department finds it by a search without diacritics, asks for
 * access for one of its systems; the ward approves, the department's call succeeds through the
 * exchange; the ward revokes and the next call is refused with `access-denied`. An auditor then sees
 * who accessed the person's data. Users, systems, the service and the token are set up through the API.
 */
describe('console: catalog and sharing requests', () => {
  let dataDir = '';
  let provider: Server;
  let providerUrl = '';
  let cang: CangProcess;
  let browser: TestBrowser;
  let page: Page;
  let adminCookie = '';
  let token = '';
  let requestPath = '';

  /** Calls the admin API as the platform administrator. */
  async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${cang.adminUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie: adminCookie,
        'x-requested-with': 'cang-console',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** Calls the household lookup through the exchange as the department's system. */
  async function callExchange(): Promise<{ status: number; error: string | null }> {
    const response = await fetch(`${cang.exchangeUrl}/r1/${SERVICE}/households/HP-305-000123`, {
      headers: {
        'x-cang-client': CLIENT_SYSTEM,
        authorization: `Bearer ${token}`,
        'x-cang-subject': PERSON,
        'x-cang-purpose': 'xac-minh-ly-lich-tu-phap',
      },
    });
    await response.arrayBuffer();
    return { status: response.status, error: response.headers.get('x-cang-error') };
  }

  /** Polls the exchange until `done` holds (it picks up a new configuration asynchronously). */
  async function pollExchange(
    done: (r: { status: number; error: string | null }) => boolean,
  ): Promise<{ status: number; error: string | null }> {
    let last = { status: 0, error: null as string | null };
    await waitUntil(async () => {
      last = await callExchange();
      return done(last);
    }, 'the exchange answers as expected');
    return last;
  }

  async function open(path: string, heading: string | RegExp): Promise<void> {
    await page.goto(`${cang.adminUrl}${path}`);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  async function expectAccessible(screen: string): Promise<void> {
    expect(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
  }

  /** Logs out whoever is in and logs in as `username`. */
  async function logInAs(username: string): Promise<void> {
    await browser.context.clearCookies();
    await page.goto(`${cang.adminUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.locator('input[name=username]').fill(username);
    await page.locator('input[name=password]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-browser-catalog-'));
    chmodSync(dataDir, 0o700);
    provider = createServer((req, res) => {
      req.resume();
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ maHo: req.url, chuHo: 'Nguyễn Văn An' }));
    });
    await new Promise<void>((done) => provider.listen(0, '127.0.0.1', done));
    providerUrl = `http://127.0.0.1:${(provider.address() as { port: number }).port}`;
    cang = await startCang(dataDir);
    const login = await fetch(`${cang.adminUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'cang-console' },
      body: JSON.stringify({ username: 'admin', password: cang.adminPassword }),
    });
    adminCookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(login.status).toBe(200);

    // Set-up where the UI is not the point: users, systems, the service, the department's token.
    for (const user of Object.values(USERS)) {
      await admin('POST', '/users', {
        username: user.username,
        displayName: user.displayName,
        password: PASSWORD,
        roles: 'scope' in user ? [{ role: 'org-admin', scope: user.scope }] : [{ role: 'auditor' }],
      });
    }
    await admin('POST', `/organisations/${COMMUNE}/systems`, {
      code: 'HTTT-HOTICH',
      name: 'Hệ thống hộ tịch phường Lê Chân',
    });
    await admin('POST', `/organisations/${COMMUNE}/systems/HTTT-HOTICH/services`, {
      code: 'tra-cuu',
      name: 'Tra cứu hộ gia đình',
      baseUrl: providerUrl,
    });
    await admin('POST', `/organisations/${DEPARTMENT}/systems`, {
      code: 'HTTT-LLTP',
      name: 'Hệ thống lý lịch tư pháp',
    });
    token = (
      await admin<{ token: string }>('POST', `/organisations/${DEPARTMENT}/systems/HTTT-LLTP/credentials`, {
        label: 'máy chủ LLTP',
      })
    ).token;
    // An open dataset of another publisher, so the facets have more than one value and open data has an entry.
    const dataset = await admin<{ id: string }>('POST', '/catalog/entries', {
      kind: 'dataset',
      publisher: 'VN-HP/GOV/STP',
      title: OPEN_TITLE,
      description: 'Các văn phòng luật sư, công ty luật đang hoạt động tại Hải Phòng.',
      focalOfficer: {
        name: 'Trần Văn Bình',
        position: 'Chuyên viên',
        phone: '0225 3842 111',
        email: 'binh.tv@haiphong.gov.vn',
      },
      themes: ['JUST'],
      keywords: ['luật sư'],
      classification: 'open',
      distributions: [{ format: 'CSV', url: 'https://opendata.haiphong.gov.vn/luat-su.csv' }],
    });
    await admin('POST', `/catalog/entries/${dataset.id}/state`, { state: 'published' });

    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await cang?.kill();
    provider?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows open data without logging in, linked from the login page', async () => {
    await page.goto(`${cang.adminUrl}/`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByRole('link', { name: /Xem dữ liệu mở/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Dữ liệu mở' }).waitFor();
    await page.getByRole('link', { name: OPEN_TITLE }).waitFor();
    // The format facet counts every open entry with a CSV distribution, the sample catalog's too.
    const csv = await fetch(`${cang.adminUrl}/api/v1/catalog/open/entries?format=CSV`);
    const { total } = (await csv.json()) as { total: number };
    expect(total).toBeGreaterThan(1);
    await expect(page.locator('fieldset[data-facet=format]').textContent()).resolves.toContain(
      `CSV (${total})`,
    );
    await expectAccessible('open data');
    await screenshot(page, 'catalog-open-data');
    await page.getByRole('link', { name: OPEN_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: OPEN_TITLE }).waitFor();
    await expect(page.getByTestId('entry-facts').textContent()).resolves.toContain('Sở Tư pháp');
    await expectAccessible('open data entry');
  });

  it('lets the ward create and publish its service entry through the form', async () => {
    await logInAs(USERS.commune.username);
    await open('/catalog/new', 'Tạo mục dữ liệu');
    const form = page.locator('form[aria-labelledby=entry-form-title]');
    await form.locator('input[name=title]').fill(ENTRY_TITLE);
    await form
      .locator('textarea[name=description]')
      .fill('Tra cứu thông tin hộ tịch, hộ gia đình theo mã hộ.');
    await form
      .locator('select[name=exchangeService] option', { hasText: SERVICE })
      .waitFor({ state: 'attached' });
    await form.locator('select[name=exchangeService]').selectOption(SERVICE);
    await form.locator('input[name=officerName]').fill('Nguyễn Thị Lan');
    await form.locator('input[name=officerPosition]').fill('Phó Chánh Văn phòng');
    await form.locator('input[name=officerPhone]').fill('12');
    await form.locator('input[name=officerEmail]').fill('lan.nt@haiphong.gov.vn');
    await form.getByLabel('Tư pháp, hệ thống pháp luật').check();
    await form.locator('input[name=keywords]').fill('hộ tịch, hộ gia đình');
    // A bad phone is caught before sending, by its fieldset.
    await form.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await form.locator('fieldset.invalid').locator('.field-error').waitFor();
    await form.locator('input[name=officerPhone]').fill('0225 3821 234');
    await expectAccessible('entry form');
    await screenshot(page, 'catalog-entry-form');
    await form.getByRole('button', { name: 'Tạo bản nháp' }).click();
    await page.getByRole('heading', { level: 1, name: ENTRY_TITLE }).waitFor();
    await page.getByRole('button', { name: 'Công bố' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã công bố mục dữ liệu' }).waitFor();
    // The page reloads the entry after the step: wait for the new state, then its history.
    await page
      .getByTestId('entry-facts')
      .locator('dd', { hasText: /^Đã công bố$/ })
      .waitFor();
    const history = page.locator('section[aria-labelledby=history-title] tbody');
    await expect(history.locator('tr').count()).resolves.toBe(2);
    await expectAccessible('entry detail');
    await screenshot(page, 'catalog-entry-detail');
  });

  it('lets the department find it without diacritics and ask for access for its system', async () => {
    await logInAs(USERS.department.username);
    await open('/catalog', 'Danh mục dữ liệu');
    // Words without diacritics that only this entry holds all of: the sample catalog has more "hộ tịch".
    await page.getByRole('searchbox', { name: 'Tìm trong danh mục' }).fill('tra cuu ho tich le chan');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const results = page.locator('ul.results');
    await results.getByRole('link', { name: ENTRY_TITLE }).waitFor();
    // The list before the search holds this entry among others: wait until only it is left.
    await expect.poll(() => results.locator('li').count()).toBe(1);
    // Checkbox facets with counts: the kind facet offers "Dịch vụ dữ liệu (1)".
    const kind = page.locator('fieldset[data-facet=kind]');
    await expect(kind.textContent()).resolves.toContain('Dịch vụ dữ liệu (1)');
    await kind.getByLabel(/Dịch vụ dữ liệu/).check();
    await results.getByRole('link', { name: ENTRY_TITLE }).waitFor();
    await expectAccessible('catalog search');
    await screenshot(page, 'catalog-search-without-diacritics');

    await results.getByRole('link', { name: ENTRY_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: ENTRY_TITLE }).waitFor();
    await page.locator('main').getByRole('link', { name: 'Yêu cầu chia sẻ', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Yêu cầu chia sẻ dữ liệu' }).waitFor();
    const form = page.locator('form[aria-labelledby=request-form-title]');
    await form
      .locator('select[name=clientSystem] option', { hasText: CLIENT_SYSTEM })
      .waitFor({ state: 'attached' });
    await form.locator('select[name=clientSystem]').selectOption(CLIENT_SYSTEM);
    await form.locator('textarea[name=purpose]').fill('Xác minh nơi cư trú khi cấp phiếu lý lịch tư pháp');
    await form.locator('textarea[name=legalBasis]').fill('Nghị định 47/2020/NĐ-CP');
    await form.locator('textarea[name=fieldsNeeded]').fill('mã hộ\nchủ hộ\nđịa chỉ');
    await form.locator('input[name=durationDays]').fill('180');
    await expectAccessible('request form');
    await screenshot(page, 'catalog-request-form');
    await form.getByRole('button', { name: 'Gửi yêu cầu' }).click();
    await page.getByRole('heading', { level: 1, name: `Yêu cầu: ${ENTRY_TITLE}` }).waitFor();
    await page.getByTestId('request-facts').getByText('Đã gửi', { exact: true }).waitFor();
    requestPath = new URL(page.url()).pathname;

    await open('/sharing-requests', 'Yêu cầu chia sẻ');
    const mine = page.locator('section[data-queue=requester] tbody');
    await mine.getByRole('link', { name: ENTRY_TITLE }).waitFor();
    // Due 2 working days after today (Decree 194/2025/NĐ-CP), shown as Hải Phòng's date.
    const { dueDate } = deadlineAfter(workingCalendarOf(), localDateOf(Date.now()), 2);
    const [year, month, day] = dueDate.split('-');
    await expect(mine.getByTestId('due-date').first().textContent()).resolves.toBe(`${day}/${month}/${year}`);
    await expectAccessible('my requests');
    await screenshot(page, 'catalog-my-requests');
  });

  it('lets the ward approve: the department’s call then succeeds through the exchange', async () => {
    await logInAs(USERS.commune.username);
    await open('/sharing-requests', 'Yêu cầu chia sẻ');
    const queue = page.locator('section[data-queue=owner] tbody');
    await queue.getByRole('link', { name: ENTRY_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: `Yêu cầu: ${ENTRY_TITLE}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(requestPath);
    // Nothing works before the approval.
    await expect(callExchange()).resolves.toMatchObject({ status: 403, error: 'access-denied' });
    const approve = page.locator('form[aria-labelledby=approve-title]');
    await expect(approve.getByTestId('approval-expiry').textContent()).resolves.toContain('180 ngày');
    await approve.locator('textarea[name=pathPatterns]').fill('/households/*');
    await approve.locator('input[name=quota]').fill('600');
    await approve.locator('textarea[name=message]').fill('Đồng ý chia sẻ trong 6 tháng.');
    await expectAccessible('request detail (owner)');
    await approve.getByRole('button', { name: 'Phê duyệt' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã phê duyệt' }).waitFor();
    await page.getByTestId('request-facts').getByText('Đã phê duyệt', { exact: true }).waitFor();
    await page.locator('ol.messages').getByText('Đồng ý chia sẻ trong 6 tháng.').waitFor();
    await expectAccessible('request approved');
    await screenshot(page, 'catalog-request-approved');

    const ok = await pollExchange((r) => r.status === 200);
    expect(ok.status).toBe(200);
  });

  it('lets the ward revoke: the next call is refused with access-denied', async () => {
    const revoke = page.locator('form[data-step=revoke]');
    await revoke.locator('textarea[name=reason]').fill('Hết nhu cầu xác minh theo đợt.');
    page.once('dialog', (dialog) => void dialog.accept());
    await revoke.getByRole('button', { name: 'Thu hồi quyền' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã thu hồi' }).waitFor();
    await page.getByTestId('request-facts').getByText('Đã thu hồi', { exact: true }).waitFor();
    await expectAccessible('request revoked');
    await screenshot(page, 'catalog-request-revoked');

    const refused = await pollExchange((r) => r.status === 403);
    expect(refused).toEqual({ status: 403, error: 'access-denied' });
  });

  it('lets the district refuse a request only with a written reason and its legal basis', async () => {
    const first = await admin<{ entry: string }>('GET', `/catalog${requestPath}`);
    const second = await admin<{ id: string }>('POST', '/catalog/sharing-requests', {
      entry: first.entry,
      requester: DEPARTMENT,
      clientSystem: CLIENT_SYSTEM,
      purpose: 'Đối chiếu thông tin hộ khẩu',
      legalBasis: 'Nghị định 47/2020/NĐ-CP',
      fieldsNeeded: ['mã hộ'],
      durationDays: 30,
      submit: true,
    });
    await open(`/sharing-requests/${second.id}`, `Yêu cầu: ${ENTRY_TITLE}`);
    const refuse = page.locator('form[data-step=refuse]');
    await refuse.locator('textarea[name=reason]').fill('Dữ liệu hộ khẩu không còn được cập nhật.');
    await refuse.getByRole('button', { name: 'Từ chối' }).click();
    // The legal basis is required: the dialog names the field and sends nothing.
    await refuse.locator('.field.invalid textarea[name=legalBasis]').waitFor();
    await expectAccessible('refusal without legal basis');
    await refuse.locator('textarea[name=legalBasis]').fill('Luật Cư trú 2020, Điều 38');
    page.once('dialog', (dialog) => void dialog.accept());
    await refuse.getByRole('button', { name: 'Từ chối' }).click();
    const facts = page.getByTestId('request-facts');
    await facts.getByText('Bị từ chối', { exact: true }).waitFor();
    await facts.getByText('Luật Cư trú 2020, Điều 38').waitFor();
    await screenshot(page, 'catalog-request-refused');
  });

  it('shows an auditor who accessed the person’s data, when and why, and exports it', async () => {
    await logInAs(USERS.auditor.username);
    await open('/subject-access', 'Truy cập dữ liệu cá nhân');
    const form = page.locator('form[aria-labelledby=subject-form-title]');
    await form.getByRole('button', { name: 'Tra cứu' }).click();
    await expect(form.locator('.field.invalid input[name=personId]').count()).resolves.toBe(1);
    // Every lookup names who asked for it and its legal basis.
    await expect(form.locator('.field.invalid input[name=legalBasis]').count()).resolves.toBe(1);
    await form.locator('input[name=personId]').fill(PERSON);
    await form.locator('input[name=requester]').fill('Chủ thể dữ liệu, đơn đề nghị ngày 01/12/2026');
    await form.locator('input[name=legalBasis]').fill('Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15');
    await form.getByRole('button', { name: 'Tra cứu' }).click();
    const rows = page.locator('section[aria-labelledby=subject-results-title] tbody tr');
    await rows.filter({ hasText: 'xac-minh-ly-lich-tu-phap' }).first().waitFor();
    await expect(rows.first().textContent()).resolves.toContain(CLIENT_SYSTEM);
    // Accesses made today cite the law in force today: Law 91/2025/QH15 from 1/1/2026.
    await expect(rows.first().textContent()).resolves.toContain('91/2025/QH15');
    await expect(page.getByTestId('subject-basis').textContent()).resolves.toContain(
      'Chủ thể dữ liệu, đơn đề nghị ngày 01/12/2026',
    );
    // Accesses before the approval and after the revocation show as refused.
    await expect(
      page.locator('section[aria-labelledby=subject-results-title] tbody').textContent(),
    ).resolves.toContain('Bị từ chối');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Xuất CSV/ }).click(),
    ]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(CLIENT_SYSTEM);
    expect(csv).toContain('Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15');
    expect(csv).not.toContain(PERSON);
    await expectAccessible('subject access');
    await screenshot(page, 'catalog-subject-access');
  });
});

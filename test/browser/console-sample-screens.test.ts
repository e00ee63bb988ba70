import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PURPOSE } from '../../src/core/sample-purpose.js';
import { NGO_QUYEN_ONE_STOP } from '../../src/sample/sample-clients.js';
import { SAMPLE_PEOPLE } from '../../src/sample/sample-records.js';
import { type CangProcess, startCang } from '../support/cang-process.js';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { consoleActions } from './support/console-actions.js';

/** Rows of a table that hold data (a DataTable's empty or no-match row is a single `td.empty`). */
const DATA_ROWS = 'tbody tr:not(:has(td.empty))';
/** A chart that ECharts has drawn. */
const DRAWN_CHART = '.chart canvas';
/** Catalog search results and steering cards. */
const LIST_ITEMS = 'ul.results > li, ul.cards > li';
/** The first batch of sample calls; later calls only add to it. */
const FIRST_BATCH_CALLS = 17;

/**
 * What `npm ci && npm start` shows on a fresh clone: `cang start` with its default sample settings on a
 * fresh data directory, in Debian's Chromium. Every screen of the console navigation opens with sample
 * content (its heading, rows or a drawn chart, and no empty state), except federation, which a single
 * instance cannot fill and which teaches its first step instead.
 */
describe('console: every screen shows sample content after a fresh first start', () => {
  let dataDir = '';
  let cang: CangProcess;
  let browser: TestBrowser;
  let page: Page;
  const { open, expectAccessible, logInAs } = consoleActions(
    () => browser,
    () => cang.adminUrl,
  );

  /** Waits for at least one data row or drawn chart within `scope`, then checks it shows no empty state. */
  async function expectFilled(name: string, scope: Locator = page.locator('main')): Promise<void> {
    await scope.locator(`${DATA_ROWS}, ${DRAWN_CHART}, ${LIST_ITEMS}`).first().waitFor();
    await screenshot(page, `sample-${name}`);
    const empty = await scope.getByTestId('empty-state').allTextContents();
    expect(empty, `empty states on ${name}`).toEqual([]);
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-sample-screens-'));
    chmodSync(dataDir, 0o700);
    // As `npm start` runs it: sample data of every part, the sample exchange and its first batch of calls.
    cang = await startCang(dataDir);
    browser = await launchBrowser();
    page = browser.page;
    await logInAs('admin', cang.adminPassword!);
  });

  afterAll(async () => {
    await browser?.close();
    await cang?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says on every screen that the data is sample, and how to remove it', async () => {
    const notice = page.getByTestId('sample-notice');
    await expect(notice.locator('code').textContent()).resolves.toBe('npx cang sample remove');
    await open('/organisations', 'Tổ chức');
    await expect(notice.isVisible()).resolves.toBe(true);
    await screenshot(page, 'sample-notice');
  });

  it('fills the registry: organisations, systems, a system’s credentials, services with OpenAPI, grants, users, audit', async () => {
    await open('/organisations', 'Tổ chức');
    await expectFilled('organisations');
    await open('/systems', 'Hệ thống');
    await expectFilled('systems');
    await open(`/systems/${NGO_QUYEN_ONE_STOP}`, /./);
    await expectFilled('system-credentials', page.locator('section[aria-labelledby=credentials-title]'));
    await expectAccessible('system with credentials, sample');
    await open('/services', 'Dịch vụ');
    await expectFilled('services');
    // A sample service's page shows its OpenAPI document's operations.
    await page.locator(`main ${DATA_ROWS} a[href^="/services/"]`).first().click();
    await page.locator('main .openapi').waitFor();
    await expect(page.locator('main .openapi').textContent()).resolves.not.toBe('');
    await screenshot(page, 'sample-service-openapi');
    await expectAccessible('service with OpenAPI, sample');
    await open('/grants', 'Quyền truy cập');
    await expectFilled('grants');
    await open('/users', 'Người dùng');
    await expectFilled('users');
    await open('/audit', 'Nhật ký thao tác');
    await expectFilled('audit');
  });

  it('fills traffic with drawn charts, and the log with the sample calls, which verify', async () => {
    await open('/log', 'Nhật ký giao dịch');
    const form = page.locator('form[aria-labelledby=log-search-title]');
    // The first batch may still be running when the console first opens: search until it is all there.
    const rows = page.locator(`main ${DATA_ROWS}`);
    await expect
      .poll(
        async () => {
          await form.getByRole('button', { name: 'Tìm kiếm' }).click();
          await rows.first().waitFor();
          return rows.count();
        },
        { timeout: 30_000 },
      )
      .toBeGreaterThanOrEqual(FIRST_BATCH_CALLS);
    await expect(page.locator('main').getByText(SAMPLE_PURPOSE).first().isVisible()).resolves.toBe(true);
    await expectFilled('log');
    await expectAccessible('log, sample');
    await page.getByRole('button', { name: 'Kiểm tra' }).click();
    await expect(page.getByTestId('verify-result').getAttribute('class')).resolves.toContain('success');
    await open('/traffic', 'Lưu lượng');
    await expectFilled('traffic');
    await expect(page.locator(`main ${DRAWN_CHART}`).count()).resolves.toBeGreaterThan(0);
    await expectAccessible('traffic, sample');
  });

  it('teaches federation, which a single instance cannot fill', async () => {
    // Federation needs a second Cảng instance to trust; the sample data of one instance has none.
    await open('/federation', 'Liên thông');
    await page.getByTestId('empty-state').filter({ hasText: 'Chưa tin cậy đối tác nào.' }).waitFor();
    await screenshot(page, 'sample-federation');
  });

  it('fills the catalog: search results, an entry, sharing queues in several states, subject access', async () => {
    await open('/catalog', 'Danh mục dữ liệu');
    await expectFilled('catalog');
    await page.locator('input[name=q]').fill('ho tich');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const result = page.locator('main a[href^="/catalog/entries/"]').filter({ hasText: /hộ tịch/i });
    await result.first().waitFor();
    await screenshot(page, 'sample-catalog-search');
    await result.first().click();
    await page
      .locator('main h1')
      .filter({ hasText: /hộ tịch/i })
      .waitFor();
    await screenshot(page, 'sample-catalog-entry');
    await expectAccessible('catalog entry, sample');
    await open('/sharing-requests', 'Yêu cầu chia sẻ');
    await expectFilled('sharing-requests');
    const states = await page.locator(`main ${DATA_ROWS} .badge`).allTextContents();
    expect(new Set(states).size, `states: ${states.join(', ')}`).toBeGreaterThan(2);
    await expectAccessible('sharing requests, sample');
    await open('/subject-access', 'Truy cập dữ liệu cá nhân');
    await page.locator('input[name=personId]').fill(SAMPLE_PEOPLE.nguyenVanAn);
    await page.locator('input[name=requester]').fill('Nguyễn Văn An');
    await page.locator('input[name=legalBasis]').fill('Điều 14 Nghị định 13/2023/NĐ-CP');
    await page.getByRole('button', { name: 'Tra cứu' }).click();
    await expectFilled('subject-access');
    await expectAccessible('subject access, sample');
  });

  it('fills the steering workspace: overview, programs, a task, indicators, committees, documents, DTI', async () => {
    await open('/steering', /./);
    // The city's scores load once the overview knows the latest year with values.
    await page
      .locator('section[aria-labelledby=city-title]')
      .getByText('Chỉ số tổng hợp của thành phố')
      .waitFor();
    await expectFilled('steering-overview');
    await expect(page.locator(`main ${DRAWN_CHART}`).count()).resolves.toBeGreaterThan(0);
    await open('/steering/programs', /./);
    await expectFilled('steering-programs');
    // A program's tree of tasks, then one task with its reports.
    await page.locator('main a[href^="/steering/programs/"]').first().click();
    await expectFilled('steering-program');
    await page.locator('main a[href^="/steering/tasks/"]').first().click();
    await page.locator('main h1').waitFor();
    await expectFilled('steering-task');
    await open('/steering/indicators', /./);
    await expectFilled('steering-indicators');
    await page.locator('main a[href^="/steering/indicators/"]').first().click();
    await page.locator(`main ${DRAWN_CHART}`).first().waitFor();
    await screenshot(page, 'sample-steering-indicator');
    await open('/steering/committees', /./);
    await expectFilled('steering-committees');
    await open('/steering/documents', /./);
    await expectFilled('steering-documents');
    await open('/steering/dti', /./);
    await expectFilled('steering-dti');
    await expect(page.locator(`main ${DRAWN_CHART}`).count()).resolves.toBeGreaterThan(0);
    // The reports tab: the units' submitted reports waiting for review.
    await open('/steering-report', 'Báo cáo của các đơn vị');
    await expectFilled('steering-reports', page.locator('section[aria-labelledby=queue-title]'));
    await expectAccessible('steering reports, sample');
  });
});

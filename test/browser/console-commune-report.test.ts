import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CangProcess, startCang } from '../support/cang-process.js';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { consoleActions } from './support/console-actions.js';

// A sample commune reporter of the merged city: Phường Lê Chân (11383) has no report of 2026-Q4 in the
// sample, so the one this scenario writes is the first.
const REPORTER = 'baocao.11383';
const COMMUNE_NAME = 'Phường Lê Chân';
const OTHER_COMMUNE = '11311';
const PERIOD = '2026-Q4';
const GIVEN_PASSWORD = 'mat-khau-quan-tri-dat-2026';
const OWN_PASSWORD = 'mat-khau-rieng-cua-phuong-le-chan';
const LEADER = 'lanhdao.tp';
const LEADER_PASSWORD = 'mat-khau-lanh-dao-2026';

/**
 * A commune reporter of the merged city end to end, in Chromium against a real `cang start` with its
 * sample data: the administrator gives the sample reporter of Phường Lê Chân a password, the reporter
 * must choose their own at the first login, writes and submits the commune's 2026-Q4 report, cannot open
 * another commune's form, and the leader sees the report at the commune level of the overview.
 */
describe('console: a commune reporter submits a 2026 report', () => {
  let dataDir = '';
  let cang: CangProcess;
  let browser: TestBrowser;
  let page: Page;
  const { open, expectAccessible, submitLogin, logInAs } = consoleActions(
    () => browser,
    () => cang.adminUrl,
  );

  /** The row of the commune in the leader's report status of the period, at the commune level. */
  async function communeReportState(): Promise<string> {
    await open(`/steering?level=commune&period=${PERIOD}`, 'Ban Chỉ đạo chuyển đổi số');
    const reports = page.locator('section[aria-labelledby=report-status-title]');
    await expect(reports.locator('h2').textContent()).resolves.toContain(PERIOD);
    // The 114 communes fill pages: the table's search, which ignores diacritics, finds the one.
    await reports.getByRole('searchbox').fill('le chan');
    const row = reports.locator('tbody tr').filter({ hasText: COMMUNE_NAME });
    await row.waitFor();
    return (await row.textContent()) ?? '';
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-commune-report-'));
    chmodSync(dataDir, 0o700);
    // The steering sample is what this scenario needs; the sample exchange would only slow the start.
    cang = await startCang(dataDir, { CANG_SAMPLE_EXCHANGE: 'false' });
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await cang?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets the administrator give the sample commune reporter a password, and create a leader', async () => {
    await logInAs('admin', cang.adminPassword!);
    await open('/users', 'Người dùng');
    const row = page.locator('tbody tr').filter({ hasText: REPORTER });
    // A sample account, marked as such, that nobody can log into until it is given a password.
    await expect(row.textContent()).resolves.toContain('Mẫu');
    await row.getByRole('button', { name: `Đặt lại mật khẩu ${REPORTER}` }).click();
    const reset = page.locator('form[aria-labelledby=reset-password-title]');
    await reset.getByRole('heading', { name: `Đặt mật khẩu mới cho ${REPORTER}` }).waitFor();
    // Too short a password is caught by its field before anything is sent.
    await reset.locator('input[name=newPassword]').fill('ngan');
    await reset.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await reset.getByText('Mật khẩu cần ít nhất 12 ký tự').waitFor();
    await reset.locator('input[name=newPassword]').fill(GIVEN_PASSWORD);
    await reset.getByRole('button', { name: 'Đặt mật khẩu' }).click();
    await reset
      .getByRole('status')
      .filter({ hasText: `Đã đặt mật khẩu mới cho ${REPORTER}` })
      .waitFor();
    await expectAccessible('password reset');
    await screenshot(page, 'commune-reporter-password-reset');

    const create = page.locator('form[aria-labelledby=create-user-title]');
    await create.locator('input[name=username]').fill(LEADER);
    await create.locator('input[name=displayName]').fill('Lãnh đạo thành phố');
    await create.locator('input[name=password]').fill(LEADER_PASSWORD);
    await create.locator('select[name=role]').selectOption('leader');
    await create.getByRole('button', { name: 'Tạo' }).click();
    await page.getByRole('cell', { name: LEADER, exact: true }).waitFor();
  });

  it('shows the leader that the commune has not yet reported for the period', async () => {
    await logInAs(LEADER, LEADER_PASSWORD);
    expect(await communeReportState()).not.toContain('Đã gửi');
  });

  it('makes the reporter choose their own password at the first login', async () => {
    await submitLogin(REPORTER, GIVEN_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
    await page.locator('input[name=currentPassword]').fill(GIVEN_PASSWORD);
    await page.locator('input[name=newPassword]').fill(OWN_PASSWORD);
    await page.locator('input[name=confirmPassword]').fill(OWN_PASSWORD);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
    // The given password no longer opens the account; the reporter's own does.
    await submitLogin(REPORTER, GIVEN_PASSWORD);
    await page.getByRole('alert').waitFor();
    await logInAs(REPORTER, OWN_PASSWORD);
  });

  it('lets the reporter write and submit the commune’s 2026-Q4 report, and only their commune’s', async () => {
    await open(`/steering-report?period=${PERIOD}`, `Báo cáo của ${COMMUNE_NAME}`);
    await expect(page.locator('select[name=period]').inputValue()).resolves.toBe(PERIOD);
    await page
      .locator('textarea[name=narrative]')
      .fill('Phường đã kiện toàn Ban Chỉ đạo, ban hành kế hoạch và kết nối thử hệ thống một cửa qua Cảng.');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByTestId('report-status').filter({ hasText: 'Nháp' }).waitFor();
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByTestId('report-status').filter({ hasText: 'Đã gửi' }).waitFor();
    await expectAccessible('commune report');
    await screenshot(page, 'commune-report-submitted');

    await open(`/steering-report/${OTHER_COMMUNE}?period=${PERIOD}`, 'Không có quyền truy cập');
    await expect(page.locator('form').count()).resolves.toBe(0);
  });

  it('shows the leader the submitted report at the commune level', async () => {
    await logInAs(LEADER, LEADER_PASSWORD);
    expect(await communeReportState()).toContain('Đã gửi');
    await expectAccessible('overview at the commune level');
    await screenshot(page, 'commune-report-overview');
  });
});

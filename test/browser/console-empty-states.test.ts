import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CangProcess, changedPassword, startCang } from '../support/cang-process.js';
import { consoleActions } from './support/console-actions.js';
import { launchBrowser, type TestBrowser } from './support/browser.js';

const AUDITOR = 'kiem-toan';
const AUDITOR_PASSWORD = 'Kiểm toán viên 2026!';

/** The first step an empty list must offer: a link or button by its name, and/or a command to copy. */
interface FirstStep {
  readonly button?: string;
  readonly command?: string;
}

/**
 * Every list of the console on a production-like install (no sample data, fresh data directory), in Debian's
 * Chromium against a real `cang start`: each says what it would hold and offers the first step the signed-in
 * administrator may take, and those the reference data fills show it; a filter that matches nothing says so
 * and clears; an auditor, who may not create what is missing, is told who may instead.
 */
describe('console: empty states on a fresh install', () => {
  let dataDir = '';
  let cang: CangProcess;
  let browser: TestBrowser;
  let page: Page;
  const { expectAccessible, submitLogin } = consoleActions(
    () => browser,
    () => cang.adminUrl,
  );

  async function open(path: string): Promise<void> {
    await page.goto(`${cang.adminUrl}${path}`);
    await page.locator('main h1').waitFor();
  }

  /** The empty state within `scope` (the page unless given), checked for its text and first step. */
  async function expectEmpty(what: string, step: FirstStep, scope?: Locator): Promise<Locator> {
    const empty = (scope ?? page.locator('main')).getByTestId('empty-state').filter({ hasText: what });
    await empty.waitFor();
    if (step.button !== undefined) {
      await expect(
        empty
          .getByRole('link', { name: step.button })
          .or(empty.getByRole('button', { name: step.button }))
          .count(),
      ).resolves.toBe(1);
    }
    if (step.command !== undefined) {
      await expect(empty.locator('code').textContent()).resolves.toContain(step.command);
      await expect(empty.getByRole('button', { name: 'Chép lệnh' }).count()).resolves.toBe(1);
    }
    return empty;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-empty-states-'));
    chmodSync(dataDir, 0o700);
    // A production install: no sample data at all; the first login is this test's own.
    cang = await startCang(dataDir, { CANG_SEED_SAMPLE: 'false' }, undefined, { firstLogin: 'leave' });
    browser = await launchBrowser();
    page = browser.page;
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: cang.adminUrl });
  });

  afterAll(async () => {
    await browser?.close();
    await cang?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs the administrator in and has them replace the printed password first', async () => {
    const password = changedPassword(cang.adminPassword!);
    await submitLogin('admin', cang.adminPassword!);
    await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu' }).waitFor();
    await page.locator('input[name=currentPassword]').fill(cang.adminPassword!);
    await page.locator('input[name=newPassword]').fill(password);
    await page.locator('input[name=confirmPassword]').fill(password);
    await page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
  });

  it('teaches the registry lists, and copies the command that makes the first organisation', async () => {
    await open('/organisations');
    const organisations = await expectEmpty('Tổ chức là cơ quan', { command: 'npx cang org create' });
    await organisations.getByRole('button', { name: 'Chép lệnh' }).click();
    await organisations.getByText('Đã chép').waitFor();
    // Evaluated as the page's own script: the test's types know no DOM.
    const copied = await page.evaluate('navigator.clipboard.readText()');
    expect(copied).toBe(await organisations.locator('code').textContent());
    await expectAccessible('organisations, empty');
    await open('/systems');
    await expectEmpty('Hệ thống thông tin của một tổ chức', {
      button: 'Chọn tổ chức để thêm hệ thống',
      command: 'npx cang system create',
    });
    await open('/services');
    await expectEmpty('Dịch vụ là API', { button: 'Chọn hệ thống để thêm dịch vụ' });
    await open('/grants');
    await expectEmpty('Quyền truy cập cho phép', {
      button: 'Cấp quyền truy cập',
      command: 'npx cang grant create',
    });
  });

  it('teaches traffic and the transaction log, and tells a search that matches nothing from no calls yet', async () => {
    await open('/traffic');
    await expectEmpty('Lưu lượng cho biết', { button: 'Cấp quyền truy cập', command: 'curl' });
    await expectAccessible('traffic, empty');
    await open('/log');
    const form = page.locator('form[aria-labelledby=log-search-title]');
    await form.getByRole('button', { name: 'Tìm kiếm' }).click();
    await expectEmpty('Nhật ký giao dịch ghi lại mọi lời gọi', {
      button: 'Cấp quyền truy cập',
      command: '/r1/',
    });
    await expectAccessible('log, empty');
    // A filter set: the same empty answer is no match, which clears the filter and searches again.
    await form.locator('input[name=status]').fill('503');
    await form.getByRole('button', { name: 'Tìm kiếm' }).click();
    const noMatch = page.getByTestId('no-match');
    await noMatch.getByText('Không có mục nào khớp bộ lọc.').waitFor();
    await noMatch.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await expectEmpty('Nhật ký giao dịch ghi lại mọi lời gọi', { command: '/r1/' });
    await expect(form.locator('input[name=status]').inputValue()).resolves.toBe('');
  });

  it('teaches federation, and moves to the form that trusts the first partner', async () => {
    await open('/federation');
    const empty = await expectEmpty('Chưa tin cậy đối tác nào.', {
      button: 'Thêm đối tác tin cậy',
      command: 'npx cang federation add',
    });
    await expectAccessible('federation, empty');
    await empty.getByRole('button', { name: 'Thêm đối tác tin cậy' }).click();
    await expect(page.locator('form[aria-labelledby=add-partner-title] :focus').count()).resolves.toBe(1);
  });

  it('teaches the catalog and its sharing queues, and tells a search that matches nothing apart', async () => {
    await open('/catalog');
    await expectEmpty('Danh mục dữ liệu dùng chung', { button: 'Tạo mục mới' });
    await expectAccessible('catalog, empty');
    await page.locator('input[name=q]').fill('không có gì');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    const noMatch = page.getByTestId('no-match');
    await noMatch.waitFor();
    await noMatch.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await expectEmpty('Danh mục dữ liệu dùng chung', { button: 'Tạo mục mới' });
    await open('/sharing-requests');
    await expectEmpty('Yêu cầu chia sẻ gửi đến tổ chức của bạn', { button: 'Tạo mục mới' });
    await expectEmpty('Yêu cầu chia sẻ bạn gửi', { button: 'Tìm trong danh mục' });
  });

  it('teaches every steering list, with the admin API call that creates the first item', async () => {
    await open('/steering');
    await expectEmpty('Chương trình hành động', {
      button: 'Xem tài liệu API',
      command: '/api/v1/steering/programs',
    });
    await expectAccessible('steering overview, empty');
    const lists: [string, string, string][] = [
      ['/steering/programs', 'Chương trình hành động', '/api/v1/steering/programs'],
      ['/steering/indicators', 'Chỉ tiêu chuyển đổi số', '/api/v1/steering/indicators'],
      ['/steering/dti', 'Đợt tự đánh giá', '/api/v1/steering/dti/campaigns'],
      ['/steering/committees', 'Ban Chỉ đạo chuyển đổi số của mỗi đơn vị', '/api/v1/steering/committees'],
      ['/steering/documents', 'Văn bản chỉ đạo', '/api/v1/steering/documents'],
    ];
    for (const [path, what, command] of lists) {
      await open(path);
      const empty = await expectEmpty(what, { button: 'Xem tài liệu API', command });
      // Where the command's API token comes from.
      await expect(empty.textContent()).resolves.toContain('POST /api/v1/users/me/tokens');
      await expect(empty.getByRole('link', { name: 'Xem tài liệu API' }).getAttribute('href')).resolves.toBe(
        '/api/docs',
      );
    }
    await expectAccessible('steering documents, empty');
  });

  it('shows the reference data every install holds: the units that owe a committee, the published DTI', async () => {
    await open('/steering');
    const noCommittee = page.locator('section[aria-labelledby=no-committee-title]');
    await noCommittee.getByText('Phường Lê Chân', { exact: true }).waitFor();
    await expect(noCommittee.getByText('Sở Tư pháp', { exact: true }).count()).resolves.toBe(1);
    await expect(noCommittee.getByText('Không có đơn vị nào thiếu Ban Chỉ đạo.').count()).resolves.toBe(0);
    await open('/steering/dti');
    const trend = page.locator('section[aria-labelledby=dti-trend]');
    await trend.getByRole('cell', { name: '2024', exact: true }).waitFor();
    const years = await trend.locator('tbody tr td:first-child').allTextContents();
    expect(years).toEqual(['2020', '2021', '2022', '2023', '2024']);
    // The data's own mark: 2021's figures were not read again in a source.
    await expect(
      trend.getByRole('row').filter({ hasText: '2021' }).getByText('Chưa đối chiếu').count(),
    ).resolves.toBe(1);
    await expect(trend.getByTestId('empty-state').count()).resolves.toBe(0);
    await expectAccessible('steering DTI, reference data only');
  });

  it('says when a table search matches nothing, and clears it', async () => {
    await open('/users');
    await page.getByRole('cell', { name: 'admin', exact: true }).waitFor();
    await page.getByRole('searchbox').fill('khong ai co ten nay');
    const cell = page.locator('td.empty');
    await cell.getByText('Không có mục nào khớp bộ lọc.').waitFor();
    await cell.getByRole('button', { name: 'Xóa bộ lọc' }).click();
    await page.getByRole('cell', { name: 'admin', exact: true }).waitFor();
    await expect(page.getByRole('searchbox').inputValue()).resolves.toBe('');
  });

  it('tells an auditor, who may not take the first step, who may', async () => {
    const created = await page.evaluate(
      async ({ username, password }) =>
        (
          await fetch('/api/v1/users', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-requested-with': 'cang-console' },
            body: JSON.stringify({
              username,
              displayName: 'Kiểm toán viên',
              password,
              roles: [{ role: 'auditor' }],
            }),
          })
        ).status,
      { username: AUDITOR, password: AUDITOR_PASSWORD },
    );
    expect(created).toBe(201);
    await submitLogin(AUDITOR, AUDITOR_PASSWORD);
    await page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
    await open('/log');
    await page
      .locator('form[aria-labelledby=log-search-title]')
      .getByRole('button', { name: 'Tìm kiếm' })
      .click();
    const empty = page.getByTestId('empty-state');
    await empty.getByText('Nhật ký giao dịch ghi lại mọi lời gọi').waitFor();
    await expect(empty.getByTestId('empty-who').textContent()).resolves.toBe(
      'Bước đầu tiên do quản trị viên nền tảng hoặc quản trị viên của tổ chức thực hiện.',
    );
    await expect(empty.locator('code, a, button').count()).resolves.toBe(0);
    await expectAccessible('log, empty, auditor');
  });
});

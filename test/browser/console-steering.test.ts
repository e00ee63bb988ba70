import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CangProcess, startCang } from '../support/cang-process.js';
import { launchBrowser, screenshot, type TestBrowser } from './support/browser.js';
import { consoleActions } from './support/console-actions.js';

// The reporting unit is a department, Sở Khoa học và Công nghệ: the sample districts (Q-LECHAN …) ended
// on 2025-06-30, so none of them exists in the current quarter, the period a report is written for.
const UNIT = 'SKHCN';
const UNIT_NAME = 'Sở Khoa học và Công nghệ';
const OTHER_UNIT = 'STP';
const ENDED_DISTRICT = 'Q-LECHAN';
const PASSWORD = 'mat-khau-du-dai-2026';
const TASK_CODE = 'NV-04.05';
const TASK_TITLE = 'Kết nối cơ sở dữ liệu khoa học và công nghệ với nền tảng chia sẻ dữ liệu';
// The smallest file the attachment check takes for a PDF: it sniffs the %PDF- signature.
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The steering workspace end to end, in Chromium against a real `cang start`: the secretariat assigns a
 * task to a department, the department's reporter reports progress with evidence, the secretariat
 * returns it once and then accepts it, and the task, the program tree and the leader's overview show
 * the new progress. A reporter of one unit cannot open another unit's report form.
 */
describe('console: steering', () => {
  let dataDir = '';
  let cang: CangProcess;
  let browser: TestBrowser;
  let page: Page;
  let evidenceFile = '';
  let taskPath = '';
  let period = '';
  const { open, expectAccessible, logInAs, callApi } = consoleActions(
    () => browser,
    () => cang.adminUrl,
  );

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-steering-'));
    chmodSync(dataDir, 0o700);
    evidenceFile = join(dataDir, 'bien-ban-nghiem-thu.pdf');
    writeFileSync(evidenceFile, PDF);
    cang = await startCang(dataDir);
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await cang?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets the administrator create a secretariat, a unit reporter and a leader', async () => {
    await logInAs('admin', cang.adminPassword!);
    await open('/users', 'Người dùng');
    const form = page.locator('form[aria-labelledby=create-user-title]');
    const users = [
      { username: 'thuky.bcd', name: 'Thư ký Ban Chỉ đạo', role: 'steering-secretariat' },
      { username: 'baocao.skhcn', name: 'Cán bộ báo cáo SKHCN', role: 'unit-reporter', scope: UNIT },
      { username: 'lanhdao.tp', name: 'Lãnh đạo thành phố', role: 'leader' },
    ];
    for (const user of users) {
      await form.locator('input[name=username]').fill(user.username);
      await form.locator('input[name=displayName]').fill(user.name);
      await form.locator('input[name=password]').fill(PASSWORD);
      await form.locator('select[name=role]').selectOption(user.role);
      if (user.scope) await form.locator('input[name=scope]').fill(user.scope);
      await form.getByRole('button', { name: 'Tạo' }).click();
      await page.getByRole('cell', { name: user.username, exact: true }).waitFor();
    }
  });

  it('lets the secretariat assign a task to an active unit, checking the deadline before sending', async () => {
    await logInAs('thuky.bcd', PASSWORD);
    await open('/steering/programs', 'Chương trình');
    await page.getByRole('link', { name: 'CT-284' }).click();
    await page.getByRole('heading', { level: 1, name: /CT-284/ }).waitFor();
    const form = page.locator('form[aria-labelledby=create-task-title]');
    const today = await form.locator('input[name=startDate]').inputValue();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    period = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;

    // 1. The lead-unit picker offers only units that exist on the start date.
    const lead = form.locator('input[name=leadUnitId]');
    const leadOption = (unit: string) => form.locator(`[role=option][data-unit="${unit}"]`);
    await leadOption(UNIT).waitFor({ state: 'attached' });
    await expect(leadOption(ENDED_DISTRICT).count()).resolves.toBe(0);

    // 2. A deadline before the start is caught next to its field, before anything is sent.
    await form.locator('select[name=groupId]').selectOption({ label: '04. Phát triển dữ liệu số' });
    await form.locator('input[name=code]').fill(TASK_CODE);
    await form.locator('input[name=title]').fill(TASK_TITLE);
    await form.locator('textarea[name=expectedOutput]').fill('Cơ sở dữ liệu KH&CN kết nối qua Cảng');
    await form.locator('input[name=deadline]').fill(addDays(today, -1));
    // The picker filters as one types, by code too; a click on the match chooses it.
    await lead.fill(UNIT);
    await leadOption(UNIT).click();
    await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await form.getByText('Thời hạn không được trước ngày bắt đầu').waitFor();
    await expect(form.locator('input[name=deadline]').getAttribute('aria-invalid')).resolves.toBe('true');

    // 3. With a good deadline the task is created and appears in the tree at 0 %.
    await form.locator('input[name=deadline]').fill(addDays(today, 90));
    await form.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
    await form
      .getByRole('status')
      .filter({ hasText: `Đã giao nhiệm vụ ${TASK_CODE}` })
      .waitFor();
    const row = page.locator(`tr[data-task="${TASK_CODE}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain(UNIT_NAME);
    await expect(row.textContent()).resolves.toContain('0%');

    // 4. The secretariat starts it: status and progress, recorded in the task's history.
    await row.getByRole('link', { name: TASK_CODE }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(TASK_CODE) }).waitFor();
    taskPath = new URL(page.url()).pathname;
    const edit = page.locator('form[aria-labelledby=edit-task-title]');
    await edit.locator('select[name=status]').selectOption('in-progress');
    await edit.locator('input[name=progress]').fill('10');
    await edit.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await edit.getByRole('status').waitFor();
    await page.getByTestId('task-progress').filter({ hasText: '10%' }).waitFor();
    await page.locator('tbody').getByText('Cập nhật', { exact: true }).waitFor();
  });

  it('lets the unit reporter fill progress with evidence, save a draft and submit', async () => {
    await logInAs('baocao.skhcn', PASSWORD);
    await open('/steering-report', `Báo cáo của ${UNIT_NAME}`);
    await expect(page.locator('select[name=period]').inputValue()).resolves.toBe(period);
    const item = page.locator(`fieldset[data-task="${TASK_CODE}"]`);
    await item.waitFor();

    // 1. A progress over 100 is refused before sending.
    await item.locator(`input[name="progress-${TASK_CODE}"]`).fill('140');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await item.getByText('Số nguyên từ 0 đến 100').waitFor();

    // 2. Progress, narrative and a PDF of evidence (uploaded as base64 JSON), saved as a draft.
    await page.locator('textarea[name=narrative]').fill('Hoàn thành khảo sát, đang kết nối thử nghiệm.');
    await item.locator(`input[name="progress-${TASK_CODE}"]`).fill('40');
    await item
      .locator(`textarea[name="narrative-${TASK_CODE}"]`)
      .fill('Đã kết nối thử nghiệm 3 bảng dữ liệu.');
    await item.locator(`input[name="evidence-${TASK_CODE}"]`).setInputFiles(evidenceFile);
    await item.getByRole('link', { name: 'bien-ban-nghiem-thu.pdf' }).waitFor();
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu nháp' }).waitFor();
    await page.getByTestId('report-status').filter({ hasText: 'Nháp' }).waitFor();

    // 3. Submitted: the form becomes read-only.
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByTestId('report-status').filter({ hasText: 'Đã gửi' }).waitFor();
    await expect(page.getByRole('button', { name: 'Lưu nháp' }).count()).resolves.toBe(0);
    await expectAccessible('report form');
    await screenshot(page, 'steering-report-submitted');
  });

  it('refuses another unit’s report form to a unit reporter, in the console and in the API', async () => {
    await open(`/steering-report/${OTHER_UNIT}`, 'Không có quyền truy cập');
    await expect(page.getByTestId('report-forbidden').textContent()).resolves.toContain(OTHER_UNIT);
    await expect(page.locator('form').count()).resolves.toBe(0);
    const refused = await callApi('POST', '/steering/reports', {
      unitId: OTHER_UNIT,
      period,
      narrative: 'Không được phép',
    });
    expect(refused.status).toBe(403);
    expect((refused.body as { code: string }).code).toBe('forbidden');
    await expectAccessible('report form of another unit');
    await screenshot(page, 'steering-report-forbidden');
  });

  it('lets the secretariat return a report with a comment, which the reporter sees and answers', async () => {
    await logInAs('thuky.bcd', PASSWORD);
    await open('/steering-report', 'Báo cáo của các đơn vị');
    const queued = page.locator('tbody tr').filter({ hasText: UNIT_NAME });
    await queued.getByRole('button', { name: /Xem xét/ }).click();
    const review = page.locator('section.review');
    await review.getByText('40%').first().waitFor();
    await review.getByRole('button', { name: /Trả lại/ }).click();
    await review.getByText('Không được để trống').waitFor();
    await review
      .locator('textarea[name=comment]')
      .fill('Đề nghị bổ sung số bảng dữ liệu đã kết nối chính thức.');
    await review.getByRole('button', { name: /Trả lại/ }).click();
    await page.getByRole('status').filter({ hasText: 'Đã trả lại' }).waitFor();

    await logInAs('baocao.skhcn', PASSWORD);
    await open('/steering-report', `Báo cáo của ${UNIT_NAME}`);
    await expect(page.getByTestId('return-comment').textContent()).resolves.toContain('bổ sung số bảng');
    const item = page.locator(`fieldset[data-task="${TASK_CODE}"]`);
    await expect(item.locator(`input[name="progress-${TASK_CODE}"]`).inputValue()).resolves.toBe('40');
    await item.locator(`input[name="progress-${TASK_CODE}"]`).fill('45');
    await item
      .locator(`textarea[name="narrative-${TASK_CODE}"]`)
      .fill('Đã kết nối chính thức 5 bảng dữ liệu.');
    await screenshot(page, 'steering-report-returned');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByTestId('report-status').filter({ hasText: 'Đã gửi' }).waitFor();
  });

  it('lets the secretariat accept the report; the task and the program tree show the new progress', async () => {
    await logInAs('thuky.bcd', PASSWORD);
    await open('/steering-report', 'Báo cáo của các đơn vị');
    const queued = page.locator('tbody tr').filter({ hasText: UNIT_NAME });
    await queued.getByRole('button', { name: /Xem xét/ }).click();
    const review = page.locator('section.review');
    await review.getByText('45%').first().waitFor();
    await expectAccessible('review queue');
    await screenshot(page, 'steering-review');
    await review.getByRole('button', { name: /Chấp nhận/ }).click();
    await page.getByRole('status').filter({ hasText: 'Đã chấp nhận báo cáo' }).waitFor();

    await open(taskPath, new RegExp(TASK_CODE));
    await expect(page.getByTestId('task-progress').textContent()).resolves.toContain('45%');
    await page.locator('tbody').getByText('Báo cáo được chấp nhận').waitFor();
    await expect(page.locator('tbody').textContent()).resolves.toContain('10 → 45');
    await expectAccessible('task detail');
    await screenshot(page, 'steering-task');

    await page.getByRole('link', { name: /Cây nhiệm vụ/ }).click();
    const row = page.locator(`tr[data-task="${TASK_CODE}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('45%');
    await expectAccessible('program tree');
    await screenshot(page, 'steering-program');
  });

  it('shows the leader the overview: lights with a legend, trends, ranking explained, gaps and reports', async () => {
    await logInAs('lanhdao.tp', PASSWORD);
    await open('/steering', 'Ban Chỉ đạo chuyển đổi số');
    // The leader reads but writes no report: no report tab.
    await expect(
      page.getByRole('navigation', { name: 'Điều hành chuyển đổi số' }).textContent(),
    ).resolves.not.toContain('Báo cáo');
    await expect(page.getByTestId('light-legend').textContent()).resolves.toContain('≥ 1,0');
    await page.locator('.light-green').first().waitFor();

    // 1. Each unit's index is explained by its components.
    const ranking = page.locator('section[aria-labelledby=ranking-title]');
    const first = ranking.locator('tbody tr').first();
    await first.getByRole('button', { name: /Giải thích/ }).click();
    const components = ranking.locator('.components table');
    await components.waitFor();
    await expect(components.locator('thead').textContent()).resolves.toMatch(
      /Thực hiện.*Mục tiêu.*Mức đạt.*Trọng số/,
    );

    // 2. The period's reporting status counts the accepted report.
    const reports = page.locator('section[aria-labelledby=report-status-title]');
    await expect(reports.locator('h2').textContent()).resolves.toContain(period);
    const unitRow = reports.locator('tbody tr').filter({ hasText: UNIT_NAME });
    await expect(unitRow.textContent()).resolves.toContain('Đã chấp nhận');
    await expect(reports.locator('p.muted').textContent()).resolves.toContain('Đã chấp nhận: 1');

    // 3. Overdue tasks and the units without committee or plan are listed; the charts are drawn.
    await expect(
      page.locator('section[aria-labelledby=overdue-title] tbody tr').count(),
    ).resolves.toBeGreaterThan(0);
    // Sở Tư pháp has no committee in the sample; the reporting unit set its up in 2025 and is not listed.
    const noCommittee = await page.locator('section[aria-labelledby=no-committee-title]').textContent();
    expect(noCommittee).toContain('Sở Tư pháp');
    expect(noCommittee).not.toContain(UNIT_NAME);
    await expect(page.locator('.chart canvas').count()).resolves.toBeGreaterThanOrEqual(2);
    const program = page.getByRole('link', { name: /CT-284/ });
    await expect(program.textContent()).resolves.toMatch(/\d+(,\d)?%/);
    await expectAccessible('overview');
    await screenshot(page, 'steering-overview');
  });

  it('shows an indicator’s target and actual per unit over time, the committees and the documents', async () => {
    await open('/steering/indicators', 'Bộ chỉ tiêu');
    await page.getByRole('link', { name: 'CQS-03' }).click();
    await page.getByRole('heading', { level: 1, name: /CQS-03/ }).waitFor();
    await page.locator('.chart canvas').first().waitFor();
    const values = page.locator('.data-table tbody');
    await values.getByText('Quận Lê Chân').first().waitFor();
    await expectAccessible('indicator detail');
    await screenshot(page, 'steering-indicator');

    await open('/steering/committees', 'Ban Chỉ đạo và thành viên');
    await page
      .getByRole('heading', { level: 2, name: 'Ban Chỉ đạo về Chuyển đổi số thành phố Hải Phòng' })
      .waitFor();
    await page.getByText('Trưởng ban').first().waitFor();
    await expectAccessible('committees');
    await screenshot(page, 'steering-committees');

    // A document with its file, recorded by the secretariat, is listed with a download link.
    await logInAs('thuky.bcd', PASSWORD);
    const upload = await callApi('POST', '/steering/attachments', {
      fileName: 'KH-125-SKHCN.pdf',
      mediaType: 'application/pdf',
      contentBase64: PDF.toString('base64'),
    });
    expect(upload.status).toBe(201);
    const created = await callApi('POST', '/steering/documents', {
      kind: 'plan',
      number: '125/KH-SKHCN',
      date: addDays(`${period.slice(0, 4)}-01-01`, 30),
      issuer: UNIT_NAME,
      title: 'Kế hoạch chuyển đổi số của Sở Khoa học và Công nghệ',
      unitId: UNIT,
      attachmentId: (upload.body as { id: string }).id,
    });
    expect(created.status).toBe(201);
    await open('/steering/documents', 'Văn bản chỉ đạo');
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('ke hoach skhcn');
    const link = page.getByRole('link', { name: /Tải về 125\/KH-SKHCN/ });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('KH-125-SKHCN.pdf');
    await expectAccessible('documents');
    await screenshot(page, 'steering-documents');
  });
});

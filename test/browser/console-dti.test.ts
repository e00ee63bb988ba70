import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CangProcess, startCang } from '../support/cang-process.js';
import { consoleActions } from './support/console-actions.js';
import { launchBrowser, seriousViolations, type TestBrowser } from './support/browser.js';

const PASSWORD = 'mat-khau-du-dai-2026';

/**
 * The DTI self-assessment end to end, in Chromium against a real `cang start` with its sample 2025
 * campaign under QĐ 405: the secretariat sees progress, the notice that QĐ 405's points are missing and
 * the published trend, and assigns an item; the responsible unit's reporter enters its value and
 * evidence, and a value outside 0–1 is refused next to its field.
 */
describe('console: DTI campaign', () => {
  let dataDir = '';
  let cang: CangProcess;
  let browser: TestBrowser;
  let page: Page;
  const { logInAs } = consoleActions(
    () => browser,
    () => cang.adminUrl,
  );

  async function openDti(): Promise<void> {
    await page.goto(`${cang.adminUrl}/steering/dti`);
    await page.getByRole('heading', { level: 1, name: 'Chỉ số chuyển đổi số (DTI)' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /405\/QĐ-BKHCN/ }).waitFor();
  }

  const row = (code: string) =>
    page
      .locator('table')
      .filter({ hasText: 'Các chỉ số tự đánh giá' })
      .locator('tbody tr')
      .filter({
        // A sample row carries the "Mẫu" badge after its code.
        has: page.locator('td', { hasText: new RegExp(`^${code}(Mẫu)?$`) }),
      });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-dti-'));
    chmodSync(dataDir, 0o700);
    cang = await startCang(dataDir);
    browser = await launchBrowser();
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await cang?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets the administrator create a secretariat and a reporter of Sở Nội vụ', async () => {
    await logInAs('admin', cang.adminPassword!);
    await page.goto(`${cang.adminUrl}/users`);
    await page.getByRole('heading', { level: 1, name: 'Người dùng' }).waitFor();
    const form = page.locator('form[aria-labelledby=create-user-title]');
    for (const user of [
      { username: 'thuky.dti', name: 'Thư ký DTI', role: 'steering-secretariat' },
      { username: 'baocao.snv', name: 'Cán bộ báo cáo SNV', role: 'unit-reporter', scope: 'SNV' },
    ]) {
      await form.locator('input[name=username]').fill(user.username);
      await form.locator('input[name=displayName]').fill(user.name);
      await form.locator('input[name=password]').fill(PASSWORD);
      await form.locator('select[name=role]').selectOption(user.role);
      if (user.scope) await form.locator('input[name=scope]').fill(user.scope);
      await form.getByRole('button', { name: 'Tạo' }).click();
      await page.getByRole('cell', { name: user.username, exact: true }).waitFor();
    }
  });

  it('shows the secretariat the campaign, the missing-points notice and the trend, and lets it assign an item', async () => {
    await logInAs('thuky.dti', PASSWORD);
    await openDti();
    await page.getByRole('status').filter({ hasText: 'chưa có điểm tối đa' }).waitFor();
    await expect(row('NL').textContent()).resolves.toContain('Sở Nội vụ');
    await page
      .locator('table')
      .filter({ hasText: 'Kết quả công bố và xếp hạng' })
      .getByText('3/34')
      .waitFor();
    expect(await seriousViolations(page), 'axe on the DTI screen').toEqual([]);

    const form = page.locator('form[aria-labelledby=dti-assign]');
    await form.locator('select[name=itemCode]').selectOption('ATTT');
    const snv = form.locator('[role=option][data-unit="SNV"]');
    await snv.waitFor({ state: 'attached' });
    // The unit picker filters without diacritics: "so noi vu" finds Sở Nội vụ.
    await form.locator('input[name=unitId]').fill('so noi vu');
    await snv.click();
    await form.locator('input[name=deadline]').fill('2027-01-15');
    await form.getByRole('button', { name: 'Giao' }).click();
    await row('ATTT').filter({ hasText: 'Sở Nội vụ' }).waitFor();
  });

  it('lets the reporter of the responsible unit enter a value with evidence, refusing one outside 0–1', async () => {
    await logInAs('baocao.snv', PASSWORD);
    await openDti();
    const form = page.locator('form[aria-labelledby=dti-entry]');
    // Only the items assigned to Sở Nội vụ are offered.
    await expect(form.locator('select[name=itemCode] option').allTextContents()).resolves.toEqual([
      'NL — Nhân lực số',
      'ATTT — An toàn thông tin mạng',
    ]);
    await form.locator('select[name=itemCode]').selectOption('NL');
    await form.locator('input[name=value]').fill('1,5');
    await form.locator('textarea[name=evidence]').fill('Báo cáo số 21/BC-SNV về nhân lực số năm 2025');
    await form.getByRole('button', { name: 'Gửi' }).click();
    await form.getByText('must lie between 0 and 1').waitFor();
    await form.locator('input[name=value]').fill('0,6');
    await form.getByRole('button', { name: 'Gửi' }).click();
    await row('NL').filter({ hasText: 'Đã nhập' }).waitFor();
    await expect(row('NL').textContent()).resolves.toContain('Báo cáo số 21/BC-SNV');
    expect(await seriousViolations(page), 'axe after the entry').toEqual([]);
  });
});

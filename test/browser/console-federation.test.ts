import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthorityCertificate, generateSigningKeyPair, loadPrivateKey } from '../../src/core/index.js';
import { type CangProcess, startCang } from '../support/cang-process.js';
import { waitUntil } from '../support/wait-until.js';
import { launchBrowser, seriousViolations, type TestBrowser } from './support/browser.js';
import { consoleActions } from './support/console-actions.js';

const ORGANISATION = 'VN-HP/GOV/LIENTHONG';
const SYSTEM = `${ORGANISATION}/HTTT-HOTICH`;
const SERVICE = `${SYSTEM}/tra-cuu-ho-tich`;
const NATIONAL_SERVICE = 'VN/GOV/BCA/CSDLQG-DC/tra-cuu-cong-dan';

/**
 * The federation screen in Debian's Chromium against a real `cang start`: a platform administrator
 * trusts the national platform from its anchor, sees that no configuration of it is held yet, offers it
 * a service, lets a local system call out to it and stops it again, and sees the traffic with it; a bad
 * anchor and a foreign system in the outbound policy are answered field by field.
 */
describe('console: federation', () => {
  let dataDir = '';
  let cang: CangProcess;
  let browser: TestBrowser;
  let page: Page;

  const { callApi: callConsoleApi } = consoleActions(
    () => browser,
    () => cang.adminUrl,
  );
  const callApi = async (method: string, path: string, body?: unknown): Promise<number> =>
    (await callConsoleApi(method, path, body)).status;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cang-federation-'));
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

  it('trusts a partner from its anchor, shows its configuration status and offers it a service', async () => {
    await page.goto(`${cang.adminUrl}/`);
    await page.locator('input[name=username]').fill('admin');
    await page.locator('input[name=password]').fill(cang.adminPassword!);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: /Xin chào/ }).waitFor();
    expect(
      await callApi('POST', '/organisations', {
        memberClass: 'GOV',
        code: 'LIENTHONG',
        name: 'Sở thử liên thông',
      }),
    ).toBe(201);
    expect(
      await callApi('POST', `/organisations/${ORGANISATION}/systems`, {
        code: 'HTTT-HOTICH',
        name: 'Hộ tịch',
      }),
    ).toBe(201);
    expect(
      await callApi('POST', `/organisations/${ORGANISATION}/systems/HTTT-HOTICH/services`, {
        code: 'tra-cuu-ho-tich',
        name: 'Tra cứu hộ tịch',
        baseUrl: 'https://hotich.example/api',
      }),
    ).toBe(201);

    await page.goto(`${cang.adminUrl}/federation`);
    await page.getByRole('heading', { level: 1, name: 'Liên thông nền tảng' }).waitFor();
    await page.getByText('Chưa tin cậy đối tác nào.').waitFor();
    expect(await seriousViolations(page), 'axe on federation, no partner').toEqual([]);

    const add = page.locator('form[aria-labelledby=add-partner-title]');
    await add.getByLabel(/Anchor cấu hình của đối tác/).fill('{"format":"cang-anchor/9"}');
    await add.getByRole('button', { name: 'Thêm đối tác' }).click();
    await expect(add.locator('.field.invalid').textContent()).resolves.toContain('/format');

    const key = generateSigningKeyPair();
    const anchor = {
      format: 'cang-anchor/1',
      instance: 'VN',
      publicKey: key.publicKey,
      certificate: await createAuthorityCertificate(loadPrivateKey(key.privateKey), 'VN'),
      configurationUrls: ['https://x1.ndxp.example:8443/federation/v1/configuration'],
      generatedAt: Date.now(),
    };
    await add.getByLabel(/Anchor cấu hình của đối tác/).fill(JSON.stringify(anchor));
    await add.getByRole('button', { name: 'Thêm đối tác' }).click();
    await page.getByText('Đã tin cậy đối tác VN.').waitFor();
    const section = page.locator('section[aria-labelledby=partner-VN]');
    await section.getByRole('heading', { name: 'Đối tác VN' }).waitFor();
    await section.getByText('Chưa có cấu hình hợp lệ').waitFor();

    const offer = section.getByRole('form', { name: 'Cung cấp dịch vụ cho VN' });
    await offer.getByLabel(/^Dịch vụ/).fill(SERVICE);
    await offer.getByRole('checkbox').check();
    await offer.getByRole('button', { name: 'Cung cấp dịch vụ' }).click();
    const offered = section.getByRole('table', { name: 'Dịch vụ cung cấp cho VN' });
    await offered.getByText(SERVICE).waitFor();
    await expect(offered.textContent()).resolves.toContain('Có');
    await section.getByText('Chưa hệ thống nào (mặc định đóng).').waitFor();
    expect(await seriousViolations(page), 'axe on federation, one partner').toEqual([]);
  });

  it('lets a local system call out to the partner, shows the traffic with it and stops the system again', async () => {
    await page.goto(`${cang.adminUrl}/federation`);
    const section = page.locator('section[aria-labelledby=partner-VN]');
    const allow = section.getByRole('form', { name: 'Cho phép hệ thống của ta gọi sang VN' });
    // A system of another instance is refused by the field that names it.
    await allow.getByLabel(/^Hệ thống của ta/).fill('VN/GOV/BCA/CSDLQG-DC');
    await allow.getByRole('button', { name: 'Cho phép gọi sang' }).click();
    await expect(allow.locator('.field.invalid').textContent()).resolves.toContain('VN-HP');
    await allow.getByLabel(/^Hệ thống của ta/).fill(SYSTEM);
    await allow.getByRole('button', { name: 'Cho phép gọi sang' }).click();
    const allowed = section.getByRole('list', { name: 'Hệ thống của ta được gọi sang VN' });
    await allowed.getByText(SYSTEM).waitFor();

    // The system calls the partner's service: no configuration of VN is held, so the city refuses it,
    // and logs the call.
    const issued = await callConsoleApi(
      'POST',
      `/organisations/${ORGANISATION}/systems/HTTT-HOTICH/credentials`,
      { label: 'liên thông' },
    );
    expect(issued.status).toBe(201);
    let refusedBy: string | null = null;
    await waitUntil(async () => {
      const answer = await fetch(`${cang.exchangeUrl}/r1/${NATIONAL_SERVICE}/cong-dan/001`, {
        headers: {
          'x-cang-client': SYSTEM,
          authorization: `Bearer ${(issued.body as { token: string }).token}`,
        },
      });
      await answer.arrayBuffer();
      refusedBy = answer.headers.get('x-cang-instance');
      return answer.headers.get('x-cang-error') === 'partner-configuration-invalid';
    }, 'the exchange serves the new token and outbound policy');
    expect(refusedBy).toBe('VN-HP');

    await page.reload();
    const traffic = section.getByRole('table', { name: 'Lưu lượng với VN' });
    const out = traffic.getByRole('row', { name: /Gọi sang đối tác/ });
    await out.waitFor();
    const cells = await out.getByRole('cell').allTextContents();
    const [calls, refused] = [Number(cells[1]), Number(cells[2])];
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(refused).toBe(calls);
    expect(cells[3]).not.toBe('—');
    const into = await traffic
      .getByRole('row', { name: /Đối tác gọi vào/ })
      .getByRole('cell')
      .allTextContents();
    expect(into.slice(1, 4)).toEqual(['0', '0', '—']);
    await section.getByRole('img', { name: /Biểu đồ đường số lời gọi mỗi phút sang VN/ }).waitFor();
    expect(await seriousViolations(page), 'axe on federation, outbound policy and traffic').toEqual([]);

    page.once('dialog', (dialog) => void dialog.accept());
    await section.getByRole('button', { name: `Ngừng cho phép ${SYSTEM}` }).click();
    await section.getByText('Chưa hệ thống nào (mặc định đóng).').waitFor();
  });
});

import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthorityCertificate, generateSigningKeyPair, loadPrivateKey } from '../../src/core/index.js';
import { type CangProcess, startCang } from '../support/cang-process.js';
import { launchBrowser, seriousViolations, type TestBrowser } from './support/browser.js';

const ORGANISATION = 'VN-HP/GOV/LIENTHONG';
const SYSTEM = `${ORGANISATION}/HTTT-HOTICH`;
const SERVICE = `${SYSTEM}/tra-cuu-ho-tich`;

/**
 * The federation screen in Debian's Chromium against a real `cang start`: a platform administrator
 * trusts the national platform from its anchor, sees that no configuration of it is held yet, and
 * offers it a service; a bad anchor is answered field by field.
 */
describe('console: federation', () => {
  let dataDir = '';
  let cang: CangProcess;
  let browser: TestBrowser;
  let page: Page;

  async function callApi(method: string, path: string, body?: unknown): Promise<number> {
    return page.evaluate(
      async ({ method, path, body }) => {
        const response = await fetch(`/api/v1${path}`, {
          method,
          headers: {
            accept: 'application/json',
            'x-requested-with': 'cang-console',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
        return response.status;
      },
      { method, path, body },
    );
  }

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
});

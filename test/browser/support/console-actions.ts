import { expect } from 'vitest';
import { seriousViolations, type TestBrowser } from './browser.js';

/** What the console tests do on every screen, against the console at `baseUrl()`. */
export interface ConsoleActions {
  /** Opens a console path and waits for its main heading. */
  open(path: string, heading: string | RegExp): Promise<void>;
  /** axe finds no serious or critical violation on the current screen. */
  expectAccessible(screen: string): Promise<void>;
  /** Submits the login form on a fresh session; the caller waits for what follows. */
  submitLogin(username: string, password: string): Promise<void>;
  /** Logs in on a fresh session and waits for the home screen. */
  logInAs(username: string, password: string): Promise<void>;
  /** Calls the admin API from the page, with its session cookie, as the console does. */
  callApi(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
}

/**
 * The actions of a console test. Both arguments are read at each call: a test sets its browser and its
 * Cảng process up in beforeAll, after it made these.
 */
export function consoleActions(browser: () => TestBrowser, baseUrl: () => string): ConsoleActions {
  const page = () => browser().page;
  const submitLogin = async (username: string, password: string) => {
    await browser().context.clearCookies();
    await page().goto(`${baseUrl()}/`);
    await page().getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page().locator('input[name=username]').fill(username);
    await page().locator('input[name=password]').fill(password);
    await page().getByRole('button', { name: 'Đăng nhập' }).click();
  };
  return {
    async open(path, heading) {
      await page().goto(`${baseUrl()}${path}`);
      await page().getByRole('heading', { level: 1, name: heading }).waitFor();
    },
    async expectAccessible(screen) {
      expect(await seriousViolations(page()), `axe on ${screen}`).toEqual([]);
    },
    submitLogin,
    async logInAs(username, password) {
      await submitLogin(username, password);
      await page()
        .getByRole('heading', { level: 1, name: /Xin chào/ })
        .waitFor();
    },
    callApi: (method, path, body) =>
      page().evaluate(
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
          return { status: response.status, body: await response.json().catch(() => null) };
        },
        { method, path, body },
      ),
  };
}

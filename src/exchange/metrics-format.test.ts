import { spawnSync } from 'node:child_process';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type ExchangeHarness,
  startExchange,
  startProvider,
  type TestProvider,
} from './test-support/exchange-harness.js';
import { buildService, buildSnapshot, SERVICE } from './test-support/snapshot-factory.js';

let exchange: ExchangeHarness | undefined;
let provider: TestProvider | undefined;
afterEach(async () => {
  await exchange?.close();
  await provider?.close();
  exchange = undefined;
  provider = undefined;
});

/** `promtool check metrics` (Debian's prometheus, installed by .ci/run): its exit status and findings. */
function promtoolCheck(text: string): { status: number | null; findings: string } {
  const result = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  if (result.error) throw result.error;
  return { status: result.status, findings: `${result.stdout}${result.stderr}`.trim() };
}

describe('the exchange metrics', () => {
  it('pass promtool, with the runtime, log commit and configuration age series', async () => {
    provider = await startProvider();
    exchange = await startExchange(
      buildSnapshot({ services: [buildService({ baseUrl: provider.baseUrl })] }),
    );
    await exchange.call('GET', `/r1/${SERVICE}/x`);
    await exchange.call('GET', `/r1/${SERVICE}/x`, { headers: { authorization: 'Bearer nope' } });
    const text = await (await request(`${exchange.origin}/metrics`)).body.text();
    expect(promtoolCheck(text)).toEqual({ status: 0, findings: '' });
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^cang_exchange_config_age_seconds \d/m);
    expect(text).toMatch(/^cang_log_commits_total 2$/m);
    expect(text).toMatch(/^cang_log_committed_entries_total 2$/m);
  });

  it('are found wanting by promtool when a series breaks the conventions', () => {
    // The check above can fail: a counter without its _total suffix is a finding.
    const finding = promtoolCheck('# HELP cang_calls Calls\n# TYPE cang_calls counter\ncang_calls 1\n');
    expect(finding.status).not.toBe(0);
    expect(finding.findings).toContain('_total');
  });
});

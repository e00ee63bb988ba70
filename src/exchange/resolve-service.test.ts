import { describe, expect, it } from 'vitest';
import { CangError } from '../core/index.js';
import { indexSnapshot } from './active-config.js';
import { resolveService } from './resolve-service.js';
import { buildService, buildSnapshot, PROVIDER, SERVICE } from './test-support/snapshot-factory.js';

function refusalOf(run: () => unknown): { code: string; status: number } | 'answered' {
  try {
    run();
    return 'answered';
  } catch (error) {
    if (!(error instanceof CangError)) throw error;
    return { code: error.code, status: error.status };
  }
}

describe('resolveService', () => {
  it('finds an enabled service with its provider origin and base path', () => {
    const config = indexSnapshot(
      buildSnapshot({ services: [buildService({ baseUrl: 'http://10.0.0.5:8080/api/' })] }),
    );
    const resolved = resolveService(config, SERVICE);
    expect(resolved.service.id).toBe(SERVICE);
    expect(resolved.origin).toBe('http://10.0.0.5:8080');
    expect(resolved.basePath).toBe('/api');
  });

  it('refuses a service the snapshot does not hold with 404 service-unknown', () => {
    const config = indexSnapshot(buildSnapshot());
    expect(refusalOf(() => resolveService(config, `${PROVIDER}/khong-co`))).toEqual({
      code: 'service-unknown',
      status: 404,
    });
  });

  it('refuses a disabled service with 503 service-disabled', () => {
    const config = indexSnapshot(buildSnapshot({ services: [buildService({ enabled: false })] }));
    expect(refusalOf(() => resolveService(config, SERVICE))).toEqual({
      code: 'service-disabled',
      status: 503,
    });
  });
});

import { describe, expect, it } from 'vitest';
import { CangError } from '../core/index.js';
import { parseExchangeUrl } from './parse-exchange-url.js';

const SERVICE = 'VN-HP/GOV/000.00.20.H26/CSDL-DANCU/tra-cuu';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof CangError ? error.code : 'not-cang';
  }
  return undefined;
}

describe('parseExchangeUrl', () => {
  it('splits the service id, rest and query', () => {
    expect(parseExchangeUrl(`/r1/${SERVICE}/households/12?full=1`)).toEqual({
      kind: 'service',
      serviceId: SERVICE,
      rest: '/households/12',
      query: 'full=1',
    });
    expect(parseExchangeUrl(`/r1/${SERVICE}`)).toMatchObject({ rest: '', query: null });
  });

  it('recognises metaservices', () => {
    expect(parseExchangeUrl('/r1/listClients')).toMatchObject({
      kind: 'meta',
      name: 'listClients',
      instance: null,
    });
    expect(parseExchangeUrl('/r1/VN/listClients')).toEqual({
      kind: 'meta',
      name: 'listClients',
      instance: 'VN',
      systemId: null,
      query: null,
    });
    expect(parseExchangeUrl('/r1/VN-HP/GOV/000.00.20.H26/CSDL-DANCU/getOpenAPI?serviceCode=x')).toEqual({
      kind: 'meta',
      name: 'getOpenAPI',
      instance: 'VN-HP',
      systemId: 'VN-HP/GOV/000.00.20.H26/CSDL-DANCU',
      query: 'serviceCode=x',
    });
  });

  it('refuses malformed identifiers with bad-request', () => {
    expect(code(() => parseExchangeUrl('/r2/x'))).toBe('bad-request');
    expect(code(() => parseExchangeUrl('/r1/VN-HP/GOV/000'))).toBe('bad-request');
    expect(code(() => parseExchangeUrl('/r1/VN..%2F/listClients'))).toBe('bad-request');
    expect(code(() => parseExchangeUrl('/r1/VN/listServices'))).toBe('bad-request');
    expect(code(() => parseExchangeUrl('/r1/VN-HP/XXX/000/SYS/svc'))).toBe('bad-request');
    expect(code(() => parseExchangeUrl('/r1/VN-HP/GOV/000/SYS/%2e%2e'))).toBe('bad-request');
    expect(code(() => parseExchangeUrl('/r1/VN-HP/GOV//SYS/svc'))).toBe('bad-request');
    expect(code(() => parseExchangeUrl('/r1/VN-HP/GOV/000/SYS/listMethods/x/y'))).toBeUndefined();
  });
});

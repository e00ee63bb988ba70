import { describe, expect, it } from 'vitest';
import { CangError } from './cang-error.js';
import { formatId, organisationOf, parseServiceId, parseSystemId } from './identifiers.js';

describe('identifiers', () => {
  it('parses a service identifier and formats it back', () => {
    const text = 'VN-HP/GOV/000.00.31.H26/HTTT-MOTCUA/tra-cuu-ho-so';
    const id = parseServiceId(text);
    expect(id).toEqual({
      instance: 'VN-HP',
      memberClass: 'GOV',
      code: '000.00.31.H26',
      system: 'HTTT-MOTCUA',
      service: 'tra-cuu-ho-so',
    });
    expect(formatId(id)).toBe(text);
  });

  it.each([
    ['too few segments', 'VN-HP/GOV/SNV'],
    ['unknown class', 'VN-HP/XYZ/SNV/HTTT'],
    ['leading dot', 'VN-HP/GOV/.SNV/HTTT'],
    ['dot-dot segment', 'VN-HP/GOV/../HTTT'],
    ['empty segment', 'VN-HP/GOV//HTTT'],
    ['non-ASCII', 'VN-HP/GOV/SỞ/HTTT'],
    ['overlong segment', `VN-HP/GOV/${'a'.repeat(65)}/HTTT`],
  ])('refuses a system identifier with %s as bad-request', (_why, text) => {
    expect(() => parseSystemId(text)).toThrowError(CangError);
    try {
      parseSystemId(text);
    } catch (error) {
      expect((error as CangError).code).toBe('bad-request');
    }
  });

  it('finds the organisation of a resource identifier', () => {
    expect(organisationOf('VN-HP/GOV/SNV/HRM/staff')).toBe('VN-HP/GOV/SNV');
    expect(organisationOf('VN-HP/XYZ/SNV')).toBeUndefined();
    expect(organisationOf(undefined)).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { CangError } from '../core/index.js';
import { normaliseRestPath } from './normalise-rest-path.js';

function refused(path: string): boolean {
  try {
    normaliseRestPath(path);
    return false;
  } catch (error) {
    return error instanceof CangError && error.code === 'bad-request';
  }
}

describe('normaliseRestPath', () => {
  it('returns decoded segments', () => {
    expect(normaliseRestPath('')).toEqual([]);
    expect(normaliseRestPath('/')).toEqual([]);
    expect(normaliseRestPath('/households/12')).toEqual(['households', '12']);
    expect(normaliseRestPath('/households/12/')).toEqual(['households', '12']);
    expect(normaliseRestPath('/h%E1%BB%99/a%20b')).toEqual(['hộ', 'a b']);
    expect(normaliseRestPath('/v1.2/file.json')).toEqual(['v1.2', 'file.json']);
  });

  it.each([
    ['/a/../b'],
    ['/a/./b'],
    ['/..'],
    ['/a/..;/b'],
    ['/a/%2e%2e/b'],
    ['/a/%2E/b'],
    ['/a/.%2e/b'],
    ['/a%2Fb'],
    ['/a%2fb'],
    ['/a%5Cb'],
    ['/a\\b'],
    ['/a%252Fb'],
    ['/a%25'],
    ['/a%C3%28'],
    ['/a%ZZ'],
    ['/a%2'],
    ['/a%00b'],
    ['/a%0Ab'],
    ['/a\u0001b'],
    ['/a b'],
    ['/a//b'],
    ['//'],
    [`/${'x'.repeat(256)}`],
    [`/${'%C3%A9'.repeat(128)}`],
    [`/${'a/'.repeat(1025)}`],
  ])('refuses %s', (path) => {
    expect(refused(path)).toBe(true);
  });

  it('accepts a 255-byte segment', () => {
    expect(refused(`/${'x'.repeat(255)}`)).toBe(false);
  });
});

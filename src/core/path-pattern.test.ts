import { describe, expect, it } from 'vitest';
import { compilePathPattern, matchPathPattern, pathPatternProblem } from './path-pattern.js';

describe('grant path patterns', () => {
  it.each([
    '/',
    '/ho-so',
    '/ho-so/*',
    '/ho-so/*/giay-to',
    '/thu-tuc/**',
    '/**',
    "/a.b~c/x:y@z/$!&'()+,;=",
    '/hồ-sơ/*',
  ])('accepts %s', (pattern) => {
    expect(pathPatternProblem(pattern)).toBeNull();
  });

  it.each([
    ['ho-so', /start with \//],
    ['/ho-so/', /empty segments/],
    ['/a//b', /empty segments/],
    ['/a/../b', /\.\./],
    ['/a/./b', /\.\./],
    ['/**/x', /last/],
    ['/a*b', /literal/],
    ['/a%2Fb', /literal/],
    ['/a b', /literal/],
    ['/a?b', /literal/],
    ['/a\tb', /literal/],
  ])('refuses %s', (pattern, reason) => {
    expect(pathPatternProblem(pattern)).toMatch(reason);
  });
});

const matches = (pattern: string, path: string[]) => matchPathPattern(compilePathPattern(pattern), path);

describe('path patterns', () => {
  it('matches exact paths only exactly', () => {
    expect(matches('/households', ['households'])).toBe(true);
    expect(matches('/households', ['households', '1'])).toBe(false);
    expect(matches('/households', ['persons'])).toBe(false);
  });

  it('matches one segment with *', () => {
    expect(matches('/households/*', ['households', '12'])).toBe(true);
    expect(matches('/households/*', ['households'])).toBe(false);
    expect(matches('/households/*', ['households', '12', 'members'])).toBe(false);
    expect(matches('/households/*/members', ['households', '12', 'members'])).toBe(true);
  });

  it('matches any depth suffix with **', () => {
    expect(matches('/households/**', ['households'])).toBe(true);
    expect(matches('/households/**', ['households', '1', '2', '3'])).toBe(true);
    expect(matches('/households/**', ['persons', '1'])).toBe(false);
    expect(matches('/**', [])).toBe(true);
  });
});

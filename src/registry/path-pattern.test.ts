import { describe, expect, it } from 'vitest';
import { pathPatternProblem } from './path-pattern.js';

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

import type { FieldProblems } from '../core/index.js';

/**
 * Checks a provider base URL and returns its normal form: http or https, no credentials, query or
 * fragment, no trailing slash (the exchange appends `/{rest of path}`).
 */
export function checkBaseUrl(value: unknown, pointer: string, problems: FieldProblems): string | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.add(pointer, 'must be an absolute http(s) URL');
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    problems.add(pointer, 'must use http or https');
  } else if (value.includes('?') || value.includes('#')) {
    problems.add(pointer, 'must not have a query or fragment');
  } else if (url.username !== '' || url.password !== '') {
    problems.add(pointer, 'must not carry credentials');
  } else {
    return url.href.replace(/\/+$/, '');
  }
  return undefined;
}

/** Checks that an OpenAPI text parses as a JSON object with an `openapi` or `swagger` key. */
export function checkOpenApi(value: unknown, pointer: string, problems: FieldProblems): void {
  if (typeof value !== 'string') return;
  let document: unknown;
  try {
    document = JSON.parse(value);
  } catch {
    problems.add(pointer, 'must be JSON text');
    return;
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    problems.add(pointer, 'must be a JSON object');
  } else if (!('openapi' in document) && !('swagger' in document)) {
    problems.add(pointer, 'must be an OpenAPI document (an object with an `openapi` or `swagger` key)');
  }
}

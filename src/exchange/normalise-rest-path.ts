import { CangError } from '../core/index.js';

/** Longest rest path accepted, in characters as received. */
export const MAX_PATH_LENGTH = 2048;
/** Longest decoded segment accepted, in UTF-8 bytes. */
export const MAX_SEGMENT_BYTES = 255;

function refuse(why: string): never {
  throw new CangError('bad-request', `Ambiguous or malformed path: ${why}`);
}

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  const lower = code | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * Checks the rest path of a call and returns its decoded segments, on which grant path patterns match.
 * Ambiguous forms are refused, never resolved (ARCHITECTURE.md, "Exchange protocol"), because the
 * provider may read them differently than we do (path traversal, CVE-2021-41773 style double decoding):
 * `.` and `..` segments (also `..;` path parameters), any percent-encoded dot, slash, backslash or percent
 * (`%2e`, `%2F`, `%5C`, `%25`), raw backslashes, control and non-ASCII characters, invalid UTF-8 after
 * decoding, empty segments, segments over 255 bytes and paths over 2048 characters. A single trailing
 * slash is accepted and does not count as a segment. The provider receives the path exactly as received.
 */
export function normaliseRestPath(rest: string): readonly string[] {
  if (rest.length > MAX_PATH_LENGTH) refuse('path too long');
  if (rest === '' || rest === '/') return [];
  let encoded = false;
  for (let i = 0; i < rest.length; i++) {
    const code = rest.charCodeAt(i);
    if (code <= 0x20 || code >= 0x7f) refuse('control, space or non-ASCII character');
    if (code === 0x5c) refuse('backslash');
    if (code === 0x25) {
      const high = hexValue(rest.charCodeAt(i + 1));
      const low = hexValue(rest.charCodeAt(i + 2));
      if (high < 0 || low < 0) refuse('bad percent-encoding');
      const byte = high * 16 + low;
      if (byte === 0x2e || byte === 0x2f || byte === 0x5c || byte === 0x25) {
        refuse('encoded dot, slash, backslash or percent');
      }
      if (byte < 0x20 || byte === 0x7f) refuse('encoded control character');
      encoded = true;
      i += 2;
    }
  }
  const parts = rest.split('/');
  // parts[0] is '' (the rest starts with '/'); a trailing slash leaves one empty part at the end.
  const last = parts.length - 1 > 1 && parts[parts.length - 1] === '' ? parts.length - 1 : parts.length;
  const segments: string[] = [];
  for (let i = 1; i < last; i++) {
    const raw = parts[i]!;
    if (raw === '') refuse('empty segment');
    let segment = raw;
    if (encoded && raw.includes('%')) {
      try {
        segment = decodeURIComponent(raw);
      } catch {
        refuse('invalid UTF-8');
      }
    }
    if (segment.charCodeAt(0) === 0x2e && /^\.\.?(;|$)/.test(segment)) refuse('dot segment');
    if (segment.length * 3 > MAX_SEGMENT_BYTES && Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) {
      refuse('segment too long');
    }
    segments.push(segment);
  }
  return segments;
}

import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** SHA-256 digest as base64url (no padding). */
export function sha256Base64url(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('base64url');
}

/** SHA-256 digest as lowercase hex. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Keyed hash (HMAC-SHA-256, base64url) for values that must be matchable but not readable. */
export function keyedHash(key: string | Uint8Array, value: string): string {
  return createHmac('sha256', key).update(value).digest('base64url');
}

/** Compares two secrets' digests in constant time. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

import { createHash } from 'node:crypto';
import { CangError } from '../core/index.js';

/** Largest attachment accepted: 10 MiB of decoded bytes. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The media types an attachment may have. */
export const ATTACHMENT_MEDIA_TYPES = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
} as const;

/** An allowed media type. */
export type AttachmentMediaType = keyof typeof ATTACHMENT_MEDIA_TYPES;

const startsWith = (bytes: Buffer, prefix: readonly number[]): boolean =>
  prefix.every((byte, index) => bytes[index] === byte);

// Office Open XML files are ZIP archives (local file header PK\x03\x04) whose entry names are stored
// uncompressed, so the main part's folder (word/ or xl/) shows in the bytes.
function isOoxml(bytes: Buffer, folder: string): boolean {
  return (
    startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) &&
    bytes.includes('[Content_Types].xml') &&
    bytes.includes(folder)
  );
}

/** What the bytes are, by their magic numbers, or undefined for anything not allowed. */
export function sniffMediaType(bytes: Buffer): AttachmentMediaType | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (isOoxml(bytes, 'word/')) {
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  }
  if (isOoxml(bytes, 'xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return undefined;
}

/** Decoded and checked attachment bytes. */
export interface CheckedContent {
  readonly bytes: Buffer;
  readonly sha256: string;
}

/**
 * Decodes base64 content and checks it: within MAX_ATTACHMENT_BYTES (`payload-too-large`), and its
 * magic bytes match the declared, allowed media type (`validation-failed` naming the field).
 */
export function checkAttachmentContent(base64: string, declared: string): CheckedContent {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 !== 0) {
    throw new CangError('validation-failed', 'Invalid attachment', {
      errors: [{ pointer: '/contentBase64', detail: 'must be base64 (RFC 4648 §4)' }],
    });
  }
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > MAX_ATTACHMENT_BYTES) {
    throw new CangError('payload-too-large', `An attachment may hold at most ${MAX_ATTACHMENT_BYTES} bytes`);
  }
  if (bytes.length === 0) {
    throw new CangError('validation-failed', 'Invalid attachment', {
      errors: [{ pointer: '/contentBase64', detail: 'must not be empty' }],
    });
  }
  const actual = sniffMediaType(bytes);
  if (actual === undefined) {
    throw new CangError('validation-failed', 'Invalid attachment', {
      errors: [{ pointer: '/contentBase64', detail: 'is not a PDF, DOCX, XLSX, PNG or JPEG file' }],
    });
  }
  if (actual !== declared) {
    throw new CangError('validation-failed', 'Invalid attachment', {
      errors: [{ pointer: '/mediaType', detail: `does not match the content, which is ${actual}` }],
    });
  }
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

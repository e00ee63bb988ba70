import { describe, expect, it } from 'vitest';
import { checkAttachmentContent, MAX_ATTACHMENT_BYTES, sniffMediaType } from './attachment-content.js';

/** A minimal PDF, enough for the magic-byte check. */
const PDF_BASE64 = Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n').toString('base64');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('attachment content', () => {
  it('recognises files by their magic bytes, not their declared type', () => {
    expect(sniffMediaType(Buffer.from(PDF_BASE64, 'base64'))).toBe('application/pdf');
    expect(sniffMediaType(PNG)).toBe('image/png');
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(Buffer.from('MZ\x90\x00 not allowed'))).toBeUndefined();
  });

  it('refuses content that does not match its declared type, naming the field', () => {
    expect(() => checkAttachmentContent(PNG.toString('base64'), 'application/pdf')).toThrow(
      expect.objectContaining({
        code: 'validation-failed',
        errors: [expect.objectContaining({ pointer: '/mediaType' })],
      }),
    );
    expect(() => checkAttachmentContent(Buffer.from('<html>').toString('base64'), 'application/pdf')).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ pointer: '/contentBase64' })] }),
    );
  });

  it('refuses more than 10 MiB with payload-too-large and checksums the rest', () => {
    const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1, 0x20);
    big.write('%PDF-');
    expect(() => checkAttachmentContent(big.toString('base64'), 'application/pdf')).toThrow(
      expect.objectContaining({ code: 'payload-too-large' }),
    );
    const { sha256, bytes } = checkAttachmentContent(PDF_BASE64, 'application/pdf');
    expect(bytes.length).toBeGreaterThan(0);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

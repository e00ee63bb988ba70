import type { FastifyInstance } from 'fastify';

/**
 * Headers on every answer of the admin port. The console and the API documentation are files served
 * from this origin, so `default-src 'self'` holds for them (plus `data:` images, which the documentation
 * page draws its icons with). Framing is refused outright (clickjacking), MIME types are not sniffed, and no address of the admin
 * port leaks to another site through Referer.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; base-uri 'none'; object-src 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
};

/**
 * HSTS (RFC 6797) on answers to requests that came over TLS, directly or through a trusted proxy: the
 * browser then never tries plain HTTP on this host for a year. Never on plain HTTP, where it is ignored
 * (RFC 6797 §7.2) and would only tell of a TLS set-up that does not exist.
 */
export const HSTS = 'max-age=31536000';

/** Sets the security headers on every answer, errors and the console's files included. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!reply.hasHeader(name)) reply.header(name, value);
    }
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    return payload;
  });
}

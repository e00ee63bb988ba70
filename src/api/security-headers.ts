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

/** Sets the security headers on every answer, errors and the console's files included. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      if (!reply.hasHeader(name)) reply.header(name, value);
    }
    return payload;
  });
}

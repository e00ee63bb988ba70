import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import { SESSION_TTL_MS } from '../identity/index.js';

/** Name of the console's session cookie. */
export const SESSION_COOKIE = 'cang_session';

/**
 * The session cookie's attributes: HttpOnly (no script can read it), SameSite=Strict (no other site's
 * request carries it), Secure when the request came over HTTPS, scoped to the API.
 */
export function sessionCookieOptions(request: FastifyRequest): CookieSerializeOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    path: '/api',
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  };
}

import type { FastifyRequest } from 'fastify';
import { CangError } from '../core/index.js';
import type { Actor, Identity } from '../identity/index.js';
import { SESSION_COOKIE } from './session-cookie.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated actor; set by the authentication hook of the authenticated scope. */
    actor: Actor | null;
  }
}

/** Header the console sends on every change; see `requireCsrfHeader`. */
export const CSRF_HEADER = 'x-requested-with';
/** The value of `X-Requested-With` that the console sends. */
export const CSRF_HEADER_VALUE = 'cang-console';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence for cookie sessions. A cookie-authenticated change (POST, PUT, PATCH, DELETE) must
 * carry `X-Requested-With: cang-console`. A cross-site page cannot add a custom header without a CORS
 * preflight, which this API never grants; together with SameSite=Strict and JSON-only bodies this
 * keeps other sites from acting with a user's session. Bearer tokens are not sent by browsers on
 * their own, so they need no such header.
 */
function requireCsrfHeader(request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
    throw new CangError(
      'forbidden',
      'A change made with a session cookie needs the header X-Requested-With: cang-console',
    );
  }
}

/**
 * Finds the actor of a request: an `Authorization: Bearer cangu_…` API token, else the session cookie.
 * Throws `unauthenticated` when neither is valid; a presented but wrong credential is never ignored.
 */
export async function authenticateRequest(identity: Identity, request: FastifyRequest): Promise<Actor> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const actor = match === null ? undefined : await identity.tokenActor(match[1]!, request.ip);
    if (actor === undefined)
      throw new CangError('unauthenticated', 'The API token is invalid, expired or revoked');
    return actor;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie !== undefined && cookie !== '') {
    const actor = await identity.sessionActor(cookie, request.ip);
    if (actor === undefined) throw new CangError('unauthenticated', 'The session has ended; log in again');
    requireCsrfHeader(request);
    return actor;
  }
  throw new CangError('unauthenticated');
}

/** The actor of a request in the authenticated scope. */
export function actorOf(request: FastifyRequest): Actor {
  if (request.actor === null) throw new CangError('unauthenticated');
  return request.actor;
}

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

/** What a user who must change their password may still do: see who they are, change it, log out. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set([
  'GET /api/v1/session',
  'DELETE /api/v1/session',
  'PUT /api/v1/users/me/password',
]);

/**
 * Refuses every other call of a user who must still change the password they were given, whatever the
 * route: the check sits in the authentication hook, before any route's own code.
 */
function requirePasswordChanged(actor: Actor, request: FastifyRequest): void {
  if (!actor.mustChangePassword) return;
  if (ALLOWED_BEFORE_PASSWORD_CHANGE.has(`${request.method} ${request.routeOptions.url ?? ''}`)) return;
  throw new CangError(
    'password-change-required',
    'Change the password you were given (PUT /api/v1/users/me/password) before anything else',
  );
}

/**
 * Finds the actor of a request: an `Authorization: Bearer cangu_…` API token, else the session cookie.
 * Throws `unauthenticated` when neither is valid; a presented but wrong credential is never ignored.
 * A user who must change their password is refused everything else with `password-change-required`.
 */
export async function authenticateRequest(identity: Identity, request: FastifyRequest): Promise<Actor> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    const actor = match === null ? undefined : await identity.tokenActor(match[1]!, request.ip);
    if (actor === undefined)
      throw new CangError('unauthenticated', 'The API token is invalid, expired or revoked');
    requirePasswordChanged(actor, request);
    return actor;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie !== undefined && cookie !== '') {
    const actor = await identity.sessionActor(cookie, request.ip);
    if (actor === undefined) throw new CangError('unauthenticated', 'The session has ended; log in again');
    requireCsrfHeader(request);
    requirePasswordChanged(actor, request);
    return actor;
  }
  throw new CangError('unauthenticated');
}

/** The actor of a request in the authenticated scope. */
export function actorOf(request: FastifyRequest): Actor {
  if (request.actor === null) throw new CangError('unauthenticated');
  return request.actor;
}

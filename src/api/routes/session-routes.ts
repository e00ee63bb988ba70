import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { actorOf } from '../authenticate.js';
import { presentSession } from '../identity-presenters.js';
import { LoginInput, SessionView } from '../identity-schemas.js';
import { NoContent, withProblems } from '../problem-schema.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../session-cookie.js';

/** `POST /api/v1/session`: log in (public; the body must be JSON, which a cross-site form cannot send). */
export function registerLoginRoute(
  app: ApiApp,
  { identity, sampleData }: Pick<AdminApiDeps, 'identity' | 'sampleData'>,
): void {
  app.post(
    '/session',
    {
      schema: {
        tags: ['session'],
        operationId: 'logIn',
        summary: 'Log in; sets the HttpOnly session cookie cang_session',
        security: [],
        body: LoginInput,
        response: withProblems({ 200: SessionView }),
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const login = await identity.login(username, password, request.ip);
      reply.setCookie(SESSION_COOKIE, login.token, sessionCookieOptions(request));
      return presentSession(login.user, (await sampleData?.()) ?? false);
    },
  );
}

/** `GET` and `DELETE /api/v1/session`: the current user, and log out. */
export function registerSessionRoutes(
  app: ApiApp,
  { identity, sampleData }: Pick<AdminApiDeps, 'identity' | 'sampleData'>,
): void {
  app.get(
    '/session',
    {
      schema: {
        tags: ['session'],
        operationId: 'getSession',
        summary: 'The current user (by session cookie or API token) and what they may do',
        response: withProblems({ 200: SessionView }),
      },
    },
    async (request) =>
      presentSession(await identity.getUser(actorOf(request).userId), (await sampleData?.()) ?? false),
  );

  app.delete(
    '/session',
    {
      schema: {
        tags: ['session'],
        operationId: 'logOut',
        summary: 'Log out: ends the session and clears the cookie',
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token !== undefined && actorOf(request).via === 'session') await identity.logout(token, request.ip);
      reply.clearCookie(SESSION_COOKIE, { ...sessionCookieOptions(request), maxAge: 0 });
      return reply.code(204).send(null);
    },
  );
}

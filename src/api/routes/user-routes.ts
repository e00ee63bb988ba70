import { ListQuery } from '../../registry/index.js';
import { auditActorOf, authorize } from '../../identity/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { actorOf } from '../authenticate.js';
import { presentUser } from '../identity-presenters.js';
import { PasswordChange, UserInput, UserPage, UserPatch, UserView } from '../identity-schemas.js';
import { NoContent, withProblems } from '../problem-schema.js';
import { SESSION_COOKIE } from '../session-cookie.js';
import { IdParams } from '../route-params.js';

/** `/api/v1/users`: platform administrators manage users; everyone changes their own password. */
export function registerUserRoutes(app: ApiApp, { identity }: Pick<AdminApiDeps, 'identity'>): void {
  const tags = ['users'];

  app.get(
    '/users',
    {
      schema: {
        tags,
        operationId: 'listUsers',
        summary: 'List users in username order',
        querystring: ListQuery,
        response: withProblems({ 200: UserPage }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'user.read');
      const page = await identity.listUsers(request.query);
      return { items: page.items.map(presentUser), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/users',
    {
      schema: {
        tags,
        operationId: 'createUser',
        summary: 'Create a user with roles',
        body: UserInput,
        response: withProblems({ 201: UserView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'user.create');
      const user = await identity.createUser(request.body, auditActorOf(actor));
      return reply.code(201).send(presentUser(user));
    },
  );

  app.get(
    '/users/:id',
    {
      schema: {
        tags,
        operationId: 'getUser',
        summary: 'One user',
        params: IdParams,
        response: withProblems({ 200: UserView }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'user.read');
      return presentUser(await identity.getUser(request.params.id));
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        operationId: 'updateUser',
        summary: 'Change a user’s name, roles, disabled flag or password',
        params: IdParams,
        body: UserPatch,
        response: withProblems({ 200: UserView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'user.update');
      return presentUser(await identity.updateUser(request.params.id, request.body, auditActorOf(actor)));
    },
  );

  app.put(
    '/users/me/password',
    {
      schema: {
        tags,
        operationId: 'changeOwnPassword',
        summary: 'Change your own password; your other sessions end',
        body: PasswordChange,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'own-password.change');
      const keep = actor.via === 'session' ? request.cookies[SESSION_COOKIE] : undefined;
      const { currentPassword, newPassword } = request.body;
      await identity.changePassword(actor.userId, currentPassword, newPassword, auditActorOf(actor), keep);
      return reply.code(204).send(null);
    },
  );
}

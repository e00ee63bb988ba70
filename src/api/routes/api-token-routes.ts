import { CangError } from '../../core/index.js';
import { auditActorOf, authorize } from '../../identity/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { actorOf } from '../authenticate.js';
import { presentApiToken, presentIssuedApiToken } from '../identity-presenters.js';
import { ApiTokenInput, ApiTokenList, IssuedApiTokenView } from '../identity-schemas.js';
import { NoContent, withProblems } from '../problem-schema.js';
import { IdParams } from '../route-params.js';

/** `/api/v1/users/me/tokens`: a user's own API tokens for automation. */
export function registerApiTokenRoutes(app: ApiApp, { identity }: Pick<AdminApiDeps, 'identity'>): void {
  const tags = ['tokens'];

  app.get(
    '/users/me/tokens',
    {
      schema: {
        tags,
        operationId: 'listOwnApiTokens',
        summary: 'Your API tokens (never the tokens themselves)',
        response: withProblems({ 200: ApiTokenList }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'own-token.manage');
      return { items: (await identity.listApiTokens(actor.userId)).map(presentApiToken) };
    },
  );

  app.post(
    '/users/me/tokens',
    {
      schema: {
        tags,
        operationId: 'createOwnApiToken',
        summary:
          'Create an API token (with a logged-in session only); it is shown this once and expires by default',
        body: ApiTokenInput,
        response: withProblems({ 201: IssuedApiTokenView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'own-token.manage');
      // A leaked token must not be able to outlive its revocation by minting others: only a login can.
      if (actor.via === 'token') {
        throw new CangError('forbidden', 'An API token cannot create API tokens; log in to create one');
      }
      const { label, expiresAt } = request.body;
      const expiry = expiresAt === undefined ? undefined : Date.parse(expiresAt);
      if (Number.isNaN(expiry)) {
        throw new CangError('validation-failed', 'Invalid expiry', {
          errors: [{ pointer: '/expiresAt', detail: 'is not a valid date-time' }],
        });
      }
      const issued = await identity.createApiToken(
        actor.userId,
        expiry === undefined ? { label } : { label, expiresAt: expiry },
        auditActorOf(actor),
      );
      return reply.code(201).header('cache-control', 'no-store').send(presentIssuedApiToken(issued));
    },
  );

  app.delete(
    '/users/me/tokens/:id',
    {
      schema: {
        tags,
        operationId: 'revokeOwnApiToken',
        summary: 'Revoke one of your API tokens',
        params: IdParams,
        response: withProblems({ 204: NoContent }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'own-token.manage');
      await identity.revokeApiToken(actor.userId, request.params.id, auditActorOf(actor));
      return reply.code(204).send(null);
    },
  );
}

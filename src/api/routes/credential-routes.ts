import { auditActorOf, authorize } from '../../identity/index.js';
import {
  CertificateInput,
  CredentialPage,
  CredentialView,
  IssuedToken,
  ListQuery,
  TokenInput,
} from '../../registry/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { actorOf } from '../authenticate.js';
import { pageOut } from '../page-out.js';
import { withProblems } from '../problem-schema.js';
import { CredentialParams, SYSTEM_PATH, SystemParams, systemIdOf } from '../route-params.js';

const CREDENTIALS_PATH = `${SYSTEM_PATH}/credentials`;

/** `…/systems/{system}/credentials`: bearer tokens and TLS client certificates of a client system. */
export function registerCredentialRoutes(app: ApiApp, { registry }: Pick<AdminApiDeps, 'registry'>): void {
  const tags = ['credentials'];

  app.get(
    CREDENTIALS_PATH,
    {
      schema: {
        tags,
        operationId: 'listCredentials',
        summary: 'List a system’s credentials (never tokens or their hashes)',
        params: SystemParams,
        querystring: ListQuery,
        response: withProblems({ 200: CredentialPage }),
      },
    },
    async (request) => {
      const system = systemIdOf(request.params);
      authorize(actorOf(request), 'credential.read', system);
      return pageOut(await registry.credentials.list(system, request.query));
    },
  );

  app.post(
    CREDENTIALS_PATH,
    {
      schema: {
        tags,
        operationId: 'issueTokenCredential',
        summary: 'Issue a bearer token for the system; the token is shown this once',
        params: SystemParams,
        body: TokenInput,
        response: withProblems({ 201: IssuedToken }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const system = systemIdOf(request.params);
      authorize(actor, 'credential.create', system);
      const issued = await registry.credentials.issueToken(auditActorOf(actor), system, request.body);
      return reply.code(201).header('cache-control', 'no-store').send(issued);
    },
  );

  app.post(
    `${CREDENTIALS_PATH}/certificates`,
    {
      schema: {
        tags,
        operationId: 'registerCertificateCredential',
        summary: 'Register a TLS client certificate (PEM) for the system',
        params: SystemParams,
        body: CertificateInput,
        response: withProblems({ 201: CredentialView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const system = systemIdOf(request.params);
      authorize(actor, 'credential.create', system);
      const registered = await registry.credentials.registerCertificate(
        auditActorOf(actor),
        system,
        request.body,
      );
      return reply.code(201).send(registered);
    },
  );

  app.delete(
    `${CREDENTIALS_PATH}/:credential`,
    {
      schema: {
        tags,
        operationId: 'revokeCredential',
        summary: 'Revoke a credential; the exchange refuses it from the next snapshot on',
        params: CredentialParams,
        response: withProblems({ 200: CredentialView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const system = systemIdOf(request.params);
      authorize(actor, 'credential.revoke', system);
      return registry.credentials.revoke(auditActorOf(actor), system, request.params.credential);
    },
  );
}

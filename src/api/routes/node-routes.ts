import { Type } from '@sinclair/typebox';
import { auditActorOf, authorize } from '../../identity/index.js';
import { ListQuery, NodeInput, NodeKeyInput, NodeKeyView, NodePage, NodeView } from '../../registry/index.js';
import type { AdminApiDeps, ApiApp } from '../admin-api-deps.js';
import { actorOf } from '../authenticate.js';
import { pageOut } from '../page-out.js';
import { withProblems } from '../problem-schema.js';
import { IdParams } from '../route-params.js';

const KeyParams = Type.Object({
  ...IdParams.properties,
  keyId: Type.String({ minLength: 1, maxLength: 64 }),
});

/** `/api/v1/nodes[/{id}[/keys[/{keyId}]]]`: exchange nodes and the keys that seal their logs. */
export function registerNodeRoutes(app: ApiApp, { registry }: Pick<AdminApiDeps, 'registry'>): void {
  const tags = ['nodes'];

  app.get(
    '/nodes',
    {
      schema: {
        tags,
        operationId: 'listNodes',
        summary: 'List exchange nodes with their keys',
        querystring: ListQuery,
        response: withProblems({ 200: NodePage }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'node.read');
      return pageOut(await registry.nodes.list(request.query));
    },
  );

  app.post(
    '/nodes',
    {
      schema: {
        tags,
        operationId: 'createNode',
        summary: 'Register an exchange node',
        body: NodeInput,
        response: withProblems({ 201: NodeView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'node.write');
      return reply.code(201).send(await registry.nodes.register(auditActorOf(actor), request.body));
    },
  );

  app.get(
    '/nodes/:id',
    {
      schema: {
        tags,
        operationId: 'getNode',
        summary: 'One node with its keys',
        params: IdParams,
        response: withProblems({ 200: NodeView }),
      },
    },
    async (request) => {
      authorize(actorOf(request), 'node.read');
      return registry.nodes.get(request.params.id);
    },
  );

  app.post(
    '/nodes/:id/keys',
    {
      schema: {
        tags,
        operationId: 'addNodeKey',
        summary: 'Add an Ed25519 public key to a node',
        params: IdParams,
        body: NodeKeyInput,
        response: withProblems({ 201: NodeKeyView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'node.write');
      return reply
        .code(201)
        .send(await registry.nodes.addKey(auditActorOf(actor), request.params.id, request.body));
    },
  );

  app.delete(
    '/nodes/:id/keys/:keyId',
    {
      schema: {
        tags,
        operationId: 'retireNodeKey',
        summary: 'Retire a node key: it stops sealing, old seals still verify',
        params: KeyParams,
        response: withProblems({ 200: NodeKeyView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'node.write');
      return registry.nodes.retireKey(auditActorOf(actor), request.params.id, request.params.keyId);
    },
  );
}

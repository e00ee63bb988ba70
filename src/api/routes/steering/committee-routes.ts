import { Type } from '@sinclair/typebox';
import { auditActorOf, authorize } from '../../../identity/index.js';
import {
  AsOfQuery,
  CommitteeInput,
  CommitteeView,
  DecisionInput,
  EndMemberInput,
  MemberInput,
} from '../../../steering/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import { STEERING_TAGS as tags, SteeringIdParams, type SteeringRouteDeps } from './steering-route-deps.js';
import { getForReaders, listForReaders } from './read-routes.js';

const MemberParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  memberId: Type.String({ minLength: 1, maxLength: 64 }),
});

/** `/api/v1/steering/committees…`: committees, their decisions and members over time. */
export function registerCommitteeRoutes(app: ApiApp, { steering }: SteeringRouteDeps): void {
  const ok = withProblems({ 200: CommitteeView });

  listForReaders(
    app,
    '/steering/committees',
    {
      operationId: 'listCommittees',
      summary: 'Committees, members marked active on a date',
      querystring: AsOfQuery,
      item: CommitteeView,
    },
    (request) => steering.committees.list(request.query.asOf),
  );

  app.post(
    '/steering/committees',
    {
      schema: {
        tags,
        operationId: 'createCommittee',
        summary: 'Record a committee',
        body: CommitteeInput,
        response: withProblems({ 201: CommitteeView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write');
      return reply.code(201).send(await steering.committees.create(auditActorOf(actor), request.body));
    },
  );

  getForReaders(
    app,
    '/steering/committees/:id',
    {
      operationId: 'getCommittee',
      summary: 'One committee',
      params: SteeringIdParams,
      querystring: AsOfQuery,
      response: CommitteeView,
    },
    (request) => steering.committees.get(request.params.id, request.query.asOf),
  );

  app.post(
    '/steering/committees/:id/decisions',
    {
      schema: {
        tags,
        operationId: 'addCommitteeDecision',
        summary: 'Add a founding or consolidating decision',
        params: SteeringIdParams,
        body: DecisionInput,
        response: ok,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write');
      return steering.committees.addDecision(auditActorOf(actor), request.params.id, request.body);
    },
  );

  app.post(
    '/steering/committees/:id/members',
    {
      schema: {
        tags,
        operationId: 'addCommitteeMember',
        summary: 'Add a member’s role',
        params: SteeringIdParams,
        body: MemberInput,
        response: ok,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write');
      return steering.committees.addMember(auditActorOf(actor), request.params.id, request.body);
    },
  );

  app.post(
    '/steering/committees/:id/members/:memberId/end',
    {
      schema: {
        tags,
        operationId: 'endCommitteeMember',
        summary: 'End a member’s role on a date',
        params: MemberParams,
        body: EndMemberInput,
        response: ok,
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write');
      return steering.committees.endMember(
        auditActorOf(actor),
        request.params.id,
        request.params.memberId,
        request.body,
      );
    },
  );
}

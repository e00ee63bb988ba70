import { auditActorOf, authorize } from '../../../identity/index.js';
import {
  AsOfQuery,
  GroupInput,
  ProgramInput,
  ProgramView,
  TaskChangeView,
  TaskInput,
  TaskPatch,
  TaskQuery,
  TaskView,
} from '../../../steering/index.js';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import { STEERING_TAGS as tags, SteeringIdParams, type SteeringRouteDeps } from './steering-route-deps.js';
import { getForReaders, listForReaders } from './read-routes.js';

/** `/api/v1/steering/programs…` and `/api/v1/steering/tasks…`: programs, groups, tasks and history. */
export function registerProgramRoutes(app: ApiApp, { steering }: SteeringRouteDeps): void {
  listForReaders(
    app,
    '/steering/programs',
    {
      operationId: 'listPrograms',
      summary: 'Programs with rolled-up progress',
      querystring: AsOfQuery,
      item: ProgramView,
    },
    (request) => steering.programs.list(request.query.asOf),
  );

  app.post(
    '/steering/programs',
    {
      schema: {
        tags,
        operationId: 'createProgram',
        summary: 'Record a program',
        body: ProgramInput,
        response: withProblems({ 201: ProgramView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write');
      return reply.code(201).send(await steering.programs.create(auditActorOf(actor), request.body));
    },
  );

  getForReaders(
    app,
    '/steering/programs/:id',
    {
      operationId: 'getProgram',
      summary: 'One program with its groups',
      params: SteeringIdParams,
      querystring: AsOfQuery,
      response: ProgramView,
    },
    (request) => steering.programs.get(request.params.id, request.query.asOf),
  );

  app.post(
    '/steering/programs/:id/groups',
    {
      schema: {
        tags,
        operationId: 'addTaskGroup',
        summary: 'Add a task group',
        params: SteeringIdParams,
        body: GroupInput,
        response: withProblems({ 201: ProgramView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write');
      return reply
        .code(201)
        .send(await steering.programs.addGroup(auditActorOf(actor), request.params.id, request.body));
    },
  );

  app.post(
    '/steering/programs/:id/tasks',
    {
      schema: {
        tags,
        operationId: 'addTask',
        summary: 'Add a task',
        params: SteeringIdParams,
        body: TaskInput,
        response: withProblems({ 201: TaskView }),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write');
      return reply
        .code(201)
        .send(await steering.tasks.create(auditActorOf(actor), request.params.id, request.body));
    },
  );

  listForReaders(
    app,
    '/steering/tasks',
    {
      operationId: 'listTasks',
      summary: 'Tasks, filtered; overdue and due-soon as of a date',
      querystring: TaskQuery,
      item: TaskView,
    },
    (request) => steering.tasks.list(request.query),
  );

  getForReaders(
    app,
    '/steering/tasks/:id',
    {
      operationId: 'getTask',
      summary: 'One task',
      params: SteeringIdParams,
      querystring: AsOfQuery,
      response: TaskView,
    },
    (request) => steering.tasks.get(request.params.id, request.query.asOf),
  );

  app.patch(
    '/steering/tasks/:id',
    {
      schema: {
        tags,
        operationId: 'updateTask',
        summary: 'Change a task (recorded in its history)',
        params: SteeringIdParams,
        body: TaskPatch,
        response: withProblems({ 200: TaskView }),
      },
    },
    async (request) => {
      const actor = actorOf(request);
      authorize(actor, 'steering.write');
      return steering.tasks.update(auditActorOf(actor), request.params.id, request.body);
    },
  );

  listForReaders(
    app,
    '/steering/tasks/:id/history',
    {
      operationId: 'getTaskHistory',
      summary: 'Every change of a task',
      params: SteeringIdParams,
      item: TaskChangeView,
    },
    (request) => steering.tasks.history(request.params.id),
  );
}

import type { Static, TSchema } from '@sinclair/typebox';
import { authorize } from '../../../identity/index.js';
import type { FastifySchema } from 'fastify';
import type { ApiApp } from '../../admin-api-deps.js';
import { actorOf } from '../../authenticate.js';
import { withProblems } from '../../problem-schema.js';
import { ItemsOf, itemsOut, STEERING_TAGS as tags } from './steering-route-deps.js';

/** A read route's OpenAPI operation id and summary, and its path and query schemas (each left out when absent). */
interface ReadSchema<P extends TSchema, Q extends TSchema> {
  readonly operationId: string;
  readonly summary: string;
  readonly params?: P;
  readonly querystring?: Q;
}

/** The validated path parameters and query of a read request. */
interface ReadRequest<P extends TSchema, Q extends TSchema> {
  readonly params: Static<P>;
  readonly query: Static<Q>;
}

/** `GET url` for whoever may `steering.read`, answering 200 with `read(request)` as `response`. */
export function getForReaders<R extends TSchema, P extends TSchema = TSchema, Q extends TSchema = TSchema>(
  app: ApiApp,
  url: string,
  { operationId, summary, params, querystring, response }: ReadSchema<P, Q> & { readonly response: R },
  read: (request: ReadRequest<P, Q>) => Promise<Static<R>>,
): void {
  // Typed as a plain schema: the generic one would leave Fastify unable to check `read`'s answer,
  // which its own signature already ties to `response`.
  const schema: FastifySchema = {
    tags,
    operationId,
    summary,
    ...(params ? { params } : {}),
    ...(querystring ? { querystring } : {}),
    response: withProblems({ 200: response }),
  };
  app.get(url, { schema }, async (request) => {
    authorize(actorOf(request), 'steering.read');
    return read(request as ReadRequest<P, Q>);
  });
}

/** `GET url` for whoever may `steering.read`, answering 200 with `{ items }` of `item`s from `list(request)`. */
export function listForReaders<I extends TSchema, P extends TSchema = TSchema, Q extends TSchema = TSchema>(
  app: ApiApp,
  url: string,
  { item, ...schema }: ReadSchema<P, Q> & { readonly item: I },
  list: (request: ReadRequest<P, Q>) => Promise<readonly Static<I>[]>,
): void {
  getForReaders(app, url, { ...schema, response: ItemsOf(item) }, async (request) =>
    itemsOut(await list(request)),
  );
}

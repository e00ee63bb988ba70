import type { operations } from './generated/admin-api';

/** The admin API's operations by operationId, as generated from /api/openapi.json. */
export type Operation = keyof operations;

type Json<R> = R extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON body an operation answers with, for a status (200 unless given). */
export type Answer<
  Op extends Operation,
  Status extends keyof operations[Op]['responses'] = 200 & keyof operations[Op]['responses'],
> = Json<operations[Op]['responses'][Status]>;

/** The JSON body an operation takes. */
export type RequestBody<Op extends Operation> = Json<NonNullable<operations[Op]['requestBody']>>;

/** One item of an operation's `{ items }` answer. */
export type ItemOf<Op extends Operation> = Answer<Op> extends { items: readonly (infer I)[] } ? I : never;

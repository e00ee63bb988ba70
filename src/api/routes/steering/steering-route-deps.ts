import { Type } from '@sinclair/typebox';
import type { Steering } from '../../../steering/index.js';

/** What the steering workspace routes need. */
export interface SteeringRouteDeps {
  readonly steering: Steering;
}

/** A plain `{id}` path parameter of a steering resource. */
export const SteeringIdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** A list answer without paging (the workspace's lists are bounded: units, a program's tasks). */
export const ItemsOf = <T extends Parameters<typeof Type.Array>[0]>(item: T) =>
  Type.Object({ items: Type.Array(item) });

/** Copies a read-only list into a response body. */
export const itemsOut = <T>(items: readonly T[]): { items: T[] } => ({ items: [...items] });

/** Tags of the OpenAPI document. */
export const STEERING_TAGS = ['steering'];

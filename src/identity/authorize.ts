import { CangError, organisationOf } from '../core/index.js';
import type { Actor } from './actor.js';
import {
  type Action,
  AUTHORIZATION_RULES,
  type Grantee,
  type ScopeExpression,
} from './authorization-rules.js';

/** The unit id a steering resource `{unit}[/…]` belongs to. */
export function unitOf(resource: string | undefined): string | undefined {
  const unit = resource?.split('/')[0];
  return unit === undefined || unit === '' ? undefined : unit;
}

const SCOPE_OF: Readonly<Record<ScopeExpression, (resource: string | undefined) => string | undefined>> = {
  'organisationOf(resource)': organisationOf,
  'unitOf(resource)': unitOf,
};

function admits(grantee: Grantee, actor: Actor, resource: string | undefined): boolean {
  if (grantee === 'any-user') return true;
  if (typeof grantee === 'string') return actor.roles.some((held) => held.role === grantee);
  const wanted = SCOPE_OF[grantee.scope](resource);
  // A scoped rule never matches without a resource: "no resource" is not "every resource".
  return (
    wanted !== undefined && actor.roles.some((held) => held.role === grantee.role && held.scope === wanted)
  );
}

/** Whether the actor may take the action on the resource, by the rule table. */
export function isAllowed(actor: Actor, action: Action, resource?: string): boolean {
  // platform-admin may do everything (ARCHITECTURE.md, "Who may do what").
  if (actor.roles.some((held) => held.role === 'platform-admin')) return true;
  const rule: readonly Grantee[] | undefined = AUTHORIZATION_RULES[action];
  return rule?.some((grantee) => admits(grantee, actor, resource)) ?? false;
}

/**
 * Throws `forbidden` unless the actor may take the action on the resource. The message names the
 * action only, never the resource or who holds it.
 *
 * @example authorize(actor, 'service.update', 'VN-HP/GOV/SNV/HRM/can-bo');
 */
export function authorize(actor: Actor, action: Action, resource?: string): void {
  if (!isAllowed(actor, action, resource)) {
    throw new CangError('forbidden', `Your roles do not allow ${action}`);
  }
}
